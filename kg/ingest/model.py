"""What a draft holds, before and after it becomes triples: per case the names
found (with the graph's answer for each), dates, figures, and their quotes."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import URIRef

from kg.ingest.dates import TimeContext
from kg.ingest.match import AMBIGUOUS, MATCHED, NEW, Match
from kg.ingest.numerals import case_label

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.ingest.reader import SourceText


@dataclass
class EntityRef:
    """A name in a case and what it stands for in the draft: an existing node, a new one, or undecided."""

    kind: str  # agency | instrument | place | programme
    name: str
    match: Match
    quote: str | None
    line: int | None
    node: URIRef | None = None
    cls: str | None = None
    aliases: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.match.status

    @property
    def linked(self) -> bool:
        return self.status in (MATCHED, NEW) and self.node is not None


@dataclass
class DateItem:
    """A key date, the property it gets and what it dates (an instrument by name, else the case)."""

    lexical: str
    datatype: str
    prop: str
    quote: str | None
    line: int | None
    instrument: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class FigureItem:
    """A figure, drafted as one gba:Observation."""

    value: Decimal
    unit: str
    qualifier: str
    time: TimeContext | None
    measure_label: str
    quote: str
    line: int | None
    node: URIRef | None = None
    measure: URIRef | None = None
    measure_is_new: bool = True
    notes: list[str] = field(default_factory=list)


@dataclass
class CaseDraft:
    """Everything drafted for one case."""

    number: int
    title: str
    title_quote: str | None
    agency_quote: str | None
    heading_line: int
    agencies: list[EntityRef] = field(default_factory=list)
    instruments: list[EntityRef] = field(default_factory=list)
    places: list[EntityRef] = field(default_factory=list)
    programmes: list[EntityRef] = field(default_factory=list)
    dates: list[DateItem] = field(default_factory=list)
    figures: list[FigureItem] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    node: URIRef | None = None

    @property
    def label(self) -> str:
        return case_label(self.number)

    def entities(self) -> list[EntityRef]:
        return self.agencies + self.instruments + self.places + self.programmes

    def matched(self) -> list[EntityRef]:
        return [e for e in self.entities() if e.status == MATCHED]

    def new(self) -> list[EntityRef]:
        return [e for e in self.entities() if e.status == NEW]

    def ambiguous(self) -> list[EntityRef]:
        return [e for e in self.entities() if e.status == AMBIGUOUS]


@dataclass
class Draft:
    """A drafted batch: the cases, the draft graph and where it came from."""

    source: SourceText
    batch: int
    cases: list[CaseDraft]
    source_node: URIRef
    source_is_new: bool
    batch_node: URIRef
    batch_is_new: bool
    title: str | None = None
    warnings: list[str] = field(default_factory=list)
    graph: Graph | None = None
    new_nodes: dict[URIRef, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The draft's file stem: batch-N."""
        return f"batch-{self.batch}"
