"""Bad input never gives a server error on the enforcement records
(tests/security/test_bad_input.py's style): the public listing's filters,
its record and feed routes, and the Partners' form and record pages."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from gci.materials.forms.enforcement import EnforcementRecordForm
from gci.materials.models import EnforcementRecord
from tests.security.test_bad_input import ANY, BAD_INPUT, LANGUAGES, assert_no_server_error, params

pytestmark = pytest.mark.django_db

FORM_FIELDS = [*EnforcementRecordForm.Meta.fields, "version"]


@BAD_INPUT
@given(
    language=st.sampled_from(LANGUAGES),
    view=st.sampled_from(["", "feed/rss/", "feed/atom/"]),
    data=params(["treaty", "country", "year", "kind", "page"]),
)
@example(language="en", view="", data={"year": "99999999999999999999999"})
@example(language="en", view="", data={"country": "\x00"})
def test_enforcement_news_filters(client, language, view, data):
    url = f"/{language}/enforcement/{view}"
    assert_no_server_error(client.get(url, data), url, data)


@BAD_INPUT
@given(pk=st.integers(min_value=0, max_value=10**20))
def test_enforcement_record_routes(client, pk):
    for url in (f"/en/enforcement/{pk}/", f"/en/planning/enforcement/{pk}/"):
        response = client.get(url)
        assert_no_server_error(response, url)
        assert response.status_code in (200, 302, 404)


@BAD_INPUT
@given(data=params(FORM_FIELDS))
@example(data={"quantity": "-1", "hs_codes": "9999", "date": "2999-01-01"})
@example(data={"quantity": "1e400", "date": "0000-00-00", "treaties": "\x00"})
def test_a_partners_new_record(client, cites_user, data):
    client.force_login(cites_user)
    url = "/en/planning/enforcement/new/"
    before = EnforcementRecord.objects.count()
    response = client.post(url, data)
    assert_no_server_error(response, url, data)
    # Whatever is missing or wrong, nothing half-valid is stored.
    assert response.status_code == 400 and EnforcementRecord.objects.count() == before


@BAD_INPUT
@given(data=params(FORM_FIELDS, ANY))
def test_a_partners_correction(client, cites_user, data):
    client.force_login(cites_user)
    record = EnforcementRecord.objects.filter(
        organisation__memberships__user=cites_user, state="submitted"
    ).first()
    url = f"/en/planning/enforcement/{record.pk}/"
    response = client.post(url, data)
    assert_no_server_error(response, url, data)
    assert response.status_code in (302, 400, 409)
