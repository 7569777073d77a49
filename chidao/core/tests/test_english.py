"""The English catalogue: labels, messages and pages come out in English when asked for.

Source strings are Vietnamese; English comes from chidao/locale/en/LC_MESSAGES/django.po,
compiled to django.mo (committed, so machines without gettext tools still have it).
"""

import gettext
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from chidao.assignments.choices import TaskStatus
from chidao.assignments.models import Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.core.periods import Period, PeriodKind
from chidao.documents.choices import DocumentKind
from chidao.documents.rules import parse_document_symbol
from chidao.org.tests.factories import UserFactory

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
UPDATE_HINT = (
    "Update the English catalogue: `DJANGO_SETTINGS_MODULE=chidao.settings_test "
    ".venv/bin/python manage.py makemessages -l en --ignore=.venv --ignore=staticfiles "
    "--ignore=media`, translate every new or fuzzy entry in {po} (and remove its "
    '"#, fuzzy" flag), then `.venv/bin/python manage.py compilemessages --ignore=.venv` '
    "and commit both django.po and django.mo."
)


def read_po(path: Path) -> list[polib.POEntry]:
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def english_forms(entry: polib.POEntry) -> list[str]:
    """The English text of an entry: one string, or every plural form."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def compiled_forms(compiled: gettext.GNUTranslations, entry: polib.POEntry) -> list[str]:
    """What the .mo gives for an entry, in the same shape as ``english_forms``."""
    if entry.msgid_plural:
        if entry.msgctxt:
            return [
                compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                for n in (1, 2)
            ]
        return [compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
    if entry.msgctxt:
        return [compiled.pgettext(entry.msgctxt, entry.msgid)]
    return [compiled.gettext(entry.msgid)]


def test_status_labels_and_verbose_names_are_english():
    with translation.override("en"):
        assert str(TaskStatus.OVERDUE.label) == "Overdue, not completed"
        assert str(TaskStatus.DONE_ON_TIME.label) == "Done on time"
        assert str(Task._meta.verbose_name) == "task"
        assert str(Task._meta.get_field("lead_unit").verbose_name) == "lead agency"
        assert str(DocumentKind.ACTION_PROGRAMME.label) == "Action Programme"
        assert Period(PeriodKind.QUARTER, 2025, 2).label == "Quarter II/2025"


def test_labels_are_vietnamese_by_default():
    assert settings.LANGUAGE_CODE == "vi"
    with translation.override(settings.LANGUAGE_CODE):
        assert str(TaskStatus.OVERDUE.label) == "Quá hạn, chưa hoàn thành"
        assert str(Task._meta.verbose_name) == "nhiệm vụ"
        assert Period(PeriodKind.QUARTER, 2025, 2).label == "Quý II/2025"


def test_parser_error_is_english_under_english_and_vietnamese_by_default():
    with translation.override("en"), pytest.raises(ValidationError) as english:
        parse_document_symbol("abc")
    assert english.value.messages == [
        'The number and symbol "abc" is invalid. '
        'Valid examples: "29/KH-UBND" (state document) or "54-CTr/TU" (Party document).'
    ]
    with translation.override(settings.LANGUAGE_CODE), pytest.raises(ValidationError) as default:
        parse_document_symbol("abc")
    [message] = default.value.messages
    assert message.startswith('Số, ký hiệu "abc" không hợp lệ.')


def test_admin_login_page_follows_accept_language(client):
    english = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert english["Content-Language"] == "en"
    assert 'value="Log in"' in english.content.decode()
    assert "Username:" in english.content.decode()

    default = client.get("/admin/login/")
    assert default["Content-Language"] == "vi"
    assert 'value="Đăng nhập"' in default.content.decode()
    assert "Log in" not in default.content.decode()


@pytest.mark.django_db
def test_admin_task_list_shows_the_projects_own_strings_in_english(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    TaskFactory()
    url = reverse("admin:assignments_task_changelist")
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "status today" in english
    assert "Lead agency" in english
    default = client.get(url).content.decode()
    assert "trạng thái hôm nay" in default
    assert "Cơ quan chủ trì" in default


def test_every_english_entry_is_translated_and_not_fuzzy():
    po = CATALOGUE / "django.po"
    entries = read_po(po)
    assert entries, f"No entries in {po}. " + UPDATE_HINT.format(po=po)
    untranslated = [e.msgid for e in entries if not all(f.strip() for f in english_forms(e))]
    fuzzy = [e.msgid for e in entries if e.fuzzy]
    assert not untranslated, (
        f"{len(untranslated)} msgid(s) without English: {untranslated[:10]}. "
        + UPDATE_HINT.format(po=po)
    )
    assert not fuzzy, f"{len(fuzzy)} fuzzy entr(y/ies): {fuzzy[:10]}. " + UPDATE_HINT.format(po=po)


def test_english_entries_keep_their_placeholders():
    placeholder = re.compile(r"%\([a-z_]+\)[sd]")
    wrong = [
        (e.msgid, form)
        for e in read_po(CATALOGUE / "django.po")
        if "python-format" in e.flags
        for form in english_forms(e)
        if sorted(set(placeholder.findall(e.msgid))) != sorted(set(placeholder.findall(form)))
    ]
    assert not wrong, f"Placeholders differ between msgid and msgstr: {wrong}"


def test_compiled_catalogue_matches_the_po():
    po, mo = CATALOGUE / "django.po", CATALOGUE / "django.mo"
    assert mo.exists(), f"{mo} is missing. " + UPDATE_HINT.format(po=po)
    with mo.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    stale = [e.msgid for e in read_po(po) if compiled_forms(compiled, e) != english_forms(e)]
    assert not stale, (
        f"django.mo is older than django.po for {len(stale)} msgid(s): {stale[:10]}. "
        + UPDATE_HINT.format(po=po)
    )


def test_every_string_of_the_source_is_in_the_catalogue(tmp_path, settings, monkeypatch):
    """A string wrapped for translation since the last makemessages has no English yet.

    makemessages writes into the nearest ``locale`` folder it walks past, so it runs on a
    copy of the source (Python and templates) with its own copy of the catalogue."""
    source = Path(settings.BASE_DIR) / "chidao"
    shutil.copytree(
        source,
        tmp_path / "chidao",
        ignore=lambda folder, names: [
            name
            for name in names
            if name in {"__pycache__", "static", "tests", "migrations"}
            or not (Path(folder, name).is_dir() or name.endswith((".py", ".html", ".txt", ".po")))
        ],
    )
    settings.LOCALE_PATHS = [tmp_path / "chidao" / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["en"], verbosity=0)
    committed = {(e.msgctxt, e.msgid) for e in read_po(CATALOGUE / "django.po")}
    extracted = read_po(tmp_path / "chidao" / "locale" / "en" / "LC_MESSAGES" / "django.po")
    missing = [e.msgid for e in extracted if (e.msgctxt, e.msgid) not in committed]
    assert not missing, (
        f"{len(missing)} string(s) of the source are not in the catalogue: {missing[:10]}. "
        + UPDATE_HINT.format(po=CATALOGUE / "django.po")
    )
