"""In-kind contributions (issue #16, 1, 5, 6): a Partner records and edits
its organisation's entries, with the standard rate prefilling the value, a
history, and no silent overwrite; another organisation's entries are 404;
bad amounts, currencies and years are refused with the typed values kept;
totals per year and kind; the public sees totals per organisation and year
of the published years only, and their CSV."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from wagtail.models import ModelLogEntry

from gci.home.contributions.models import (
    ContributionYear,
    ExchangeRate,
    InKindContribution,
    StandardRate,
)
from gci.home.contributions.totals import totals_by_organisation
from gci.home.models import PartnerOrganisation
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

LIST = "/en/planning/contributions/"
NEW = "/en/planning/contributions/new/"
PUBLIC = "/en/contributions/"


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


def entry(organisation, **kwargs):
    values = {
        "year": 2010,
        "kind": "trainer",
        "description": "Trainer for a workshop",
        "quantity": Decimal(3),
        "unit": "days",
        "value": Decimal(1500),
        "currency": "USD",
    }
    values.update(kwargs)
    return InKindContribution.objects.create(organisation=organisation, **values)


def form_data(**kwargs):
    data = {
        "version": "0",
        "year": "2010",
        "kind": "trainer",
        "description": "Two trainers in Bangkok",
        "quantity": "4",
        "unit": "days",
        "value": "",
        "currency": "USD",
        "basis": "",
    }
    data.update(kwargs)
    return data


def test_a_partner_records_a_contribution_valued_at_the_standard_rate(client, wco_user):
    StandardRate.objects.update_or_create(
        kind="trainer", defaults={"unit": "day", "amount": Decimal(450), "currency": "EUR"}
    )
    client.force_login(wco_user)
    page = client.get(NEW)
    assert page.status_code == 200 and "450" in page.content.decode()
    response = client.post(NEW, form_data())
    assert response.status_code == 302
    item = InKindContribution.objects.get(description="Two trainers in Bangkok")
    assert item.organisation == org("WCO")
    assert (item.value, item.currency) == (Decimal(1800), "EUR")
    assert "450" in item.basis
    assert item.created_by == wco_user
    log = ModelLogEntry.objects.for_instance(item).get()
    assert log.action == "wagtail.create" and log.user == wco_user


def test_a_value_typed_is_kept_as_typed(client, wco_user):
    StandardRate.objects.update_or_create(
        kind="trainer", defaults={"unit": "day", "amount": Decimal(450), "currency": "USD"}
    )
    client.force_login(wco_user)
    client.post(NEW, form_data(value="999.50", basis="Our daily fee"))
    item = InKindContribution.objects.get(description="Two trainers in Bangkok")
    assert (item.value, item.basis) == (Decimal("999.50"), "Our daily fee")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("value", "-5", "greater than or equal to 0"),
        ("value", "500000000", "less than or equal to 100000000"),
        ("quantity", "-1", "greater than or equal to 0"),
        ("currency", "XYZ", "Select a valid choice"),
        ("year", "1850", "Give a year from 2000"),
        ("year", "2999", "Give a year from 2000"),
        ("kind", "bribes", "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_and_what_was_typed_is_kept(client, wco_user, field, value, message):
    client.force_login(wco_user)
    response = client.post(NEW, form_data(**{"value": "100", field: value}))
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert "Two trainers in Bangkok" in body  # the typed values are kept
    assert not InKindContribution.objects.filter(description="Two trainers in Bangkok").exists()


def test_without_a_standard_rate_a_value_is_asked_for(client, wco_user):
    StandardRate.objects.filter(kind="other").delete()
    client.force_login(wco_user)
    response = client.post(NEW, form_data(kind="other"))
    assert response.status_code == 400
    assert "There is no standard rate for this kind" in response.content.decode()


def test_another_organisations_entries_are_not_found(client, cites_user):
    theirs = entry(org("WCO"), description="WCO private estimate")
    client.force_login(cites_user)
    assert client.get(f"{LIST}{theirs.pk}/").status_code == 404
    assert client.post(f"{LIST}{theirs.pk}/", form_data(value="1")).status_code == 404
    assert client.post(f"{LIST}{theirs.pk}/delete/", {"version": "1"}).status_code == 404
    assert "WCO private estimate" not in client.get(LIST).content.decode()
    theirs.refresh_from_db()
    assert theirs.value == Decimal(1500)


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(LIST)
    assert response.status_code == 302 and "login" in response["Location"]
    assert "no-store" in response["Cache-Control"]


def test_a_stale_save_is_refused_and_keeps_what_was_typed(client, wco_user, cites_user):
    item = entry(org("WCO"))
    client.force_login(wco_user)
    url = f"{LIST}{item.pk}/"
    version = item.version
    # Someone else saves first.
    item.value = Decimal(2000)
    item.save()
    data = form_data(version=str(version), value="1750", description="My correction")
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 409
    assert "changed this contribution while you were editing it" in body
    assert "My correction" in body and "1750" in body  # typed values kept
    assert "2,000.00" in body or "2000" in body  # theirs shown
    item.refresh_from_db()
    assert item.value == Decimal(2000)
    # Saving again, on purpose, replaces theirs.
    data["version"] = str(item.version)
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert (item.value, item.description) == (Decimal(1750), "My correction")


def test_the_history_names_who_changed_what(client, wco_user):
    client.force_login(wco_user)
    client.post(NEW, form_data(value="100"))
    item = InKindContribution.objects.get(description="Two trainers in Bangkok")
    url = f"{LIST}{item.pk}/"
    client.post(url, form_data(version=str(item.version), value="120"))
    page = client.get(url).content.decode()
    assert "Recorded" in page and "Changed" in page
    assert "estimated value" in page
    entries = ModelLogEntry.objects.for_instance(item).order_by("pk")
    assert [e.action for e in entries] == ["wagtail.create", "wagtail.edit"]
    assert entries[1].data["changes"]["value"] == ["100.00", "120.00"]


def test_a_partner_deletes_an_entry_and_it_is_logged(client, wco_user):
    item = entry(org("WCO"))
    client.force_login(wco_user)
    response = client.post(f"{LIST}{item.pk}/delete/", {"version": str(item.version)})
    assert response.status_code == 302
    assert not InKindContribution.objects.filter(pk=item.pk).exists()
    assert ModelLogEntry.objects.filter(object_id=str(item.pk), action="wagtail.delete").exists()


def test_a_published_year_is_closed_to_the_partners(client, wco_user):
    ContributionYear.objects.create(year=2010, published=True)
    item = entry(org("WCO"))
    client.force_login(wco_user)
    response = client.post(NEW, form_data(value="10"))
    assert response.status_code == 400
    assert "are published" in response.content.decode()
    client.post(f"{LIST}{item.pk}/delete/", {"version": str(item.version)})
    assert InKindContribution.objects.filter(pk=item.pk).exists()


def test_totals_per_year_and_kind_are_converted_to_the_reporting_currency(client, wco_user):
    wco = org("WCO")
    InKindContribution.objects.filter(organisation=wco).delete()
    ExchangeRate.objects.create(
        currency="EUR", year=2010, rate=Decimal("1.5"), rate_date=dt.date(2010, 1, 4)
    )
    entry(wco, value=Decimal(100), currency="USD")
    entry(wco, value=Decimal(100), currency="EUR")
    entry(wco, kind="venue", value=Decimal(50), currency="CHF")  # no CHF rate
    rows = {(r.year, r.kind): r for r in totals_by_organisation(year=2010, organisations=[wco])}
    assert rows[(2010, "trainer")].total == Decimal("250.00")
    assert rows[(2010, "venue")].total == Decimal(0)
    assert rows[(2010, "venue")].unconverted == {"CHF": Decimal(50)}
    client.force_login(wco_user)
    page = client.get(LIST).content.decode()
    assert "250.00" in page and "50.00 CHF not converted" in page


def test_the_public_sees_totals_of_published_years_only(client):
    cites, wco = org("CITES"), org("WCO")
    entry(cites, year=2011, value=Decimal(700), description="CITES secret detail")
    entry(wco, year=2011, value=Decimal(300))
    entry(wco, year=2012, value=Decimal(424242))
    ContributionYear.objects.create(year=2011, published=True)
    ContributionYear.objects.create(year=2012, published=False)
    page = client.get(PUBLIC)
    body = page.content.decode()
    assert page.status_code == 200
    assert "2011" in body and cites.name in body and "700.00" in body
    assert "CITES secret detail" not in body  # totals only, never the entries
    assert "424,242" not in body and "424242" not in body
    csv = client.get(f"{PUBLIC}totals.csv")
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode()
    assert "2011,Convention on International Trade" in text or f"2011,{cites.name}" in text
    assert "424242" not in text and "secret" not in text


def test_the_public_page_is_linked_from_the_footer(client):
    assert 'href="/en/contributions/"' in client.get("/en/").content.decode()


def test_the_secretariat_filters_and_exports_every_organisations_entries(client, secretariat_user):
    entry(org("CITES"), description="CITES venue in Geneva", kind="venue")
    force_login_with_totp(client, secretariat_user)
    listing = client.get("/admin/in_kind_contributions/?kind=venue")
    assert listing.status_code == 200
    assert "CITES venue in Geneva" in listing.content.decode()
    export = client.get("/admin/in_kind_contributions/?export=csv")
    assert b"CITES venue in Geneva" in b"".join(export.streaming_content)
    xlsx = client.get("/admin/in_kind_contributions/?export=xlsx")
    assert xlsx.status_code == 200
    from openpyxl import load_workbook

    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = load_workbook(io.BytesIO(content)).active
    assert "CITES venue in Geneva" in [cell.value for row in sheet.iter_rows() for cell in row]


def test_the_secretariats_correction_bumps_the_version(client, secretariat_user):
    item = entry(org("CITES"))
    version = item.version
    force_login_with_totp(client, secretariat_user)
    response = client.get(f"/admin/in_kind_contributions/edit/{item.pk}/")
    assert response.status_code == 200
    item.value = Decimal(10)
    item.save()
    assert item.version == version + 1


def test_a_partner_has_no_admin_screens_for_contributions(client, wco_user):
    client.force_login(wco_user)
    response = client.get("/admin/in_kind_contributions/")
    assert response.status_code in (302, 403)


def test_the_demo_follows_the_reports_budget_session(client):
    from gci.home.contributions.funding import funding_totals
    from gci.home.contributions.models import Donor, FundingCommitment

    names = set(Donor.objects.values_list("name", flat=True))
    assert {"UNEP Environment Fund", "Global Environment Facility (GEF)"} <= names
    assert not FundingCommitment.objects.filter(earmark="coordinator").exists()
    years = {t.earmark: t for t in funding_totals()}
    assert years["coordinator"].secured == 0 and years["workshop"].secured > 0
    organisations = set(InKindContribution.objects.values_list("organisation__acronym", flat=True))
    assert {"WCO", "CITES"} <= organisations
    year = InKindContribution.objects.order_by("year").first().year
    assert not ContributionYear.objects.get(year=year).published
    assert "No year of contributions has been published yet." in client.get(PUBLIC).content.decode()
