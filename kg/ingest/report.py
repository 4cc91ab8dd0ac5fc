"""The review report of a draft (Markdown): per case what was matched to existing
nodes, what is new, and what is uncertain, with counts; then what the curator
must add before `kg ingest --accept` can pass."""

from __future__ import annotations

from kg.ingest.match import AMBIGUOUS, MATCHED, NEW
from kg.ingest.model import CaseDraft, Draft, EntityRef, FigureItem
from kg.namespaces import curie

KIND_NAMES = {"agency": "报送单位", "instrument": "instrument", "place": "place", "programme": "programme"}


def case_review(case: CaseDraft) -> tuple[list[str], list[str], list[str]]:
    """(matched, new, uncertain) lines of one case."""
    matched, new, uncertain = [], [], []
    for ref in case.entities():
        if ref.status == MATCHED:
            matched.append(_entity_line(ref))
        elif ref.status == NEW and ref.node is not None:
            new.append(_entity_line(ref))
        if ref.status == AMBIGUOUS:
            options = ", ".join(f"`{curie(str(c))}`" for c in ref.match.candidates)
            uncertain.append(f"ambiguous {KIND_NAMES[ref.kind]} “{ref.name}”: names {options}; not linked")
        if ref.match.via and ref.status == MATCHED:
            uncertain.append(f"{KIND_NAMES[ref.kind]} “{ref.name}” matched as “{ref.match.via}”: check")
        uncertain.extend(f"{KIND_NAMES[ref.kind]} “{ref.name}”: {note}" for note in ref.notes)
    for item in case.dates:
        target = f" of 《{item.instrument}》" if item.instrument else ""
        new.append(f"date {item.lexical} `gba:{item.prop}`{target} (line {item.line})")
        uncertain.extend(f"date {item.lexical}: {note}" for note in item.notes)
    for figure in case.figures:
        new.append(_figure_line(figure))
        uncertain.extend(f"figure `{curie(str(figure.node))}` {_value(figure)}: {note}" for note in figure.notes)
    return matched, new, uncertain


def _entity_line(ref: EntityRef) -> str:
    node = f"`{curie(str(ref.node))}`" if ref.node is not None else "(not linked)"
    cls = f" `gba:{ref.cls}`" if ref.status == NEW and ref.cls else ""
    where = f" (line {ref.line})" if ref.line else ""
    return f"{KIND_NAMES[ref.kind]} “{ref.name}” → {node}{cls}{where}"


def _value(figure: FigureItem) -> str:
    return f"{figure.value.normalize():f} {figure.unit}, {figure.qualifier}"


def _figure_line(figure: FigureItem) -> str:
    time = figure.time
    when = "no time" if time is None else f"{time.kind} {time.value}"
    measure = f"`{curie(str(figure.measure))}`" if figure.measure is not None else ""
    return (
        f"figure `{curie(str(figure.node))}` {_value(figure)}, {when}; measures “{figure.measure_label}” "
        f"{measure} (line {figure.line}): «{figure.quote}»"
    )


def review_report(draft: Draft) -> str:
    """The whole report."""
    reviews = [(case, *case_review(case)) for case in draft.cases]
    lines = [
        f"# Review of draft batch {draft.batch}",
        "",
        f"Drafted by `kg ingest` from `{draft.source.file_name}` ({draft.source.kind}): {len(draft.cases)} cases. "
        f"The draft is `{draft.name}.ttl`; every statement in it waits for your review.",
        "",
    ]
    lines += [f"> **Warning:** {w}" for w in draft.warnings] + ([""] if draft.warnings else [])
    lines += ["| case | title | matched | new | uncertain |", "|---|---|---|---|---|"]
    for case, matched, new, uncertain in reviews:
        lines.append(f"| {case.label} | {case.title} | {len(matched)} | {len(new)} | {len(uncertain)} |")
    totals = [sum(len(r[i]) for r in reviews) for i in (1, 2, 3)]
    lines += [f"| **all** | | **{totals[0]}** | **{totals[1]}** | **{totals[2]}** |", ""]
    lines += _before_accepting(draft)
    for case, matched, new, uncertain in reviews:
        lines += _case_section(case, matched, new, uncertain)
    return "\n".join(lines).rstrip("\n") + "\n"


def _case_section(case: CaseDraft, matched: list[str], new: list[str], uncertain: list[str]) -> list[str]:
    lines = [f"## {case.label} (line {case.heading_line}): {case.title}", "", f"`{curie(str(case.node))}`", ""]
    for title, items in (("Matched", matched), ("New", new), ("Uncertain", uncertain)):
        lines.append(f"### {title} ({len(items)})")
        lines += [f"- {item}" for item in items] or ["- none"]
        lines.append("")
    if case.candidates:
        names = "、".join(f"“{n}”" for n in case.candidates)
        lines += ["### Not drafted", "", f"- names in “” that are no programme of the graph: {names}", ""]
    return lines


def _before_accepting(draft: Draft) -> list[str]:
    new_nodes = sorted(draft.new_nodes.items(), key=lambda kv: str(kv[0]))
    lines = ["## Before `kg ingest --accept`", ""]
    lines.append(
        f"1. Put `{draft.source.file_name}` in the sources folder (quotes are checked against it)."
        + (
            " It is the text extracted from the document, written beside the draft."
            if draft.source.kind != "text"
            else ""
        )
    )
    lines.append(
        "2. Add an English label (`@en-t-zh` for your translation) to each case and each new node:"
        f" {len(draft.cases)} cases, {len(new_nodes)} new nodes"
        + (" and the source document" if draft.source_is_new else "")
        + (" and the batch" if draft.batch_is_new else "")
        + "."
    )
    lines.append("3. Classify each case with `gba:domain` (and `gba:flow`); link the programmes it describes.")
    lines.append(
        "4. Move each date drafted on a case to the programme or instrument it dates; check every figure's "
        "measure, unit, qualifier and time."
    )
    lines.append(
        "5. Resolve every ambiguous name and delete its `[kg ingest]` note; rename `-draft-` IRIs after "
        "the English name if you like (before the first commit)."
    )
    lines.append("")
    if new_nodes:
        lines += ["New nodes:", ""] + [f"- `{curie(str(node))}`: {what}" for node, what in new_nodes] + [""]
    return lines
