"""The preview of an indicator import: indicators and their targets from an appendix.

Read as Appendix I of Resolution 03/NQ-CP is laid out: sections "Đến năm 2030" give the
target year, sub-indicators "11.1" sit under "11", a target is written as people write
it ("≥ 55", "40 - 50", "≤ 3 Đông Nam Á; ≤ 50 Thế giới", a phrase) and parsed by
``indicators.targets.parse_target``, the one parser of targets. Writes nothing.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from chidao.core.text import fold_text
from chidao.imports.choices import RowOutcome
from chidao.imports.plans import (
    CommitteePlanner,
    ImportPlan,
    PlannedRow,
    RowProblem,
    SkippedRow,
    add_unknown_unit,
    add_unreadable,
    check_formula_cells,
    check_repeated_code,
    find_headed_tables,
    note_skipped,
    plan_stored_file,
)
from chidao.imports.rules import (
    CODE,
    INDICATOR_COLUMN_WORDS,
    NAME,
    IndicatorRow,
    NoteRow,
    SectionRow,
    read_indicator_row,
)
from chidao.indicators.choices import Comparator, Direction, ValueType
from chidao.indicators.models import Indicator, Target
from chidao.indicators.targets import parse_target
from chidao.org.names import split_names

_LOWER_IS_BETTER = {Comparator.LE, Comparator.LT}


@dataclass
class IndicatorRowPlan(PlannedRow):
    """One indicator row and what it becomes: a new indicator, a new target, or nothing."""

    label: str
    code: str
    name: str
    measure_unit: str
    target_text: str
    year: int | None
    parent_code: str
    responsible_unit: object = None
    direction: str = Direction.HIGHER_BETTER
    value_type: str = ValueType.NUMBER
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    existing: Indicator | None = None
    existing_target: Target | None = None

    @property
    def creates_target(self) -> bool:
        return bool(self.target_text) and self.existing_target is None

    @property
    def outcome(self) -> RowOutcome:
        # Unlike other rows, an indicator already there still adds a target it lacks.
        if self.errors:
            return RowOutcome.ERROR
        if self.existing is not None and not self.creates_target:
            return RowOutcome.SKIP
        return RowOutcome.CREATE


@dataclass
class IndicatorPlan(ImportPlan):
    errors: list[str] = field(default_factory=list)
    sections: list[SectionRow] = field(default_factory=list)
    rows: list[IndicatorRowPlan] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)


def build_indicator_plan(data_import) -> IndicatorPlan:
    """Read a stored indicator import and say what each row would become."""
    return plan_stored_file(
        data_import, IndicatorPlan, lambda tables: _IndicatorPlanner(data_import).plan(tables)
    )


def find_indicator_tables(tables) -> list[tuple]:
    """The indicator tables of a file; raises ``ValidationError`` naming the columns
    needed when there is none."""
    found = find_headed_tables(tables, INDICATOR_COLUMN_WORDS, (CODE, NAME))
    if not found:
        raise ValidationError(
            _(
                "Không tìm thấy bảng chỉ tiêu: cần một dòng tiêu đề có các cột “TT”, "
                "“Chỉ tiêu”, “Đơn vị”, “Kết quả” (hoặc “Mục tiêu”), “Cơ quan chủ trì”."
            ),
            code="no_table",
        )
    return found


class _IndicatorPlanner(CommitteePlanner):
    def __init__(self, data_import):
        super().__init__(data_import)
        # The columns of the table being read: a formula elsewhere is not the import's.
        self.columns: dict | None = None
        self.existing = {
            indicator.code: indicator
            for indicator in Indicator.objects.filter(committee=self.committee)
        }
        self.targets = {
            (target.indicator_id, target.year): target
            for target in Target.objects.filter(
                indicator__committee=self.committee, unit__isnull=True
            )
        }

    def plan(self, tables) -> IndicatorPlan:
        result = IndicatorPlan()
        try:
            found = find_indicator_tables(tables)
        except ValidationError as error:
            result.errors.extend(error.messages)
            return result
        year = self.data_import.target_year
        codes: dict[str, str] = {}
        for table, (first_row, columns) in found:
            for source in table.rows[first_row:]:
                read = read_indicator_row(source.cells, columns)
                if read is None:
                    continue
                if isinstance(read, SectionRow):
                    result.sections.append(read)
                    year = read.year or self.data_import.target_year
                elif isinstance(read, NoteRow):
                    result.skipped.append(note_skipped(source, read))
                else:
                    self.columns = columns
                    row = self._row(source, read, year, codes)
                    codes.setdefault(row.code, source.label)
                    result.rows.append(row)
        return result

    def _row(self, source, read: IndicatorRow, year, codes) -> IndicatorRowPlan:
        prefix = self.data_import.code_prefix
        row = IndicatorRowPlan(
            label=source.label,
            code=f"{prefix}{read.code}",
            name=read.name,
            measure_unit=read.measure,
            target_text=read.target,
            year=int(read.year) if read.year.isdigit() else year,
            parent_code=f"{prefix}{read.parent_code}" if read.parent_code else "",
        )
        check_repeated_code(row, codes)
        check_formula_cells(row, source, (read.name, read.target, read.measure), self.columns)
        if not read.name:
            row.errors.append(RowProblem(_("Thiếu tên chỉ tiêu.")))
        if (
            row.parent_code
            and row.parent_code not in codes
            and row.parent_code not in (self.existing)
        ):
            row.errors.append(
                RowProblem(
                    _("Chỉ tiêu cấp trên “%(code)s” chưa có trong tệp hay trong hệ thống.")
                    % {"code": row.parent_code}
                )
            )
        if "%" in read.measure:
            row.value_type = ValueType.PERCENT
        if read.target:
            if row.year is None:
                row.errors.append(
                    RowProblem(
                        _(
                            "Không biết năm của mục tiêu: chỉ tiêu không nằm trong mục “Đến năm "
                            "…” và chưa chọn năm mục tiêu khi tải tệp lên."
                        )
                    )
                )
            try:
                bounds = parse_target(read.target)
            except ValidationError as error:
                add_unreadable(row, error)
            else:
                if all(bound.comparator in _LOWER_IS_BETTER for bound in bounds):
                    row.direction = Direction.LOWER_BETTER
                if fold_text(read.measure) == "thu bac" and row.direction != Direction.LOWER_BETTER:
                    row.warnings.append(_("Chỉ tiêu xếp hạng: kiểm tra lại chiều đánh giá."))
        self._read_responsible(row, read.responsible)
        row.existing = self.existing.get(row.code)
        if row.existing is not None and row.year is not None:
            row.existing_target = self.targets.get((row.existing.pk, row.year))
            if row.existing_target and row.existing_target.text != row.target_text:
                row.warnings.append(
                    _("Đã có mục tiêu năm %(year)s “%(text)s”: giữ nguyên, không ghi đè.")
                    % {"year": row.year, "text": row.existing_target.text}
                )
        return row

    def _read_responsible(self, row: IndicatorRowPlan, text: str) -> None:
        units = []
        for name in split_names(text, self.directory.is_known):
            resolution = self.directory.resolve(name)
            if resolution.error:
                add_unknown_unit(row, name, resolution)
            elif resolution.unit is not None:
                units.append(resolution.unit)
                if resolution.warning:
                    row.warnings.append(resolution.warning)
        if units:
            row.responsible_unit = units[0]
            if len(units) > 1:
                row.warnings.append(
                    _("Nhiều cơ quan theo dõi: ghi “%(unit)s” là cơ quan chủ trì theo dõi.")
                    % {"unit": units[0].name}
                )
