"""The preview of a task import: what every row of the file would become.

``build_task_plan`` reads the file again each time (after an alias or a decision the
same rows resolve differently) and writes nothing; ``services.do_commit_task_import``
writes the plan's rows only when no row has an error.

Every name a lead or coordinating cell holds ends as exactly one of: a unit of the
committee's directory, a group expanded to its units, a name kept as written (a body
outside the directory, by the import's option or a decision), or an error naming the
row, the column and what to do. ``TaskRowPlan.names`` records which, so nothing written
in the file is lost without a trace.

Decisions made in the preview (``ImportDecision``) are read with the file: the rows to
skip, the names to keep as text, the group leads to fan out or give to the standing
unit, the groups that are new. They are found by the file's content hash or its source
document, so a second upload of the same plan needs none again.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from chidao.assignments.deadlines import ParsedDeadline, parse_deadline_phrase
from chidao.assignments.models import Task
from chidao.committees.models import TaskGroup
from chidao.core.text import fold_text
from chidao.imports.choices import (
    DecisionAction,
    DecisionSubject,
    GroupLeads,
    GroupMode,
    RowOutcome,
    UnknownNames,
)
from chidao.imports.models import ImportDecision
from chidao.imports.plans import (
    CommitteePlanner,
    ImportPlan,
    PlannedRow,
    RowProblem,
    SkippedRow,
    check_repeated_code,
    find_headed_tables,
    note_skipped,
    plan_stored_file,
)
from chidao.imports.rules import (
    CODE,
    COORDINATING,
    DEADLINE,
    LEAD,
    OUTPUT,
    REQUIRED_COLUMNS,
    TITLE,
    GroupRow,
    HeaderRow,
    NoteRow,
    TaskRow,
    looks_like_formula,
    read_row,
)
from chidao.imports.tables import SourceTable
from chidao.org.names import get_name_key

COLUMN_LABELS = {
    CODE: "TT",
    TITLE: "Tên nhiệm vụ",
    LEAD: "Cơ quan chủ trì",
    COORDINATING: "Cơ quan phối hợp",
    OUTPUT: "Kết quả/Sản phẩm",
    DEADLINE: "Thời gian hoàn thành",
}
_READ_COLUMNS = (CODE, TITLE, LEAD, COORDINATING, OUTPUT, DEADLINE)

# How a name of a cell ended (``TaskRowPlan.names``).
MATCHED, EXPANDED, KEPT_AS_TEXT, FLAGGED = "matched", "expanded", "text", "flagged"


@dataclass
class GroupPlan:
    code: str
    name: str
    existing: TaskGroup | None = None
    label: str = ""
    # The file's title differs from the existing group's of the same number.
    conflict: str = ""
    written_code: str = ""


@dataclass
class NameResult:
    """One name of a lead or coordinating cell and how it ended."""

    column: str
    name: str
    outcome: str
    unit: object = None


@dataclass
class TaskRowPlan(PlannedRow):
    """One task row of the file and what it becomes."""

    label: str
    code: str
    title: str
    group: GroupPlan | None
    deadline_text: str
    output: str
    lead_text: str = ""
    deadline: ParsedDeadline | None = None
    lead_unit: object = None
    coordinating_units: list = field(default_factory=list)
    coordinators_text: list[str] = field(default_factory=list)
    # A group lead fanned out: one sub-task per unit under this row's task.
    fan_out_units: list = field(default_factory=list)
    names: list[NameResult] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    existing: Task | None = None
    # Field → (as recorded, as in the file) when the row updates an existing task.
    changes: dict = field(default_factory=dict)

    @property
    def outcome(self) -> RowOutcome:
        if self.errors:
            return RowOutcome.ERROR
        if self.existing is not None:
            return RowOutcome.UPDATE if self.changes else RowOutcome.SKIP
        return RowOutcome.CREATE

    @property
    def coordinators_text_value(self) -> str:
        return "; ".join(self.coordinators_text)


@dataclass
class TaskPlan(ImportPlan):
    """The whole preview: file-level errors, groups, task rows and skipped rows."""

    errors: list[str] = field(default_factory=list)
    groups: list[GroupPlan] = field(default_factory=list)
    rows: list[TaskRowPlan] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)

    @property
    def rows_to_update(self) -> list[TaskRowPlan]:
        return [row for row in self.rows if row.outcome == RowOutcome.UPDATE]

    @property
    def rows_to_write(self) -> list[TaskRowPlan]:
        return [row for row in self.rows if row.outcome in (RowOutcome.CREATE, RowOutcome.UPDATE)]

    @property
    def can_commit(self) -> bool:
        return not self.errors and not self.rows_with_errors and bool(self.rows_to_write)

    @property
    def conflicting_groups(self) -> list[GroupPlan]:
        return [group for group in self.groups if group.conflict]


def build_task_plan(data_import) -> TaskPlan:
    """Read a stored task import and say what each row would become; writes nothing."""
    return plan_stored_file(
        data_import, TaskPlan, lambda tables: _TaskPlanner(data_import).plan(tables)
    )


def get_decisions(data_import) -> dict[tuple[str, str], ImportDecision]:
    """The decisions that apply to this import: (subject, key) → the latest decision
    made on the same file or on another version of the same source document."""
    match = Q(content_hash=data_import.content_hash) if data_import.content_hash else Q(pk=None)
    if data_import.source_document_id:
        match |= Q(source_document=data_import.source_document_id)
    decisions = ImportDecision.objects.filter(match, committee=data_import.committee_id)
    return {(decision.subject, decision.key): decision for decision in decisions}


def _same_title(a: str, b: str) -> bool:
    def words(text):
        return "".join(ch for ch in fold_text(text) if ch.isalnum())

    return words(a) == words(b)


def find_task_tables(tables: list[SourceTable]) -> list[tuple]:
    """The task tables of a file (``plans.find_headed_tables``); raises
    ``ValidationError`` naming the columns needed when there is none."""
    found = find_headed_tables(tables)
    if not found:
        raise ValidationError(
            _(
                "Không tìm thấy bảng nhiệm vụ: cần một dòng tiêu đề có các cột “Tên nhiệm "
                "vụ”, “Cơ quan chủ trì” và “Thời gian hoàn thành”. Hãy kiểm tra tệp có "
                "bảng và dòng tiêu đề của bảng ghi tên các cột."
            ),
            code="no_table",
        )
    return found


class _TaskPlanner(CommitteePlanner):
    def __init__(self, data_import):
        super().__init__(data_import)
        self.existing_groups = {group.code: group for group in self.committee.task_groups.all()}
        tasks = list(
            Task.objects.filter(committee=self.committee).prefetch_related("coordinating_units")
        )
        self.existing_tasks = {task.code: task for task in tasks if task.code}
        # A new version of the same plan: its tasks, to match rows whose number moved.
        self.same_source = {}
        if data_import.source_document_id:
            for task in tasks:
                if task.source_document_id == data_import.source_document_id:
                    self.same_source.setdefault(fold_text(task.title), task)
        self.decisions = get_decisions(data_import)
        self.standing = self.directory.get_standing_unit()
        self.group_codes = set(self.existing_groups)

    def decision(self, subject: str, key: str) -> str:
        found = self.decisions.get((subject, key))
        return found.action if found else ""

    def plan(self, tables: list[SourceTable]) -> TaskPlan:
        result = TaskPlan()
        try:
            found = find_task_tables(tables)
        except ValidationError as error:
            result.errors.extend(error.messages)
            return result
        group = None
        codes: dict[str, str] = {}
        for table, (first_row, columns) in found:
            missing = [COLUMN_LABELS[c] for c in REQUIRED_COLUMNS if c not in columns]
            if missing:
                result.errors.append(
                    _("%(table)s thiếu cột: %(columns)s. Hãy thêm cột hoặc sửa tên cột.")
                    % {"table": table.name, "columns": ", ".join(missing)}
                )
                continue
            blank = []
            for source in table.rows[first_row:]:
                read = read_row(source.cells, columns)
                if read is None:
                    blank.append(source)
                    continue
                for empty in blank:
                    result.skipped.append(SkippedRow(empty.label, _("Dòng trống.")))
                blank = []
                if isinstance(read, GroupRow):
                    group = self._group(source, read)
                    result.groups.append(group)
                elif isinstance(read, NoteRow):
                    result.skipped.append(note_skipped(source, read))
                elif isinstance(read, HeaderRow):
                    result.skipped.append(
                        SkippedRow(source.label, _("Dòng tiêu đề lặp lại (sang trang)."))
                    )
                else:
                    row = self._task_row(source, read, group, columns)
                    key = row.code or source.label
                    if self.decision(DecisionSubject.ROW, key) == DecisionAction.SKIP_ROW:
                        result.skipped.append(
                            SkippedRow(source.label, _("Bỏ qua theo quyết định khi xem trước."))
                        )
                        continue
                    check_repeated_code(row, codes)
                    codes.setdefault(row.code, source.label)
                    result.rows.append(row)
        if self.same_source:
            self._match_versions(result.rows)
        return result

    def _group(self, source, read: GroupRow) -> GroupPlan:
        existing = self.existing_groups.get(read.code)
        group = GroupPlan(read.code, read.name, existing, source.label, written_code=read.code)
        if existing is None or _same_title(existing.name, read.name):
            return group
        action = self.decision(DecisionSubject.GROUP, read.code)
        if action == DecisionAction.SAME_GROUP:
            return group
        if action == DecisionAction.NEW_GROUP:
            number = 2
            while f"{read.code}-{number}" in self.group_codes:
                number += 1
            group.code = f"{read.code}-{number}"
            group.existing = None
            self.group_codes.add(group.code)
            return group
        group.conflict = _(
            "%(label)s: nhóm “%(code)s” trong tệp (“%(name)s”) khác tên nhóm “%(code)s” đã có "
            "(“%(existing)s”). Hãy chọn “Là nhóm đã có” hoặc “Tạo nhóm mới”, hoặc sửa tên "
            "nhóm trong tệp."
        ) % {
            "label": source.label,
            "code": read.code,
            "name": read.name[:120],
            "existing": existing.name[:120],
        }
        return group

    def _task_row(self, source, read: TaskRow, group, columns) -> TaskRowPlan:
        prefix = self.data_import.code_prefix
        number = f"{group.code}.{read.number}" if group and read.number else read.number
        code = f"{prefix}{number}" if number else ""
        row = TaskRowPlan(
            label=source.label,
            code=code,
            title=read.title,
            group=group,
            deadline_text=read.deadline,
            output=read.output,
            lead_text=read.lead,
        )
        if group is not None and group.conflict:
            row.errors.append(RowProblem(group.conflict))
        self._check_formulas(row, source, columns)
        for column, text in zip(
            (TITLE, LEAD, COORDINATING, OUTPUT, DEADLINE),
            (read.title, read.lead, read.coordinating, read.output, read.deadline),
            strict=True,
        ):
            if looks_like_formula(text):
                row.errors.append(
                    RowProblem(
                        _("Ô “%(text)s” trông như công thức bảng tính; hãy ghi giá trị.")
                        % {"text": text[:40]},
                        column=COLUMN_LABELS[column],
                    )
                )
        if not read.title:
            row.errors.append(
                RowProblem(_("Thiếu tên nhiệm vụ; hãy ghi tên."), column=COLUMN_LABELS[TITLE])
            )
        if not code:
            row.errors.append(
                RowProblem(
                    _("Thiếu số thứ tự của nhiệm vụ; hãy ghi số (1, 2, 3…)."),
                    column=COLUMN_LABELS[CODE],
                )
            )
        row_key = code or source.label
        if not read.deadline and self.decision(DecisionSubject.ROW, row_key) == (
            DecisionAction.ONGOING
        ):
            row.deadline_text = _("Thường xuyên")
            row.warnings.append(_("Tệp không ghi thời hạn: ghi là nhiệm vụ thường xuyên."))
        try:
            row.deadline = parse_deadline_phrase(row.deadline_text)
        except ValidationError as error:
            row.errors.append(
                RowProblem(
                    " ".join(error.messages)
                    + " "
                    + _("Hãy ghi ngày (30/6/2026), tháng, quý, năm hoặc “Thường xuyên”."),
                    column=COLUMN_LABELS[DEADLINE],
                )
            )
        self._read_lead(row, read.lead)
        self._read_coordinating(row, read.coordinating)
        if not self.same_source:
            self._match_existing(row)
        return row

    def _check_formulas(self, row: TaskRowPlan, source, columns) -> None:
        """A formula in a column the import reads: its saved value, or an error; a
        formula elsewhere ("Ghi chú") is none of the import's business."""
        read = {columns[c]: c for c in _READ_COLUMNS if c in columns}
        for index in sorted(source.formulas):
            if index not in read:
                continue
            label = COLUMN_LABELS[read[index]]
            if index in source.uncached:
                row.errors.append(
                    RowProblem(
                        _(
                            "Ô là công thức Excel chưa có giá trị lưu trong tệp; hãy mở tệp "
                            "bằng Excel, lưu lại (hoặc dán giá trị thay công thức) rồi tải lên."
                        ),
                        column=label,
                    )
                )
            else:
                row.warnings.append(
                    _("Cột “%(column)s” là công thức Excel: dùng giá trị đã tính “%(value)s”.")
                    % {"column": label, "value": source.cells[index][:60]}
                )

    # --- Names ---------------------------------------------------------------------------

    def _name_action(self, name: str) -> str:
        return self.decision(DecisionSubject.NAME, get_name_key(name))

    def _read_lead(self, row: TaskRowPlan, text: str) -> None:
        column = COLUMN_LABELS[LEAD]
        if not text:
            row.errors.append(
                RowProblem(_("Thiếu cơ quan chủ trì; hãy ghi một cơ quan."), column=column)
            )
            return
        units, kept_as_lead = [], []
        for resolution in self.directory.read_cell(text):
            name = resolution.name
            action = self._name_action(name)
            if resolution.unit is not None:
                units.append(resolution.unit)
                row.names.append(NameResult(column, name, MATCHED, resolution.unit))
                if resolution.warning:
                    row.warnings.append(resolution.warning)
            elif resolution.group is not None:
                if units or row.fan_out_units or kept_as_lead:
                    self._coordinating_group(row, resolution, column, action)
                else:
                    self._group_lead(row, resolution, column, action)
                    if row.lead_unit is not None:
                        units.append(row.lead_unit)
            elif action in (DecisionAction.TEXT, DecisionAction.STANDING):
                kept_as_lead.append(name)
                row.coordinators_text.append(name)
                row.names.append(NameResult(column, name, KEPT_AS_TEXT))
            else:
                self._flag(row, resolution, column)
        if units:
            row.lead_unit = units[0]
            others = [unit for unit in units[1:] if unit != units[0]]
            if others:
                row.coordinating_units.extend(others)
                row.warnings.append(
                    _("Nhiều cơ quan chủ trì: “%(lead)s” chủ trì, các cơ quan còn lại phối hợp.")
                    % {"lead": units[0].name}
                )
        elif kept_as_lead:
            row.lead_unit = self.standing
            row.warnings.append(
                _("“%(names)s” ngoài danh mục: “%(lead)s” chủ trì, tên được giữ như trong tệp.")
                % {"names": "; ".join(kept_as_lead), "lead": self.standing.name}
            )

    def _group_lead(self, row: TaskRowPlan, resolution, column: str, action: str) -> None:
        name = resolution.name
        choice = action or {
            GroupLeads.FAN_OUT: DecisionAction.FAN_OUT,
            GroupLeads.STANDING: DecisionAction.STANDING,
        }.get(self.data_import.group_leads, "")
        units = [] if resolution.group.related else resolution.group_units
        if choice == DecisionAction.FAN_OUT and units:
            row.lead_unit = self.standing
            row.fan_out_units = units
            row.coordinators_text.append(name)
            row.names.append(NameResult(column, name, EXPANDED))
            row.warnings.append(
                _("“%(name)s”: %(count)s đơn vị, mỗi đơn vị chủ trì một nhiệm vụ con.")
                % {"name": name, "count": len(units)}
            )
        elif choice in (DecisionAction.STANDING, DecisionAction.FAN_OUT):
            row.lead_unit = self.standing
            if units:
                row.coordinating_units.extend(units)
                row.names.append(NameResult(column, name, EXPANDED))
            else:
                row.coordinators_text.append(name)
                row.names.append(NameResult(column, name, KEPT_AS_TEXT))
            row.warnings.append(
                _("“%(name)s” chủ trì chung: “%(lead)s” (cơ quan thường trực) chủ trì.")
                % {"name": name, "lead": self.standing.name}
            )
        else:
            row.names.append(NameResult(column, name, FLAGGED))
            row.errors.append(
                RowProblem(
                    _(
                        "“%(name)s” là một cụm nhiều cơ quan, không phải một cơ quan chủ trì. "
                        "Hãy chọn “Mỗi đơn vị chủ trì phần việc của mình” hoặc “Cơ quan "
                        "thường trực chủ trì”, hoặc ghi rõ một cơ quan."
                    )
                    % {"name": name},
                    name,
                    column=column,
                    group_lead=True,
                )
            )

    def _read_coordinating(self, row: TaskRowPlan, text: str) -> None:
        column = COLUMN_LABELS[COORDINATING]
        for resolution in self.directory.read_cell(text):
            name = resolution.name
            action = self._name_action(name)
            if resolution.unit is not None:
                row.coordinating_units.append(resolution.unit)
                row.names.append(NameResult(column, name, MATCHED, resolution.unit))
                if resolution.warning:
                    row.warnings.append(resolution.warning)
            elif resolution.group is not None:
                self._coordinating_group(row, resolution, column, action)
            elif action or self.data_import.unknown_names == UnknownNames.TEXT:
                row.coordinators_text.append(name)
                row.names.append(NameResult(column, name, KEPT_AS_TEXT))
            else:
                self._flag(row, resolution, column)
        lead_pk = row.lead_unit.pk if row.lead_unit else None
        unique = {unit.pk: unit for unit in row.coordinating_units if unit.pk != lead_pk}
        row.coordinating_units = list(unique.values())

    def _coordinating_group(self, row, resolution, column: str, action: str) -> None:
        expand = (
            self.data_import.group_mode == GroupMode.EXPAND
            and action != DecisionAction.TEXT
            and not resolution.group.related
            and resolution.group_units
        )
        if expand:
            row.coordinating_units.extend(resolution.group_units)
            row.names.append(NameResult(column, resolution.name, EXPANDED))
        else:
            row.coordinators_text.append(resolution.name)
            row.names.append(NameResult(column, resolution.name, KEPT_AS_TEXT))

    def _flag(self, row: TaskRowPlan, resolution, column: str) -> None:
        row.names.append(NameResult(column, resolution.name, FLAGGED))
        hint = _(
            "Hãy chọn đơn vị đúng (thêm tên gọi khác), giữ nguyên tên như trong tệp, hoặc sửa tệp."
        )
        row.errors.append(
            RowProblem(
                f"{resolution.error} {hint}",
                resolution.name,
                resolution.suggestions,
                column=column,
            )
        )

    # --- A new version of a plan ---------------------------------------------------------

    def _match_existing(self, row: TaskRowPlan) -> None:
        """Another plan's task with the row's code: left as it is."""
        existing = self.existing_tasks.get(row.code) if row.code else None
        if existing is None:
            return
        row.existing = existing
        row.warnings.append(
            _("Ban Chỉ đạo đã có nhiệm vụ mã “%(code)s”: giữ nguyên, không ghi đè.")
            % {"code": existing.code}
        )

    def _match_versions(self, rows: list[TaskRowPlan]) -> None:
        """A new version of the plan already imported (same source document): each row
        is the task of the same title, else of the same number; what differs is shown
        and becomes the task's update. A task is matched once."""
        claimed: set[int] = set()
        for row in rows:
            task = self.same_source.get(fold_text(row.title))
            if task is not None and task.pk not in claimed:
                row.existing = task
                claimed.add(task.pk)
        for row in rows:
            if row.existing is not None or not row.code:
                continue
            task = self.existing_tasks.get(row.code)
            same_plan = task is not None and task.source_document_id == (
                self.data_import.source_document_id
            )
            if same_plan and task.pk not in claimed:
                row.existing = task
                claimed.add(task.pk)
            elif task is not None and not same_plan:
                self._match_existing(row)
        document = self.data_import.source_document_id
        for row in rows:
            task = self.existing_tasks.get(row.code) if row.code else None
            held = row.existing is None and task is not None and task.pk not in claimed
            if held and task.source_document_id == document:
                row.errors.append(
                    RowProblem(
                        _(
                            "Mã “%(code)s” đang là của nhiệm vụ “%(title)s” của kế hoạch, "
                            "không còn trong tệp. Hãy sửa số thứ tự hoặc mã của nhiệm vụ đó."
                        )
                        % {"code": row.code, "title": task.title[:80]},
                        column=COLUMN_LABELS[CODE],
                    )
                )
            same_plan = row.existing is not None and row.existing.source_document_id == document
            if same_plan and not row.errors and not row.fan_out_units:
                row.changes = _get_changes(row.existing, row)


def _get_changes(task: Task, row: TaskRowPlan) -> dict:
    """What a new version of the plan changes in a task: field → (recorded, in the file)."""
    changes = {}
    pairs = {
        "code": (task.code, row.code),
        "title": (task.title, row.title),
        "expected_output": (task.expected_output, row.output),
        "deadline_text": (task.deadline_text, row.deadline.text if row.deadline else ""),
        "coordinators_text": (task.coordinators_text, row.coordinators_text_value),
    }
    for name, (old, new) in pairs.items():
        if (old or "") != (new or ""):
            changes[name] = (old, new)
    if row.lead_unit is not None and task.lead_unit_id != row.lead_unit.pk:
        changes["lead_unit"] = (task.lead_unit.name, row.lead_unit.name)
    old_units = {unit.pk: unit.name for unit in task.coordinating_units.all()}
    new_units = {unit.pk: unit.name for unit in row.coordinating_units}
    if set(old_units) != set(new_units):
        changes["coordinating_units"] = (
            "; ".join(sorted(old_units.values())),
            "; ".join(sorted(new_units.values())),
        )
    return changes


def get_assigned_on(data_import, today: date) -> date:
    return data_import.assigned_on or today
