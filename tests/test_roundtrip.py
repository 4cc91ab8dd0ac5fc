"""Every data file round-trips: parse, serialise, parse again, isomorphic."""

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.conftest import REPO

FILES = sorted((REPO / "ontology").glob("*.ttl")) + sorted((REPO / "triples").rglob("*.ttl"))


def test_there_are_data_files():
    assert len(FILES) >= 6


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_file_round_trips(path, fmt):
    original = Graph().parse(path)
    again = Graph().parse(data=original.serialize(format=fmt), format=fmt)
    assert isomorphic(original, again)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_opens_with_a_comment_saying_what_it_covers(path):
    first = path.read_text(encoding="utf-8").lstrip().splitlines()[0]
    assert first.startswith("#")
