"""The word lists of `kg ingest`, kept as data in `kg/ingest/data/*.json`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
QUERIES_DIR = Path(__file__).resolve().parent / "queries"


@cache
def load(name: str) -> dict:
    """One data file, parsed once."""
    return json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))


@cache
def query(name: str) -> str:
    """The text of one SPARQL file of kg/ingest/queries."""
    return (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")


@dataclass(frozen=True)
class UnitRule:
    """A unit word and the unit it gives, refined by nouns after or before it."""

    word: str
    unit: str | None
    after: tuple[tuple[tuple[str, ...], str], ...] = ()
    before: tuple[tuple[tuple[str, ...], str], ...] = ()

    def resolve(self, before_text: str, after_text: str) -> tuple[str | None, bool]:
        """The unit for this word in its clause, and whether a context noun decided it."""
        for words, unit in self.after:
            if any(w in after_text for w in words):
                return unit, True
        for words, unit in self.before:
            if any(w in before_text for w in words):
                return unit, True
        return self.unit, not (self.after or self.before)


def _rules(entries: list[dict]) -> tuple[tuple[tuple[str, ...], str], ...]:
    return tuple((tuple(e["words"]), e["unit"]) for e in entries)


@lru_cache(maxsize=1)
def unit_rules() -> tuple[UnitRule, ...]:
    """Every unit word, longest first."""
    rules = [
        UnitRule(e["word"], e["unit"], _rules(e.get("after", [])), _rules(e.get("before", [])))
        for e in load("units")["units"]
    ]
    return tuple(sorted(rules, key=lambda r: -len(r.word)))


@lru_cache(maxsize=1)
def layout_patterns() -> dict[str, re.Pattern]:
    """The compiled patterns of data/layout.json."""
    layout = load("layout")
    keys = ("heading", "title_field", "agency_field", "page_marker", "toc_leader", "agency_separators")
    return {key: re.compile(layout[key]) for key in keys}


def longest_first(words: dict[str, str] | list[str]) -> list[str]:
    """Words sorted so that a longer word is tried before its prefixes."""
    return sorted(words, key=lambda w: (-len(w), w))
