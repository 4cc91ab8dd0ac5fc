"""Running text from printed lines, clauses and sentences, and evidence quotes.

Text taken from print breaks lines mid-word and separates characters by stray
spaces (`2023 年 1 月`, `6.` / `4 万`). Joining drops every line break and
space except a single space between two Latin letters, and the Markdown marks
`*` and `#`; each character remembers the line it came from. A quote is cut
from the joined text and kept only if it stands in the source once both are
normalised as kg.quotes says (whitespace, `*` and `#` removed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.quotes import normalise

CLAUSE_MARKS = "，。；！？,;!?"
SENTENCE_MARKS = "。！？!?"
QUOTE_LIMIT = 80


@dataclass
class Joined:
    """Running text and, for each character, the line of the document it came from."""

    text: str = ""
    line_of: list[int] = field(default_factory=list)

    def line_at(self, offset: int) -> int | None:
        if not self.line_of:
            return None
        return self.line_of[min(max(offset, 0), len(self.line_of) - 1)]


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def join_lines(numbered: list[tuple[int, str]]) -> Joined:
    """Join (line number, text) pairs into running text."""
    chars: list[str] = []
    lines: list[int] = []
    pending_space = False
    for number, line in numbered:
        pending_space = True
        for char in line:
            if char.isspace():
                pending_space = True
                continue
            if char in "*#":
                continue
            if pending_space and chars and _is_latin(chars[-1]) and _is_latin(char):
                chars.append(" ")
                lines.append(number)
            pending_space = False
            chars.append(char)
            lines.append(number)
    return Joined("".join(chars), lines)


def span_between(text: str, start: int, end: int, marks: str) -> tuple[int, int]:
    """The stretch of text around [start, end) bounded by the marks (the marks left out)."""
    left = max((text.rfind(m, 0, start) for m in marks), default=-1) + 1
    rights = [i for i in (text.find(m, end) for m in marks) if i != -1]
    return left, min(rights) if rights else len(text)


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    return span_between(text, start, end, CLAUSE_MARKS)


def sentence_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    return span_between(text, start, start if end is None else end, SENTENCE_MARKS)


class Quoter:
    """Cuts short evidence quotes that stand in one source text."""

    def __init__(self, source_text: str, limit: int = QUOTE_LIMIT):
        self.haystack = normalise(source_text)
        self.limit = limit

    def stands(self, quote: str) -> bool:
        wanted = normalise(quote)
        return bool(wanted) and wanted in self.haystack

    def quote(self, text: str, start: int, end: int, prefer: tuple[int, int] | None = None) -> str | None:
        """The clause around [start, end) (or the `prefer` span), cut to the limit around
        the mention, that stands in the source; None if not even the mention does."""
        left, right = prefer if prefer else clause_span(text, start, end)
        for a, b in self._candidates(left, right, start, end):
            candidate = text[a:b].strip()
            if len(candidate) <= self.limit and self.stands(candidate):
                return candidate
        return None

    def _candidates(self, left: int, right: int, start: int, end: int) -> list[tuple[int, int]]:
        width = min(self.limit, right - left)
        centred = max(left, min(start - (width - (end - start)) // 2, right - width))
        return [
            (left, right),
            (centred, centred + width),
            (max(left, start - 12), min(right, end + 12)),
            (start, end),
        ]
