"""Audit of the overlap finder's explanation lines ("cùng … ; khác đối tượng: A / B").

For every labelled pair of every ``chidao/overlap/data/pairs_*.jsonl`` whose probability
of being the same work is at least ``--floor`` (0.3), prints the line the task form, the
overlap report and the assistant show, and counts the lines a person sees at once are
wrong. A line is junk when one of its terms (the agreed action and product, each side of
a difference) is, in the title it was read from:

- ``kind``: only a kind of body or place ("trung tâm", "đặc khu", "UBND", "TT", "Sở"; a
  place's kind after it at most, "UBND tỉnh"; product differences are the table's products):
  two tasks do not agree on, or differ by, the kind of body that does them;
- ``truncated``: the start of a longer name, cut inside a word or before "và" ("Cục Du"
  of "Cục Du lịch Quốc gia Việt Nam", "Bộ Nông nghiệp" of "Bộ Nông nghiệp và Môi
  trường"; "Sở Xây dựng" of "Sở Xây dựng Đà Nẵng" leaves out a place and is whole);
- ``fragment``: a run of words inside a multi-word name, not at its start ("nghiệp và"
  of "Sở Nông nghiệp và Môi trường Vĩnh Long") — the body's name read as the work or the
  object. The name without its kind ("Tổng công ty **Đường sắt Việt Nam**") and a place
  that ends a name (a run of two or more capitalised words: "… Môi trường **Hà Nội**")
  are whole.

Names are read here on their own, independently of ``parts.py``, from the written words:
a name opens with a kind word (``_KINDS``; a body's kind written with a capital, a
place's kind in either case when a capital follows) and runs on over capitalised words,
the one lower-case syllable that completes a capitalised word ("Nông **nghiệp**", "Du
**lịch**", not after a pair of capitals: "Việt Nam **hoàn** thiện"), "và"/"&" between
two capitalised words and a place's kind before a capital ("Sở Tài chính **tỉnh** Phú
Thọ"). A term is a fragment or truncated only where every occurrence of it in that title
lies strictly inside such a name; a place's own name after its kind ("tỉnh **Phú Thọ**")
is the place, not a fragment.

    CHIDAO_SECRET_KEY=bench .venv/bin/python bench/overlap_explanations.py [--junk-only]

Not a test.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")

DATA = ROOT / "chidao" / "overlap" / "data"

# Kinds of body (written with a capital when they open a name) and of place.
_BODY_KINDS = (
    "ủy ban nhân dân",
    "uỷ ban nhân dân",
    "ubnd",
    "hđnd",
    "ban quản lý",
    "ban",
    "sở",
    "bộ",
    "cục",
    "tổng cục",
    "chi cục",
    "trung tâm",
    "tt",
    "bệnh viện",
    "bv",
    "ngân hàng",
    "tổng công ty",
    "công ty",
    "tập đoàn",
    "cảng vụ",
    "vườn quốc gia",
    "học viện",
    "viện",
    "trường",
    "đài",
    "kho bạc",
    "văn phòng",
    "phòng",
    "trạm",
    "chi nhánh",
    "cơ quan",
)
_PLACE_KINDS = (
    "tỉnh",
    "thành phố",
    "tp",
    "tp.",
    "xã",
    "phường",
    "huyện",
    "quận",
    "thị trấn",
    "thị xã",
    "đặc khu",
    "thôn",
    "bản",
)
_KINDS = sorted({tuple(kind.split()) for kind in _BODY_KINDS + _PLACE_KINDS}, key=len, reverse=True)
_PLACE_KIND_WORDS = frozenset(tuple(kind.split()) for kind in _PLACE_KINDS)
_JOINERS = frozenset({"và", "&"})
# Lower-case words that do not complete a capitalised word of a name: prepositions and
# the first syllables of the verbs that follow a body's name.
_NOT_IN_NAMES = frozenset(
    """trước sau tại về của cho trên từ đến với theo trong ở ban xây triển thực vận cung
    phát hoàn tổ làm lấy đưa cấp chỉ thu tiếp giải số lắp kết nâng mở ứng hướng tham chủ
    phối đào tuyên kiểm giám rà đánh báo phê nghiên hỗ duy áp tích liên khảo tập bố đẩy
    cập xuất nhận gửi cử trang đầu mua thí hóa có là được để những khi đã sẽ
    trực""".split()  # noqa: SIM905 (ninety syllables read better as one string)
)
_WORD = re.compile(r"[\w&.%/-]+|[^\w\s]")
_LINE = re.compile(r"^(khác [^:]+): (.+) / (.+)$")


def _words(title: str) -> list[str]:
    return [token.rstrip(".") or token for token in _WORD.findall(title)]


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _kind_at(lower: list[str], i: int) -> tuple[str, ...] | None:
    return next((kind for kind in _KINDS if tuple(lower[i : i + len(kind)]) == kind), None)


def name_spans(title: str) -> list[tuple[int, int, int]]:
    """(start, end of the kind word, end) of each name in ``title``'s words."""
    words = _words(title)
    lower = [word.lower() for word in words]
    spans, i = [], 0
    while i < len(words):
        kind = _kind_at(lower, i)
        place = kind in _PLACE_KIND_WORDS
        after = i + len(kind) if kind else i
        opens = kind and (
            (_capital(words[i]) and not place)
            or (place and after < len(words) and _capital(words[after]))
        )
        if not opens:
            i += 1
            continue
        end, previous_capital = after, False
        while end < len(words):
            word = words[end]
            following = words[end + 1] if end + 1 < len(words) else ""
            if not word[:1].isalnum() and word not in _JOINERS:
                break
            if _capital(word) and word.lower() not in _JOINERS:
                if _kind_at(lower, end) and end > after:
                    break
                end, previous_capital = end + 1, end > after and _capital(words[end - 1])
                continue
            # "và" between two parts of one name, not between two names ("Trường … và
            # Trường …").
            if word in _JOINERS and _capital(following) and not _kind_at(lower, end + 1):
                end, previous_capital = end + 1, False
                continue
            inner = _kind_at(lower, end)
            if (
                inner in _PLACE_KIND_WORDS
                and len(words) > end + len(inner)
                and _capital(words[end + len(inner)])
            ):
                end, previous_capital = end + len(inner), False
                continue
            # The lower-case syllable of a capitalised word ("Nông nghiệp"), not a verb
            # after a name of two capitals ("Việt Nam hoàn thiện").
            # A short form ("KH&CN", "XD") is a whole word; a preposition or a verb's
            # first syllable is not a name's ("Cục Thuế **trước** …", "Thôn Tây **lắp**").
            previous = words[end - 1]
            whole = previous.isupper() and len(previous) > 1
            if (
                end > after
                and _capital(previous)
                and not previous_capital
                and not whole
                and word.lower() not in _NOT_IN_NAMES
            ):
                end, previous_capital = end + 1, True
                continue
            break
        if end > after:
            spans.append((i, after, end))
        i = max(end, i + 1)
    return spans


def _occurrences(term: list[str], words: list[str]) -> list[int]:
    n = len(term)
    return [i for i in range(len(words) - n + 1) if words[i : i + n] == term]


def junk_kind(term: str, titles: tuple[str, ...]) -> str | None:
    """Why ``term`` is junk in the titles it may come from, else None."""
    lower = [word.lower() for word in _words(term)]
    if not lower:
        return None
    # One kind, a place's kind after it at most ("UBND tỉnh"; "Bộ TP" is "Bộ Tư pháp").
    kind = _kind_at(lower, 0)
    rest = lower[len(kind) :] if kind else None
    if rest == [] or (
        rest and _kind_at(rest, 0) in _PLACE_KIND_WORDS - {("tp",)} and len(rest) == 1
    ):
        return "kind"
    found = None
    for title in titles:
        words = [word.lower() for word in _words(title)]
        places = name_spans(title)
        hits = _occurrences(lower, words)
        if not hits:
            continue
        kinds = []
        for hit in hits:
            end = hit + len(lower)
            inside = next(
                (span for span in places if span[0] <= hit and end <= span[2]),
                None,
            )
            if inside is None or (hit, end) == (inside[0], inside[2]):
                kinds = []
                break
            start, after, stop = inside
            kind_words = tuple(words[start:after])
            if kind_words in _PLACE_KIND_WORDS and hit >= after:
                kinds = []
                break
            written = _words(title)
            # The name without its kind ("Tổng công ty **Đường sắt Việt Nam**"), or a
            # place's name ending a body's ("Sở Tài chính tỉnh **Phú Thọ**", "Sở … Môi
            # trường **Hà Nội**"): whole names.
            place = end == stop and all(_capital(word) for word in written[hit:end])
            if (hit == after and end == stop) or (place and end - hit >= 2):
                kinds = []
                break
            # Cut before a capitalised word, a name leaves out the place that ends it
            # ("Sở Xây dựng" of "Sở Xây dựng Đà Nẵng"); before a lower-case syllable or
            # "và" it is cut inside a word ("Cục Du" lịch, "Bộ Nông nghiệp" và …).
            if (
                hit == start
                and end < stop
                and (_capital(written[end]) or tuple(words[end : end + 1]) in _PLACE_KIND_WORDS)
            ):
                kinds = []
                break
            kinds.append("truncated" if hit == start else "fragment")
        if kinds:
            found = found or kinds[0]
        elif hits:
            return None
    return found


def _agreed_terms(phrase: str) -> list[str]:
    """The action and product an agreement line joins ("xây dựng quy chế")."""
    from chidao.overlap.parts import ACTIONS, PRODUCTS

    actions = sorted({label for label, _ in ACTIONS.values()}, key=len, reverse=True)
    products = sorted({label for label, _ in PRODUCTS.values()}, key=len, reverse=True)
    if phrase in actions or phrase in products:
        return [phrase]
    for label in actions:
        if phrase.startswith(label + " "):
            return [label, phrase[len(label) + 1 :]]
    for label in products:
        if phrase.endswith(" " + label):
            return [phrase[: -len(label) - 1], label]
    return [phrase]


def line_junk(summary: str, a: str, b: str) -> list[tuple[str, str]]:
    """(kind of junk, term) of each wrong term of an explanation line."""
    from chidao.overlap.parts import level_differ

    found = []
    for line in summary.split("; "):
        if line.startswith("cùng "):
            for term in _agreed_terms(line[len("cùng ") :]):
                why = junk_kind(term, (a, b))
                if why:
                    found.append((why, term))
            continue
        match = _LINE.match(line)
        # "khác cấp: tỉnh / xã" names two levels, rightly by their kind; a centre is a
        # product the reader's table knows ("khác sản phẩm: trung tâm / hướng dẫn").
        if not match or line == level_differ(*match.group(2, 3)):
            continue
        if match.group(1) == "khác sản phẩm":
            continue
        for term in match.group(2, 3):
            why = junk_kind(term, (a, b))
            if why:
                found.append((why, term))
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--floor", type=float, default=0.3)
    parser.add_argument("--junk-only", action="store_true", help="print only wrong lines")
    parser.add_argument("files", nargs="*", help="labelled files (default: every pairs_*)")
    args = parser.parse_args()
    import django

    django.setup()
    from chidao.overlap.decision import get_probability
    from chidao.overlap.index import read_pairs

    paths = [Path(name) for name in args.files] or sorted(DATA.glob("pairs_*.jsonl"))
    totals, by_kind = Counter(), Counter()
    for path in paths:
        pairs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        read = read_pairs([(pair["a"], pair["b"]) for pair in pairs])
        shown = junk = 0
        for pair, (score, comparison) in zip(pairs, read, strict=True):
            probability = get_probability(score, comparison)
            if probability < args.floor:
                continue
            shown += 1
            summary = comparison.summary
            wrong = line_junk(summary, pair["a"], pair["b"])
            junk += bool(wrong)
            by_kind.update(kind for kind, _ in wrong)
            if wrong or not args.junk_only:
                label = "same" if pair["same"] else "diff"
                marks = "  JUNK " + ", ".join(f"{k}: {t}" for k, t in wrong) if wrong else ""
                print(f"{path.name} {probability:.2f} {label} | {pair['a']} | {pair['b']}")
                reasons = ",".join(comparison.reasons)
                print(f"    — {summary or '-'}{marks}  [{reasons}]")
        totals["shown"] += shown
        totals["junk"] += junk
        print(f"## {path.name}: {shown} lines at p >= {args.floor}, {junk} junk")
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(by_kind.items()))
    print(f"TOTAL: {totals['shown']} lines at p >= {args.floor}, {totals['junk']} junk ({kinds})")


if __name__ == "__main__":
    main()
