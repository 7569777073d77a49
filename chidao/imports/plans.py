"""What every import preview has in common, whatever it reads (tasks, indicators, values).

A plan is built from the stored file each time it is shown or committed, so that an
alias added after the upload changes the preview and the commit writes exactly what
the last preview showed. Each kind keeps its own rules in its ``*_plans.py``; here are
only the steps they share: reading the stored file, finding the tables whose header
names the kind's columns, recording a row's problems, and the outcome of a row and of
the whole plan that the preview and the all-or-nothing commit rely on.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from chidao.imports.choices import RowOutcome
from chidao.imports.rules import find_columns, looks_like_formula
from chidao.imports.tables import SourceTable, read_tables
from chidao.imports.units import UnitDirectory


@dataclass
class RowProblem:
    """An error on a row; ``name`` is the unknown unit name an alias would fix.

    ``column`` is the column the error is in (the row is the row's label), so that the
    message says where and, in its own words, what to do; ``group_lead`` marks a lead
    written as a group phrase, which the preview offers to fan out.
    """

    message: str
    name: str = ""
    suggestions: list = field(default_factory=list)
    column: str = ""
    group_lead: bool = False

    @property
    def text(self) -> str:
        if not self.column:
            return self.message
        return _("Cột “%(column)s”: %(message)s") % {
            "column": self.column,
            "message": self.message,
        }


@dataclass
class SkippedRow:
    label: str
    reason: str


class PlannedRow:
    """A row of the file and what it becomes: an error, a row already there, or new.

    Mixed into each kind's row dataclass, which has ``errors`` and ``existing``. Any error
    wins: the commit writes nothing while one row has one.
    """

    @property
    def outcome(self) -> RowOutcome:
        if self.errors:
            return RowOutcome.ERROR
        if self.existing is not None:
            return RowOutcome.SKIP
        return RowOutcome.CREATE


class ImportPlan:
    """The whole preview of one file; mixed into each kind's plan dataclass.

    The plan has ``errors`` (file-level messages), ``rows`` (``PlannedRow``) and
    ``skipped``; the commit may go ahead only when nothing is wrong and something is new.
    """

    @property
    def rows_to_create(self) -> list:
        return [row for row in self.rows if row.outcome == RowOutcome.CREATE]

    @property
    def rows_with_errors(self) -> list:
        return [row for row in self.rows if row.outcome == RowOutcome.ERROR]

    @property
    def rows_existing(self) -> list:
        return [row for row in self.rows if row.outcome == RowOutcome.SKIP]

    @property
    def rows_to_write(self) -> list:
        """Rows the commit writes; a task plan adds the rows updating a task."""
        return self.rows_to_create

    @property
    def can_commit(self) -> bool:
        return not self.errors and not self.rows_with_errors and bool(self.rows_to_write)

    @property
    def unknown_names(self) -> list[RowProblem]:
        """Each unknown name once, for the alias forms."""
        seen, problems = set(), []
        for row in self.rows:
            for problem in row.errors:
                if problem.name and problem.name not in seen:
                    seen.add(problem.name)
                    problems.append(problem)
        return problems


class CommitteePlanner:
    """Reads a file's rows for one import of one committee.

    Unit names are resolved against that committee's directory (its units and the
    aliases its secretariat recorded), loaded once per plan, not once per row.
    """

    def __init__(self, data_import):
        self.data_import = data_import
        self.committee = data_import.committee
        self.directory = UnitDirectory(self.committee)


def plan_stored_file(data_import, plan_class, plan_tables):
    """``plan_tables(tables)`` on the stored file, or a plan holding why it cannot be read.

    The file was read once at upload, but the reader's limits may have changed since;
    an unreadable file is then a file-level error on the preview, never a 500.
    """
    try:
        tables = read_tables(bytes(data_import.content), data_import.filename)
    except ValidationError as error:
        return plan_class(errors=error.messages)
    return plan_tables(tables)


def find_headed_tables(tables: list[SourceTable], *header) -> list[tuple]:
    """The tables whose header names the kind's columns, each as (table, (first row,
    columns)); ``header`` is passed to ``rules.find_columns`` (column words, anchors).

    A Word appendix holds other tables (signatures, a legend) that are not the plan; they
    are passed over rather than reported.
    """
    found = [(table, find_columns([row.cells for row in table.rows], *header)) for table in tables]
    return [(table, columns) for table, columns in found if columns]


def note_skipped(source, note) -> SkippedRow:
    """A note row of the file ("Ghi chú: …"), shown as skipped so nothing seems lost."""
    return SkippedRow(source.label, _("Dòng ghi chú: %(text)s") % {"text": note.text})


def check_repeated_code(row, codes: dict[str, str]) -> None:
    """Refuse a row whose code an earlier row of the same file has.

    ``codes`` maps each code seen to the label of its first row, so the message points
    at the row to compare with; the caller records the row's own code once the row is
    read (the indicator rules still look up parents among the earlier rows only).
    """
    if row.code and row.code in codes:
        row.errors.append(
            RowProblem(
                _("Mã “%(code)s” trùng với %(other)s.")
                % {"code": row.code, "other": codes[row.code]}
            )
        )


def check_formula_cells(row, source, texts, columns: dict | None = None) -> None:
    """Refuse a text that would be a formula when exported, and a formula cell of a read
    column whose value the file does not hold.

    A formula in a column the import does not read (``columns``: the kind's column →
    index) is none of its business; one in a read column is read as the value Excel
    saved with it, with a warning. A text starting with "=" is a spreadsheet injection
    waiting for the next export.
    """
    read = set(columns.values()) if columns is not None else None
    for index in sorted(source.formulas):
        if read is not None and index not in read:
            continue
        if index in source.uncached or read is None:
            row.errors.append(
                RowProblem(
                    _(
                        "Ô ở cột %(column)s là công thức Excel chưa có giá trị lưu trong tệp; "
                        "hãy mở tệp bằng Excel, lưu lại (hoặc dán giá trị) rồi tải lên."
                    )
                    % {"column": index + 1}
                )
            )
        else:
            row.warnings.append(
                _("Ô ở cột %(column)s là công thức Excel: dùng giá trị đã tính “%(value)s”.")
                % {"column": index + 1, "value": source.cells[index][:60]}
            )
    if any(looks_like_formula(text) for text in texts):
        row.errors.append(RowProblem(_("Ô chứa công thức bảng tính; hãy nhập giá trị.")))


def add_unreadable(row, error: ValidationError) -> None:
    """Record a cell a shared parser (deadline, target, value, period) refused."""
    row.errors.append(RowProblem(" ".join(error.messages)))


def add_unknown_unit(row, name: str, resolution) -> None:
    """Record a unit name the directory does not know, with its suggestions for an alias."""
    row.errors.append(RowProblem(resolution.error, name, resolution.suggestions))
