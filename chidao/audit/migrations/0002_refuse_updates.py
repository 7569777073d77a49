"""On PostgreSQL the database itself refuses to change an audit event (append-only).

DELETE stays allowed for the retention job; SQLite has no such guard (the model refuses).
"""

from django.db import migrations

# One statement per execute: drivers run several statements only without parameters.
CREATE = [
    """
    CREATE OR REPLACE FUNCTION audit_event_refuse_update() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'audit events are append-only';
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_update()
    """,
]
DROP = [
    "DROP TRIGGER IF EXISTS audit_event_no_update ON audit_auditevent",
    "DROP FUNCTION IF EXISTS audit_event_refuse_update()",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
