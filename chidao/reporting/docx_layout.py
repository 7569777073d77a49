"""The administrative layout of a Word document, as the committee's clerk files it.

Decree 30/2020/NĐ-CP (Appendix I) for a state body: A4 portrait, Times New Roman, margins
top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm, page numbers centred at the top
from the second page, the two-column letterhead (issuing body and number; national motto,
place and date) and the "Nơi nhận" / signature block. A committee hosted by a Party
committee writes as the Party's guidance does instead ("ĐẢNG CỘNG SẢN VIỆT NAM", an
asterisk under the issuing body, "T/M BAN CHỈ ĐẠO").

One implementation for every document the system drafts: the consolidated report
(``reporting.builders``), the conclusion notice and the follow-up brief
(``meetings.builders``) and the urging letter (``reminders.letters``).
"""

import math
from io import BytesIO

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, Twips

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(12)
# Decree 30/2020, Appendix I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def new_document(*, page_numbers: bool = True):
    """An empty A4 document with the decree's margins and fonts."""
    document = WordDocument()
    set_page(document)
    set_base_font(document)
    if page_numbers:
        add_page_numbers(document)
    return document


def save_document(document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    # Word stores margins in twips; rounding up keeps 15 mm from reading as 14,99 mm.
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Twips(math.ceil(mm * 1440 / 25.4)))


def add_page_numbers(document) -> None:
    """Page numbers centred at the top from the second page on (Decree 30, Appendix I)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = add_run(paragraph, "", size=13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def set_base_font(document) -> None:
    for name in ("Normal", "Table Grid"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = BODY_SIZE if name == "Normal" else TABLE_SIZE
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
    normal = document.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after = Pt(0), Pt(6)
    normal.line_spacing = 1.0


def add_run(paragraph, text: str, *, bold=False, italic=False, underline=False, size=None):
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.name = FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    if size is not None:
        run.font.size = Pt(size)
    return run


def add_line(container, text="", *, align=WD_ALIGN_PARAGRAPH.CENTER, after=0, **style):
    """One paragraph of one run (a line of a letterhead or a signature block)."""
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.first_line_indent = None
    if text:
        add_run(paragraph, text, **style)
    return paragraph


def add_heading(document, text: str) -> None:
    paragraph = add_line(document, text, align=WD_ALIGN_PARAGRAPH.LEFT, after=6, bold=True)
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.keep_with_next = True


def add_text(document, text: str, *, italic=False) -> None:
    """A body paragraph: justified, first line indented 1 cm."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.space_after = Pt(6)
    add_run(paragraph, text, italic=italic)


def _remove_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    # Word refuses properties out of the schema's order: borders go before these.
    properties = table._tbl.tblPr
    successors = {qn(f"w:{tag}") for tag in ("shd", "tblLayout", "tblCellMar", "tblLook")}
    later = next((child for child in properties if child.tag in successors), None)
    if later is None:
        properties.append(borders)
    else:
        later.addprevious(borders)


def two_columns(document, widths_cm: tuple[float, float]):
    """Two borderless cells side by side (letterhead, signature block)."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _remove_borders(table)
    for cell, width in zip(table.rows[0].cells, widths_cm, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return table.rows[0].cells


def set_cell(cell, text: str, *, bold=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=11) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = None
    paragraph.paragraph_format.space_after = Pt(0)
    add_run(paragraph, text, bold=bold, size=size)


def get_text_width_cm(margins=MARGINS_MM, *, landscape: bool = False) -> float:
    """The width between the margins of an A4 page, in centimetres."""
    page = 297 if landscape else 210
    return (page - margins["left"] - margins["right"]) / 10


# A table whose text columns would get less than this on a portrait page goes landscape.
MIN_TEXT_COLUMN_CM = 6.0
# About how wide one character of 11-point Times New Roman is, and a cell's side padding.
_CHAR_CM, _PADDING_CM = 0.2, 0.4


def get_column_widths(headers, rows, *, total_cm: float, text_columns) -> list[float]:
    """Widths for a table's columns: each number column as wide as its longest value or
    header word (headers wrap between words, never inside one), the text columns sharing
    the rest by how much they hold, so a title takes the width and wraps least."""
    widths: list[float | None] = []
    for column, header in enumerate(headers):
        if column in text_columns:
            widths.append(None)
            continue
        longest = max(
            [len(word) for word in str(header).split()]
            + [len(str(row[column])) for row in rows if not str(row[column]).startswith("{")]
            or [2]
        )
        widths.append(min(3.5, max(1.0, longest * _CHAR_CM + _PADDING_CM)))
    left = total_cm - sum(w for w in widths if w is not None)
    weights = {
        column: max([len(str(header))] + [len(str(row[column])) for row in rows] or [1]) ** 0.5
        for column, header in enumerate(headers)
        if column in text_columns
    }
    total_weight = sum(weights.values()) or 1
    return [
        round(left * weights[column] / total_weight, 2) if width is None else round(width, 2)
        for column, width in enumerate(widths)
    ]


def set_landscape(document, landscape: bool) -> None:
    """Start a new section (on a new page) turned to ``landscape`` or back to portrait, the
    margins kept: wide appendices print across the page."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long_side, short_side = Mm(297), Mm(210)
    section.page_width, section.page_height = (
        (long_side, short_side) if landscape else (short_side, long_side)
    )


def finish_table(table, widths_cm) -> None:
    """Fix a table's layout the way a filed document needs it: the given column widths (a
    fixed layout, so Word and LibreOffice do not share the width out evenly), the header
    row repeated on every page, and no row split across two pages."""
    table.autofit = False  # w:tblLayout type="fixed", in its place in w:tblPr
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for index, row in enumerate(table.rows):
        row_properties = row._tr.get_or_add_trPr()
        if index == 0:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            row_properties.append(header)
        cant_split = OxmlElement("w:cantSplit")
        cant_split.set(qn("w:val"), "true")
        row_properties.insert(0, cant_split)
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def add_table(
    document,
    headers,
    rows,
    *,
    left_columns=(1,),
    text_columns=None,
    bold_last=False,
    size=11,
    widths_cm=None,
    landscape=None,
):
    """A bordered table: bold centred headers, the ``left_columns`` aligned left.

    Columns are sized for their content (``get_column_widths``; ``text_columns``, by
    default the left-aligned ones, share the width left by the number columns) unless
    ``widths_cm`` gives them. A table that leaves its text less than
    ``MIN_TEXT_COLUMN_CM`` on a portrait page is set on landscape pages of its own
    (``landscape`` forces either way). Header rows repeat, rows do not split.
    """
    text_columns = left_columns if text_columns is None else text_columns
    rows = [tuple(values) for values in rows]
    if widths_cm is None:
        widths_cm = get_column_widths(
            headers, rows, total_cm=get_text_width_cm(), text_columns=text_columns
        )
        text_width = sum(w for c, w in enumerate(widths_cm) if c in text_columns)
        if landscape is None:
            landscape = text_width < MIN_TEXT_COLUMN_CM * max(1, len(text_columns))
        if landscape:
            widths_cm = get_column_widths(
                headers,
                rows,
                total_cm=get_text_width_cm(landscape=True),
                text_columns=text_columns,
            )
    if landscape:
        set_landscape(document, True)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        set_cell(cell, header, bold=True, size=size)
    for index, values in enumerate(rows, start=1):
        cells = table.add_row().cells
        bold = bold_last and index == len(rows)
        for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
            align = WD_ALIGN_PARAGRAPH.LEFT if column in left_columns else WD_ALIGN_PARAGRAPH.CENTER
            set_cell(cell, str(value), bold=bold, align=align, size=size)
    finish_table(table, widths_cm)
    if landscape:
        set_landscape(document, False)
    else:
        add_line(document, "", after=6)
    return table


def write_letterhead(
    document,
    *,
    party: bool,
    superior: str,
    issuer: str,
    number_line: str,
    date_line: str,
    subject_line: str = "",
) -> None:
    """The two-column header: the body above the issuer and the issuer, the number (and an
    official letter's "V/v" subject) on the left; the national motto, or the Party's name,
    and the place and date on the right."""
    left, right = two_columns(document, (7.0, 9.5))
    add_line(left, superior, size=13)
    add_line(left, issuer, bold=True, size=13)
    add_line(left, "*" if party else "¯¯¯¯¯¯¯¯", size=13 if party else 10)
    add_line(left, number_line, size=13)
    if subject_line:
        add_line(left, subject_line, size=12, italic=party)
    if party:
        add_line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=15)
    else:
        add_line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13)
        add_line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, underline=True, size=14)
    add_line(right, "")
    add_line(right, date_line, italic=True, size=14)


def write_title(document, kind: str, subject: str, *, party: bool) -> None:
    """The document's kind ("BÁO CÁO", "THÔNG BÁO") and subject under the letterhead, and
    the short rule below them: dashes in a party body's layout, a line in a state body's."""
    add_line(document, "", after=6)
    add_line(document, kind, bold=True, size=14)
    add_line(document, subject, bold=True, size=14)
    add_line(document, "-----" if party else "¯¯¯¯¯¯¯¯", size=10, after=6)


def write_signature(document, *, party: bool, recipients, signer_role: str, signer_name: str):
    """ "Nơi nhận:" bottom left, "TM. BAN CHỈ ĐẠO" with the signer bottom right."""
    add_line(document, "")
    left, right = two_columns(document, (8.0, 8.5))
    add_line(
        left,
        "Nơi nhận:",
        align=WD_ALIGN_PARAGRAPH.LEFT,
        bold=not party,
        italic=not party,
        underline=party,
        size=14 if party else 12,
    )
    for recipient in recipients:
        add_line(left, recipient, align=WD_ALIGN_PARAGRAPH.LEFT, size=12 if party else 11)
    add_line(right, "T/M BAN CHỈ ĐẠO" if party else "TM. BAN CHỈ ĐẠO", bold=True, size=14)
    add_line(right, signer_role, bold=True, size=14)
    for _blank in range(4):
        add_line(right, "")
    add_line(right, signer_name, bold=True, size=14)
