"""What a generated .docx says and how it is laid out, as plain data a human can diff.

The golden-file tests (``test_golden.py``) compare these facts with a
checked-in file, so that a change of wording, numbers, table shape, column widths,
paper, margins or the fonts of the header block and "Nơi nhận" shows as a readable diff.
"""

from io import BytesIO

from docx import Document as WordDocument
from docx.oxml.ns import qn


def _mm(length) -> float | None:
    return None if length is None else round(length.mm, 1)


def _cm(length) -> float | None:
    return None if length is None else round(length.cm, 2)


def _run_facts(paragraph) -> list[str]:
    """Each run as "text [font size bold italic underline]", the runs that carry text."""
    facts = []
    for run in paragraph.runs:
        if not run.text.strip():
            continue
        size = run.font.size.pt if run.font.size else None
        flags = "".join(
            letter
            for letter, on in (("B", run.bold), ("I", run.italic), ("U", run.underline))
            if on
        )
        facts.append(f"{run.text} [{run.font.name} {size} {flags}]".rstrip())
    return facts


def _cell_facts(cell) -> list[str]:
    lines = []
    for paragraph in cell.paragraphs:
        lines.extend(_run_facts(paragraph))
    return lines


def _table_facts(table) -> dict:
    rows = table.rows
    first = rows[0]._tr.trPr if rows else None
    widths = [_cm(column.width) for column in table.columns]
    return {
        "columns_cm": widths,
        "fixed_layout": table.autofit is False,
        "header_repeats": first is not None and first.find(qn("w:tblHeader")) is not None,
        "rows_unsplit": all(
            row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
            for row in rows
        ),
        "rows": [[cell.text for cell in row.cells] for row in rows],
    }


def describe_docx(content: bytes) -> dict:
    """The facts of a .docx: sections (paper, orientation, margins), the letterhead and
    signature blocks with their fonts, the body's paragraphs and every bordered table."""
    document = WordDocument(BytesIO(content))
    sections = [
        {
            "page_mm": [_mm(section.page_width), _mm(section.page_height)],
            "orientation": str(section.orientation).split(".")[-1].split(" ")[0],
            "margins_mm": {
                side: _mm(getattr(section, f"{side}_margin"))
                for side in ("top", "bottom", "left", "right")
            },
        }
        for section in document.sections
    ]
    tables = document.tables
    # The letterhead is the first table; "Nơi nhận" and the signature the last two-column
    # borderless one.
    letterhead = [_cell_facts(cell) for cell in tables[0].rows[0].cells] if tables else []
    signature = next(
        (
            [_cell_facts(cell) for cell in table.rows[0].cells]
            for table in reversed(tables)
            if table.rows and any("Nơi nhận" in cell.text for cell in table.rows[0].cells)
        ),
        [],
    )
    bordered = [
        _table_facts(table)
        for table in tables
        if table.style is not None and table.style.name == "Table Grid"
    ]
    return {
        "sections": sections,
        "styles": {
            "Normal": [
                document.styles["Normal"].font.name,
                document.styles["Normal"].font.size.pt
                if document.styles["Normal"].font.size
                else None,
            ]
        },
        "letterhead": letterhead,
        "paragraphs": [p.text for p in document.paragraphs if p.text.strip()],
        "tables": bordered,
        "signature": signature,
    }
