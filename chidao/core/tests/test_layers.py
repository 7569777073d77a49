"""The apps stand in floors (chidao/layers.py, docs/architecture.md): an app imports only
from the floors below it. Every import counts, including one inside a function and one
named by a string to ``import_module``/``import_string``; tests and migrations do not."""

import ast
from pathlib import Path

import pytest

from chidao.layers import FLOORS, get_floor

PACKAGE = Path(__file__).resolve().parents[2]
SKIPPED_DIRS = {"tests", "migrations"}


def get_apps() -> list[str]:
    return sorted(
        path.name
        for path in PACKAGE.iterdir()
        if path.is_dir() and (path / "__init__.py").exists() and path.name != "formats"
    )


def get_modules(app: str):
    """(path, source) of every non-test, non-migration module of ``app``."""
    for path in sorted((PACKAGE / app).rglob("*.py")):
        if SKIPPED_DIRS & set(path.relative_to(PACKAGE / app).parts[:-1]):
            continue
        yield path.relative_to(PACKAGE.parent), path.read_text(encoding="utf-8")


def get_imported_apps(app: str, module: str, source: str) -> list[tuple[int, str]]:
    """(line, app) for every import of another ``chidao`` app in ``source``.

    ``module`` is the dotted name of the module itself, used to resolve relative imports.
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level]
                names = [".".join([*base, *([node.module] if node.module else [])])]
                if not node.module:
                    names = [f"{names[0]}.{alias.name}" for alias in node.names]
            else:
                names = [node.module or ""]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", "")) in IMPORTERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "chidao" and parts[1] != app:
                found.append((node.lineno, parts[1]))
    return found


IMPORTERS = {"import_module", "import_string"}


def find_breaches(modules_by_app: dict[str, list[tuple[str, str]]], floor_of) -> list[str]:
    """Every import of an app on the same floor or above, as "path:line app -> app"."""
    breaches = []
    for app, modules in modules_by_app.items():
        for path, source in modules:
            module = ".".join(Path(path).with_suffix("").parts)
            for line, other in get_imported_apps(app, module, source):
                if other not in ALL_APPS:  # chidao.layers, chidao.settings: not apps
                    continue
                if floor_of(other) >= floor_of(app):
                    breaches.append(
                        f"{path}:{line} {app} (floor {floor_of(app)}) imports "
                        f"{other} (floor {floor_of(other)})"
                    )
    return breaches


ALL_APPS = get_apps()


def test_every_app_has_a_floor():
    listed = [app for apps in FLOORS for app in apps]
    assert sorted(listed) == ALL_APPS, "add the new app to chidao/layers.py and the doc"
    assert len(listed) == len(set(listed))


def test_no_app_imports_from_its_own_floor_or_above():
    modules = {app: list(get_modules(app)) for app in ALL_APPS}
    assert find_breaches(modules, get_floor) == []


def test_core_imports_no_other_app():
    modules = {"core": list(get_modules("core"))}
    assert all(
        not get_imported_apps("core", ".".join(Path(path).with_suffix("").parts), source)
        for path, source in modules["core"]
    )


FLOORS_OF_THE_EXAMPLE = {"core": 0, "committees": 1, "assignments": 2, "indicators": 2}


@pytest.mark.parametrize(
    ("app", "source", "breaks"),
    [
        ("committees", "from chidao.core.text import fold_text\n", False),
        ("assignments", "import chidao.committees.access\n", False),
        ("committees", "from . import models\nfrom .access import get_roles\n", False),
        # Upward, at the top of the module.
        ("core", "from chidao.committees.access import get_roles\n", True),
        # Upward, hidden inside a function.
        ("core", "def menu():\n    from chidao.committees import access\n", True),
        # Upward, by a string.
        ("core", "import_string('chidao.assignments.models.Task')\n", True),
        # Upward, by a relative import that leaves the app.
        ("committees", "from ..assignments.models import Task\n", True),
        # Sideways: two apps of one floor would soon import each other.
        ("assignments", "from chidao.indicators.models import Indicator\n", True),
    ],
)
def test_the_check_catches_an_upward_import(app, source, breaks):
    modules = {app: [(f"chidao/{app}/example.py", source)]}
    breaches = find_breaches(modules, FLOORS_OF_THE_EXAMPLE.__getitem__)
    assert bool(breaches) is breaks, breaches


def test_the_doc_lists_the_floors_of_the_table():
    """docs/architecture.md names every app, bottom to top, in the table's order."""
    doc = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    positions = [
        [doc.index(f"`{app}`") for app in apps]
        for apps in FLOORS
        if all(f"`{app}`" in doc for app in apps)
    ]
    assert len(positions) == len(FLOORS), "every app of chidao/layers.py is named in the doc"
    firsts = [min(floor) for floor in positions]
    assert firsts == sorted(firsts), "the doc lists the floors bottom to top"
