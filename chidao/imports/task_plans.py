"""The preview of a task import: what every row of the file would become.

``build_task_plan`` reads the file again each time (after an alias is added the same
rows resolve differently) and writes nothing; ``services.do_commit_task_import`` writes
the plan's rows only when no row has an error.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from chidao.assignments.deadlines import ParsedDeadline, parse_deadline_phrase
from chidao.assignments.models import Task
from chidao.committees.models import TaskGroup
from chidao.imports.choices import GroupMode
from chidao.imports.plans import (
    CommitteePlanner,
    ImportPlan,
    PlannedRow,
    RowProblem,
    SkippedRow,
    add_unknown_unit,
    add_unreadable,
    check_repeated_code,
    find_headed_tables,
    note_skipped,
    plan_stored_file,
)
from chidao.imports.rules import (
    DEADLINE,
    LEAD,
    REQUIRED_COLUMNS,
    TITLE,
    GroupRow,
    NoteRow,
    TaskRow,
    looks_like_formula,
    read_row,
    split_bodies,
)
from chidao.imports.tables import SourceTable

_COLUMN_LABELS = {
    TITLE: "Tên nhiệm vụ",
    LEAD: "Cơ quan chủ trì",
    DEADLINE: "Thời gian hoàn thành",
}


@dataclass
class GroupPlan:
    code: str
    name: str
    existing: TaskGroup | None = None


@dataclass
class TaskRowPlan(PlannedRow):
    """One task row of the file and what it becomes."""

    label: str
    code: str
    title: str
    group: GroupPlan | None
    deadline_text: str
    output: str
    deadline: ParsedDeadline | None = None
    lead_unit: object = None
    coordinating_units: list = field(default_factory=list)
    kept_phrases: list[str] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    existing: Task | None = None

    @property
    def description(self) -> str:
        if not self.kept_phrases:
            return ""
        return _("Cơ quan phối hợp khác: %(names)s.") % {"names": "; ".join(self.kept_phrases)}


@dataclass
class TaskPlan(ImportPlan):
    """The whole preview: file-level errors, groups, task rows and skipped rows."""

    errors: list[str] = field(default_factory=list)
    groups: list[GroupPlan] = field(default_factory=list)
    rows: list[TaskRowPlan] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)


def build_task_plan(data_import) -> TaskPlan:
    """Read a stored task import and say what each row would become; writes nothing."""
    return plan_stored_file(
        data_import, TaskPlan, lambda tables: _TaskPlanner(data_import).plan(tables)
    )


class _TaskPlanner(CommitteePlanner):
    def __init__(self, data_import):
        super().__init__(data_import)
        self.existing_groups = {group.code: group for group in self.committee.task_groups.all()}
        self.existing_tasks = {
            task.code: task for task in Task.objects.filter(committee=self.committee)
        }

    def plan(self, tables: list[SourceTable]) -> TaskPlan:
        result = TaskPlan()
        found = find_headed_tables(tables)
        if not found:
            result.errors.append(
                _(
                    "Không tìm thấy bảng nhiệm vụ: cần một dòng tiêu đề có các cột “Tên nhiệm "
                    "vụ”, “Cơ quan chủ trì” và “Thời gian hoàn thành”."
                )
            )
            return result
        group = None
        codes: dict[str, str] = {}
        for table, (first_row, columns) in found:
            missing = [_COLUMN_LABELS[c] for c in REQUIRED_COLUMNS if c not in columns]
            if missing:
                result.errors.append(
                    _("%(table)s thiếu cột: %(columns)s.")
                    % {"table": table.name, "columns": ", ".join(missing)}
                )
                continue
            for source in table.rows[first_row:]:
                read = read_row(source.cells, columns)
                if read is None:
                    continue
                if isinstance(read, GroupRow):
                    group = GroupPlan(read.code, read.name, self.existing_groups.get(read.code))
                    result.groups.append(group)
                elif isinstance(read, NoteRow):
                    result.skipped.append(note_skipped(source, read))
                else:
                    row = self._task_row(source, read, group, columns)
                    check_repeated_code(row, codes)
                    codes.setdefault(row.code, source.label)
                    result.rows.append(row)
        return result

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
        )
        for column in source.formulas:
            row.errors.append(
                RowProblem(
                    _("Ô ở cột %(column)s là công thức Excel; hãy nhập giá trị.")
                    % {"column": column + 1}
                )
            )
        for text in (read.title, read.lead, read.coordinating, read.output, read.deadline):
            if looks_like_formula(text):
                row.errors.append(
                    RowProblem(
                        _("Ô “%(text)s” trông như công thức bảng tính; không nhận.")
                        % {"text": text[:40]}
                    )
                )
        if not read.title:
            row.errors.append(RowProblem(_("Thiếu tên nhiệm vụ.")))
        if not code:
            row.errors.append(RowProblem(_("Thiếu số thứ tự (TT) của nhiệm vụ.")))
        try:
            row.deadline = parse_deadline_phrase(read.deadline)
        except ValidationError as error:
            add_unreadable(row, error)
        self._read_lead(row, read.lead)
        self._read_coordinating(row, read.coordinating)
        if code and code in self.existing_tasks:
            row.existing = self.existing_tasks[code]
            row.warnings.append(
                _("Ban Chỉ đạo đã có nhiệm vụ mã “%(code)s”: giữ nguyên, không ghi đè.")
                % {"code": code}
            )
        return row

    def _read_lead(self, row: TaskRowPlan, text: str) -> None:
        if not text:
            row.errors.append(RowProblem(_("Thiếu cơ quan chủ trì.")))
            return
        units = []
        for name in split_bodies(text, self.directory.is_known):
            resolution = self.directory.resolve(name)
            if resolution.error:
                add_unknown_unit(row, name, resolution)
            elif resolution.group:
                row.errors.append(
                    RowProblem(
                        _(
                            "Cơ quan chủ trì phải là một cơ quan cụ thể, "
                            "không phải cụm “%(name)s”. Hãy ghi rõ cơ quan, hoặc thêm tên gọi "
                            "khác để gán cụm này cho một cơ quan."
                        )
                        % {"name": name},
                        name,
                    )
                )
            else:
                units.append(resolution.unit)
                if resolution.warning:
                    row.warnings.append(resolution.warning)
        if units:
            row.lead_unit = units[0]
            if len(units) > 1:
                row.coordinating_units.extend(units[1:])
                row.warnings.append(
                    _("Nhiều cơ quan chủ trì: “%(lead)s” chủ trì, các cơ quan còn lại phối hợp.")
                    % {"lead": units[0].name}
                )

    def _read_coordinating(self, row: TaskRowPlan, text: str) -> None:
        for name in split_bodies(text, self.directory.is_known):
            resolution = self.directory.resolve(name)
            if resolution.error:
                add_unknown_unit(row, name, resolution)
            elif resolution.group:
                expand = (
                    self.data_import.group_mode == GroupMode.EXPAND
                    and not resolution.group.related
                    and resolution.group_units
                )
                if expand:
                    row.coordinating_units.extend(resolution.group_units)
                else:
                    row.kept_phrases.append(name)
            else:
                row.coordinating_units.append(resolution.unit)
                if resolution.warning:
                    row.warnings.append(resolution.warning)
        lead_pk = row.lead_unit.pk if row.lead_unit else None
        unique = {unit.pk: unit for unit in row.coordinating_units if unit.pk != lead_pk}
        row.coordinating_units = list(unique.values())


def get_assigned_on(data_import, today: date) -> date:
    return data_import.assigned_on or today
