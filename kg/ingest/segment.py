"""Cutting a case list into cases: the 案例N heading, the 案例名称 and 报送单位
fields, and the case text, with the checks that refuse a truncated case."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.ingest.errors import IngestError
from kg.ingest.numerals import case_label, parse_numeral
from kg.ingest.reader import SourceText
from kg.ingest.text import Joined, join_lines
from kg.ingest.vocab import layout_patterns, load
from kg.labels import script_key

_MARKS = re.compile(r"[*#>_]")
_LABEL_END = re.compile(r"[：:]")
MAX_AGENCY_LINES = 4


@dataclass
class CaseBlock:
    """One case of the list, as laid out in the document."""

    number: int
    heading_line: int
    end_line: int
    title: str
    title_field: Joined
    agencies: list[str]
    agency_field: Joined
    body: Joined
    first_line: int = 0

    @property
    def label(self) -> str:
        return case_label(self.number)


@dataclass
class Segmented:
    """The cases of a document and what stands before the first one."""

    cases: list[CaseBlock]
    preamble: list[str] = field(default_factory=list)


def key(line: str) -> str:
    """A line as the patterns see it: simplified script, NFKC, no spaces or Markdown marks."""
    return script_key(_MARKS.sub("", line))


def segment(doc: SourceText) -> Segmented:
    """The cases of a document, in order; IngestError naming the case when one is broken."""
    lines = doc.lines
    headings = _headings(lines)
    if not headings:
        raise IngestError(doc.path, "no recognisable cases (no line 案例一 … followed by 案例名称： and 报送单位：)")
    _check_numbering(doc, headings)
    cases = []
    for index, (line_no, number, inline_title) in enumerate(headings):
        end = headings[index + 1][0] - 1 if index + 1 < len(headings) else len(lines)
        cases.append(_case(doc, lines, line_no, end, number, inline_title))
    return Segmented(cases, lines[: headings[0][0] - 1])


def _headings(lines: list[str]) -> list[tuple[int, int, str | None]]:
    """(line number, case number, title on the heading line) of each case heading.
    Plain headings (案例三 alone) win over headings with a title when both occur;
    table-of-contents lines (dotted leaders) never count."""
    patterns = layout_patterns()
    plain, titled = [], []
    for number, line in enumerate(lines, start=1):
        match = patterns["heading"].match(key(line))
        if not match or patterns["toc_leader"].search(line):
            continue
        value = parse_numeral(match["number"])
        if value is None:
            continue
        (titled if match["title"] else plain).append((number, value, match["title"]))
    if plain:
        return plain
    return [(n, v, _after_label(lines[n - 1])) for n, v, _ in titled]


def _check_numbering(doc: SourceText, headings: list[tuple[int, int, str | None]]) -> None:
    expected = 1
    for line_no, number, _ in headings:
        if number != expected:
            problem = f"comes after {case_label(expected - 1)}" if expected > 1 else "is the first case"
            raise IngestError(
                doc.path,
                f"{problem}; expected {case_label(expected)} (a case is missing or "
                "numbered twice: truncated or mis-numbered list?)",
                line_no,
                case_label(number),
            )
        expected += 1


def _after_label(line: str) -> str:
    """The text after the first colon of a field line."""
    match = _LABEL_END.search(line)
    return line[match.end() :].strip() if match else ""


def _field_line(lines: list[str], start: int, end: int, pattern: str) -> int | None:
    compiled = layout_patterns()[pattern]
    for number in range(start, end + 1):
        if compiled.match(key(lines[number - 1])):
            return number
    return None


def _case(doc: SourceText, lines: list[str], heading: int, end: int, number: int, inline: str | None) -> CaseBlock:
    label = case_label(number)
    title_line = _field_line(lines, heading + 1, end, "title_field")
    agency_line = _field_line(lines, heading + 1, end, "agency_field")
    if title_line is None and not inline:
        raise IngestError(doc.path, "no 案例名称： line (truncated case?)", heading, label)
    if agency_line is None:
        raise IngestError(doc.path, "no 报送单位： line (truncated case?)", heading, label)
    if title_line is not None and title_line > agency_line:
        raise IngestError(doc.path, "报送单位： comes before 案例名称：", agency_line, label)
    if title_line is not None:
        title_field = join_lines([(n, lines[n - 1]) for n in range(title_line, agency_line)])
        title = _after_label_joined(title_field.text)
    else:
        title_field = join_lines([(heading, lines[heading - 1])])
        title = inline or ""
    if not title:
        raise IngestError(doc.path, "案例名称： is empty", title_line or heading, label)
    agency_end = _agency_field_end(lines, agency_line, end)
    agency_field = join_lines([(n, lines[n - 1]) for n in range(agency_line, agency_end + 1)])
    agencies = split_agencies(_after_label_joined(agency_field.text))
    if not agencies:
        raise IngestError(doc.path, "报送单位： names no agency", agency_line, label)
    body = join_lines([(n, lines[n - 1]) for n in range(agency_end + 1, end + 1) if not _is_page_marker(lines[n - 1])])
    _check_body(doc, body, label, agency_line, end)
    return CaseBlock(number, heading, end, title, title_field, agencies, agency_field, body, heading)


def _after_label_joined(text: str) -> str:
    match = _LABEL_END.search(text)
    return text[match.end() :].strip() if match else text.strip()


def split_agencies(text: str) -> list[str]:
    """The names of a 报送单位 line (separated by 、，; and the like)."""
    return [part.strip() for part in layout_patterns()["agency_separators"].split(text) if part.strip()]


def _agency_field_end(lines: list[str], start: int, end: int) -> int:
    """The last line of the 报送单位 field: it goes on to the next line while the line
    ends with a separator or its last name stops short of an organisation's ending
    (横琴粤澳深度合 / 作区执行委员会), and the next line looks like the rest of a list."""
    last = start
    text = _after_label(lines[start - 1])
    for _ in range(MAX_AGENCY_LINES - 1):
        nxt = _next_text_line(lines, last + 1, end)
        if nxt is None or not _continues(text) or not _looks_like_list_rest(lines[nxt - 1]):
            break
        text += lines[nxt - 1].strip()
        last = nxt
    return last


def _continues(text: str) -> bool:
    text = re.sub(r"\s+", "", text)
    if not text or text[-1] in "、，,；;":
        return bool(text)
    names = split_agencies(text)
    return not names or not any(names[-1].endswith(s) for s in load("names")["org_suffixes"])


def _looks_like_list_rest(line: str) -> bool:
    stripped = re.sub(r"\s+", "", line)
    patterns = layout_patterns()
    if any(patterns[p].match(key(line)) for p in ("heading", "title_field", "agency_field", "page_marker")):
        return False
    return 0 < len(stripped) <= 40 and not any(m in stripped for m in "。，“”")


def _next_text_line(lines: list[str], start: int, end: int) -> int | None:
    for number in range(start, min(end, start + 3) + 1):
        if lines[number - 1].strip():
            return number
    return None


def _is_page_marker(line: str) -> bool:
    return bool(layout_patterns()["page_marker"].match(line.strip()))


def _check_body(doc: SourceText, body: Joined, label: str, agency_line: int, end: int) -> None:
    text = body.text.rstrip()
    if not text:
        raise IngestError(doc.path, "no case text after 报送单位： (truncated case?)", agency_line, label)
    if text[-1] not in load("layout")["sentence_end"]:
        tail = text[-12:]
        raise IngestError(
            doc.path,
            f"the case text stops mid-sentence (…{tail}): truncated case?",
            body.line_at(len(text) - 1) or end,
            label,
        )


def document_title(preamble: list[str]) -> str | None:
    """The title block before the first case (the lines of the paragraph that names 典型案例), if any."""
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(preamble, start=1):
        if line.strip():
            paragraphs[-1].append((number, line))
        elif paragraphs[-1]:
            paragraphs.append([])
    for paragraph in paragraphs:
        text = join_lines(paragraph).text
        if "典型案例" in script_key(text) and not layout_patterns()["toc_leader"].search(text):
            return text
    return None
