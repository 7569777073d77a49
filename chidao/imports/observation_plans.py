"""The preview of an observation import: a sheet of values by indicator, unit and period.

Values are read as the data-entry grid reads them (``indicators.entry.
parse_observation_value``); a value already recorded for the same indicator, unit and
period is left as it is. Writes nothing.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from chidao.core.periods import Period
from chidao.core.text import fold_text
from chidao.imports.plans import (
    ImportPlan,
    PlannedRow,
    RowProblem,
    add_unreadable,
    check_formula_cells,
    find_headed_tables,
    plan_stored_file,
)
from chidao.imports.rules import (
    INDICATOR,
    OBSERVATION_COLUMN_WORDS,
    PERIOD,
    UNIT,
    VALUE,
    parse_period_phrase,
    read_observation_row,
)
from chidao.imports.units import UnitDirectory
from chidao.indicators.choices import ValueType
from chidao.indicators.entry import parse_observation_value
from chidao.indicators.models import Indicator, Observation

_YES_NO = {"co": "1", "dat": "1", "hoan thanh": "1", "khong": "0", "chua": "0"}


@dataclass
class ObservationRowPlan(PlannedRow):
    label: str
    indicator_code: str
    unit_name: str
    period_text: str
    value_text: str
    note: str
    indicator: Indicator | None = None
    unit: object = None
    period: Period | None = None
    value: object = None
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    existing: Observation | None = None


@dataclass
class ObservationPlan(ImportPlan):
    errors: list[str] = field(default_factory=list)
    rows: list[ObservationRowPlan] = field(default_factory=list)

    skipped: list = field(default_factory=list)


def build_observation_plan(data_import) -> ObservationPlan:
    """Read a stored observation import and say what each row would become."""
    return plan_stored_file(data_import, ObservationPlan, lambda tables: _plan(data_import, tables))


def _plan(data_import, tables) -> ObservationPlan:
    committee = data_import.committee
    directory = UnitDirectory(committee)
    indicators = {i.code: i for i in Indicator.objects.filter(committee=committee)}
    result = ObservationPlan()
    seen: dict[tuple, str] = {}
    try:
        found = find_observation_tables(tables)
    except ValidationError as error:
        result.errors.extend(error.messages)
        return result
    for table, (first_row, columns) in found:
        for source in table.rows[first_row:]:
            read = read_observation_row(source.cells, columns)
            if read is None:
                continue
            row = ObservationRowPlan(
                source.label, read.indicator, read.unit, read.period, read.value, read.note
            )
            _plan_row(row, source, indicators, directory, columns)
            if row.indicator and row.unit and row.period:
                key = (row.indicator.pk, row.unit.pk, row.period.kind, row.period.start)
                if key in seen:
                    row.errors.append(
                        RowProblem(_("Trùng số liệu với %(other)s.") % {"other": seen[key]})
                    )
                seen.setdefault(key, source.label)
            result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append(_missing_table_message())
    return result


def _missing_table_message() -> str:
    return _(
        "Không tìm thấy bảng số liệu: cần một dòng tiêu đề có các cột “Mã chỉ tiêu”, "
        "“Đơn vị”, “Kỳ”, “Giá trị”."
    )


def find_observation_tables(tables) -> list[tuple]:
    """The value tables of a file; raises ``ValidationError`` naming the columns needed
    when there is none (a Word file without a table, a sheet of something else)."""
    found = find_headed_tables(tables, OBSERVATION_COLUMN_WORDS, (INDICATOR, UNIT, PERIOD, VALUE))
    if not found:
        raise ValidationError(_missing_table_message(), code="no_table")
    return found


def _plan_row(row: ObservationRowPlan, source, indicators, directory, columns=None) -> None:
    check_formula_cells(row, source, (row.value_text, row.note, row.unit_name), columns)
    code = row.indicator_code.rstrip(".")
    row.indicator = indicators.get(code)
    if row.indicator is None:
        row.errors.append(
            RowProblem(_("Ban Chỉ đạo không có chỉ tiêu mã “%(code)s”.") % {"code": code})
        )
    resolution = directory.resolve(row.unit_name) if row.unit_name else None
    if resolution is None:
        row.errors.append(RowProblem(_("Thiếu đơn vị.")))
    elif resolution.unit is None:
        row.errors.append(
            RowProblem(
                resolution.error or _("Số liệu phải của một đơn vị, không phải một cụm."),
                row.unit_name,
                resolution.suggestions,
            )
        )
    else:
        row.unit = resolution.unit
        if resolution.warning:
            row.warnings.append(resolution.warning)
    parsed = parse_period_phrase(row.period_text)
    if parsed is None:
        row.errors.append(
            RowProblem(
                _("Không đọc được kỳ “%(text)s”. Ví dụ: 2025, Quý II/2025, 6/2025.")
                % {"text": row.period_text}
            )
        )
    else:
        try:
            row.period = Period(*parsed)
        except ValidationError as error:
            add_unreadable(row, error)
    if row.indicator is not None:
        text = row.value_text
        if row.indicator.value_type == ValueType.BOOLEAN:
            text = _YES_NO.get(fold_text(text), text)
        try:
            row.value = parse_observation_value(text, row.indicator.value_type)
        except ValidationError as error:
            add_unreadable(row, error)
        if row.period is not None and row.period.kind != row.indicator.frequency:
            row.warnings.append(
                _("Chỉ tiêu theo dõi theo %(kind)s, số liệu này theo %(other)s.")
                % {
                    "kind": row.indicator.get_frequency_display().lower(),
                    "other": row.period.kind.label.lower(),
                }
            )
    if row.indicator and row.unit and row.period:
        row.existing = Observation.objects.filter(
            indicator=row.indicator,
            unit=row.unit,
            period_kind=row.period.kind,
            period_start=row.period.start,
        ).first()
        if row.existing is not None and row.existing.value != row.value:
            row.warnings.append(
                _("Đã có số liệu %(value)s cho kỳ này: giữ nguyên, không ghi đè.")
                % {"value": row.existing.value}
            )
