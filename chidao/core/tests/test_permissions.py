"""Walk every URL pattern for every role and compare with the allow/deny table."""

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from chidao.core.tests.external import find_external_resources
from chidao.core.tests.inline_script import find_inline_script
from chidao.core.tests.permission_table import TABLE
from chidao.core.tests.world import ROLES, sign_in

# Django's own areas, guarded by Django: the admin (staff only) and the language switch.
NOT_OURS = ("admin", "set_language")


def iter_url_names(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in NOT_OURS:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from iter_url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in NOT_OURS:
            yield f"{namespace}{entry.name}"


def expectations():
    for name, route in TABLE.items():
        for method in ("get", "post"):
            rule = getattr(route, method)
            if rule is None:
                continue
            letters = rule.replace(" ", "")
            assert len(letters) == len(ROLES), f"{name} {method}: {len(letters)} letters"
            for role, letter in zip(ROLES, letters, strict=True):
                yield pytest.param(name, method, role, letter, id=f"{name}-{method}-{role}")


def test_every_url_is_in_the_table():
    missing = sorted(set(iter_url_names()) - set(TABLE))
    assert not missing, f"URLs without a row in permission_table.TABLE: {missing}"


def test_the_table_names_only_real_urls():
    assert not sorted(set(TABLE) - set(iter_url_names()))


@pytest.fixture
def world(shared_world, db):
    """Built once for the module (``shared_world``); each test's writes are rolled back."""
    return shared_world


@pytest.mark.parametrize(("name", "method", "role", "letter"), list(expectations()))
def test_role_gets_what_the_table_says(client, world, name, method, role, letter):
    route = TABLE[name]
    kwargs = {param: world.objects[key].pk for param, key in route.kwargs.items()}
    url = reverse(name, kwargs=kwargs)
    if role != "anonymous":
        sign_in(client, world.users[role])

    response = getattr(client, method)(url)

    status = response.status_code
    # login_required sends to the sign-in page with ?next=; signing out lands there without.
    to_login = status == 302 and response.url.startswith(f"{reverse(settings.LOGIN_URL)}?next=")
    if letter == "A":
        # An API write sent with the walk's empty body passes the gate, then fails validation.
        invalid_api_body = status == 400 and name.startswith("api:") and method == "post"
        assert status < 400 or invalid_api_body, f"{role} {method} {url}: {status}"
        assert not to_login, f"{role} {method} {url}: sent to sign-in"
        if status == 200 and response["Content-Type"].startswith("text/html"):
            html = response.content.decode()
            assert not (found := find_external_resources(html)), found
            # script-src 'self' (docs/security.md §4): inline script would not run.
            assert not (found := find_inline_script(html)), f"{url}: {found}"
    elif letter == "L":
        assert to_login, f"{role} {method} {url}: {status}, not sent to sign-in"
    elif letter == "N":
        assert status == 404, f"{role} {method} {url}: {status}, expected 404"
    elif letter == "F":
        assert status == 403, f"{role} {method} {url}: {status}, expected 403"
    elif letter == "U":
        assert status in (401, 403), f"{role} {method} {url}: {status}, expected 401/403"
    else:
        pytest.fail(f"unknown letter {letter!r} in the table for {name}")
