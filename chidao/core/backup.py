"""Backups of the database and the uploaded files, and their restore (docs/backup.md).

One archive holds everything a server needs to come back: the database (SQLite through its
online backup API, PostgreSQL through ``pg_dump``), the media folder (evidence, documents,
minutes, report templates) and a manifest from which the restore proves it put back what
was saved: row counts per table and a sha256 per file.

The manifest is read from the same snapshot as the dump (SQLite: from the copy; PostgreSQL:
``pg_dump --snapshot`` shares the transaction that counted the rows), so a backup taken
while people work is still consistent. Media files are read after the database: a file
uploaded meanwhile may be in the archive without a row pointing to it, never the reverse
unless a file was deleted in between.
"""

import datetime
import hashlib
import importlib.metadata
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.executor import MigrationExecutor

ARCHIVE_FORMAT = 1
MANIFEST_NAME = "manifest.json"
MEDIA_DIR = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
# Rows `migrate` itself writes into a new database: a database holding only these is empty.
BOOKKEEPING_TABLES = frozenset({"django_migrations", "django_content_type", "auth_permission"})
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go ahead or did not come out whole; says why."""


@dataclass
class RestoreReport:
    """What a restore put back, and every way the result differs from the manifest."""

    manifest: dict
    tables: int = 0
    rows: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build_backup(*, output_dir: Path, using: str = "default") -> tuple[Path, dict]:
    """Write one ``.tar.gz`` archive of the database and MEDIA_ROOT into ``output_dir``.

    The archive appears under its final name only once complete (written as ``.part``
    first), so a scheduled copy never picks up half an archive. Returns its path and its
    manifest.
    """
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {vendor}.")
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    name = f"chidao-{vendor}-{now:%Y%m%dT%H%M%SZ}.tar.gz"
    archive = output_dir / name
    partial = output_dir / f".{name}.part"
    # The dump is staged next to the archive: the backup disk has room for it, /tmp may not.
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".chidao-backup-") as staging:
        database_file = Path(staging) / DATABASE_FILES[vendor]
        if vendor == "sqlite":
            tables, migrations = _dump_sqlite(connection, database_file)
        else:
            tables, migrations = _dump_postgresql(connection, database_file)
        manifest = {
            "format": ARCHIVE_FORMAT,
            "created_at": now.isoformat(timespec="seconds"),
            "app_version": _app_version(),
            "database": {
                "vendor": vendor,
                "file": database_file.name,
                "sha256": sha256_of(database_file),
            },
            "migrations": migrations,
            "tables": tables,
            "media": {},
        }
        try:
            # Readable by the owner only: the archive holds password hashes and the files.
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with (
                os.fdopen(descriptor, "wb") as handle,
                tarfile.open(fileobj=handle, mode="w:gz", compresslevel=6) as tar,
            ):
                tar.add(database_file, arcname=database_file.name)
                manifest["media"] = _add_media(tar, Path(settings.MEDIA_ROOT))
                data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                info = tarfile.TarInfo(MANIFEST_NAME)
                info.size = len(data)
                info.mtime = int(now.timestamp())
                tar.addfile(info, io.BytesIO(data))
            os.replace(partial, archive)
        finally:
            partial.unlink(missing_ok=True)
    return archive, manifest


def check_archive(archive: Path, staging: Path) -> tuple[dict, list[str]]:
    """Unpack ``archive`` into ``staging`` and compare it with its manifest.

    Returns the manifest and the media files that differ from it (none when the archive is
    whole). Raises BackupError when the archive is not ours or its database file is damaged:
    nothing can be restored from it then.
    """
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {archive}.")
    try:
        with tarfile.open(archive, "r:*") as tar:
            members = tar.getmembers()
            allowed = {MANIFEST_NAME, MEDIA_DIR, *DATABASE_FILES.values()}
            for member in members:
                if member.name.split("/", 1)[0] not in allowed:
                    raise BackupError(f"Tệp sao lưu chứa mục lạ: {member.name}.")
            # The "data" filter refuses absolute paths, "..", links out and device files.
            tar.extractall(staging, members=members, filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"Không đọc được tệp sao lưu {archive}: {error}") from error
    try:
        manifest = json.loads((staging / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"Tệp sao lưu {archive} không có manifest đọc được.") from error
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise BackupError(f"Không đọc được định dạng sao lưu {manifest.get('format')!r}.")
    database = manifest["database"]
    database_file = staging / database["file"]
    if not database_file.is_file() or sha256_of(database_file) != database["sha256"]:
        raise BackupError(
            f"Tệp cơ sở dữ liệu {database['file']} trong {archive} bị hỏng hoặc đã bị sửa "
            "(sha256 không khớp manifest)."
        )
    return manifest, _compare_media(staging / MEDIA_DIR, manifest["media"])


def restore_backup(*, archive: Path, force: bool = False, using: str = "default") -> RestoreReport:
    """Put the database and media of ``archive`` back into the configured ones.

    Refuses (BackupError, nothing changed) an archive of another database vendor or whose
    database file does not match its manifest, and a target that already holds data unless
    ``force``. After restoring, counts every table's rows and hashes every file again; the
    report lists each difference from the manifest.
    """
    connection = connections[using]
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="chidao-restore-") as staging_name:
        staging = Path(staging_name)
        # Damaged files are found again on disk below; the rest is still worth restoring.
        manifest, _damaged_files = check_archive(archive, staging)
        vendor = manifest["database"]["vendor"]
        if vendor != connection.vendor:
            raise BackupError(
                f"Bản sao lưu là của cơ sở dữ liệu {vendor}, còn hệ thống đang cấu hình "
                f"{connection.vendor}: không khôi phục chéo loại được."
            )
        database_file = staging / manifest["database"]["file"]
        if not force:
            _refuse_unless_empty(connection, media_root)
        if vendor == "sqlite":
            _restore_sqlite(connection, database_file)
        else:
            _restore_postgresql(connection, database_file)
        _restore_media(staging / MEDIA_DIR, media_root)
    report = RestoreReport(manifest=manifest)
    with connection.cursor() as cursor:
        counts = _count_rows(connection, cursor)
    for table, expected in sorted(manifest["tables"].items()):
        found = counts.get(table)
        if found is None:
            report.problems.append(f"Bảng {table} không có sau khi khôi phục.")
        elif found != expected:
            report.problems.append(f"Bảng {table}: {found} dòng, manifest ghi {expected}.")
    for table in sorted(set(counts) - set(manifest["tables"])):
        report.notes.append(f"Bảng {table} không có trong bản sao lưu (giữ nguyên).")
    report.tables = len(manifest["tables"])
    report.rows = sum(manifest["tables"].values())
    report.problems += _compare_media(media_root, manifest["media"])
    report.files = len(manifest["media"])
    report.notes += _migration_notes(connection, manifest["migrations"])
    return report


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def find_pg_tool(name: str) -> str:
    """The path of a PostgreSQL client program, or a BackupError saying how to get it."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"Không tìm thấy {name}: cài gói postgresql-client (cùng phiên bản chính với máy "
            "chủ PostgreSQL) rồi chạy lại."
        )
    return path


def _app_version() -> str:
    try:
        return importlib.metadata.version("chidao")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _count_rows(connection, cursor) -> dict[str, int]:
    """Rows per table, read through ``cursor`` (any DB-API cursor on the database)."""
    counts = {}
    for table in connection.introspection.table_names(cursor):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _applied_migrations(cursor, tables) -> list[list[str]]:
    if "django_migrations" not in tables:
        return []
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [[app, name] for app, name in cursor.fetchall()]


def _dump_sqlite(connection, target: Path):
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        # Page by page under SQLite's own locking: consistent while the server writes.
        connection.connection.backup(copy)
    # Counted from the copy, so the manifest describes exactly what was saved.
    with closing(sqlite3.connect(target)) as copy:
        cursor = copy.cursor()
        tables = _count_rows(connection, cursor)
        return tables, _applied_migrations(cursor, tables)


def _pg_command(tool: str, settings_dict: dict, *arguments: str) -> tuple[list[str], dict]:
    """A client command for the configured database: -U/-h/-p and the password by env."""
    client_args, client_env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    # psql's arguments minus its name and the trailing database name; ours take --dbname.
    connect = client_args[1:-1] if settings_dict.get("NAME") else client_args[1:]
    command = [find_pg_tool(tool), "--no-password", *connect, *arguments]
    if settings_dict.get("NAME"):
        command.append(f"--dbname={settings_dict['NAME']}")
    return command, {**os.environ, **(client_env or {})}


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tool = Path(command[0]).name
        raise BackupError(f"{tool} thất bại (mã {result.returncode}): {result.stderr.strip()}")


def _dump_postgresql(connection, target: Path):
    snapshot_connection = connection.copy()
    try:
        snapshot_connection.ensure_connection()
        raw = snapshot_connection.connection
        with raw.cursor() as cursor:
            # One snapshot for the counts and the dump: pg_dump joins this transaction's view.
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            tables = _count_rows(connection, cursor)
            migrations = _applied_migrations(cursor, tables)
            command, env = _pg_command(
                "pg_dump",
                connection.settings_dict,
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--file={target}",
            )
            _run(command, env)
            cursor.execute("COMMIT")
    finally:
        snapshot_connection.close()
    return tables, migrations


def _restore_sqlite(connection, source: Path) -> None:
    connection.ensure_connection()
    with closing(sqlite3.connect(source)) as backup:
        # Replaces the whole target database, schema included, under SQLite's locking.
        backup.backup(connection.connection)


def _restore_postgresql(connection, source: Path) -> None:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if tables:
            # Only reached for an empty target or with --force: start from no tables, so
            # tables of a newer schema cannot survive next to the restored ones.
            names = ", ".join(connection.ops.quote_name(table) for table in tables)
            cursor.execute(f"DROP TABLE IF EXISTS {names} CASCADE")
    command, env = _pg_command(
        "pg_restore",
        connection.settings_dict,
        # Objects belong to whoever restores; grants name roles the new server may not have.
        "--no-owner",
        "--no-privileges",
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--exit-on-error",
        str(source),
    )
    _run(command, env)


def _refuse_unless_empty(connection, media_root: Path) -> None:
    with connection.cursor() as cursor:
        counts = _count_rows(connection, cursor)
    holding = sorted(
        table for table, rows in counts.items() if rows and table not in BOOKKEEPING_TABLES
    )
    if holding:
        raise BackupError(
            f"Cơ sở dữ liệu đích đang có dữ liệu ({len(holding)} bảng có dòng, ví dụ "
            f"{', '.join(holding[:3])}). Chỉ khôi phục vào cơ sở dữ liệu trống; thêm --force "
            "để ghi đè toàn bộ."
        )
    if media_root.is_dir() and any(path.is_file() for path in media_root.rglob("*")):
        raise BackupError(
            f"Thư mục tệp tải lên {media_root} không trống. Chỉ khôi phục vào thư mục trống; "
            "thêm --force để ghi đè."
        )


def _restore_media(source: Path, media_root: Path) -> None:
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        if path.is_file():
            target = media_root / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _media_files(root: Path):
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


def _add_media(tar: tarfile.TarFile, media_root: Path) -> dict[str, dict]:
    """Add every file under MEDIA_ROOT; returns {relative path: sha256 and size}."""
    media = {}
    for relative, path in _media_files(media_root):
        with open(path, "rb") as handle:
            info = tar.gettarinfo(fileobj=handle, arcname=f"{MEDIA_DIR}/{relative}")
            # Hash the very bytes written into the archive, not a second read of the file.
            reader = _HashingReader(handle)
            tar.addfile(info, reader)
        media[relative] = {"sha256": reader.digest.hexdigest(), "size": info.size}
    return media


def _compare_media(root: Path, expected: dict[str, dict]) -> list[str]:
    problems = []
    for relative, entry in sorted(expected.items()):
        path = root / relative
        if not path.is_file():
            problems.append(f"Thiếu tệp {relative}.")
        elif sha256_of(path) != entry["sha256"]:
            problems.append(f"Tệp {relative} khác bản gốc (sha256 không khớp manifest).")
    return problems


def _migration_notes(connection, saved: list[list[str]]) -> list[str]:
    executor = MigrationExecutor(connection)
    notes = []
    unknown = sorted({tuple(item) for item in saved} - set(executor.loader.disk_migrations))
    if unknown:
        notes.append(
            f"Bản sao lưu có {len(unknown)} migration mà mã nguồn này không có (ví dụ "
            f"{'.'.join(unknown[0])}): nó được tạo bởi phiên bản mới hơn."
        )
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        notes.append(
            f"Còn {len(pending)} migration chưa áp dụng: chạy `manage.py migrate` sau khi "
            "khôi phục."
        )
    return notes


class _HashingReader:
    """A file wrapper that hashes what tarfile reads through it."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data
