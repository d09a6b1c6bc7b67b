"""Bad input on circulation to Partners (in the style of test_bad_input.py):
the Secretariat's circulation form, a person's preference form and the
circulated link never answer with a server error, and refuse what they do
not understand without circulating or saving anything."""

import pytest
from django.test import Client
from hypothesis import example, given
from hypothesis import strategies as st

from gci.home.circulation.models import Circulation, CirculationPreference
from tests.helpers import force_login_with_totp

from .test_bad_input import ANY, BAD_INPUT, LANGUAGES, assert_no_server_error, params

pytestmark = pytest.mark.django_db

FORM_FIELDS = ["page", "document", "organisations", "all_partners", "message"]


@BAD_INPUT
@given(data=params(FORM_FIELDS))
@example(data={"page": "99999999999999999999", "all_partners": "on"})
@example(data={"document": "-1", "organisations": "\x00"})
@example(data={"page": "1", "organisations": "abc", "message": "x" * 3000})
def test_the_circulation_form(secretariat_user, data):
    client = Client()
    force_login_with_totp(client, secretariat_user)
    before = Circulation.objects.count()
    response = client.post("/admin/circulations/new/", data)
    assert_no_server_error(response, "/admin/circulations/new/", data)
    if response.status_code != 302:
        assert Circulation.objects.count() == before
        message = data.get("message", "")
        if message.isascii() and message.isalnum() and response.status_code == 200:
            assert message in response.content.decode()  # what was typed is kept


@BAD_INPUT
@given(query=params(["page"]))
@example(query={"page": "99999999999999999999"})
@example(query={"page": "\x00"})
def test_the_circulation_form_preselection(secretariat_user, query):
    client = Client()
    force_login_with_totp(client, secretariat_user)
    response = client.get("/admin/circulations/new/", query)
    assert_no_server_error(response, "/admin/circulations/new/", query)


@BAD_INPUT
@given(data=params(["frequency"]), language=st.sampled_from(LANGUAGES))
@example(data={"frequency": "weekly"}, language="en")
@example(data={}, language="ar")
def test_the_preference_form(cites_user, data, language):
    client = Client()
    client.force_login(cites_user)
    url = f"/{language}/circulated/preferences/"
    response = client.post(url, data)
    assert_no_server_error(response, url, data)
    if data.get("frequency") not in ("each", "digest"):
        assert response.status_code == 400
        assert not CirculationPreference.objects.filter(user=cites_user).exists()


@BAD_INPUT
@given(value=ANY, language=st.sampled_from(LANGUAGES))
@example(value="99999999999999999999", language="en")
@example(value="%00", language="fr")
def test_the_circulated_link(cites_user, value, language):
    client = Client()
    client.force_login(cites_user)
    url = f"/{language}/circulated/{value}/"
    response = client.get(url)
    assert_no_server_error(response, url)
    assert response.status_code in (301, 302, 404)
