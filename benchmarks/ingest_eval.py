"""How well `kg ingest` drafts what the curators recorded: precision and recall of
reporting agencies, instruments, key dates and observation values, batch 2 and 3.

Each batch is drafted leave-one-out: against a copy of the graph without its own
triples file (triples/batch-N.ttl), as a new batch would be; the draft is then
compared with the full curated graph, case by case. The reporting agencies of
both batches are in triples/agencies.ttl, so a second run without that file too
("new agencies") scores reading the 报送单位 line when no agency is known. A drafted name counts when
it links to the curated node, or, for a new node, when its name is a label of
the curated node. Curated facts that a case's own text never states (an
instrument linked through a programme another source describes) are left out of
the gold standard, and counted. Prints a table; not a test (tests/test_ingest.py
asserts the targets through `evaluate`).

    python -m benchmarks.ingest_eval [--root DIR] [--sources DIR]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kg.ingest.draft import ingest_document
from kg.ingest.match import MATCHED, NEW, Matcher, name_variants
from kg.ingest.model import CaseDraft, Draft
from kg.ingest.reader import read_document
from kg.ingest.segment import segment
from kg.ingest.vocab import query
from kg.labels import script_key
from kg.paths import Project, open_project
from kg.quotes import normalise
from kg.store import KnowledgeGraph, open_graph

REPO = Path(__file__).resolve().parent.parent
BATCHES = ((2, "002_8b4fa6a90a9e205a.txt", "batch-2.ttl"), (3, "003_7969acd662245d8f.txt", "batch-3.ttl"))
FIELDS = ("agencies", "instruments", "dates", "values", "new agencies")
TARGETS = {"agencies": 0.9, "instruments": 0.9, "dates": None, "values": 0.8, "new agencies": None}
SHARED_AGENCIES = "agencies.ttl"
CATEGORY = {"agencies": "organisation", "instruments": "instrument"}


@dataclass
class Score:
    """Counts behind a precision and a recall."""

    found: int = 0
    gold: int = 0
    hits_found: int = 0
    hits_gold: int = 0

    @property
    def precision(self) -> float:
        return self.hits_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hits_gold / self.gold if self.gold else 1.0

    def __iadd__(self, other: Score) -> Score:
        self.found += other.found
        self.gold += other.gold
        self.hits_found += other.hits_found
        self.hits_gold += other.hits_gold
        return self


@dataclass
class Evaluation:
    """Scores per batch and field, agreement of units and qualifiers on matched values, gold left out."""

    scores: dict[tuple[int, str], Score] = field(default_factory=dict)
    agreement: dict[str, Counter] = field(default_factory=lambda: {"unit": Counter(), "qualifier": Counter()})
    left_out: Counter = field(default_factory=Counter)

    def total(self, name: str) -> Score:
        score = Score()
        for (_, field_name), part in self.scores.items():
            if field_name == name:
                score += part
        return score

    def meets_targets(self) -> bool:
        return all(
            min(self.total(f).precision, self.total(f).recall) >= target
            for f, target in TARGETS.items()
            if target is not None
        )


# ---------------------------------------------------------------- drafting


def held_out_graph(project: Project, work: Path, *left_out: str) -> KnowledgeGraph:
    """The project without some triples files, in a temporary copy with its own index."""
    root = work / ("without-" + "-".join(name.removesuffix(".ttl") for name in left_out))
    shutil.copytree(project.ontology_dir, root / "ontology")
    shutil.copytree(project.triples_dir, root / "triples", ignore=shutil.ignore_patterns(*left_out))
    return open_graph(open_project(root=root, sources_dir=project.sources_dir, index_dir=root / ".kg-index"))


def case_texts(path: Path) -> dict[int, str]:
    """The normalised text of each case of a source (heading to the next heading)."""
    doc = read_document(path)
    lines = doc.lines
    return {c.number: normalise("\n".join(lines[c.heading_line - 1 : c.end_line])) for c in segment(doc).cases}


# ---------------------------------------------------------------- gold


def gold_facts(graph: KnowledgeGraph, batch: int) -> dict[str, dict[int, set[str]]]:
    """Curated agencies, instruments (IRIs) and dates (lexical values) per case of a batch."""
    gold: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in graph.query(query("eval-gold")).records():
        if int(row["batch"]) == batch:
            gold[str(row["field"])][int(row["number"])].add(_lexical(row["value"]))
    return gold


def _lexical(value: object) -> str:
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]
    return str(value)


def node_names(graph: KnowledgeGraph) -> dict[str, set[str]]:
    """Every label and alternative label of every node, script-blind and without spaces."""
    names: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(query("eval-names")).records():
        names[str(row["node"])].add(normalise(script_key(str(row["name"]))))
    return names


def stated_in(names: set[str], case_text: str) -> bool:
    """Whether the text writes one of the names (script-blind; also read with the name variants,
    so 建筑 and 交通 in a converted text writes 建筑和交通)."""
    texts = [script_key(t) for t in [case_text, *name_variants(case_text)]]
    return any(n and n in t for n in names for t in texts)


def date_forms(lexical: str) -> list[str]:
    """How a date of that precision is written in the lists (2023年7月1日, 2023年5月, 2023年)."""
    parts = lexical.split("-")
    if len(parts) == 3:
        return [f"{parts[0]}年{int(parts[1])}月{int(parts[2])}日"]
    if len(parts) == 2:
        return [f"{parts[0]}年{int(parts[1])}月"]
    return [f"{parts[0]}年"]


def gold_observations(graph: KnowledgeGraph, file_name: str, texts: dict[int, str]) -> dict[int, list[dict]]:
    """Curated observations of a source, each assigned to the case whose text holds its quote."""
    found: dict[int, list[dict]] = defaultdict(list)
    for row in graph.query(query("eval-observations")).records():
        if row["file"] != file_name:
            continue
        quote = normalise(str(row["quote"]))
        number = next((n for n, text in sorted(texts.items()) if quote in text), None)
        if number is not None:
            found[number].append(row)
    return found


# ---------------------------------------------------------------- comparing


def drafted_identity(ref, gold_matcher: Matcher, category: str) -> str | None:
    """The curated node a drafted name stands for: its link, or the node its name (or short name) names."""
    if ref.status == MATCHED:
        return str(ref.node)
    if ref.status != NEW:
        return None
    for name in [ref.name, *ref.aliases]:
        match = gold_matcher.match(name, category)
        if match.status == MATCHED:
            return str(match.node)
    return f"new:{script_key(ref.name)}"


def score_sets(found: set[str], gold: set[str]) -> Score:
    hits = len(found & gold)
    return Score(len(found), len(gold), hits, hits)


def score_values(case: CaseDraft, gold: list[dict], evaluation: Evaluation) -> Score:
    drafted = Counter(f.value.normalize() for f in case.figures)
    curated = Counter(Decimal(str(r["value"])).normalize() for r in gold)
    hits = sum((drafted & curated).values())
    for value in drafted & curated:
        mine = [f for f in case.figures if f.value.normalize() == value]
        theirs = [r for r in gold if Decimal(str(r["value"])).normalize() == value]
        for figure, row in zip(mine, theirs, strict=False):
            evaluation.agreement["unit"][figure.unit == str(row["unit"]).rsplit("unit-", 1)[-1]] += 1
            qualifier = str(row["qualifier"]).rsplit("qualifier-", 1)[-1]
            evaluation.agreement["qualifier"][figure.qualifier == qualifier] += 1
    return Score(sum(drafted.values()), sum(curated.values()), hits, hits)


def compare(
    draft: Draft,
    gold_graph: KnowledgeGraph,
    gold_matcher: Matcher,
    file_name: str,
    texts: dict[int, str],
    evaluation: Evaluation,
) -> None:
    gold = gold_facts(gold_graph, draft.batch)
    names = node_names(gold_graph)
    observations = gold_observations(gold_graph, file_name, texts)
    scores = {f: Score() for f in FIELDS}
    for case in draft.cases:
        text = texts.get(case.number, "")
        agencies = {drafted_identity(r, gold_matcher, "organisation") for r in case.agencies} - {None}
        scores["agencies"] += score_sets(agencies, gold["agencies"][case.number])
        instruments = {drafted_identity(r, gold_matcher, "instrument") for r in case.instruments} - {None}
        gold_instruments = {i for i in gold["instruments"][case.number] if stated_in(names[i], text)}
        evaluation.left_out["instruments"] += len(gold["instruments"][case.number] - gold_instruments)
        scores["instruments"] += score_sets(instruments, gold_instruments)
        dates = {d.lexical for d in case.dates}
        gold_dates = {d for d in gold["dates"][case.number] if any(f in text for f in date_forms(d))}
        evaluation.left_out["dates"] += len(gold["dates"][case.number] - gold_dates)
        scores["dates"] += score_sets(dates, gold_dates)
        scores["values"] += score_values(case, observations.get(case.number, []), evaluation)
    for name, score in scores.items():
        evaluation.scores[(draft.batch, name)] = score


def score_new_agencies(draft: Draft, gold_graph: KnowledgeGraph, gold_matcher: Matcher, evaluation: Evaluation) -> None:
    """Agencies drafted against a graph that knows none of them: every one a new node, right when
    its name (as read from the 报送单位 line) is a label of the curated agency."""
    gold = gold_facts(gold_graph, draft.batch)["agencies"]
    score = Score()
    for case in draft.cases:
        found = {drafted_identity(r, gold_matcher, "organisation") for r in case.agencies} - {None}
        score += score_sets(found, gold[case.number])
    evaluation.scores[(draft.batch, "new agencies")] = score


def evaluate(project: Project | None = None, sources_dir: Path | None = None) -> Evaluation:
    """Draft batches 2 and 3 leave-one-out and score the drafts against the curated graph."""
    project = project or open_project(root=REPO, sources_dir=sources_dir)
    sources = sources_dir or project.sources_dir
    gold_graph = open_graph(project)
    gold_matcher = Matcher.from_graph(gold_graph)
    evaluation = Evaluation()
    with tempfile.TemporaryDirectory(prefix="kg-ingest-eval-") as tmp:
        for batch, file_name, own_file in BATCHES:
            graph = held_out_graph(project, Path(tmp), own_file)
            draft = ingest_document(sources / file_name, graph, batch)
            compare(draft, gold_graph, gold_matcher, file_name, case_texts(sources / file_name), evaluation)
            bare = held_out_graph(project, Path(tmp), own_file, SHARED_AGENCIES)
            score_new_agencies(ingest_document(sources / file_name, bare, batch), gold_graph, gold_matcher, evaluation)
    return evaluation


# ---------------------------------------------------------------- output


def table(evaluation: Evaluation) -> str:
    """The scores as an aligned text table."""
    batches = [b for b, _, _ in BATCHES]
    head = f"{'field':<14}" + "".join(f"{'batch ' + str(b) + ' P/R':>16}" for b in batches)
    head += f"{'found':>7}{'gold':>6}{'precision':>11}{'recall':>8}{'target':>8}"
    lines = [head, "-" * len(head)]
    for name in FIELDS:
        row = f"{name:<14}"
        for batch in batches:
            score = evaluation.scores[(batch, name)]
            row += f"{score.precision:>10.2f} /{score.recall:>4.2f}"
        total = evaluation.total(name)
        target = TARGETS[name]
        row += f"{total.found:>7}{total.gold:>6}{total.precision:>11.2f}{total.recall:>8.2f}"
        row += f"{'≥ ' + format(target, '.1f') if target else '—':>8}"
        lines.append(row)
    lines.append("")
    for what, counts in evaluation.agreement.items():
        agree, n = counts[True], counts[True] + counts[False]
        lines.append(f"{what}s agreeing on matched values: {agree}/{n}" + (f" ({agree / n:.2f})" if n else ""))
    lines.append(
        "curated facts no case text states, left out of the gold standard: "
        + ", ".join(f"{n} {what}" for what, n in sorted(evaluation.left_out.items()))
    )
    lines.append("targets met" if evaluation.meets_targets() else "TARGETS NOT MET")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="The project (default: this checkout).")
    parser.add_argument("--sources", type=Path, help="The sources folder (default ../shared/sources).")
    args = parser.parse_args()
    project = open_project(root=args.root, sources_dir=args.sources)
    print("kg ingest against the curated graph (each batch drafted without its own triples file)\n")
    print(table(evaluate(project, args.sources)))


if __name__ == "__main__":
    main()
