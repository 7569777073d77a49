"""The floors of the house: which app may import which (docs/architecture.md).

An app imports only from the floors below its own, never from its own floor or above,
not even inside a function. ``chidao/core/tests/test_layers.py`` reads this table and
fails on any import that breaks it, and on an app that is missing from it. The project
package itself (settings, urls, wsgi) stands above every floor: it puts the apps together.
"""

FLOORS: tuple[tuple[str, ...], ...] = (
    # 0. Building blocks that know nothing of committees: text, uploads, periods,
    #    sessions, two-step devices, the client address, backups.
    ("core",),
    # 1. Units and people.
    ("org",),
    # 2. Steering committees, their members and the roles a user holds.
    ("committees",),
    # 3. What a committee's work refers to: the audit trail (who may read it depends on
    #    roles), documents, indicators with their targets and values.
    ("audit", "documents", "indicators"),
    # 4. Tasks: assigned by a document, serving indicators; progress, evidence, deadlines.
    ("assignments",),
    # 5. What builds on tasks: reporting cycles, proposals, overlap detection.
    ("reporting", "proposals", "overlap"),
    # 6. What builds on reports: meetings and inspections, reminders, spreadsheet imports.
    ("meetings", "reminders", "imports"),
    # 7. Dashboards that read every domain; setting a committee up from its unit list
    #    (reads the list with the imports' table reader).
    ("dashboards", "onboarding"),
    # 8. The REST API and its webhooks.
    ("api",),
    # 9. Pages that know a user's roles across everything: menu, home, two-step policy.
    ("workspace",),
    # 10. Demo data and the scale generator, which drive every app.
    ("demo", "scale"),
)


def get_floor(app: str) -> int:
    """The floor ``app`` stands on; ``KeyError`` for an app missing from ``FLOORS``."""
    for number, apps in enumerate(FLOORS):
        if app in apps:
            return number
    raise KeyError(app)
