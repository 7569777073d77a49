"""Backup and restore (docs/backup.md, docs/security.md §7).

A backup is only as good as its restore: the round trip below backs up the test world with
its uploaded files, restores the archive into an EMPTY database of the same vendor through
``manage.py restore`` in a separate process (as an operator would), and compares every
table row by row, the schema objects and every media file byte by byte.

The tests run with committed data (``transaction=True``): ``pg_dump`` and the restoring
process read the database through connections of their own.
"""

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from chidao.core.backup import BackupError, find_pg_tool
from chidao.core.tests.world import build_world
from chidao.org.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db(transaction=True)

# An upload in a nested folder with a Vietnamese name, next to the world's own files.
EXTRA_FILE = "evidence/2025/Báo cáo quý I - Sở Tài chính.pdf"
EXTRA_BYTES = b"%PDF-1.4\n% bao cao quy I\n" + bytes(range(256)) * 40

SCHEMA_QUERIES = {
    "sqlite": {
        "schema": "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
    },
    "postgresql": {
        "columns": (
            "SELECT table_name, column_name, data_type, is_nullable, column_default "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "ORDER BY 1, 2"
        ),
        "indexes": (
            "SELECT tablename, indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() ORDER BY 1, 2"
        ),
        # A CHECK's text is PostgreSQL's re-deparse of the expression, which a dump and
        # reload may spell differently (`ARRAY[...]::text[]` becomes per-element casts);
        # the CHECK is compared by name and column names (a dropped column leaves a gap in the
        # original's column numbers), every other constraint by definition.
        "constraints": (
            "SELECT conrelid::regclass::text, conname, contype, (SELECT array_agg(attname "
            "ORDER BY attname) FROM pg_attribute WHERE attrelid = conrelid "
            "AND attnum = ANY (conkey))::text, "
            "CASE WHEN contype = 'c' THEN '' ELSE pg_get_constraintdef(oid) END "
            "FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
            "ORDER BY 1, 2"
        ),
        "triggers": (
            "SELECT event_object_table, trigger_name, action_timing, event_manipulation, "
            "action_statement FROM information_schema.triggers ORDER BY 1, 2, 4"
        ),
        "functions": (
            "SELECT proname, prosrc FROM pg_proc "
            "WHERE pronamespace = current_schema()::regnamespace ORDER BY 1"
        ),
        "sequences": (
            "SELECT sequencename, last_value FROM pg_sequences "
            "WHERE schemaname = current_schema() ORDER BY 1"
        ),
    },
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def read_database(raw) -> dict[str, list[tuple]]:
    """Every row of every table, ordered by primary key, plus the schema objects.

    ``raw`` is a plain DB-API connection (sqlite3 or psycopg without Django's type
    adapters), so both sides of a comparison are read the same way.
    """
    everything = {}
    cursor = raw.cursor()
    for table in connection.introspection.table_names(cursor):
        quoted = connection.ops.quote_name(table)
        primary_key = connection.introspection.get_primary_key_column(cursor, table)
        cursor.execute(f"SELECT * FROM {quoted} LIMIT 0")
        width = len(cursor.description)
        order = (
            connection.ops.quote_name(primary_key)
            if primary_key
            else ", ".join(str(position) for position in range(1, width + 1))
        )
        cursor.execute(f"SELECT * FROM {quoted} ORDER BY {order}")
        everything[table] = [tuple(row) for row in cursor.fetchall()]
    for name, query in SCHEMA_QUERIES[connection.vendor].items():
        cursor.execute(query)
        everything[f"<{name}>"] = [tuple(row) for row in cursor.fetchall()]
    cursor.close()
    return everything


def read_media(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def connect(name: str):
    """A plain connection to database ``name`` on the suite's server."""
    if connection.vendor == "sqlite":
        return sqlite3.connect(name, uri=name.startswith("file:"))
    import psycopg

    return psycopg.connect(**postgres_params(name))


def postgres_params(name: str) -> dict:
    source = connection.settings_dict
    params = {"dbname": name, "host": source["HOST"], "user": source["USER"]}
    if source["PORT"]:
        params["port"] = source["PORT"]
    if source["PASSWORD"]:
        params["password"] = source["PASSWORD"]
    return params


@pytest.fixture
def empty_database(tmp_path):
    """``(DATABASE_URL, name)`` of a new empty database of the suite's vendor."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield f"sqlite:///{path}", str(path)
        return
    import psycopg

    name = f"chidao_restore_{os.getpid()}"
    with psycopg.connect(**postgres_params("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    source = connection.settings_dict
    password = f":{quote(source['PASSWORD'], safe='')}" if source["PASSWORD"] else ""
    port = f":{source['PORT']}" if source["PORT"] else ""
    url = f"postgres://{quote(source['USER'], safe='')}{password}@{source['HOST']}{port}/{name}"
    yield url, name
    with psycopg.connect(**postgres_params("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_manage(*arguments, database_url, media_root) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chidao.settings_test",
        "DATABASE_URL": database_url,
        "CHIDAO_MEDIA_ROOT": str(media_root),
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def backup(tmp_path) -> Path:
    out = io.StringIO()
    call_command("backup", "--output", str(tmp_path / "backups"), stdout=out)
    archives = list((tmp_path / "backups").glob("chidao-*.tar.gz"))
    assert len(archives) == 1, out.getvalue()
    assert str(archives[0]) in out.getvalue()
    assert archives[0].stat().st_mode & 0o077 == 0, "the archive must be private to its owner"
    return archives[0]


def rewrite_archive(archive: Path, change) -> Path:
    """A copy of ``archive`` with ``change(name, data) -> data`` applied to every member."""
    changed = archive.with_name("changed-" + archive.name)
    with tarfile.open(archive) as source, tarfile.open(changed, "w:gz") as target:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return changed


def test_restore_into_an_empty_database_gives_back_every_row_and_file(
    media, tmp_path, empty_database
):
    build_world()
    default_storage.save(EXTRA_FILE, ContentFile(EXTRA_BYTES))
    archive = backup(tmp_path)
    database_url, restored_name = empty_database
    restored_media = tmp_path / "restored-media"

    result = run_manage(
        "restore", str(archive), database_url=database_url, media_root=restored_media
    )

    assert result.returncode == 0, result.stderr
    assert "khớp manifest" in result.stdout
    original_raw = connect(connection.settings_dict["NAME"])
    restored_raw = connect(restored_name)
    try:
        original = read_database(original_raw)
        restored = read_database(restored_raw)
    finally:
        original_raw.close()
        restored_raw.close()
    # The comparison covers the world: tasks, history, m2m through tables, files' rows.
    for table in (
        "assignments_task",
        "assignments_historicaltask",
        "assignments_task_coordinating_units",
        "assignments_evidence",
        "indicators_observation",
        "meetings_meeting",
        "documents_document",
        "django_migrations",
    ):
        assert original[table], f"{table} is empty in the world; the test would prove nothing"
    assert sorted(restored) == sorted(original)
    for table in original:
        assert restored[table] == original[table], f"{table} differs after the restore"
    original_files = read_media(media)
    assert EXTRA_FILE in original_files
    assert len(original_files) >= 4  # evidence, indicator value's evidence, document, ours
    assert read_media(restored_media) == original_files

    again = run_manage(
        "restore", str(archive), database_url=database_url, media_root=tmp_path / "other"
    )

    assert again.returncode != 0
    assert "đang có dữ liệu" in again.stderr
    assert "--force" in again.stderr


@pytest.fixture
def small_world(media):
    unit = UnitFactory(name="Sở Tư pháp")
    default_storage.save(EXTRA_FILE, ContentFile(EXTRA_BYTES))
    return unit


def test_restore_refuses_a_database_holding_data_and_changes_nothing(small_world, tmp_path):
    archive = backup(tmp_path)
    small_world.name = "Sở Tư pháp (đổi sau khi sao lưu)"
    small_world.save()

    with pytest.raises(CommandError, match=r"đang có dữ liệu.*--force"):
        call_command("restore", str(archive))

    small_world.refresh_from_db()
    assert small_world.name == "Sở Tư pháp (đổi sau khi sao lưu)"


def test_restore_with_force_overwrites_a_database_holding_data(small_world, tmp_path, settings):
    archive = backup(tmp_path)
    small_world.name = "Sở Tư pháp (đổi sau khi sao lưu)"
    small_world.save()
    settings.MEDIA_ROOT = tmp_path / "new-media"
    out = io.StringIO()

    call_command("restore", str(archive), "--force", stdout=out)

    small_world.refresh_from_db()
    assert small_world.name == "Sở Tư pháp"
    assert (tmp_path / "new-media" / EXTRA_FILE).read_bytes() == EXTRA_BYTES
    assert "khớp manifest" in out.getvalue()


def test_a_tampered_media_file_is_reported(small_world, tmp_path, settings):
    archive = backup(tmp_path)
    tampered = rewrite_archive(
        archive,
        lambda name, data: data.replace(b"quy I", b"quy 2") if name.endswith(".pdf") else data,
    )

    with pytest.raises(CommandError, match="không nguyên vẹn") as checked:
        call_command("restore", str(tampered), "--check-only")
    assert EXTRA_FILE in str(checked.value)

    settings.MEDIA_ROOT = tmp_path / "new-media"
    with pytest.raises(CommandError, match="khác manifest") as restored:
        call_command("restore", str(tampered), "--force")
    assert f"Tệp {EXTRA_FILE} khác bản gốc" in str(restored.value)


def test_a_damaged_database_file_is_refused_before_anything_changes(small_world, tmp_path):
    archive = backup(tmp_path)
    small_world.name = "Sở Tư pháp (đổi sau khi sao lưu)"
    small_world.save()
    damaged = rewrite_archive(
        archive,
        lambda name, data: data[:-1] + bytes([data[-1] ^ 0xFF])
        if name.startswith("database.")
        else data,
    )

    with pytest.raises(CommandError, match="bị hỏng hoặc đã bị sửa"):
        call_command("restore", str(damaged), "--force")

    small_world.refresh_from_db()
    assert small_world.name == "Sở Tư pháp (đổi sau khi sao lưu)"


def test_an_archive_of_the_other_database_vendor_is_refused(small_world, tmp_path):
    archive = backup(tmp_path)
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"

    def claim_other_vendor(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["database"]["vendor"] = other
        return json.dumps(manifest).encode()

    with pytest.raises(CommandError, match=rf"cơ sở dữ liệu {other}.*{connection.vendor}"):
        call_command("restore", str(rewrite_archive(archive, claim_other_vendor)), "--force")

    small_world.refresh_from_db()
    assert small_world.name == "Sở Tư pháp"


def test_a_missing_pg_dump_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(BackupError, match=r"Không tìm thấy pg_dump.*postgresql-client"):
        find_pg_tool("pg_dump")
