"""Vietnamese text handling shared by every app.

Text is stored in NFC (the form Vietnamese keyboards on Windows and macOS disagree on),
and search compares a *folded* form: no diacritics, no case, single spaces, so that
"so khoa hoc" finds "Sở Khoa học và Công nghệ".
"""

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# "đ" is a letter of its own, not "d" plus a combining mark, so NFD does not strip it.
_LETTER_D = str.maketrans({"đ": "d", "Đ": "d"})


def normalize_text(text: str | None) -> str:
    """Return ``text`` in NFC with surrounding whitespace removed."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", text).strip()


# The overlap finder folds the same words again and again as it reads and compares tasks.
@lru_cache(maxsize=65536)
def fold_text(text: str | None) -> str:
    """Return the search form of ``text``: lower case, no diacritics, single spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTER_D))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare).strip().casefold()
