"""The order of a plan: groups I, II, … IX, X and items 1, 2, … 10, never 1, 10, 2.

Codes such as "II.3.a" are compared part by part: Roman group numerals and Arabic item
numbers by their value, letters by their folded text. ``natural_key`` sorts in Python;
``get_sort_code`` writes the same order as a string a database can sort (``Task.code_sort``),
so pages, reports and exports list tasks the way the plan numbers them.
"""

import re

from chidao.core.text import fold_text

_PARTS = re.compile(r"[.\-/\s_]+")
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_DIGITS = re.compile(r"(\d+)")
_WIDTH = 6  # numbers up to 999 999 sort right as text
# Where a part is text in one code and a number in another, the text comes first: a
# plan's own prefix ("KH57-I.1") before the bare numbering of another ("I.1").
_TEXT, _NUMBER = 0, 1


def roman_value(text: str) -> int | None:
    """The value of an upper-case Roman numeral ("VII" → 7); None for anything else."""
    if not text or not _ROMAN.match(text):
        return None
    total = 0
    for index, letter in enumerate(text):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def _pieces(code: str | None) -> list[tuple[int, int | str]]:
    pieces: list[tuple[int, int | str]] = []
    for part in _PARTS.split((code or "").strip()):
        if not part:
            continue
        roman = roman_value(part)
        if roman is not None:
            pieces.append((_NUMBER, roman))
            continue
        for chunk in _DIGITS.split(part):
            if chunk.isdigit():
                pieces.append((_NUMBER, int(chunk)))
            elif chunk:
                pieces.append((_TEXT, fold_text(chunk)))
    return pieces


def natural_key(code: str | None) -> tuple:
    """A sort key putting "II" after "I" and before "X", and "2" before "10"."""
    return tuple(_pieces(code))


def get_sort_code(code: str | None) -> str:
    """``natural_key`` as text a database sorts the same way: numbers zero-padded."""
    return ".".join(
        str(value).zfill(_WIDTH) if kind == _NUMBER else f"!{value}"
        for kind, value in _pieces(code)
    )
