"""The CLI in-process: exit codes and output of validate and stats."""

from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from tests.conftest import FIXTURES, SOURCES, make_project

SHAPES = FIXTURES / "shapes"


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _project_args(project) -> list[str]:
    return ["--root", str(project.root), "--index", str(project.index_dir)]


def test_validate_clean_project_exits_0(tmp_path: Path):
    project = make_project(
        tmp_path,
        {
            "base.ttl": (SHAPES / "base.ttl").read_text(encoding="utf-8"),
            "case.ttl": (SHAPES / "valid" / "case.ttl").read_text(encoding="utf-8"),
        },
    )
    result = _run("validate", *_project_args(project), "--sources", str(SOURCES))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("valid: checked")


def test_validate_data_problem_exits_1_in_plain_words(tmp_path: Path):
    bad_quote = (SHAPES / "valid" / "case.ttl").read_text(encoding="utf-8").replace("11.1万多个", "12.1万多个")
    project = make_project(
        tmp_path, {"base.ttl": (SHAPES / "base.ttl").read_text(encoding="utf-8"), "case.ttl": bad_quote}
    )
    result = _run("validate", *_project_args(project), "--sources", str(SOURCES))
    assert result.exit_code == 1
    assert "quote: kg:obs-b2-01-users: not found in the source text (002_8b4fa6a90a9e205a.txt)" in result.output


def test_validate_broken_turtle_exits_2_with_file_and_line(tmp_path: Path):
    project = make_project(tmp_path, {"broken.ttl": "@prefix kg: <https://w3id.org/gba-kg/id/> .\n\nkg:a kg:b .\n"})
    result = CliRunner().invoke(main, ["validate", *_project_args(project)])
    assert result.exit_code == 2
    assert f"syntax: {project.triples_dir / 'broken.ttl'}:3:" in result.output


def test_validate_missing_sources_folder_exits_2(tmp_path: Path):
    project = make_project(tmp_path, {"base.ttl": (SHAPES / "base.ttl").read_text(encoding="utf-8")})
    result = CliRunner().invoke(main, ["validate", *_project_args(project), "--sources", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "sources folder not found" in result.output
    assert "Traceback" not in result.output


def test_missing_root_exits_2(tmp_path: Path):
    result = CliRunner().invoke(main, ["stats", "--root", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "no ontology/ and triples/ folders" in result.output


def test_stats_reports_counts(real_project):
    result = _run("stats", *_project_args(real_project))
    assert result.exit_code == 0
    assert "# entities-by-class" in result.output
    assert "gba:TypicalCase" in result.output
    assert "# label-coverage" in result.output


def test_stats_as_csv(real_project):
    result = _run("stats", *_project_args(real_project), "--format", "csv")
    assert "class,entities" in result.output
