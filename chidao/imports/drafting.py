"""Draft tasks read out of directive text: the assistant that saves copying by hand.

Vietnamese administrative writing assigns work in a few set shapes, which these rules
read (on the folded text, so diacritics and case do not matter):

* prose: "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ
  xây dựng Kế hoạch …, hoàn thành trong Quý II/2025."; "Ban Tuyên giáo chủ trì, phối
  hợp với các cơ quan liên quan hướng dẫn …"; "Giao Sở Nội vụ: Xây dựng …; thời gian
  hoàn thành: tháng 6/2025";
* an appendix table pasted from Word (cells separated by tabs) or Markdown: TT, task,
  lead unit, coordinating units, output, deadline.

Each field of a draft says whether it was *found* (read in its place in the text),
*guessed* (inferred, e.g. the output "Kế hoạch" from "xây dựng Kế hoạch …", or a unit
name that only resembles one on file) or is missing. Rules are plain functions of the
text and of the list of unit names; ``get_draft_tasks`` adds the units from the
database.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from chidao.assignments.deadlines import parse_deadline_phrase
from chidao.core.text import fold_text, normalize_text
from chidao.overlap.index import SimilarityIndex
from chidao.overlap.rules import fold_for_matching

FOUND, GUESSED, MISSING = "found", "guessed", "missing"

# Verbs that open the work itself ("… chủ trì, phối hợp với … xây dựng …").
ACTION_VERBS = tuple(
    fold_text(verb)
    for verb in (
        "xây dựng",
        "tham mưu",
        "trình",
        "ban hành",
        "triển khai",
        "tổ chức",
        "hướng dẫn",
        "rà soát",
        "nghiên cứu",
        "đề xuất",
        "hoàn thiện",
        "hoàn thành",
        "thực hiện",
        "theo dõi",
        "bố trí",
        "cân đối",
        "phát triển",
        "đẩy mạnh",
        "thúc đẩy",
        "nâng cấp",
        "nâng cao",
        "sửa đổi",
        "bổ sung",
        "kiện toàn",
        "thành lập",
        "đầu tư",
        "hỗ trợ",
        "tuyên truyền",
        "quán triệt",
        "lãnh đạo",
        "chỉ đạo",
        "kiểm tra",
        "đánh giá",
        "tổng hợp",
        "báo cáo",
        "cụ thể hóa",
        "phối hợp",
        "đưa",
        "kết nối",
        "số hóa",
        "lập",
        "cập nhật",
        "công bố",
        "phát động",
        "tập huấn",
        "đào tạo",
        "chuẩn bị",
    )
)
_VERB = "|".join(sorted((re.escape(verb) for verb in ACTION_VERBS), key=len, reverse=True))

# A period as plans write it (folded): "30/6/2025", "tháng 6/2025", "Quý II/2025", "Quý II
# năm 2025", "6 tháng đầu năm 2025", "năm 2025", "2025 - 2026", "Hằng quý", "Thường xuyên".
_PERIOD = (
    r"(?:ngay\s+)?\d{1,2}/\d{1,2}/\d{4}"
    r"|(?:thang\s+)?\d{1,2}/\d{4}"
    r"|quy\s+[ivx1-4]+(?:/|\s+nam\s+)\d{4}"
    r"|[69]\s+thang\s+(?:dau|cuoi)\s+nam\s+\d{4}"
    r"|nam\s+\d{4}(?:\s+va\s+nhung\s+nam\s+tiep\s+theo)?"
    r"|\d{4}(?:\s*-\s*\d{4})?(?:\s+va\s+nhung\s+nam\s+tiep\s+theo)?"
    r"|hang\s+(?:nam|quy|thang)|thuong\s+xuyen|nhiem\s+vu\s+thuong\s+xuyen"
)
# Where a deadline is written, at the end of the piece: "…; thời gian hoàn thành: tháng
# 6/2025", "…, hoàn thành trong Quý II/2025", "… trước ngày 30/9/2025", "… (Hằng năm)",
# "… báo cáo hằng quý". A bare year inside a title ("Kế hoạch … năm 2025") is no deadline:
# a cue word, a comma or a bracket must come before the period.
_DEADLINE_LABELLED = re.compile(
    r"(?:[,;.(]\s*|\s)(?:thoi gian|thoi han)(?: hoan thanh| thuc hien)?\s*:?\s*"
    r"(?P<phrase>[^;()\n]+?)\s*\)?\s*[.;]?\s*$"
)
_DEADLINE_CUED = re.compile(
    r"(?P<clause>[,;(]\s*(?:(?:hoan thanh|xong)\s+)?|\s(?:hoan thanh|xong)\s+|\s(?=truoc|trong"
    r"|cham nhat|chat nhat|hang|thuong))"
    rf"(?P<phrase>(?:(?:truoc|trong|cham nhat|chat nhat)\s+)?(?:{_PERIOD}))"
    r"\s*\)?\s*[.;]?\s*$"
)
_OUTPUT_PATTERN = re.compile(
    r"(?:,|;|\.)\s*(?:san pham|ket qua)(?: dau ra)?\s*:\s*(?P<phrase>[^;.\n]+?)\s*[;.]?\s*$"
)
# Document kinds a task often produces, read from its verb: "xây dựng Kế hoạch …".
_OUTPUT_KINDS = tuple(
    (fold_text(kind), kind)
    for kind in (
        "Kế hoạch",
        "Quyết định",
        "Đề án",
        "Nghị quyết",
        "Chương trình",
        "Quy chế",
        "Quy định",
        "Báo cáo",
        "Hướng dẫn",
        "Bộ tiêu chí",
        "Danh mục",
        "Nghị định",
        "Chỉ thị",
        "Cơ sở dữ liệu",
    )
)
_ITEM_MARK = re.compile(
    r"^\s*(?:[-–•*+]|\d+(?:\.\d+)*\\?[.)]|[a-zđ][.)]|[ivxlc]+\\?[.)])\s+", re.IGNORECASE
)
_TABLE_SPLIT = re.compile(r"\t|\s*\|\s*")


@dataclass(frozen=True)
class UnitName:
    """A unit as the assistant knows it: its key (primary key) and names."""

    key: object
    name: str
    short_name: str = ""


@dataclass
class DraftField:
    value: str = ""
    state: str = MISSING

    @property
    def found(self) -> bool:
        return self.state == FOUND


@dataclass
class DraftTask:
    """One piece of text that assigns work, read into the fields of a task."""

    source: str
    title: DraftField
    lead: DraftField
    lead_unit: UnitName | None = None
    coordinating: DraftField = field(default_factory=DraftField)
    coordinating_units: list[UnitName] = field(default_factory=list)
    output: DraftField = field(default_factory=DraftField)
    deadline: DraftField = field(default_factory=DraftField)
    deadline_error: str = ""
    duplicates: list = field(default_factory=list)


class UnitMatcher:
    """Finds units on file in a phrase: by name or short name, else by resemblance."""

    def __init__(self, units: Sequence[UnitName], directory=None):
        self.units = list(units)
        # The committee's unit directory (``committees.directory``), when there is one:
        # names are then read by the one resolver the imports use.
        self.directory = directory
        self._names = []
        for unit in self.units:
            for name in {unit.name, unit.short_name} - {""}:
                self._names.append((f" {fold_for_matching(name)} ", unit))
        self._names.sort(key=lambda pair: -len(pair[0]))
        self._index: SimilarityIndex | None = None  # built on the first guess

    def find_all(self, phrase: str) -> list[UnitName]:
        """Units named in ``phrase``, in the order written; a longer name wins.

        A name right after a party organ's words is not that body: "Đảng đoàn Quốc hội"
        and "Ban cán sự đảng Chính phủ" are other bodies than "Quốc hội" and "Chính phủ".
        """
        folded = f" {fold_for_matching(phrase)} "
        found: list[tuple[int, UnitName]] = []
        taken: list[tuple[int, int]] = []
        for name, unit in self._names:
            start = folded.find(name)
            while start >= 0:
                end = start + len(name)
                if not _starts_a_name(folded[: start + 1]):
                    start = folded.find(name, end - 1)
                    continue
                # The spaces around a name are shared with its neighbours: compare the words.
                if not any(start + 1 < b - 1 and a + 1 < end - 1 for a, b in taken):
                    taken.append((start, end))
                    if unit not in [known for _, known in found]:
                        found.append((start, unit))
                start = folded.find(name, end - 1)
        return [unit for _, unit in sorted(found, key=lambda pair: pair[0])]

    def resolve_all(self, phrase: str) -> list[UnitName]:
        """Units the directory resolves in ``phrase``, name by name, in order; empty when
        there is no directory or it resolves none (``find_all`` then reads the phrase)."""
        if self.directory is None:
            return []
        found: list[UnitName] = []
        for resolution in self.directory.read_cell(phrase):
            unit = resolution.unit
            if unit is not None and all(known.key != unit.pk for known in found):
                found.append(UnitName(unit.pk, unit.name, unit.short_name))
        return found

    def guess(self, phrase: str) -> UnitName | None:
        """The unit whose name ``phrase`` most resembles, if closely enough."""
        if not self.units or not fold_for_matching(phrase):
            return None
        if self._index is None:
            names = [unit.name for unit in self.units]
            self._index = SimilarityIndex(list(range(len(self.units))), names)
        matches = self._index.search_text(phrase, threshold=0.5, limit=1)
        if not matches:
            return None
        key = matches[0].key
        assert isinstance(key, int)  # the index is built on the units' positions
        unit = self.units[key]
        # "Đảng đoàn Quốc hội" resembles "Quốc hội" because it contains it: a body of
        # that body, not the body itself.
        folded = f" {fold_for_matching(phrase)} "
        if any(f" {fold_for_matching(name)} " in folded for name in (unit.name, unit.short_name)):
            return None
        return unit


# Words that, just before a body's name, make another body of it: "Đảng đoàn Quốc hội",
# "Ban cán sự đảng Chính phủ", "Đảng ủy Bộ Công an", "Công đoàn Bộ Tài chính".
_QUALIFIER = re.compile(
    r"\b(?:dang doan|ban can su dang|dang uy|ban thuong vu|thuong vu|thuong truc|"
    r"ban chap hanh|chi bo|cong doan|doan thanh nien)\s*$"
)


def _starts_a_name(before: str) -> bool:
    return not _QUALIFIER.search(before.strip())


def split_items(text: str) -> list[str]:
    """Pieces of ``text`` that may each assign a task: list items, table rows, sentences."""
    items: list[str] = []
    for line in normalize_text(text).splitlines():
        line = line.strip()
        if not line or set(line) <= set("|-: "):
            continue
        if "\t" in line or line.count("|") >= 4:
            items.append(line)
            continue
        line = _ITEM_MARK.sub("", line)
        # A paragraph holding several assignments: each "Giao …" starts a new one.
        parts = re.split(r"(?<=[.;])\s+(?=Giao\s)", line)
        items.extend(part.strip() for part in parts if part.strip())
    return items


def _cells(item: str) -> list[str] | None:
    if "\t" not in item and item.count("|") < 4:
        return None
    cells = [cell.strip().strip("*").strip() for cell in _TABLE_SPLIT.split(item.strip("| "))]
    return cells if len(cells) >= 4 else None


def _read_deadline(folded: str) -> tuple[int, int, int] | None:
    """Where the deadline clause at the end of ``folded`` starts, and its phrase's span."""
    for pattern in (_DEADLINE_LABELLED, _DEADLINE_CUED):
        match = pattern.search(folded)
        if match:
            return match.start(), match.start("phrase"), match.end("phrase")
    return None


_MAKING = r"(?:xay dung|ban hanh|trinh|lap|soan thao|hoan thien|trien khai|sua doi|cong bo)"


def _guess_output(title: str) -> DraftField:
    """The kind of document the work makes, when a making verb comes just before it."""
    folded = fold_text(title)
    for kind_folded, kind in _OUTPUT_KINDS:
        pattern = (
            rf"\b{_MAKING}(?:[ ,]+(?:{_MAKING}|va|du thao)){{0,3}}[ ,]+{re.escape(kind_folded)}\b"
        )
        if re.search(pattern, folded):
            return DraftField(kind, GUESSED)
    return DraftField()


def _cut(original: str, folded: str, start: int, end: int | None = None) -> str:
    """The part of ``original`` at the place of ``folded[start:end]``.

    Folding keeps the length of Vietnamese text except where NFD/whitespace changes it,
    so the cut is made on word counts, which folding never changes.
    """
    words = original.split()
    folded_words = folded.split()
    if len(words) != len(folded_words):
        return folded[start:end].strip()
    first = len(folded[:start].split())
    if 0 < start < len(folded) and not (folded[start - 1].isspace() or folded[start].isspace()):
        first -= 1  # the cut starts inside a word ("(hang nam)"): keep that word
    last = len(folded_words) if end is None else len(folded[:end].split())
    return " ".join(words[first:last])


def _clean_title(title: str) -> str:
    title = title.strip(" ,;:.-–")
    return title[:1].upper() + title[1:] if title else title


def parse_directive_item(item: str, matcher: UnitMatcher) -> DraftTask | None:
    """Read one piece of directive text into a draft, or ``None`` if it assigns nothing."""
    cells = _cells(item)
    if cells is not None:
        return _read_row(item, cells, matcher)
    return _read_prose(item, matcher)


def _read_row(item: str, cells: list[str], matcher: UnitMatcher) -> DraftTask | None:
    if re.fullmatch(r"[\divxlcIVXLC]+\.?", cells[0] or "x") is None:
        return None  # a header or group row
    cells = [*cells, "", "", ""][:6]
    _, title, lead, coordinating, output, deadline = cells
    if not title or not lead:
        return None
    draft = DraftTask(source=item, title=DraftField(title, FOUND), lead=DraftField(lead, FOUND))
    _attach_units(draft, lead, coordinating, matcher)
    if output:
        draft.output = DraftField(output, FOUND)
    else:
        draft.output = _guess_output(title)
    if deadline:
        draft.deadline = DraftField(deadline, FOUND)
    _check_deadline(draft)
    return draft


def _attach_units(draft: DraftTask, lead: str, coordinating: str, matcher: UnitMatcher) -> None:
    leads = matcher.resolve_all(lead) or matcher.find_all(lead)
    if leads:
        draft.lead_unit = leads[0]
    else:
        draft.lead_unit = matcher.guess(lead)
        if draft.lead_unit is not None:
            draft.lead.state = GUESSED
    if coordinating:
        draft.coordinating = DraftField(coordinating.strip(" ,;:"), FOUND)
        units = matcher.resolve_all(coordinating) or matcher.find_all(coordinating)
        draft.coordinating_units = [unit for unit in units if unit != draft.lead_unit]


def _names_a_unit(original: str, folded: str, end: int, matcher: UnitMatcher) -> bool:
    return bool(matcher.find_all(_cut(original, folded, 0, end)))


def _read_roles(original: str, folded: str, body: str, matcher: UnitMatcher):
    """The lead phrase, the coordinating phrase and where the work starts in ``body``.

    In order: "[Giao] A chủ trì[, phối hợp với B] <work>"; "Giao A: <work>" or "Giao A
    <work>"; "A phối hợp với B <work>" and "A: <work>" and "A <work>" when A names a unit
    on file (Party documents name the lead first: "Văn phòng Trung ương Đảng phối hợp với
    Ban Kinh tế Trung ương theo dõi …").
    """
    chairs = re.match(
        r"^(?:(?:giao|de nghi)\s+(?:cho\s+)?)?(?P<lead>.+?)\s+chu tri\b[\s,;:]*", body
    )
    if chairs and len(chairs.group("lead").split()) <= 25:
        rest = chairs.end()
        coordination = re.match(
            rf"phoi hop(?:\s+voi)?\s+(?P<with>.+?)[\s,;:]+(?=(?:{_VERB})\b)", body[rest:]
        )
        if coordination:
            return chairs.group("lead"), coordination.group("with"), rest + coordination.end()
        return chairs.group("lead"), "", rest
    assigned = re.match(
        rf"^(?:giao|de nghi)\s+(?:cho\s+)?(?P<lead>[^:;]+?)\s*(?::|(?=(?:{_VERB})\b))", body
    )
    if assigned:
        return assigned.group("lead"), "", assigned.end()
    partnered = re.match(
        rf"^(?P<lead>[^,;:]{{3,120}}?)\s+phoi hop voi\s+(?P<with>.+?)[\s,;:]+(?=(?:{_VERB})\b)",
        body,
    )
    labelled = re.match(r"^(?P<lead>[^:;]{3,80}?)\s*:\s*", body)
    # "A, B chỉ đạo …": bodies listed together, the first named leads.
    direct = re.match(rf"^(?P<lead>[^;:]{{3,160}}?)\s+(?=(?:{_VERB})\b)", body)
    for match in (partnered, labelled, direct):
        if match and _names_a_unit(original, folded, match.end("lead"), matcher):
            coordinating = match.groupdict().get("with") or ""
            return match.group("lead"), coordinating, match.end()
    return "", "", None


def _read_prose(item: str, matcher: UnitMatcher) -> DraftTask | None:
    original = " ".join(item.split())
    folded = fold_text(original)
    body_end = len(folded)
    deadline = _read_deadline(folded)
    output_match = _OUTPUT_PATTERN.search(folded)
    output = None
    if output_match:
        output = _cut(original, folded, output_match.start("phrase"), output_match.end("phrase"))
        body_end = output_match.start()
        deadline = _read_deadline(folded[:body_end]) or deadline
    if deadline:
        body_end = min(body_end, deadline[0])
    body = folded[:body_end]

    lead_phrase, coordinating_phrase, work_start = _read_roles(original, folded, body, matcher)
    if work_start is None:
        return None

    lead_start = body.find(lead_phrase)
    lead_text = _cut(original, folded, lead_start, lead_start + len(lead_phrase)).strip(" ,;:")
    title = _clean_title(_cut(original, folded, work_start, body_end))
    if len(title.split()) < 3:
        return None
    draft = DraftTask(
        source=item, title=DraftField(title, FOUND), lead=DraftField(lead_text, FOUND)
    )
    coordinating_text = ""
    if coordinating_phrase:
        start = body.find(coordinating_phrase)
        coordinating_text = _cut(original, folded, start, start + len(coordinating_phrase))
    _attach_units(draft, lead_text, coordinating_text, matcher)
    draft.output = DraftField(output, FOUND) if output else _guess_output(title)
    if deadline:
        phrase = _cut(original, folded, deadline[1], deadline[2]).strip(" ,;.:()")
        draft.deadline = DraftField(phrase, FOUND)
    _check_deadline(draft)
    return draft


def _check_deadline(draft: DraftTask) -> None:
    if not draft.deadline.value:
        return
    try:
        draft.deadline.value = parse_deadline_phrase(draft.deadline.value).text
    except ValidationError as error:
        draft.deadline.state = GUESSED
        draft.deadline_error = " ".join(error.messages)


def parse_directive_text(text: str, units: Sequence[UnitName], directory=None) -> list[DraftTask]:
    """Every piece of ``text`` that assigns work, as a draft task."""
    matcher = UnitMatcher(units, directory)
    drafts = []
    for item in split_items(text):
        draft = parse_directive_item(item, matcher)
        if draft is not None:
            drafts.append(draft)
    return drafts


def get_draft_tasks(text: str, committee=None) -> list[DraftTask]:
    """``parse_directive_text`` against the active units on file.

    Provinces name their departments alike ("Sở KH&CN"): units already leading or
    coordinating tasks of ``committee``'s tree are tried first, so the name is read as
    the province's own department.
    """
    from chidao.assignments.models import Task
    from chidao.committees.access import get_committee_tree
    from chidao.committees.directory import UnitDirectory, get_foreign_unit_ids
    from chidao.org.models import Unit
    from chidao.overlap.finder import get_root_committee

    preferred: set[int] = set()
    directory = None
    rows = Unit.objects.filter(is_active=True)
    if committee is not None:
        tree = get_committee_tree([get_root_committee(committee).pk])
        tasks = Task.objects.filter(committee__in=tree)
        preferred = set(tasks.values_list("lead_unit", flat=True)) | set(
            tasks.values_list("coordinating_units", flat=True)
        )
        # Names are read by the committee's directory first; another province's "Sở
        # KH&CN" (a unit of another committee's directory) is never read at all.
        directory = UnitDirectory(committee)
        rows = rows.exclude(pk__in=get_foreign_unit_ids(committee))
    names = rows.values_list("pk", "name", "short_name")
    units = sorted(
        (UnitName(pk, name, short_name) for pk, name, short_name in names),
        key=lambda unit: (unit.key not in preferred, unit.name),
    )
    return parse_directive_text(text, units, directory)
