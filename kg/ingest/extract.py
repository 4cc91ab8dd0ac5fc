"""Drafting one case: its title and reporting agencies, the instruments in 《》,
places, programmes named in “”, key dates and figures, each with a quote.

Names are looked up in the graph here (kg.ingest.match); IRIs for new nodes are
given later, once for the whole batch (kg.ingest.build)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.ingest.dates import date_property, key_dates, time_context
from kg.ingest.figures import Figure, find_figures
from kg.ingest.match import MATCHED, Matcher
from kg.ingest.model import CaseDraft, DateItem, EntityRef, FigureItem
from kg.ingest.segment import CaseBlock
from kg.ingest.text import SENTENCE_MARKS, Joined, Quoter, clause_span, sentence_span
from kg.ingest.vocab import load
from kg.labels import script_key

_BOOK = re.compile(r"《([^《》]{1,100})》")
_QUOTED = re.compile(r"“([^“”]{2,30})”")
_ALIAS_OPEN = re.compile(r"[（(]\s*以下简称\s*$")
_EDITION = re.compile(r"[（(][^（）()]*[）)]$")
SHORT_CLAUSE = 15


@dataclass
class Mention:
    """A name at a place in a text, with the names the text gives it for short."""

    name: str
    start: int
    end: int
    aliases: list[str] = field(default_factory=list)
    bracketed: bool = True


def extract_case(block: CaseBlock, quoter: Quoter, matcher: Matcher) -> CaseDraft:
    """The draft of one case (names matched, IRIs not yet given)."""
    title_text = block.title_field
    case = CaseDraft(
        number=block.number,
        title=block.title,
        title_quote=quoter.quote(title_text.text, 0, len(title_text.text), prefer=(0, len(title_text.text))),
        agency_quote=quoter.quote(
            block.agency_field.text, 0, len(block.agency_field.text), prefer=(0, len(block.agency_field.text))
        ),
        heading_line=block.heading_line,
    )
    agency_line = block.agency_field.line_at(0)
    for name in block.agencies:
        match = matcher.match(name, "organisation")
        case.agencies.append(EntityRef("agency", name, match, case.agency_quote, agency_line))
    for text in (title_text, block.body):
        _instruments(case, text, quoter, matcher, body=text is block.body)
        _places(case, text, quoter, matcher)
        _programmes(case, text, quoter, matcher)
    _dates(case, block.body, quoter)
    _figures(case, block.body, quoter)
    return case


# ---------------------------------------------------------------- instruments


def find_instruments(text: str, unbracketed: bool = True) -> list[Mention]:
    """Names in 《》, once each, with short names given by （以下简称《…》）; an unbracketed
    name that the text shortens (…出台X（以下简称《Y》）) counts too, and (when
    `unbracketed`) the names unbracketed_instruments finds."""
    mentions: list[Mention] = []
    seen: dict[str, Mention] = {}
    alias_keys: set[str] = set()
    for match in _BOOK.finditer(text):
        name = match.group(1).strip()
        opener = _ALIAS_OPEN.search(text, 0, match.start())
        if opener:
            owner = _alias_owner(text, opener.start(), mentions)
            if owner is not None:
                owner.aliases.append(name)
                if owner not in mentions:
                    mentions.append(owner)
                    seen[script_key(owner.name)] = owner
            alias_keys.add(script_key(name))
            continue
        key = script_key(name)
        if key in alias_keys or key in seen:
            continue
        mention = Mention(name, match.start(), match.end())
        seen[key] = mention
        mentions.append(mention)
    for mention in unbracketed_instruments(text) if unbracketed else []:
        key = script_key(mention.name)
        if key not in seen and key not in alias_keys and not _inside_any(mention, mentions):
            seen[key] = mention
            mentions.append(mention)
    return sorted(mentions, key=lambda m: m.start)


def _inside_any(mention: Mention, others: list[Mention]) -> bool:
    return any(o.start <= mention.start and mention.end <= o.end for o in others)


def _endings() -> tuple[str, ...]:
    return tuple(ending for ending, _ in load("names")["instrument_kinds"])


def _name_ok(name: str) -> bool:
    rules = load("names")["unbracketed"]
    if re.match(rules["descriptive"], name) or any(c in name for c in "《》“”，。；：:"):
        return False
    return rules["min_length"] <= len(name) <= rules["max_length"] and name.endswith(_endings())


def unbracketed_instruments(text: str) -> list[Mention]:
    """Instrument names written without 《》: in brackets （…规则）, right after a verb of
    issue (制定MiC产品标准), or opening a clause before one (…中药标准正式发布)."""
    rules = load("names")["unbracketed"]
    found = []
    for match in re.finditer(r"[（(]([^（）()《》“”]{4,40})[）)]", text):
        if _name_ok(match.group(1)) and not match.group(1).startswith(load("names")["alias_marker"]):
            found.append(Mention(match.group(1), match.start(1), match.end(1), bracketed=False))
    for verb in rules["verbs"]:
        for match in re.finditer(re.escape(verb), text):
            found.extend(_after_verb(text, match.end(), rules))
    for match in re.finditer("|".join(map(re.escape, rules["issued_after"])), text):
        left, _ = clause_span(text, match.start(), match.start())
        name = text[left : match.start()]
        if _name_ok(name):
            found.append(Mention(name, left, match.start(), bracketed=False))
    return found


def _after_verb(text: str, position: int, rules: dict) -> list[Mention]:
    if text.startswith(("《", "了《"), position):
        return []
    quantity = re.match(rules["quantity"], text[position:])
    start = position + (quantity.end() if quantity else 0)
    for end in range(start + rules["max_length"], start + rules["min_length"] - 1, -1):
        if end < len(text) and text[end] not in rules["name_end"]:
            continue
        name = text[start:end]
        if _name_ok(name):
            return [Mention(name, start, end, bracketed=False)]
    return []


def _alias_owner(text: str, opener: int, mentions: list[Mention]) -> Mention | None:
    """The instrument a （以下简称《…》） belongs to: the 《》 name just before it, or the
    unbracketed name that runs from the last issuing verb of the clause to the bracket."""
    for mention in reversed(mentions):
        if mention.end == opener:
            return mention
    left, _ = clause_span(text, opener, opener)
    stretch = text[left:opener]
    cut = max((stretch.rfind(v) + len(v) for v in load("names")["issue_verbs"] if v in stretch), default=-1)
    if cut == -1:
        return None
    name = stretch[cut:].removeprefix("了").strip("“”")
    return Mention(name, left + cut, opener) if len(name) >= 4 else None


def instrument_class(name: str) -> str | None:
    """The gba: class of an instrument by the end of its name (brackets at the end ignored)."""
    stem = name
    while _EDITION.search(stem):
        stem = _EDITION.sub("", stem)
    for ending, cls in load("names")["instrument_kinds"]:
        if stem.endswith(ending):
            return cls
    return None


def _instruments(case: CaseDraft, text: Joined, quoter: Quoter, matcher: Matcher, body: bool) -> None:
    """Instruments of the title (in 《》 only: a title describes) or of the body."""
    known = {script_key(e.name) for e in case.instruments}
    for mention in find_instruments(text.text, unbracketed=body):
        if script_key(mention.name) in known:
            continue
        known.add(script_key(mention.name))
        match = matcher.match(mention.name, "instrument")
        for alias in mention.aliases:
            if match.status != MATCHED:
                alias_match = matcher.match(alias, "instrument")
                match = alias_match if alias_match.status == MATCHED else match
        quote = quoter.quote(text.text, mention.start, mention.end)
        ref = EntityRef("instrument", mention.name, match, quote, text.line_at(mention.start), aliases=mention.aliases)
        ref.cls = instrument_class(mention.name)
        if not mention.bracketed:
            ref.notes.append("named without 《》: check that it is an instrument and its name")
        case.instruments.append(ref)


# ---------------------------------------------------------------- places and programmes


def _bracketed(text: str) -> set[int]:
    """Offsets inside 《》 or “” (a place in the name of an instrument or a programme is
    not a place of the case)."""
    inside: set[int] = set()
    for pattern in (_BOOK, _QUOTED):
        for match in pattern.finditer(text):
            inside.update(range(match.start(), match.end()))
    return inside


def _places(case: CaseDraft, text: Joined, quoter: Quoter, matcher: Matcher) -> None:
    names = load("names")
    skip = _bracketed(text.text)
    for found in matcher.scan(text.text, "organisation", names["organisation_min_length"], skip):
        skip.update(range(found.start, found.end))
    known = {e.match.node or e.match.candidates for e in case.places}
    for found in matcher.scan(text.text, "place", names["place_min_length"], skip):
        name = text.text[found.start : found.end]
        match = matcher.match(name, "place")
        identity = match.node or match.candidates
        if identity in known:
            continue
        known.add(identity)
        quote = quoter.quote(text.text, found.start, found.end)
        case.places.append(EntityRef("place", name, match, quote, text.line_at(found.start)))


def _programmes(case: CaseDraft, text: Joined, quoter: Quoter, matcher: Matcher) -> None:
    known = {script_key(e.name) for e in case.programmes} | {script_key(n) for n in case.candidates}
    for found in _QUOTED.finditer(text.text):
        name = found.group(1)
        if script_key(name) in known:
            continue
        known.add(script_key(name))
        match = matcher.match(name, "programme")
        if match.status == MATCHED or match.candidates:
            quote = quoter.quote(text.text, found.start(), found.end())
            case.programmes.append(EntityRef("programme", name, match, quote, text.line_at(found.start())))
        else:
            case.candidates.append(name)


# ---------------------------------------------------------------- dates


def _dates(case: CaseDraft, body: Joined, quoter: Quoter) -> None:
    text = body.text
    instruments = find_instruments(text)
    seen = set()
    for date in key_dates(text):
        prop = date_property(text, date) or "keyDate"
        instrument = None
        if prop in load("dates")["instrument_properties"]:
            instrument = _instrument_in_sentence(text, date.start, instruments)
        if (date.lexical, prop, instrument) in seen:
            continue
        seen.add((date.lexical, prop, instrument))
        left, right = clause_span(text, date.start, date.end)
        if right - left < SHORT_CLAUSE and right < len(text) and text[right] not in SENTENCE_MARKS:
            right = clause_span(text, right + 1, right + 1)[1]
        quote = quoter.quote(text, date.start, date.end, prefer=(left, right))
        item = DateItem(date.lexical, date.datatype, prop, quote, body.line_at(date.start), instrument)
        if prop == "keyDate":
            item.notes.append("what this date dates is not clear: gba:keyDate; choose the sub-property")
        case.dates.append(item)


def _instrument_in_sentence(text: str, position: int, instruments: list[Mention]) -> str | None:
    left, right = sentence_span(text, position)
    inside = [m for m in instruments if left <= m.start < right]
    after = [m for m in inside if m.start >= position]
    chosen = after[0] if after else (inside[-1] if inside else None)
    return chosen.name if chosen else None


# ---------------------------------------------------------------- figures


def _figures(case: CaseDraft, body: Joined, quoter: Quoter) -> None:
    text = body.text
    previous: tuple[Figure, str] | None = None
    for figure in find_figures(text):
        left, right = clause_span(text, figure.number_start, figure.end)
        if right - left < 8 and left > 0:
            left = clause_span(text, left - 1, left - 1)[0]
        quote = quoter.quote(text, figure.start, figure.end, prefer=(left, right))
        if quote is None:
            continue
        item = FigureItem(
            value=figure.value,
            unit=figure.unit or "count",
            qualifier=figure.qualifier,
            time=time_context(text, figure.number_start),
            measure_label=measure_label(text, figure, previous),
            quote=quote,
            line=body.line_at(figure.number_start),
        )
        if figure.unit is None:
            item.notes.append("no unit word: unit drafted as kg:unit-count")
        elif not figure.unit_sure:
            item.notes.append(f"unit “{figure.unit_word}” drafted as kg:unit-{figure.unit}; check")
        if item.time is None:
            item.notes.append("no time in the sentence: gba:timeNote “原文未注明时间”")
        case.figures.append(item)
        previous = (figure, item.measure_label)


def measure_label(text: str, figure: Figure, previous: tuple[Figure, str] | None = None) -> str:
    """What a figure measures, in the text's words: after a classifier (98家企业) the
    words that follow it, else the words before the figure (time words and fillers
    cut), else the whole clause. The second figure of a before/after pair
    (由3天缩短至1天) or of a range measures what the first does."""
    names = load("names")
    left, right = clause_span(text, figure.number_start, figure.end)
    if previous is not None:
        earlier, label = previous
        if earlier.start == figure.start or (
            earlier.end >= left and text[earlier.end : figure.start] in names["change_words"]
        ):
            return label
        if left <= earlier.end <= figure.start:
            left = earlier.end
    nxt = [f.start for f in find_figures(text[figure.end : right])]
    after = _trim(text[figure.end : figure.end + nxt[0] if nxt else right].split("、")[0])
    before = text[left : figure.start]
    before = _trim(re.sub(r"^.*?(以来|截至[^，]*?[年月底末日]|目前)", "", before[before.rfind("、") + 1 :]))
    first, second = (after, before) if figure.unit_word in load("units")["noun_follows"] else (before, after)
    for label in (first, second):
        if len(label) >= 2:
            return label[:40]
    if previous is not None and left == previous[0].end:
        return previous[1]
    return _trim(text[left:right])[:40] or text[left:right][:40]


def _trim(text: str) -> str:
    """Text without the fillers of data/names.json at either end, nor brackets and marks."""
    names = load("names")
    leading = names["measure_trim"]["leading"]
    trailing = names["measure_trim"]["trailing"] + names["change_words"]
    text = text.strip("，、：: （）()")
    changed = True
    while changed and text:
        changed = False
        for word in sorted(leading, key=len, reverse=True):
            if text.startswith(word):
                text, changed = text[len(word) :], True
        for word in sorted(trailing, key=len, reverse=True):
            if text.endswith(word):
                text, changed = text[: -len(word)], True
        text = text.strip("，、：: （）()")
    if text.count("“") != text.count("”") or (text.startswith("“") and text.endswith("”")):
        text = text.replace("“", "").replace("”", "")
    return text
