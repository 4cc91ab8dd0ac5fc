"""Evidence quotes are matched against the sources as their README says."""

import pytest

from kg.quotes import check_quote, normalise
from kg.validate import quote_problems
from tests.conftest import SOURCES


def test_normalise_removes_whitespace_and_markdown_marks():
    assert normalise("**一是** 新政策\n提供 # 便利") == "一是新政策提供便利"


def test_quote_across_a_line_break_is_found():
    assert check_quote(SOURCES, "002_8b4fa6a90a9e205a.txt", "核发牌证 6.4 万多副") is None


def test_invented_quote_is_not_found():
    assert check_quote(SOURCES, "002_8b4fa6a90a9e205a.txt", "核发牌证6.5万多副") == "not found in the source text"


def test_missing_source_file_is_an_error():
    from kg.errors import NotFoundError

    with pytest.raises(NotFoundError):
        check_quote(SOURCES, "no-such-file.txt", "x")


def test_every_quote_in_the_real_graph_stands_in_its_source(real_graph):
    problems, count = quote_problems(real_graph, SOURCES)
    assert count > 10
    assert problems == []


def test_time_phrase_must_stand_in_the_source(tmp_path):
    from kg.store import open_graph
    from tests.conftest import FIXTURES, make_project

    shapes = FIXTURES / "shapes"
    case = (shapes / "valid" / "case.ttl").read_text(encoding="utf-8")
    invented = case.replace('gba:asOf "2023-12"^^xsd:gYearMonth', 'gba:asOfPhrase "编造的时间"@zh-Hans')
    project = make_project(
        tmp_path, {"base.ttl": (shapes / "base.ttl").read_text(encoding="utf-8"), "case.ttl": invented}
    )
    problems, _ = quote_problems(open_graph(project), SOURCES)
    assert [p.message for p in problems] == ["not found in the source text (002_8b4fa6a90a9e205a.txt): «编造的时间»"]
