"""Dates in running text (2023年7月1日, 2024年2月底, 2023年), the key-date property a
sentence gives them, and the time a figure stands at (截至…, …以来, 目前)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.text import clause_span, sentence_span
from kg.ingest.vocab import load

_DATE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s*年\s*"
    r"(?:(?P<m>[0-9]{1,2})\s*月\s*(?:(?P<d>[0-9]{1,2})\s*[日号])?)?(?P<end>年底|年末|底|末)?"
)


@dataclass(frozen=True)
class DateMention:
    """A date written in the text, to the precision it is written."""

    start: int
    end: int
    lexical: str
    datatype: str  # date | gYearMonth | gYear


@dataclass(frozen=True)
class TimeContext:
    """When a figure stands: an as-of date, a period, or the source's own phrase."""

    kind: str  # asOf | period | phrase
    value: str
    datatype: str = ""
    start: int = 0


def find_dates(text: str) -> list[DateMention]:
    """Every date with a year, in order (month ends 底/末 read as the month, a year end as December)."""
    found = []
    for match in _DATE.finditer(text):
        year, month, day, end = match["y"], match["m"], match["d"], match["end"]
        if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
            continue
        if day:
            found.append(DateMention(match.start(), match.end(), f"{year}-{int(month):02d}-{int(day):02d}", "date"))
        elif month:
            found.append(DateMention(match.start(), match.end(), f"{year}-{int(month):02d}", "gYearMonth"))
        elif end:
            found.append(DateMention(match.start(), match.end(), f"{year}-12", "gYearMonth"))
        else:
            found.append(DateMention(match.start(), match.end(), year, "gYear"))
    return found


def is_as_of(text: str, date: DateMention) -> bool:
    """A date after 截至 in its clause: the time a figure stands at, not an event."""
    left, _ = clause_span(text, date.start, date.end)
    return any(marker in text[left : date.start] for marker in load("dates")["as_of_markers"])


def is_since(text: str, date: DateMention) -> bool:
    """A date that opens a period (2023年以来): a time phrase, not an event."""
    return text.startswith(load("dates")["since_marker"], date.end) or text.startswith("起至今", date.end)


def key_dates(text: str) -> list[DateMention]:
    """The dates that date an event (not 截至 dates, not …以来 periods)."""
    return [d for d in find_dates(text) if not is_as_of(text, d) and not is_since(text, d)]


def date_property(text: str, date: DateMention) -> str | None:
    """The key-date property (local name) the verbs after the date call for, else None."""
    _, clause_end = clause_span(text, date.start, date.end)
    _, next_end = clause_span(text, min(clause_end + 1, len(text)), min(clause_end + 1, len(text)))
    windows = [
        text[date.end : clause_end],
        text[clause_end:next_end],
        text[clause_span(text, date.start, date.end)[0] : date.start],
    ]
    for window in windows:
        for prop, verbs in load("dates")["properties"]:
            if any(verb in window for verb in verbs):
                return prop
    return None


def time_context(text: str, position: int) -> TimeContext | None:
    """The time a figure at `position` stands at: the nearest time words before it in its sentence."""
    left, _ = sentence_span(text, position)
    candidates = _as_of_candidates(text, left, position) + _phrase_candidates(text, left, position)
    candidates += _date_candidates(text, left, position)
    return max(candidates, key=lambda c: c.start) if candidates else None


def _as_of_candidates(text: str, left: int, position: int) -> list[TimeContext]:
    found = []
    for marker in load("dates")["as_of_markers"]:
        for match in re.finditer(re.escape(marker), text[left:position]):
            start = left + match.start()
            date = _DATE.match(text, start + len(marker))
            if date:
                mention = next(d for d in find_dates(text[date.start() : date.end()]))
                found.append(TimeContext("asOf", mention.lexical, mention.datatype, start))
            else:
                _, clause_end = clause_span(text, start, start)
                found.append(TimeContext("phrase", text[start : min(clause_end, position)], "", start))
    return found


def _phrase_candidates(text: str, left: int, position: int) -> list[TimeContext]:
    data = load("dates")
    found = []
    since = data["since_marker"]
    for match in re.finditer(re.escape(since), text[left:position]):
        end = left + match.end()
        clause_left, _ = clause_span(text, end - 1, end)
        found.append(TimeContext("phrase", text[clause_left:end], "", clause_left))
    for phrase in data["open_phrases"]:
        for match in re.finditer(re.escape(phrase), text[left:position]):
            start = left + match.start()
            if not any(text.endswith(m, 0, start) for m in data["as_of_markers"]):
                found.append(TimeContext("phrase", phrase, "", start))
    return found


def _date_candidates(text: str, left: int, position: int) -> list[TimeContext]:
    found = []
    for date in find_dates(text[left:position]):
        absolute = DateMention(left + date.start, left + date.end, date.lexical, date.datatype)
        if is_as_of(text, absolute) or is_since(text, absolute):
            continue
        kind = "period" if date.datatype == "gYear" else "asOf"
        found.append(TimeContext(kind, date.lexical, date.datatype, absolute.start))
    return found
