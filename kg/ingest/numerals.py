"""Chinese numerals (十五, 二十三, 两, 一百零八) as integers, and back for case labels."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)


def parse_numeral(text: str) -> int | None:
    """An integer for Chinese numerals below ten thousand or ASCII digits; None if it is neither."""
    if text.isascii() and text.isdigit():
        return int(text)
    if not text or any(c not in DIGITS and c not in UNITS for c in text):
        return None
    total, digit = 0, None
    for char in text:
        if char in DIGITS:
            if digit not in (None, 0) and DIGITS[char] != 0:
                return None  # two digits in a row (一二) is not a number
            digit = DIGITS[char]
        else:
            total += (1 if digit is None else digit) * UNITS[char]
            digit = None
    return total + (digit or 0)


def case_label(number: int) -> str:
    """案例 and the number in Chinese numerals, as the case lists write it (案例十六)."""
    return "案例" + to_numeral(number)


def to_numeral(number: int) -> str:
    """Chinese numerals for 1 to 999."""
    names = "零一二三四五六七八九"
    if number < 10:
        return names[number]
    if number < 20:
        return "十" + (names[number % 10] if number % 10 else "")
    if number < 100:
        return names[number // 10] + "十" + (names[number % 10] if number % 10 else "")
    rest = number % 100
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + to_numeral(rest)
    else:
        tail = ("一" if rest < 20 else "") + to_numeral(rest)
    return names[number // 100] + "百" + tail
