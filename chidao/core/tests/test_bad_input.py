"""The bad-input catalogue (issue 5 [G], item 8): every form and API write fed bad input.

Each row of ``bad_input.WRITES`` (a page form or an API write, the role that may post it,
a valid payload and its fields by kind) is expanded into variants, one per field:

- markup (``"><script>…``) in every text field: refused with a message, or saved and then
  shown escaped on every page listed for it (detail, list, dashboard), never raw, and
  escaped in the form echoed back;
- Vietnamese typed decomposed (NFD): saved in NFC (no text column anywhere holds the
  NFD form), and the list search finds it typed NFD, without marks or in capitals;
- 1 MB of text: refused next to the field or saved, never a 500;
- numbers -1, 10**30, NaN, 1e309; dates 01/01/0001, 31/12/9999, 31/02/2026, "hôm qua";
  malformed deadline phrases, document symbols, indicator values; files whose content is
  not their type or that are cut short, on every upload path, and import files without a
  table of their kind: each refused with a Vietnamese message next to the field (for the API
  a 400 naming the field), never a 500, and no row of any model written.

POST URLs without a row are listed, each with its reason, in ``bad_input.NOT_COVERED``
(mostly buttons, Django's and django-otp's own forms, and reason-only decisions of the
same shape as a row here); ``test_every_post_url_has_a_row_or_a_reason`` keeps the two
lists complete.
"""

import json
import unicodedata

import pytest
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.urls import reverse

from chidao.core.tests import bad_input
from chidao.core.tests.bad_input import WRITES, Write
from chidao.core.tests.permission_table import TABLE
from chidao.core.tests.world import ROLES


@pytest.fixture
def world(shared_world, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return shared_world


def resolve(name: str, world) -> str:
    return name.format(indicator=world.objects["indicator"].pk)


def url_of(write: Write, world) -> str:
    kwargs = {param: world.objects[key].pk for param, key in write.kwargs.items()}
    url = reverse(write.name, kwargs=kwargs)
    return url + (write.query(world) if write.query else "")


def post(client, world, write: Write, overrides: dict):
    """Post the row's valid payload with ``overrides``, as the row's role."""
    if write.role != "anonymous":
        client.force_login(world.users[write.role])
    url = url_of(write, world)
    if write.prepare:
        write.prepare(world)
    overrides = {resolve(key, world): value for key, value in overrides.items()}
    if write.api:
        data = {**write.payload(world), **overrides}
        before = bad_input.count_rows()
        return before, client.post(url, json.dumps(data), content_type="application/json")
    page = client.get(url)
    assert page.status_code == 200, f"GET {url}: {page.status_code}"
    payload = write.payload(world)
    data = bad_input.read_form(page.content.decode(), url.split("?")[0], payload)
    data.update(payload)
    form = page.context.get("form") if page.context else None
    if challenge := getattr(form, "challenge", None):
        data["challenge_answer"] = str(challenge["a"] + challenge["b"])
    data.update(overrides)
    data = {key: value for key, value in data.items() if value is not None}
    before = bad_input.count_rows()
    return before, client.post(url, data)


def page_errors(response) -> dict[str, list[str]]:
    """The errors of every bound form, formset and grid of the page, by field name."""
    found: dict[str, list[str]] = {}
    contexts = response.context if isinstance(response.context, list) else [response.context]
    values = {id(v): v for c in contexts for v in c.flatten().values()}
    for value in values.values():
        forms = []
        if isinstance(value, BaseForm) and value.is_bound:
            forms = [value]
        elif isinstance(value, BaseFormSet) and value.is_bound:
            forms = list(value.forms)
            if value.non_form_errors():
                found.setdefault(value.prefix, []).extend(value.non_form_errors())
        for form in forms:
            for key, messages in form.errors.items():
                found.setdefault(form.add_prefix(key) if key != "__all__" else key, []).extend(
                    messages
                )
    if grid := response.context.get("rows"):
        for row in grid:
            for message in getattr(row, "errors", None) or ():
                found.setdefault(f"value-{row.indicator.pk}", []).append(str(message))
            for message in getattr(row, "evidence_errors", None) or ():
                found.setdefault(f"evidence-{row.indicator.pk}", []).append(str(message))
    for message in response.context.get("form_errors") or ():
        found.setdefault("__all__", []).append(str(message))
    return found


def outcome(write: Write, response, field_name: str | None, before: dict) -> str:
    """``"accepted"`` or ``"refused"``; fails on a 500 or a refusal without a message."""
    status = response.status_code
    assert status < 500, f"{write.id}: {status}"
    if write.api:
        if status in (200, 201):
            return "accepted"
        assert 400 <= status < 500, status
        body = response.json()
        assert body, f"{write.id}: {status} without a reason"
        reasons = [
            str(m)
            for messages in body.values()
            for m in (messages if isinstance(messages, list) else [messages])
        ]
        # DRF's own field messages are English where its Vietnamese catalogue has gaps.
        assert reasons, f"{write.id}: {status} without a reason"
        assert all(reasons), f"{write.id}: {status} with an empty reason"
        if field_name:
            # The field named, or the request as a whole ("non_field_errors").
            assert field_name in body or "non_field_errors" in body, f"{write.id}: {body}"
        return "refused"
    if status in (302, 303):
        assert "/dang-nhap/" not in response.url or write.name == "login", response.url
        return "accepted"
    assert status == 200, f"{write.id}: {status}"
    errors = page_errors(response)
    if not errors and bad_input.count_rows() != before:
        return "accepted"  # a page that answers in place (a receipt, a token shown once)
    assert errors, f"{write.id}: {field_name} came back without an error"
    html = response.content.decode()
    messages = [message for messages in errors.values() for message in messages]
    for message in messages:
        assert any(ord(ch) > 127 for ch in message), f"not Vietnamese: {message!r}"
    shown = [m for m in messages if escape(m) in html or m in html]
    assert shown, f"{write.id}: errors {errors} not on the page"
    if field_name and not write.errors_on_form:
        assert field_name in errors, f"{write.id}: {field_name} refused, errors on {sorted(errors)}"
    return "refused"


def escape(text: str) -> str:
    from django.utils.html import escape as django_escape

    return str(django_escape(text))


def assert_nothing_written(write: Write, before: dict[str, int]) -> None:
    after = bad_input.count_rows()
    changed = {
        label: (before[label], after[label])
        for label in before
        if before[label] != after[label] and label not in write.refusal_writes
    }
    assert not changed, f"{write.id}: a refused post wrote rows {changed}"


def assert_no_raw_markup(response, field_name: str) -> None:
    if response["Content-Type"].startswith("text/html"):
        assert bad_input.raw_marker(field_name) not in response.content.decode()


# --- the variants -----------------------------------------------------------------------


def variants():
    for write in WRITES:
        yield pytest.param(write, "baseline", None, None, id=f"{write.id}-baseline")
        for name in write.text:
            for kind in ("html", "nfd", "megabyte"):
                yield pytest.param(write, kind, name, None, id=f"{write.id}-{name}-{kind}")
        kinds = (
            (write.numbers, bad_input.NUMBERS),
            (write.dates, bad_input.DATES),
            (write.deadlines, bad_input.DEADLINES),
            (write.symbols, bad_input.SYMBOLS),
            (write.values, bad_input.VALUES),
        )
        for names, table in kinds:
            for name in names:
                for label, value in table.items():
                    yield pytest.param(
                        write, "refuse", name, value, id=f"{write.id}-{name}-{label}"
                    )
        for name in write.files:
            for label in bad_input.bad_files(write, name):
                if write.api:
                    continue
                yield pytest.param(write, "file", name, label, id=f"{write.id}-{name}-{label}")


@pytest.mark.parametrize(("write", "kind", "field_name", "value"), list(variants()))
def test_bad_input(client, world, write, kind, field_name, value):
    field_name = resolve(field_name, world) if field_name else None
    if kind == "baseline":
        before, response = post(client, world, write, {})
        got = outcome(write, response, None, before)
        expected = "refused" if write.name == "login" else "accepted"
        if got != expected:
            why = response.content.decode()[:300] if write.api else page_errors(response)
            pytest.fail(f"{write.id}: the valid payload was {got}: {why}")
        if got == "refused":
            assert_nothing_written(write, before)
        elif not write.updates_only:
            # The row counts the refusals compare do see this row's write.
            assert bad_input.count_rows() != before, f"{write.id}: accepted, nothing written"
        return
    if kind == "html":
        value = bad_input.html_marker(field_name)
    elif kind == "nfd":
        value = bad_input.nfd(bad_input.VIETNAMESE)
    elif kind == "megabyte":
        value = bad_input.ONE_MEGABYTE
    elif kind == "file":
        value = bad_input.bad_files(write, field_name)[value]()
    before, response = post(client, world, write, {field_name: value})
    got = outcome(write, response, field_name, before)
    assert_no_raw_markup(response, field_name)
    if got == "refused":
        assert_nothing_written(write, before)
        return
    assert kind in ("html", "nfd", "megabyte"), f"{write.id}: {field_name}={value!r} was saved"
    landed = response.url if response.status_code in (302, 303) else url_of(write, world)
    if kind == "html" and write.pages:
        pages = write.pages(world, landed)
        escaped_somewhere = False
        for page_url in pages:
            if isinstance(page_url, tuple):
                client.force_login(world.users[page_url[0]])
                page_url = page_url[1]
            page = client.get(page_url)
            assert page.status_code == 200, f"{page_url}: {page.status_code}"
            html = page.content.decode()
            assert bad_input.raw_marker(field_name) not in html, f"raw markup on {page_url}"
            escaped_somewhere |= bad_input.escaped_marker(field_name) in html
        if field_name not in write.not_shown:
            assert escaped_somewhere, f"{write.id}: {field_name} saved, shown on none of {pages}"
    if kind == "nfd":
        decomposed = bad_input.nfd(bad_input.VIETNAMESE)
        assert decomposed != bad_input.VIETNAMESE
        assert not (stored := bad_input.find_text(decomposed)), f"NFD stored in {stored}"
        if write.stores:
            assert bad_input.find_text(bad_input.VIETNAMESE), f"{field_name}: not stored"
        if write.search and write.search[1] == field_name:
            list_url = reverse(write.search[0])
            for query in (decomposed, bad_input.VIETNAMESE_FOLDED, bad_input.VIETNAMESE.upper()):
                html = client.get(list_url, {"q": query}).content.decode()
                assert bad_input.VIETNAMESE in html, f"{list_url}?q={query!r} does not find it"


def test_every_post_url_has_a_row_or_a_reason():
    posted = {name for name, route in TABLE.items() if route.post}
    rows = {write.name for write in WRITES}
    assert not posted - rows - set(bad_input.NOT_COVERED), "POST URLs with no row nor reason"
    assert not (rows | set(bad_input.NOT_COVERED)) - posted, "rows for URLs that take no POST"
    assert not rows & set(bad_input.NOT_COVERED)


@pytest.mark.parametrize("write", WRITES, ids=[write.id for write in WRITES])
def test_each_row_posts_as_a_role_the_permission_table_allows(write):
    letters = TABLE[write.name].post.replace(" ", "")
    assert letters[ROLES.index(write.role)] == "A", f"{write.id}: {write.role} may not post"


def test_rows_have_distinct_ids_and_the_probe_text_is_nfc():
    ids = [write.id for write in WRITES]
    assert len(ids) == len(set(ids))
    assert unicodedata.normalize("NFC", bad_input.VIETNAMESE) == bad_input.VIETNAMESE
    assert bad_input.nfd(bad_input.VIETNAMESE) != bad_input.VIETNAMESE
