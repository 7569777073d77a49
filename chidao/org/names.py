"""How the names of agencies are written in plans, and how two spellings compare.

Plain functions of text, no database: the unit directory (``committees.directory``)
indexes units by these keys, and every reader of names (the plan and indicator imports,
the paragraph assistant) splits and compares cells with them.

Decisions a reader needs:

* A key has no diacritics, case or punctuation; the common abbreviations (KH&CN, KHCN,
  GD&ĐT, TT&TT, NN&MT, VP, UBND, HĐND, MTTQ, BQL, KCN …) are written out, so "Sở KH&CN"
  and "Sở Khoa học và Công nghệ" share a key without any alias.
* The place a name ends with ("… tỉnh", "… tỉnh Thái Nguyên") is left out of the key:
  a plan of the province does not repeat it. Only the place at the very end of one name
  is dropped: "Sở Tài chính tỉnh, Sở Xây dựng" is two names, never "Sở Tài chính".
  The place written without "tỉnh" ("Sở Tài chính Thái Nguyên") is dropped by the
  directory, which knows its province's name (``strip_place``).
* A cell naming several bodies splits on ";" and line breaks always, and on "," or "và"
  only where the next words open a new name ("Sở …", "Bộ …", "UBND …", "các …"), so
  "Sở Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ" and "Báo và Phát thanh,
  Truyền hình tỉnh" stay whole. A span the directory knows whole always stays whole.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from chidao.core.text import fold_text

# Folded abbreviation → folded full words. "&" is read before punctuation is dropped, so
# "kh&cn" and "khcn" are both listed; "kh-cn" folds to "kh cn" and is caught by the
# compact key of the directory instead.
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "ub": "uy ban",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc",
    "bql": "ban quan ly",
    "ql": "quan ly",
    "kcn": "khu cong nghiep",
    "vp": "van phong",
    "kh&cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe",
    "gd&dt": "giao duc va dao tao",
    "gddt": "giao duc va dao tao",
    "tt&tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong",
    "nn&mt": "nong nghiep va moi truong",
    "nnmt": "nong nghiep va moi truong",
    "nn&ptnt": "nong nghiep va phat trien nong thon",
    "nnptnt": "nong nghiep va phat trien nong thon",
    "kh&dt": "ke hoach va dau tu",
    "khdt": "ke hoach va dau tu",
    "tn&mt": "tai nguyen va moi truong",
    "tnmt": "tai nguyen va moi truong",
    "vhttdl": "van hoa the thao va du lich",
    "vh,tt&dl": "van hoa the thao va du lich",
    "ld-tb&xh": "lao dong thuong binh va xa hoi",
    "ldtbxh": "lao dong thuong binh va xa hoi",
    "gtvt": "giao thong van tai",
    "nhnn": "ngan hang nha nuoc",
    "bhxh": "bao hiem xa hoi",
    "tw": "trung uong",
    "bcd": "ban chi dao",
    "cntt": "cong nghe thong tin",
}
# Only as a name's first word: elsewhere "tp" may be part of a code.
_FIRST_WORD_ABBREVIATIONS = {"tp": "thanh pho"}
_ABBREVIATION_TOKEN = re.compile(r"[a-z]+(?:[&,-][a-z]+)*&[a-z]+|[a-z]+")
_PUNCTUATION = re.compile(r"[^a-z0-9 ]+")
# "… tỉnh", "… tỉnh Thái Nguyên", "… thành phố Hồ Chí Minh", "… Việt Nam": the unit's
# place, which a plan of that province (or country) leaves out. Only at the end of the
# name and with nothing but words after it ("tỉnh Bà Rịa - Vũng Tàu" too), so "Tỉnh ủy
# Nam Định" keeps its first words and "Sở Tài chính tỉnh, Sở Xây dựng" is not cut.
_PLACE = re.compile(
    r" (?:tinh|thanh pho)(?! uy\b)(?: [a-z]+| -){0,5}$| viet nam$",
)


def _expand(folded: str) -> str:
    def replace(match: re.Match) -> str:
        return ABBREVIATIONS.get(match.group(), match.group())

    return _ABBREVIATION_TOKEN.sub(replace, folded)


# A plan names the same few hundred units thousands of times: the keys are remembered.
@lru_cache(maxsize=8192)
def get_name_key(text: str) -> str:
    """The key two spellings of one unit name share ("Sở KH&CN tỉnh Nam Định")."""
    folded = _expand(fold_text(text).strip(" .,;:"))
    folded = folded.replace("&", " va ")
    place_free = _PLACE.sub("", " ".join(folded.split()))
    words = _PUNCTUATION.sub(" ", place_free or folded).split()
    words = [
        _FIRST_WORD_ABBREVIATIONS.get(word, word) if index == 0 else word
        for index, word in enumerate(words)
    ]
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


_WRITTEN_PLACE = re.compile(r" (?:tinh|thanh pho)(?! uy\b)(?P<place>(?: [a-z]+| -){1,5})$")


@lru_cache(maxsize=8192)
def get_written_place(text: str) -> str:
    """The place a name ends with, folded ("thai nguyen" for "Sở Tài chính tỉnh Thái
    Nguyên"), or "" when it names none or only "tỉnh"."""
    folded = _expand(fold_text(text).strip(" .,;:")).replace("&", " va ")
    match = _WRITTEN_PLACE.search(" ".join(folded.split()))
    if match is None:
        return ""
    return " ".join(_PUNCTUATION.sub(" ", match["place"]).split())


def strip_place(key: str, place: str) -> str:
    """``key`` without the place name ``place`` (a key) at its end: the name alone
    ("so tai chinh thai nguyen" → "so tai chinh" for the province "thai nguyen")."""
    if place and key.endswith(f" {place}") and len(key) > len(place) + 1:
        return key[: -len(place) - 1]
    return key


def get_initials_key(text: str) -> str:
    """The first word and the initials of the rest: "so khcn" for the Department of
    Science and Technology, so that an abbreviation nobody listed still finds it."""
    words = [word for word in get_name_key(text).split() if word != "va"]
    if len(words) < 2:
        return ""
    return f"{words[0]} {''.join(word[0] for word in words[1:])}"


@lru_cache(maxsize=8192)
def get_compact_key(text: str) -> str:
    """An abbreviated name with its letters run together: "Sở KH-CN" → "so khcn"."""
    folded = _PUNCTUATION.sub(" ", fold_text(text).replace("&", " "))
    words = [word for word in folded.split() if word != "va"]
    if len(words) < 2:
        return ""
    return f"{words[0]} {''.join(words[1:])}"


# --- Group phrases -------------------------------------------------------------------------

_GROUP_WORDS = {
    "so": "department",
    "ban": "department",
    "nganh": "department",
    "bo": "department",
    "co": "department",
    "quan": "department",
    "don": "department",
    "vi": "department",
    "dia": "commune",
    "phuong": "commune",
    "xa": "commune",
    "dac": "commune",
    "khu": "commune",
}
_GROUP_PREFIX = re.compile(r"^(?:(?:uy ban nhan dan|ubnd) )?(?:cac |moi |toan bo )?")
_RELATED = re.compile(r" (?:co )?lien quan$")


@dataclass(frozen=True)
class GroupPhrase:
    """A phrase naming many bodies ("các sở, ngành", "UBND các xã, phường").

    ``kinds`` are "department" and/or "commune"; ``related`` is set for "… có liên quan",
    which names no body in particular and so cannot be expanded.
    """

    text: str
    kinds: frozenset[str]
    related: bool = False


def parse_group_phrase(text: str) -> GroupPhrase | None:
    """The group a phrase names, or None when it is not a group phrase."""
    folded = _PUNCTUATION.sub(" ", fold_text(text).replace("&", " ")).strip()
    folded = " ".join(folded.split())
    related = bool(_RELATED.search(folded))
    folded = _RELATED.sub("", folded)
    had_article = bool(re.match(r"^(?:(?:uy ban nhan dan|ubnd) )?(?:cac|moi|toan bo) ", folded))
    words = [w for w in _GROUP_PREFIX.sub("", folded).split() if w != "va"]
    if not words or any(word not in _GROUP_WORDS for word in words):
        return None
    # Without "các" a lone "Bộ" or "Ban" is a unit's first word, not a group.
    if not had_article and len(words) < 2 and words != ["dia", "phuong"]:
        return None
    if words in (["dia"], ["khu"], ["dac"]):
        return None
    return GroupPhrase(text.strip(), frozenset(_GROUP_WORDS[w] for w in words), related)


# --- Splitting a cell ----------------------------------------------------------------------

_HARD = re.compile(r"\s*[;\n]\s*")
_SOFT = re.compile(r"\s*,\s*|\s+và\s+|\s+-\s+|\s*\+\s*", re.IGNORECASE)
# Words that open the name of a body, as written (case matters: "các sở, ban, ngành"
# goes on after "sở," while "Ban Tuyên giáo" opens a new name).
_HEADS = tuple(
    sorted(
        (
            "Sở",
            "Bộ",
            "Ban",
            "Văn phòng",
            "VP",
            "UBND",
            "Ủy ban",
            "Uỷ ban",
            "HĐND",
            "Hội đồng",
            "Công an",
            "Báo",
            "Đài",
            "Trường",
            "Viện",
            "Ngân hàng",
            "Tỉnh ủy",
            "Tỉnh uỷ",
            "Tỉnh đoàn",
            "Tỉnh Đoàn",
            "Thành ủy",
            "Thành đoàn",
            "Hội",
            "Liên hiệp",
            "Liên đoàn",
            "Cục",
            "Chi cục",
            "Tổng cục",
            "Trung tâm",
            "Kho bạc",
            "Bảo hiểm",
            "Thanh tra",
            "Mặt trận",
            "MTTQ",
            "Đảng ủy",
            "Đảng uỷ",
            "Đảng đoàn",
            "Quỹ",
            "Tập đoàn",
            "Tổng công ty",
            "Công ty",
            "Viettel",
            "VNPT",
            "Viễn thông",
            "Bưu điện",
            "Học viện",
            "Đại học",
            "Bộ Chỉ huy",
            "Tòa án",
            "Toà án",
            "Kiểm toán",
            "Chính phủ",
            "Quốc hội",
            "Thủ tướng",
            "Hiệp hội",
            "Đoàn",
            "Cơ quan",
            "cơ quan",
            "BQL",
            "Các",
            "các",
            "Tổ chức",
            "Doanh nghiệp",
            "UBMTTQ",
            "NHNN",
            "BHXH",
            "VTV",
            "VOV",
            "TTXVN",
            "Người đứng đầu",
            "Lãnh đạo",
            "Cổng",
            "Nhà",
        ),
        key=len,
        reverse=True,
    )
)


def opens_a_name(text: str) -> bool:
    """Whether ``text`` starts the way a body's name starts ("Sở …", "UBND …", "các …")."""
    text = text.lstrip()
    return any(
        text.startswith(head) and (len(text) == len(head) or not text[len(head)].isalpha())
        for head in _HEADS
    )


def split_names(text: str, is_known: Callable[[str], bool] = lambda name: False) -> list[str]:
    """The names a cell holds, in order, none lost and none cut inside.

    ``is_known(span)`` says whether a span is one name of the directory (a unit, an alias
    or a group phrase): the longest known span wins. Elsewhere a "," or "và" ends a name
    only when the next words open one (``opens_a_name``) or start a known span.
    """
    names: list[str] = []
    for segment in _HARD.split(text.strip()):
        segment = segment.strip().strip(".;,:+-").strip()
        if not segment:
            continue
        pieces, joiners, position = [], [], 0
        for match in _SOFT.finditer(segment):
            pieces.append(segment[position : match.start()])
            joiners.append(match.group())
            position = match.end()
        pieces.append(segment[position:])
        start = 0
        while start < len(pieces):
            end = _longest_known(pieces, joiners, start, is_known)
            if end is None:
                end = start
                while end + 1 < len(pieces) and not (
                    opens_a_name(pieces[end + 1])
                    or not pieces[end + 1].strip()
                    or _known_from(pieces, joiners, end + 1, is_known) is not None
                ):
                    end += 1
            span = pieces[start]
            for index in range(start, end):
                span += joiners[index] + pieces[index + 1]
            if span.strip(" .,:"):
                names.append(span.strip(" .,:"))
            start = end + 1
    return names


def _known_from(pieces, joiners, start, is_known) -> int | None:
    """The end of the longest span from ``start`` that ``is_known``, or None."""
    span, found = pieces[start], None
    if is_known(span.strip()):
        found = start
    for end in range(start + 1, len(pieces)):
        span += joiners[end - 1] + pieces[end]
        if is_known(span.strip()):
            found = end
    return found


def _longest_known(pieces, joiners, start, is_known) -> int | None:
    found = _known_from(pieces, joiners, start, is_known)
    if found is None or found + 1 == len(pieces):
        return found
    following = pieces[found + 1]
    if opens_a_name(following) or _known_from(pieces, joiners, found + 1, is_known) is not None:
        return found
    # "Sở Văn hóa" known alone must not cut "Sở Văn hóa, Thể thao và Du lịch" when the
    # rest opens no name: the longer reading wins.
    return None
