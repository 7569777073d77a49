"""Task wording reduced to the form the similarity maths compares, and shared phrases.

Plain functions of strings: no database, no request. A task's text is cut into words
(syllables, as Vietnamese writes them), abbreviations are expanded ("KH&CN" → "khoa
học và công nghệ"), and every word is folded (no diacritics, no case: ``fold_text``),
so that "Chuyển đổi số", "CĐS" and "chuyen doi so" read the same. Each folded word
remembers which written word it came from, so shared phrases can be marked in the text
the user wrote.
"""

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from chidao.core.text import fold_text, normalize_text
from chidao.overlap.abbreviations import ABBREVIATIONS

# A written word: letters and digits, with "&", "," or "-" inside a short form
# ("KH&CN", "KH,CN", "KT-XH"); a comma or hyphen followed by a space ends the word.
_WORD = re.compile(r"\w+(?:[&,\-]\w+)*")
_JOINERS = re.compile(r"[&,\-]")

# Short forms that are also Vietnamese words once folded ("ai" = who, "tu" = tư, tự…):
# expanded only when written in capitals.
_CAPITALS_ONLY = frozenset({"AI", "TU", "SOC", "IOC"})

_EXPANSIONS: dict[str, tuple[str, ...]] = {
    fold_text(short): tuple(_WORD.findall(fold_text(long)))
    for short, long in ABBREVIATIONS.items()
    if short not in _CAPITALS_ONLY
}

# Short forms of the fixed table made of the two initials of a two-syllable meaning ("KH":
# kế hoạch, "ĐH": đại học, "QĐ": quyết định). Any common two-syllable word with those
# initials spells one too ("KH" is also khách hàng, Khánh Hòa, khoa học, kết hôn in the
# labelled sets; "ĐH" đồng hồ; folded, "KĐ" kiểm định is "KD" kinh doanh), so the table's
# meaning is a guess: expanded for the words, but what the reader makes of it is settled
# against the other task of a pair (``parts._settled``). The reason ``_get_initialisms``
# learns no two-letter form from common words. Not "TW" (W is no initial: trung ương)
# nor "AI" (English initials): those have one meaning.
_TWO_INITIALS = frozenset(
    fold_text(short)
    for short, long in ABBREVIATIONS.items()
    if len(words := _WORD.findall(fold_text(long))) == 2
    and fold_text(short) == "".join(word[0] for word in words)
)

# Function words (written, with diacritics): they say nothing of what a task is about.
# One list for the key phrases (folded, below) and for the parts' objects (written,
# parts.py).
FUNCTION_WORDS = (
    "và",
    "các",
    "của",
    "cho",
    "trên",
    "trong",
    "để",
    "theo",
    "với",
    "về",
    "tại",
    "từ",
    "đến",
    "được",
    "là",
    "có",
    "những",
    "một",
    "này",
    "đó",
    "việc",
    "đối",
    "như",
    "khi",
    "đã",
    "sẽ",
    "thì",
    "mà",
    "nhằm",
    "gồm",
    "bao",
    "hoặc",
    "cùng",
    "do",
    "ở",
    "hiện",
)

# Words that carry no subject matter: never a key phrase on their own.
STOP_WORDS = frozenset(
    fold_text(word)
    for word in (
        *FUNCTION_WORDS,
        *("hướng", "tỉnh", "xã", "phường", "thành", "phố", "địa", "bàn", "năm", "giai", "đoạn"),
    )
)


@dataclass(frozen=True)
class WrittenWord:
    """A word as the user wrote it, with its place in the text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class MatchText:
    """A text made ready for matching.

    ``words`` are the folded, expanded words; ``origin[i]`` is the index in ``written``
    of the written word that ``words[i]`` comes from.
    """

    original: str
    written: tuple[WrittenWord, ...]
    words: tuple[str, ...]
    origin: tuple[int, ...]
    # Indexes in ``written`` of the short forms of two initials the fixed table expanded
    # (``_TWO_INITIALS``), their meaning fixed neither by the committee's own table nor by
    # a definition in the text: "KH" of "cho KH sinh hoạt" may be no plan.
    unsure: frozenset[int] = frozenset()

    @property
    def folded(self) -> str:
        return " ".join(self.words)


class Abbreviations(dict[str, tuple[str, ...]]):
    """The short forms learned for one committee tree, folded short form → folded words
    (``get_learned_abbreviations``).

    ``own`` names those a committee of the tree wrote in its own table (``ShortForm``):
    written whole and in capitals, they win over the fixed table too, since the
    secretariat knows what its own writing means ("KH" = "Khánh Hòa" where it says so).
    Inside a joined word the fixed table keeps its meaning: "KH" of "29/KH-UBND" is a
    plan's symbol, whatever the committee's "KH" is.
    """

    own: frozenset[str] = frozenset()


def _in_capitals(token: str) -> bool:
    return sum(ch.isupper() for ch in token) >= 2


# A quarter written short, "QII/2027", is "quý II/2027": read as one word "qii", the
# deadline differed from "hoàn thành trong quý II/2027" and vetoed a rewording
# (twenty-sixth dev half, "khác đối tượng: … quý II / … QII").
_QUARTER = re.compile(r"Q(I{1,3}|IV)")


def _expand(
    token: str, learned: Mapping[str, tuple[str, ...]], *, whole: bool = True
) -> tuple[str, ...]:
    folded = fold_text(token)
    quarter = _QUARTER.fullmatch(token)
    if quarter:
        return ("quy", quarter.group(1).lower())
    if (
        whole
        and isinstance(learned, Abbreviations)
        and folded in learned.own
        and _in_capitals(token)
    ):
        return learned[folded]
    if token in _CAPITALS_ONLY:
        return tuple(_WORD.findall(fold_text(ABBREVIATIONS[token])))
    if folded in _EXPANSIONS:
        return _EXPANSIONS[folded]
    if folded in learned and _in_capitals(token):
        return learned[folded]
    if _JOINERS.search(token):
        return tuple(
            word
            for part in _JOINERS.split(token)
            if part
            for word in _expand(part, learned, whole=False)
        )
    return (folded,)


# The fixed table's long form of each folded key, as written (shown beside a committee's
# own short form that replaces it).
_FIXED_MEANINGS = {fold_text(short): long for short, long in ABBREVIATIONS.items()}


def get_fixed_meaning(short: str) -> str | None:
    """What the fixed table (``ABBREVIATIONS``) reads ``short`` as, if anything."""
    return _FIXED_MEANINGS.get(fold_text(normalize_text(short)))


def is_short_form(text: str) -> bool:
    """Whether ``text`` is written as a short form the reader can expand: one written word
    ("GPXD", "KH&CN", "QL&PTTTTN", "KT-XH") with at least two capitals (a learned short
    form is expanded only in capitals: folded, "TU" is the word "tư"), not a Roman
    numeral ("Quý II") or a number."""
    text = normalize_text(text)
    return (
        _WORD.fullmatch(text) is not None
        and "_" not in text
        and _in_capitals(text)
        and not _ROMAN.fullmatch(text)
    )


def get_expansion(full: str) -> tuple[str, ...]:
    """The folded words a short form meaning ``full`` is read as."""
    return tuple(_WORD.findall(fold_text(normalize_text(full))))


def parse_match_text(
    text: str | None, *, abbreviations: Mapping[str, tuple[str, ...]] | None = None
) -> MatchText:
    """Cut ``text`` into written words and their folded, expanded forms.

    ``abbreviations`` adds short forms learned from the committee's own data
    (``get_learned_abbreviations``); like "AI", they are expanded only in capitals.
    """
    original = normalize_text(text)
    learned = abbreviations or {}
    written: list[WrittenWord] = []
    words: list[str] = []
    origin: list[int] = []
    unsure: set[int] = set()
    defined = _defined_as_table(original)
    own = learned.own if isinstance(learned, Abbreviations) else frozenset()
    for match in _WORD.finditer(original):
        index = len(written)
        token = match.group()
        written.append(WrittenWord(token, match.start(), match.end()))
        expansion = _expand(token, learned)
        folded = fold_text(token)
        if (
            folded in _TWO_INITIALS
            and folded not in defined
            and expansion != (folded,)
            and not (folded in own and _in_capitals(token))
        ):
            unsure.add(index)
        for word in expansion:
            words.append(word)
            origin.append(index)
    return MatchText(original, tuple(written), tuple(words), tuple(origin), frozenset(unsure))


def _defined_as_table(original: str) -> frozenset[str]:
    """Short forms of two initials the text defines in the fixed table's meaning: "kế
    hoạch (KH)" fixes what "KH" means in it."""
    if "(" not in original:
        return frozenset()
    defined = set()
    for match in _DEFINED.finditer(original):
        key = fold_text(match.group(1))
        if key in _TWO_INITIALS:
            before = _WORD.findall(fold_text(original[: match.start()]))
            if tuple(before[-2:]) == get_expansion(_FIXED_MEANINGS[key]):
                defined.add(key)
    return frozenset(defined)


# The name of the field every task of Resolution 57 belongs to ("khoa học, công nghệ, đổi
# mới sáng tạo và chuyển đổi số"): in nearly every task, it says nothing about which work
# a task is, and two tasks sharing it alone are not alike.
_BOILERPLATE = re.compile(
    r"\b(?:phat trien )?khoa hoc (?:va )?cong nghe (?:va )?doi moi sang tao"
    r"(?: (?:va )?chuyen doi so(?: quoc gia)?)?\b"
)


# Words for one thing that tasks use in turn, folded to one before scoring (the parts
# read the words as written): grown from the development sets' misses where general.
_SYNONYMS = [
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bxoa (?:cac )?vung lom song\b", "phu song"),
        (r"\bhoi nghi truyen hinh truc tuyen\b", "hop truc tuyen"),
        # General administrative verbs for one kind of work (not pair-specific: kept
        # because a set gained and none lost, docs/overlap.md "Fifth session").
        (r"\bthuc hien\b", "trien khai"),
        (r"\blien thong\b", "ket noi"),
        # Office synonyms and loan words, each one thing in a plan whichever word a writer
        # picks (docs/overlap.md "s-synonyms"). A word with several meanings is matched only
        # in a phrase that fixes it: "bằng" is "by", "equal" and "diploma"; "mạng" is "the
        # internet" only after "trên"/"qua" and not before "xã hội", "lưới"…
        (r"\bon ?line\b|\be ?learning\b", "truc tuyen"),
        (
            r"\b(?:tren|qua) mang\b(?! xa hoi| luoi| vien thong| di dong| noi bo| lan\b)",
            "truc tuyen",
        ),
        (r"\blive ?stream\b", "phat truc tiep"),
        (r"\bcheck in\b", "lam thu tuc"),
        (
            r"\b(?:sinh trac hoc|nhan dien|quet|xac thuc|bang|qua) khuon mat\b|\bquet mat\b",
            "sinh trac hoc khuon mat",
        ),
        (r"\bnhan dang\b", "nhan dien"),
        (r"\bbien kiem soat\b", "bien so"),
        (r"\bdoc bien so\b", "nhan dien bien so"),
        (r"\bkhong (?:can )?(?:co )?nguoi truc\b", "tu dong"),
        (r"\bra truong\b", "tot nghiep"),
        (r"\b(nhan|cap) bang(?= dang\b| dien tu\b| so\b| tot nghiep\b)", r"\1 van bang"),
        (r"\bmon (?:hoc )?(?:chung|dai cuong)\b", "hoc phan dai cuong"),
        # A record "in digital form" is an electronic one ("đa dạng số lượng" is not).
        (r"\b(?:o |duoi )?(?<!\bda )dang (?:so|dien tu)\b(?! luong| lieu)", "dien tu"),
        (r"\b(van bang|hoc ba) so\b", r"\1 dien tu"),
        (r"\bsong sinh so\b|\bdigital twin\b", "ban sao so"),
        (r"\bmay hoc\b|\bmachine learning\b", "hoc may"),
        (r"\bbig data\b", "du lieu lon"),
        (r"\bchat ?bot\b", "tro ly ao"),
        (r"\btele(?:health|medicine)\b|\bkham benh tu xa\b", "kham chua benh tu xa"),
        (r"\bpredictive maintenance\b", "bao duong du bao"),
        (r"\bbao tri\b", "bao duong"),
        (r"\bdu doan\b|\bdoan truoc\b", "du bao"),
        (r"\b(?:tra|nop) tien\b", "thanh toan"),
        (r"\bap mai\b", "mai nha"),
        (r"\bsai gon\b|\bhcm\b", "ho chi minh"),
        (r"\bma dinh danh\b", "so dinh danh"),
        (r"\bnguoi (?:co )?tai(?: nang)?\b", "nhan tai"),
        (r"\bhanh ly gui\b", "hanh ly ky gui"),
        (r"\bnhan (?:chip|rfid)\b", "the rfid"),
    )
]


def fold_for_matching(
    text: str | None, *, abbreviations: Mapping[str, tuple[str, ...]] | None = None
) -> str:
    """The folded, expanded form of ``text`` that the vectorisers read."""
    folded = get_synonyms_folded(parse_match_text(text, abbreviations=abbreviations).folded)
    return _BOILERPLATE.sub(" ", folded).strip()


# Any of them: most titles say none, and one pass over a title finds that.
_ANY_SYNONYM = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _SYNONYMS))


def get_synonyms_folded(folded: str) -> str:
    """Folded words with the words for one thing (``_SYNONYMS``) made one."""
    if not _ANY_SYNONYM.search(folded):
        return folded
    for pattern, replacement in _SYNONYMS:
        folded = pattern.sub(replacement, folded)
    return folded


# "Trung tâm giám sát, điều hành thông minh (IOC)": a name, then its short form in
# parentheses. The name runs back to its first capital (not the sentence's first word)
# or, failing one, to the words whose initials spell the short form.
_DEFINED = re.compile(r"\(([A-ZĐ][A-ZĐa-z0-9&\-]{1,11})\)")
_NAME_WORD = re.compile(r"\w+")


def get_learned_abbreviations(
    texts: Iterable[str],
    *,
    names: Iterable[tuple[str, str]] = (),
    own: Iterable[tuple[str, str]] = (),
) -> Abbreviations:
    """Short forms a committee's own data defines, folded short form → folded words.

    First ``own``, pairs of (short form, full words) the committees of the tree wrote in
    their tables (``ShortForm``), the first of a short form kept: they win over
    everything below and, written whole, over the fixed table (``Abbreviations.own``).
    Then read from ``(IOC)`` after a name in any of ``texts`` and from ``names``, pairs of
    (full name, short name) such as a unit's; then bare initialisms ("KQXN") from the runs
    of words of ``texts`` that spell them, when clear (``_get_initialisms``). Short forms
    of the fixed table (``ABBREVIATIONS``) keep their meaning against all but ``own``, and
    a defined one wins over an initialism.
    """
    texts = list(texts)  # read twice: the parentheses, then the initialisms
    learned = Abbreviations()
    for short, full in own:
        key, expansion = fold_text(normalize_text(short)), get_expansion(full)
        if key and expansion and key not in learned:
            learned[key] = expansion
    learned.own = frozenset(learned)

    def learn(short: str, long_words: list[str]) -> None:
        key = fold_text(short)
        if key in _EXPANSIONS or not long_words or key in learned or len(key) < 2:
            return
        expansion = tuple(word for word in _WORD.findall(fold_text(" ".join(long_words))))
        if expansion and expansion != (key,):
            learned[key] = expansion

    for text in texts:
        original = normalize_text(text)
        for match in _DEFINED.finditer(original):
            short = match.group(1)
            before = _NAME_WORD.findall(original[: match.start()])[-12:]
            learn(short, _name_before(before, short))
    for full, short in names:
        short = normalize_text(short)
        if short and short.isupper() and " " not in short:
            learn(short, _NAME_WORD.findall(normalize_text(full)))
    for short, words in _get_initialisms(texts, learned).items():
        learn(short, list(words))
    return learned


# Initialisms used bare ("KQXN", "BVĐK tỉnh CM"), spelled out nowhere: read from the word
# runs of the same texts whose syllables' initials spell them ("kết quả xét nghiệm").
# Roman numerals ("Quý II") are not short forms.
_ROMAN = re.compile(r"[IVX]+")
# Punctuation and digits end a run of words: a name does not run across them.
# A comma does not: lists of names are short-formed whole ("tín ngưỡng, tôn giáo": "TNTG").
_RUN_BREAK = re.compile(r"[^\w\s,]+|\d\w*|_")
# Compared as written: folded, "đã" would be "Đa" of "Bệnh viện Đa khoa".
_FUNCTION_WORD_SET = frozenset(FUNCTION_WORDS)
# The letters of Latin script Vietnamese is written in: capitals, and each letter's initial
# as a run of words spells it (folded, but "đ" kept apart from "d").
_LETTERS = [
    chr(code)
    for block in (range(0x41, 0x250), range(0x1E00, 0x1F00))
    for code in block
    if chr(code).isalpha()
]
_CAPITALS = re.compile(
    r"(?<!\w)[" + "".join(ch for ch in _LETTERS if ch.isupper()) + r"]{2,}(?!\w)"
)
_INITIALS = {ch: "đ" if ch in "đĐ" else fold_text(ch)[:1] for ch in _LETTERS}
# A run is learned when it spells the short form at least twice and at least this many
# times as often as any other run does; a two-letter short form only from a name ("CM":
# "Cà Mau", written with capitals at least twice), since two common words spell too many
# ("TK": tài khoản, triển khai, tổng kết…) for the texts to tell which one is meant. A run
# seen once is not enough even when it is the only one: such runs were as often cut out of
# longer words ("báo cáo kết quả tổ…" for "CKQT") as right, on the labelled sets.
_SUPPORT = 2
_DOMINANCE = 3


def _get_initialisms(
    texts: Iterable[str], known: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """Bare all-capital tokens of ``texts`` (not in the fixed table, not in ``known``, not
    a word the texts also write in lower case), each with the one run of words in
    ``texts`` whose initials spell it, when that run is clear enough (see the constants).

    Read over every task of a tree when its index is built (180,000 in a national one):
    written for speed, with regular expressions and set operations doing most of the work
    and a word folded only when its run spells a short form (bench/RESULTS.md)."""
    texts = [normalize_text(text) for text in texts]
    tokens: set[str] = set()
    for text in texts:
        capitals = _CAPITALS.findall(text)
        # A title written in capitals is not a row of short forms.
        if capitals and 2 * len(capitals) <= len(_NAME_WORD.findall(text)):
            tokens.update(word for word in capitals if len(word) <= 7)
    # Keyed by spelling: "Đ" is its own letter ("ĐT" is not "DT").
    candidates: dict[str, set[str]] = {}
    for token in tokens:
        folded = fold_text(token)
        if folded in _EXPANSIONS or folded in known or _ROMAN.fullmatch(token):
            continue
        candidates.setdefault(_spelling(token), set()).add(token)
    if not candidates:
        return {}
    # Where a run may start: its first two initials open a short form ("kq" for "KQXN").
    lengths: dict[str, set[int]] = {}
    for key in candidates:
        lengths.setdefault(key[:2], set()).add(len(key))
    seconds: dict[str, str] = {}
    for opening in lengths:
        seconds[opening[0]] = seconds.get(opening[0], "") + opening[1]
    openings = re.compile(
        "(?=(?:"
        + "|".join(f"{re.escape(first)}[{re.escape(rest)}]" for first, rest in seconds.items())
        + "))"
    )
    lower_forms = {token.lower() for forms in candidates.values() for token in forms}
    lower_seen: set[str] = set()
    # Each clause read once however many tasks repeat it (a commune's share of a task is
    # often the province's wording), its runs counted as often as it occurs.
    clauses = Counter(chunk for text in texts for chunk in _RUN_BREAK.split(text))
    hits: Counter[tuple[str, str]] = Counter()
    for chunk, occurs in clauses.items():
        written = chunk.replace(",", " ").split()
        if len(written) < 2:
            continue
        lower_seen.update(lower_forms.intersection(written))
        initials = "".join([_INITIALS.get(word[0], "?") for word in written])
        for start in openings.finditer(initials):
            i = start.start()
            for n in lengths[initials[i : i + 2]]:
                key = initials[i : i + n]
                if key in candidates:
                    hits[key, " ".join(written[i : i + n])] += occurs
    # short form's spelling → folded run → [times seen, times written as a name]
    runs: dict[str, dict[tuple[str, ...], list[int]]] = {}
    for (key, phrase), times in hits.items():
        run = phrase.split()
        # Another short form or a numeral ("Quý I") is not a word of the name.
        if any(word.isupper() and (len(word) > 1 or _ROMAN.fullmatch(word)) for word in run):
            continue
        if any(word.lower() in _FUNCTION_WORD_SET for word in run):
            continue
        words = tuple(fold_text(phrase).split())
        seen = runs.setdefault(key, {}).setdefault(words, [0, 0])
        seen[0] += times
        if all(word[0].isupper() for word in run):
            seen[1] += times
    found: dict[str, tuple[str, ...] | None] = {}
    for key, spelled in runs.items():
        if any(token.lower() in lower_seen for token in candidates[key]):
            continue
        expansion = _clear_run(key, spelled)
        if expansion:
            # Expanded by their folded form: "ĐT" and "DT" both meaning something is
            # ambiguous, and neither is learned.
            folded = fold_text(key)
            found[folded] = None if folded in found else expansion
    return {key: expansion for key, expansion in found.items() if expansion}


def _spelling(token: str) -> str:
    return "".join("đ" if ch in "đĐ" else fold_text(ch) for ch in token)


def _clear_run(key: str, spelled: dict[tuple[str, ...], list[int]]) -> tuple[str, ...] | None:
    """The run of words ``spelled`` (run → [times, times as a name]) clearly meant by
    ``key``, or ``None``."""
    if len(key) == 2:
        best, (times, as_name) = max(spelled.items(), key=lambda item: (item[1][1], item[1][0]))
        if as_name < _SUPPORT:
            return None
    else:
        best, (times, _) = max(spelled.items(), key=lambda item: item[1][0])
        if times < _SUPPORT:
            return None
    others = max((seen[0] for run, seen in spelled.items() if run != best), default=0)
    return best if times >= _DOMINANCE * others else None


def _name_before(words: list[str], short: str) -> list[str]:
    letters = [ch for ch in fold_text(short) if ch.isalpha()]
    initials = [fold_text(word)[:1] for word in words]
    if len(letters) <= len(words) and initials[-len(letters) :] == letters:
        return words[-len(letters) :]
    # A short form in Vietnamese letters ("ĐHCT") that the words before do not spell names
    # whose unit they are, not them: "Phòng Đào tạo (ĐHCT)", "Viện Khoa học Sự sống
    # (ĐHTN)" (read "ĐHCT" = "đào tạo", twenty-seventh dev half). Only a foreign one
    # ("Trung tâm giám sát, điều hành thông minh (IOC)") is the name before in other words.
    if fold_text(short) != short.lower():
        return []
    capitals = [i for i, word in enumerate(words) if i and word[:1].isupper()]
    if capitals:
        return words[capitals[0] if len(words) - capitals[0] <= 8 else capitals[-1] :]
    return words[-6:]


@dataclass(frozen=True)
class Segment:
    """A piece of a text to display; ``shared`` pieces are marked."""

    text: str
    shared: bool


def _ngrams(words: tuple[str, ...], n: int) -> dict[tuple[str, ...], list[int]]:
    found: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(words) - n + 1):
        found.setdefault(words[i : i + n], []).append(i)
    return found


def get_shared_phrases(
    a: MatchText, b: MatchText, *, common: frozenset[str] = frozenset(), min_words: int = 2
) -> list[str]:
    """The longest runs of words ``a`` and ``b`` have in common, longest first.

    A run must hold ``min_words`` words or more and at least one word that is neither a
    stop word nor in ``common`` (words found in most tasks, such as "phát triển").
    """
    a_marks, _b_marks = _shared_marks(a, b, common=common, min_words=min_words)
    phrases: list[str] = []
    for run in _runs(a_marks):
        phrase = " ".join(a.words[run[0] : run[-1] + 1])
        if phrase not in phrases:
            phrases.append(phrase)
    return sorted(phrases, key=lambda phrase: (-len(phrase.split()), phrase))


def _runs(marks: list[bool]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i, marked in enumerate(marks):
        if not marked:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _shared_marks(
    a: MatchText, b: MatchText, *, common: frozenset[str], min_words: int
) -> tuple[list[bool], list[bool]]:
    a_marks = [False] * len(a.words)
    b_marks = [False] * len(b.words)
    dull = STOP_WORDS | common
    for n in range(min_words, 7):
        a_grams, b_grams = _ngrams(a.words, n), _ngrams(b.words, n)
        for gram in a_grams.keys() & b_grams.keys():
            if all(word in dull for word in gram):
                continue
            for i in a_grams[gram]:
                a_marks[i : i + n] = [True] * n
            for i in b_grams[gram]:
                b_marks[i : i + n] = [True] * n
    return a_marks, b_marks


def get_highlighted(
    text: MatchText, other: MatchText, *, common: frozenset[str] = frozenset()
) -> list[Segment]:
    """``text`` as segments, the words it shares with ``other`` marked."""
    marks, _ = _shared_marks(text, other, common=common, min_words=2)
    marked_written = {text.origin[i] for i, marked in enumerate(marks) if marked}
    segments: list[Segment] = []
    position = 0
    for index, word in enumerate(text.written):
        shared = index in marked_written
        gap = text.original[position : word.start]
        if shared and segments and segments[-1].shared and gap.strip() == "":
            segments[-1] = Segment(segments[-1].text + gap + word.text, True)
        else:
            if gap:
                segments.append(Segment(gap, False))
            segments.append(Segment(word.text, shared))
        position = word.end
    if position < len(text.original):
        segments.append(Segment(text.original[position:], False))
    return _merge_plain(segments)


def _merge_plain(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].shared == segment.shared:
            merged[-1] = Segment(merged[-1].text + segment.text, segment.shared)
        else:
            merged.append(segment)
    return merged
