"""The preview of a committee set-up: what each row of the unit list becomes.

Built from the stored (or, for the command's preview, unsaved) ``Onboarding`` each time
it is shown or committed, so the commit writes exactly what the last preview showed.
Reading the file goes through ``imports.tables`` (merged cells, Word spans, NFC, the
caps of every upload); the rules of a unit list are in ``rules.py``.

Each row ends as exactly one of: a unit to create, a unit already on record (reused),
a row skipped by the secretariat's decision, or an error that blocks the commit.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.core.text import normalize_text
from chidao.imports.rules import find_columns
from chidao.imports.tables import SourceRow, SourceTable, get_max_bytes, read_tables
from chidao.onboarding.choices import RowOutcome
from chidao.onboarding.rules import (
    NAME,
    UNIT_COLUMN_WORDS,
    NoteRow,
    Place,
    SectionRow,
    UnitListRow,
    fold_name,
    get_full_unit_name,
    get_other_province,
    parse_place,
    read_unit_row,
)
from chidao.org.choices import UnitKind
from chidao.org.kinds import infer_unit_kind, parse_unit_kind
from chidao.org.models import Unit, User
from chidao.org.names import get_compact_key, get_initials_key, get_name_key

# A province has some thirty agencies and up to a hundred and fifty communes; a list
# far longer than this is not a unit list.
MAX_UNITS = 2000
ROOT_LABEL = "—"
_LEVEL_ONLY = {"tinh", "cap tinh", "thanh pho"}


@dataclass
class PlannedUnit:
    """A unit of the list and what it becomes.

    ``existing`` is a unit already on record under the same full name (a commune the
    province's list created, or a second run), reused rather than created. ``implied``
    marks the one unit the system adds when the list lacks it: the People's Committee
    the list's agencies stand under.
    """

    label: str
    name: str
    full_name: str
    short_name: str
    kind: str
    code: str = ""
    parent: "PlannedUnit | None" = None
    parent_text: str = ""
    existing: Unit | None = None
    skipped: bool = False
    implied: bool = False
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def outcome(self) -> RowOutcome:
        if self.skipped:
            return RowOutcome.SKIP
        if self.errors:
            return RowOutcome.ERROR
        if self.existing is not None:
            return RowOutcome.EXISTING
        return RowOutcome.CREATE

    @property
    def kind_label(self) -> str:
        return str(UnitKind(self.kind).label)

    @property
    def parent_name(self) -> str:
        if self.parent is None:
            return ""
        return self.parent.full_name


@dataclass
class SkippedRow:
    label: str
    reason: str


@dataclass
class OnboardingPlan:
    """The whole preview: file-level ``errors``, the ``rows`` (the implied root first when
    there is one), the rows ``skipped`` as notes, and the units chosen as the committee's
    host and standing units."""

    place: Place | None = None
    errors: list[str] = field(default_factory=list)
    rows: list[PlannedUnit] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    host: PlannedUnit | None = None
    standing: PlannedUnit | None = None
    records: "UnitsOnRecord | None" = field(default=None, repr=False)

    @property
    def units(self) -> list[PlannedUnit]:
        """The committee's units: created or reused, in the order they are written
        (a parent before its children)."""
        return [row for row in self.rows if row.outcome in (RowOutcome.CREATE, RowOutcome.EXISTING)]

    @property
    def rows_to_create(self) -> list[PlannedUnit]:
        return [row for row in self.rows if row.outcome == RowOutcome.CREATE]

    @property
    def rows_with_errors(self) -> list[PlannedUnit]:
        return [row for row in self.rows if row.outcome == RowOutcome.ERROR]

    @property
    def can_commit(self) -> bool:
        return not self.errors and not self.rows_with_errors and bool(self.units)

    @property
    def error_count(self) -> int:
        return len(self.errors) + len(self.rows_with_errors)


def build_onboarding_plan(onboarding) -> OnboardingPlan:
    """The preview of ``onboarding`` (saved or not): never raises for a bad file or bad
    particulars, every problem is a message on the plan."""
    plan = OnboardingPlan()
    _check_particulars(onboarding, plan)
    plan.place = parse_place(onboarding.place, level=onboarding.level) if onboarding.place else None
    try:
        tables = read_unit_tables(bytes(onboarding.content), onboarding.filename)
    except ValidationError as error:
        plan.errors.extend(error.messages)
        return plan
    if plan.place is None:
        return plan
    plan.records = UnitsOnRecord()
    _read_rows(tables, onboarding, plan)
    if plan.errors:
        return plan
    _check_duplicates(plan)
    _place_in_tree(onboarding, plan)
    _choose_standing(onboarding, plan)
    return plan


# --- Particulars -----------------------------------------------------------------------


def _check_particulars(onboarding, plan: OnboardingPlan) -> None:
    name = " ".join((onboarding.name or "").split())
    if not name:
        plan.errors.append(_("Hãy nhập tên Ban Chỉ đạo."))
    elif any(
        fold_name(name) == fold_name(other)
        for other in Committee.objects.values_list("name", flat=True)
    ):
        plan.errors.append(_("Đã có Ban Chỉ đạo tên “%(name)s”.") % {"name": name})
    if onboarding.level not in (CommitteeLevel.PROVINCE, CommitteeLevel.COMMUNE):
        plan.errors.append(_("Cấp của Ban Chỉ đạo phải là cấp tỉnh hoặc cấp xã."))
    if not (onboarding.place or "").strip():
        plan.errors.append(_("Hãy nhập địa bàn (tên tỉnh hoặc xã, phường)."))
    parent = onboarding.parent
    if parent is not None and parent.level == CommitteeLevel.COMMUNE:
        plan.errors.append(_("Ban Chỉ đạo cấp xã không có Ban Chỉ đạo cấp dưới."))
    if (
        onboarding.level == CommitteeLevel.COMMUNE
        and parent is not None
        and parent.level != CommitteeLevel.PROVINCE
    ):
        plan.errors.append(_("Ban Chỉ đạo cấp xã trực thuộc Ban Chỉ đạo cấp tỉnh."))
    if not (onboarding.standing_unit_name or "").strip():
        plan.errors.append(_("Hãy nhập tên cơ quan thường trực."))
    username = (onboarding.secretariat_username or "").strip()
    if not username:
        plan.errors.append(_("Hãy nhập tên đăng nhập cho Thường trực."))
    else:
        try:
            User.username_validator(username)
        except ValidationError:
            plan.errors.append(
                _(
                    "Tên đăng nhập “%(username)s” chỉ được gồm chữ không dấu, chữ số và các "
                    "ký tự . @ + - _."
                )
                % {"username": username}
            )
        else:
            if User.objects.filter(username__iexact=username).exists():
                plan.errors.append(
                    _("Tên đăng nhập “%(username)s” đã có người dùng; hãy chọn tên khác.")
                    % {"username": username}
                )


# --- Reading the file ------------------------------------------------------------------


def read_unit_tables(data: bytes, filename: str) -> list[SourceTable]:
    """The tables of a unit list: .xlsx and .docx through ``imports.tables``, .csv here.

    Raises:
        ValidationError: in Vietnamese, for an empty, unreadable or oversized file.
    """
    if not data:
        raise ValidationError(_("Tệp “%(name)s” trống.") % {"name": filename[:80]}, code="empty")
    if filename.lower().endswith(".csv"):
        return [_read_csv(data, filename)]
    if filename.lower().endswith(".xlsx"):
        _check_sheet_sizes(data)
    return read_tables(data, filename)


def _check_sheet_sizes(data: bytes) -> None:
    """Refuse a workbook far longer than a unit list before reading it whole: the size a
    sheet declares is read lazily (megabytes of rows would take a minute to load). A
    damaged or protected file is left to ``read_tables``, which says what is wrong."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged package; read_tables reports
        return
    try:
        rows = max((sheet.max_row or 0 for sheet in workbook.worksheets), default=0)
    finally:
        workbook.close()
    if rows > MAX_UNITS * 2:
        raise _too_many(rows)


def _read_csv(data: bytes, filename: str) -> SourceTable:
    if len(data) > get_max_bytes():
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn; mỗi tệp tối đa %(max)s MB.")
            % {"name": filename[:80], "max": get_max_bytes() // (1024 * 1024)},
            code="too_large",
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError(
            _("Tệp “%(name)s” không phải tệp văn bản CSV.") % {"name": filename[:80]},
            code="not_csv",
        )
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _(
                "Tệp CSV “%(name)s” không ở bảng mã UTF-8; hãy lưu lại bằng Excel với kiểu "
                "“CSV UTF-8” rồi tải lên lại."
            )
            % {"name": filename[:80]},
            code="encoding",
        ) from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    for index, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        if index > MAX_UNITS * 2:
            raise _too_many(index)
        rows.append(
            SourceRow(
                _("Dòng %(row)s") % {"row": index}, tuple(normalize_text(cell) for cell in cells)
            )
        )
    return SourceTable(filename, tuple(rows))


def _too_many(count: int) -> ValidationError:
    return ValidationError(
        _(
            "Danh sách có hơn %(max)s dòng: đây không phải danh sách đơn vị của một Ban Chỉ "
            "đạo. Hãy kiểm tra lại tệp."
        )
        % {"max": f"{MAX_UNITS:,}".replace(",", "."), "count": count},
        code="too_many_rows",
    )


def _read_rows(tables: list[SourceTable], onboarding, plan: OnboardingPlan) -> None:
    if not tables or not any(row.cells for table in tables for row in table.rows):
        plan.errors.append(_("Tệp không có bảng nào; hãy tải lên danh sách đơn vị dạng bảng."))
        return
    found = None
    for table in tables:
        columns = find_columns([row.cells for row in table.rows], UNIT_COLUMN_WORDS, (NAME,))
        if columns:
            found = (table, columns)
            break
    if found is None:
        plan.errors.append(
            _(
                "Không tìm thấy cột tên đơn vị: bảng cần một cột có tiêu đề “Tên đơn vị”, "
                "“Tên cơ quan, đơn vị” hoặc “Đơn vị”."
            )
        )
        return
    table, (start, columns) = found
    if len(table.rows) - start > MAX_UNITS * 2:
        plan.errors.extend(_too_many(len(table.rows)).messages)
        return
    skipped = set(onboarding.skipped_rows or [])
    section_kind = None
    for source in table.rows[start:]:
        row = read_unit_row(source.cells, columns)
        if row is None:
            continue
        if isinstance(row, SectionRow):
            section_kind = parse_unit_kind(row.text)
            continue
        if isinstance(row, NoteRow):
            plan.skipped.append(
                SkippedRow(
                    source.label, _("Không phải đơn vị: %(text)s") % {"text": row.text[:200]}
                )
            )
            continue
        plan.rows.append(
            _plan_row(
                source.label,
                row,
                plan.place,
                section_kind,
                skipped,
                (onboarding.kinds or {}).get(source.label),
                plan.records,
            )
        )
    units = [row for row in plan.rows if not row.skipped]
    if len(units) > MAX_UNITS:
        plan.errors.extend(_too_many(len(plan.rows)).messages)
    elif not plan.rows:
        plan.errors.append(_("Bảng không có đơn vị nào dưới dòng tiêu đề."))


def _plan_row(
    label,
    row: UnitListRow,
    place: Place,
    section_kind,
    skipped,
    chosen_kind,
    records: "UnitsOnRecord",
) -> PlannedUnit:
    warnings, errors = [], []
    kind = chosen_kind if chosen_kind in UnitKind.values else None
    if kind is None and row.kind:
        kind = parse_unit_kind(row.kind)
        # "Cấp: Tỉnh" says where, not what: the name then says the kind.
        if kind is None and fold_name(row.kind) not in _LEVEL_ONLY:
            warnings.append(
                _("Không hiểu loại “%(kind)s”; loại được suy ra từ tên.") % {"kind": row.kind}
            )
    if kind is None:
        kind = infer_unit_kind(row.name)
        if kind == UnitKind.OTHER and section_kind:
            kind = section_kind
    if other := get_other_province(row.name, place):
        errors.append(
            _(
                "“%(name)s” là đơn vị của %(other)s, không thuộc %(place)s; hãy bỏ dòng này "
                "hoặc sửa tên trong tệp."
            )
            % {"name": row.name, "other": other, "place": place}
        )
    # Another province's unit keeps its own name: it is flagged, never renamed ours.
    full_name = row.name if errors else get_full_unit_name(row.name, kind, place)
    if len(full_name) > 300:
        errors.append(_("Tên đơn vị dài quá 300 ký tự."))
    short_name = row.short_name or (row.name if row.name != full_name else "")
    if len(short_name) > 100:
        warnings.append(_("Tên viết tắt dài quá 100 ký tự nên không được lưu."))
        short_name = ""
    existing = records.find(full_name)
    code = row.code.upper()
    if code and existing is None:
        if len(code) > 32 or not re.fullmatch(r"[A-Z0-9][A-Z0-9._-]*", code):
            errors.append(
                _("Mã “%(code)s” chỉ được gồm chữ không dấu, chữ số, . - _ (tối đa 32 ký tự).")
                % {"code": row.code}
            )
        elif other_unit := records.by_code.get(code):
            errors.append(
                _("Mã “%(code)s” đã dùng cho “%(unit)s”; hãy đổi mã trong tệp hoặc bỏ trống.")
                % {"code": code, "unit": other_unit.name}
            )
    return PlannedUnit(
        label=label,
        name=row.name,
        full_name=full_name,
        short_name=short_name,
        kind=kind,
        code=code,
        parent_text=row.parent,
        existing=existing,
        skipped=label in skipped,
        errors=errors,
        warnings=warnings,
    )


class UnitsOnRecord:
    """The units already on file, loaded once per preview: by name (whatever its case,
    Unicode form or a leading "UBND") and by code."""

    def __init__(self):
        self.by_name: dict[str, Unit] = {}
        self.by_code: dict[str, Unit] = {}
        for unit in Unit.objects.only("pk", "code", "name", "short_name", "kind", "parent_id"):
            self.by_name.setdefault(_record_key(unit.name), unit)
            self.by_code[unit.code.upper()] = unit

    def find(self, name: str) -> Unit | None:
        return self.by_name.get(_record_key(name))


def _record_key(name: str) -> str:
    folded = fold_name(name)
    for short, full in (("ubnd ", "uy ban nhan dan "), ("hdnd ", "hoi dong nhan dan ")):
        if folded.startswith(short):
            folded = full + folded[len(short) :]
    return folded


def _check_duplicates(plan: OnboardingPlan) -> None:
    first: dict[str, PlannedUnit] = {}
    codes: dict[str, PlannedUnit] = {}
    for row in plan.rows:
        if row.skipped or row.errors:
            continue
        if row.code and row.code in codes:
            row.errors.append(
                _("Mã “%(code)s” trùng với %(other)s.")
                % {"code": row.code, "other": codes[row.code].label}
            )
            continue
        if row.code:
            codes[row.code] = row
        key = get_name_key(row.full_name)
        if key in first:
            row.errors.append(
                _("Đơn vị “%(name)s” trùng với %(other)s; hãy bỏ một trong hai dòng.")
                % {"name": row.name, "other": first[key].label}
            )
        else:
            first[key] = row


# --- The tree --------------------------------------------------------------------------


def _place_in_tree(onboarding, plan: OnboardingPlan) -> None:
    """Give every unit a parent: the one its "Trực thuộc" cell names, the Party committee
    for Party bodies, else the People's Committee of the place (which the list may lack:
    it is then added, or reused when the province's list already created it)."""
    place = plan.place
    live = [row for row in plan.rows if not row.skipped and not row.errors]
    root = _find_root(live, place) or _implied_root(onboarding, place, plan.records)
    if root not in plan.rows:
        plan.rows.insert(0, root)
    party = _find_party(live, place)
    plan.host = party or root
    keys = {}
    for row in live + ([root] if root not in live else []):
        if row.code:
            keys.setdefault(row.code, row)
        for text in (row.name, row.full_name, row.short_name):
            if text:
                keys.setdefault(get_name_key(text), row)
    for row in plan.rows:
        if row is root or row.skipped or row is party:
            continue
        if row.parent_text:
            parent = keys.get(row.parent_text.upper()) or keys.get(get_name_key(row.parent_text))
            if parent is not None and parent is not row:
                row.parent = parent
                continue
            row.warnings.append(
                _(
                    "Không tìm thấy đơn vị cấp trên “%(parent)s” trong danh sách; đặt trực "
                    "thuộc %(root)s."
                )
                % {"parent": row.parent_text, "root": root.full_name}
            )
        if party is not None and _is_party_body(row):
            row.parent = party
        else:
            row.parent = root
    # Parents before children, so the commit can write in order.
    ordered, seen = [], set()

    def visit(row):
        if id(row) in seen:
            return
        seen.add(id(row))
        if row.parent is not None and row.parent in plan.rows:
            visit(row.parent)
        ordered.append(row)

    for row in plan.rows:
        visit(row)
    plan.rows = ordered


def _is_party_body(row: PlannedUnit) -> bool:
    folded = fold_name(row.full_name)
    return row.kind == UnitKind.PARTY_COMMITTEE or " tinh uy" in folded or " dang uy" in folded


def _find_root(rows, place: Place) -> PlannedUnit | None:
    own = fold_name(place.name)
    for row in rows:
        folded = get_name_key(row.full_name) + " " + fold_name(row.full_name)
        if place.word in ("xã", "phường", "đặc khu"):
            if (
                row.kind == UnitKind.COMMUNE
                and folded.startswith("uy ban nhan dan")
                and own in folded
            ):
                return row
        elif row.kind == UnitKind.PEOPLES_COMMITTEE:
            return row
    return None


def _find_party(rows, place: Place) -> PlannedUnit | None:
    for row in rows:
        folded = fold_name(row.full_name)
        if row.kind == UnitKind.PARTY_COMMITTEE and (
            folded.startswith(("tinh uy", "thanh uy", "dang uy"))
        ):
            return row
    return None


def _implied_root(onboarding, place: Place, records: UnitsOnRecord) -> PlannedUnit:
    commune = place.word in ("xã", "phường", "đặc khu")
    name = f"Ủy ban nhân dân {place}"
    row = PlannedUnit(
        label=ROOT_LABEL,
        name=name,
        full_name=name,
        short_name=f"UBND {place.word}" if not commune else f"UBND {place}",
        kind=UnitKind.COMMUNE if commune else UnitKind.PEOPLES_COMMITTEE,
        existing=records.find(name),
        implied=True,
    )
    if row.existing is None and commune and onboarding.parent is not None:
        row.warnings.append(
            _("Chưa có “%(name)s” trong danh bạ của tỉnh: đơn vị này được tạo thêm.")
            % {"name": name}
        )
    return row


def _choose_standing(onboarding, plan: OnboardingPlan) -> None:
    wanted = " ".join(onboarding.standing_unit_name.split())
    key, compact = get_name_key(wanted), get_compact_key(wanted)
    for row in plan.units:
        names = {row.name, row.full_name, row.short_name} - {""}
        if key in {get_name_key(text) for text in names} or (
            compact
            and compact
            in {get_initials_key(row.full_name), get_initials_key(row.name)}
            | {get_compact_key(row.short_name)}
        ):
            plan.standing = row
            return
    plan.errors.append(
        _(
            "Không tìm thấy cơ quan thường trực “%(name)s” trong danh sách đơn vị (hoặc dòng "
            "đó có lỗi, bị bỏ qua); hãy ghi đúng tên như trong danh sách."
        )
        % {"name": wanted}
    )
