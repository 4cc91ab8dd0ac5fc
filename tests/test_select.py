"""Scope selection, shared by kg view and kg export."""

from pathlib import Path

import pytest

from kg.errors import KgError, NotFoundError
from kg.namespaces import KG
from kg.select import Scope, select
from kg.store import open_graph
from tests.conftest import FIXTURES, make_project

WORLD = (FIXTURES / "queries" / "world.ttl").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return open_graph(make_project(tmp_path_factory.mktemp("world"), {"world.ttl": WORLD}))


def names(selection) -> set[str]:
    return {str(n).removeprefix(str(KG)) for n in selection.nodes}


def test_whole_graph_selects_every_entity(world):
    nodes = names(select(world, Scope()))
    assert {"case-b1-01", "obs-a-patients", "place-gba", "src-a", "unit-person"} <= nodes


def test_focus_with_hops(world):
    assert names(select(world, Scope(focus="港澳药械通", hops=0))) == {"prog-drugs-connect"}
    one = names(select(world, Scope(focus="港澳药械通", hops=1)))
    assert one == {
        "prog-drugs-connect",
        "agency-gd-health",
        "agency-hk-health",
        "place-hengqin",
        "case-b1-01",
        "case-b2-02",
        "inst-agreement",
        "obs-a-patients",
        "obs-b-patients",
        "obs-b-patients-2024",
    }
    two = names(select(world, Scope(focus="港澳药械通", hops=2)))
    assert {"agency-gd-government", "place-zhuhai", "agency-zhuhai-government", "place-hong-kong"} <= two
    assert "src-a" not in two and "domain-health" not in two, "hubs are not walked through"


def test_type_place_source_and_their_intersection(world):
    assert names(select(world, Scope(types=("case",)))) == {"case-b1-01", "case-b2-01", "case-b2-02"}
    in_zhuhai = names(select(world, Scope(place="珠海", types=("TypicalCase", "Programme"))))
    assert in_zhuhai == {"case-b1-01", "case-b2-01", "prog-drugs-connect", "prog-northbound"}
    from_b = names(select(world, Scope(source="kg:src-b", types=("GovernmentAgency",))))
    assert from_b == {"agency-gd-health", "agency-hk-health"}
    assert names(select(world, Scope(source="b.txt", types=("Person",)))) == {"person-li"}


def test_triples_about_selection_keep_blank_nodes(world):
    selection = select(world, Scope(focus="kg:prog-drugs-connect", hops=0))
    roles = {str(o) for o in selection.graph.objects(None, None) if "role-" in str(o)}
    assert roles == {str(KG["role-lead"]), str(KG["role-partner"])}


def test_construct_query_selects_its_graph(world, tmp_path: Path):
    query = tmp_path / "cases.rq"
    query.write_text("CONSTRUCT { ?c gba:reportedBy ?a } WHERE { ?c gba:reportedBy ?a }", encoding="utf-8")
    selection = select(world, Scope(query=query))
    assert len(selection.graph) == 4
    assert {"case-b1-01", "agency-gd-health", "agency-zhuhai-government"} <= names(selection)
    select_query = tmp_path / "select.rq"
    select_query.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    with pytest.raises(KgError, match="CONSTRUCT"):
        select(world, Scope(query=select_query))


def test_unknown_focus_and_type_are_errors(world):
    with pytest.raises(NotFoundError, match="unknown entity"):
        select(world, Scope(focus="不存在的机构"))
    with pytest.raises(NotFoundError, match="unknown type"):
        select(world, Scope(types=("Nothing",)))
