"""Real, minimal files of every kind the evidence check meets, built in memory."""

import io
import struct
import zipfile
import zlib

import docx
import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

# A JPEG's start of image, a JFIF header and end of image: what a content check reads.
MINIMAL_JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64
) + b"\xff\xd9"
# A Windows program: "MZ", then what follows in every such file.
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def make_png() -> bytes:
    """A 1×1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def make_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Biên bản nghiệm thu")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Số hồ sơ đã số hóa"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_docm() -> bytes:
    """A Word file with macros: a DOCX plus ``word/vbaProject.bin``."""
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    members = {name: source.read(name) for name in source.namelist()}
    members["word/vbaProject.bin"] = b"\x00" * 32
    return make_zip(members)


def upload(name: str, content: bytes, content_type: str = "application/pdf"):
    """An uploaded file as the browser sends it: the name and type the user's machine gave."""
    return SimpleUploadedFile(name, content, content_type=content_type)
