"""Figures in running text: the number, its scale (万, 亿), unit, qualifier and range.

`find_figures("累计注册港澳用户11.1万多个")` gives 111000 users, more than. The words
are data (data/units.json, data/qualifiers.json); a number without a unit word
and without a scale is not a figure (years, editions, article numbers are skipped)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.ingest.numerals import NUMERAL_CHARS, parse_numeral
from kg.ingest.text import clause_span
from kg.ingest.vocab import UnitRule, load, longest_first, unit_rules

_ARABIC = re.compile(r"(?<![0-9.,])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_CJK = re.compile(f"[{NUMERAL_CHARS}]+")
_RANGE = re.compile(r"\s*[-~－—～]\s*")
_OPENERS = {"“": "”", "《": "》", "「": "」", "‘": "’"}


@dataclass(frozen=True)
class Figure:
    """One figure found in a text: offsets of the whole mention and of the number."""

    start: int
    end: int
    number_start: int
    value: Decimal
    unit: str | None
    unit_sure: bool
    qualifier: str
    unit_word: str = ""


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: Decimal


def find_figures(text: str) -> list[Figure]:
    """Every figure in the text, in order."""
    figures: list[Figure] = []
    taken = -1
    for number in _numbers(text):
        if number.start < taken or _skipped(text, number):
            continue
        found = _figure_at(text, number)
        if found:
            figures.extend(found)
            taken = found[-1].end
    return figures


def _numbers(text: str) -> list[_Number]:
    found = [_Number(m.start(), m.end(), Decimal(m.group().replace(",", ""))) for m in _ARABIC.finditer(text)]
    for match in _CJK.finditer(text):
        word = match.group()
        if word != "两" and not any(c in word for c in "十百千"):
            continue
        if text[: match.start()].endswith(tuple(load("units")["vague_before"])):
            continue
        value = parse_numeral(word)
        if value is not None:
            found.append(_Number(match.start(), match.end(), Decimal(value)))
    return sorted(found, key=lambda n: n.start)


def _skipped(text: str, number: _Number) -> bool:
    """Years, dates, editions, ordinals, parts of codes, and numbers inside quotation marks."""
    data = load("units")
    before = text[: number.start]
    after = text[number.end :]
    if before.endswith(tuple(data["skip_before"])) or (before and before[-1].isascii() and before[-1].isalnum()):
        return True
    if after.startswith(tuple(data["skip_after"])) or (after and after[0].isascii() and after[0].isalpha()):
        return True
    if 1900 <= number.value <= 2099 and number.value == int(number.value) and after.startswith("年"):
        return True
    return _inside_marks(text, number.start)


def _inside_marks(text: str, offset: int) -> bool:
    """Whether the offset lies between an opening mark (“ 《 「) and its closing mark, within the sentence."""
    for opener, closer in _OPENERS.items():
        opened = text.rfind(opener, 0, offset)
        if opened != -1 and text.rfind(closer, opened, offset) == -1 and "。" not in text[opened:offset]:
            return True
    return False


def _figure_at(text: str, number: _Number) -> list[Figure]:
    """The figure (or the two ends of a range) starting at this number, if it has a unit or a scale."""
    second = _range_end(text, number)
    last = second or number
    position, scale = _scale(text, last.end)
    position, more = _after_number(text, position)
    unit_rule, unit_end = _unit_word(text, position)
    if unit_rule is not None and unit_rule.unit is None:
        return []  # a unit word that is no unit of ours (个百分点)
    if unit_rule is None and scale == 1:
        return []
    end, after_qualifier = _after_unit(text, unit_end if unit_rule else position)
    start, before_qualifier = _before_number(text, number.start)
    clause_start, clause_end = clause_span(text, number.start, end)
    if unit_rule is None:
        unit, sure, word = None, False, ""
    else:
        unit, sure = unit_rule.resolve(text[clause_start : number.start], text[unit_end:clause_end])
        word = unit_rule.word
    qualifier = before_qualifier or more or after_qualifier or load("qualifiers")["exact"]
    if second is None:
        return [Figure(start, end, number.start, number.value * scale, unit, sure, qualifier, word)]
    low = Figure(start, end, number.start, number.value * scale, unit, sure, "at-least", word)
    high = Figure(start, end, second.start, second.value * scale, unit, sure, "at-most", word)
    return [low, high]


def _range_end(text: str, number: _Number) -> _Number | None:
    """The second number of a range (1-2周), if one follows."""
    dash = _RANGE.match(text, number.end)
    if not dash:
        return None
    match = _ARABIC.match(text, dash.end())
    return _Number(match.start(), match.end(), Decimal(match.group().replace(",", ""))) if match else None


def _scale(text: str, position: int) -> tuple[int, Decimal]:
    for word in longest_first(load("units")["scale"]):
        if text.startswith(word, position):
            return position + len(word), Decimal(load("units")["scale"][word])
    return position, Decimal(1)


def _after_number(text: str, position: int) -> tuple[int, str | None]:
    words = load("qualifiers")["after_number"]
    for word in longest_first(words):
        if text.startswith(word, position):
            return position + len(word), words[word]
    return position, None


def _unit_word(text: str, position: int) -> tuple[UnitRule | None, int]:
    for rule in unit_rules():
        if text.startswith(rule.word, position):
            return rule, position + len(rule.word)
    return None, position


def _after_unit(text: str, position: int) -> tuple[int, str | None]:
    data = load("qualifiers")
    if text.startswith(tuple(data["not_after_unit"]), position):
        return position, None
    for word in longest_first(data["after_unit"]):
        if text.startswith(word, position):
            return position + len(word), data["after_unit"][word]
    return position, None


def _before_number(text: str, start: int) -> tuple[int, str | None]:
    words = load("qualifiers")["before"]
    for word in longest_first(words):
        if text.endswith(word, 0, start):
            return start - len(word), words[word]
    return start, None
