"""The signed-in user is read with their person and unit (``org.UserManager``)."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from chidao.org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _session_of(user, backend="django.contrib.auth.backends.ModelBackend"):
    # As ``login()`` writes it before this change: the backend's path is the same.
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session


def test_a_session_finds_its_user_with_person_and_unit_in_one_query():
    user = UserFactory()
    request = RequestFactory().get("/")
    request.session = SessionStore(_session_of(user).session_key)
    assert SESSION_KEY in request.session  # the session read before counting

    with CaptureQueriesContext(connection) as captured:
        found = get_user(request)
        names = (str(found), str(found.unit))

    assert found == user
    assert names == (user.person.full_name, str(user.person.unit))
    assert len(captured.captured_queries) == 1


def test_an_existing_session_stays_signed_in(client):
    user = UserFactory()
    client.cookies["sessionid"] = _session_of(user).session_key

    response = client.get("/")

    assert response.wsgi_request.user == user


def test_an_account_without_a_person_still_signs_in(client):
    user = UserFactory(person=None)
    client.cookies["sessionid"] = _session_of(user).session_key

    response = client.get("/")

    assert response.wsgi_request.user == user
    assert response.wsgi_request.user.unit is None
