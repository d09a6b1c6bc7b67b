"""The suitcase on the Partners' dashboard, and the demo suitcase."""

import io

import pytest
from django.core.management import call_command

from gci.materials.models import CaseStudyPage, Material, MaterialVersion
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


def test_a_partner_sees_their_organisations_submissions_and_states(client, wco_user):
    client.force_login(wco_user)
    body = client.get("/en/partners-area/").content.decode()
    assert "GCI suitcase" in body
    assert "Environmentally sensitive goods in the Harmonized System" in body
    assert "Submitted" in body
    assert "/en/partners-area/gci-suitcase/submit/" in body


def test_another_organisation_does_not_see_them(client, cites_user):
    client.force_login(cites_user)
    body = client.get("/en/partners-area/").content.decode()
    assert "GCI suitcase" in body
    assert "Environmentally sensitive goods in the Harmonized System" not in body


def test_the_secretariat_sees_how_many_wait(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    body = client.get("/en/partners-area/").content.decode()
    assert "1 submission waits for the Secretariat." in body


def test_the_demo_suitcase_is_idempotent():
    before = (
        Material.objects.count(),
        MaterialVersion.objects.count(),
        CaseStudyPage.objects.count(),
    )
    call_command("load_demo", stdout=io.StringIO())
    after = (
        Material.objects.count(),
        MaterialVersion.objects.count(),
        CaseStudyPage.objects.count(),
    )
    assert after == before


def test_the_demo_holds_the_materials_of_the_report():
    english = Material.objects.filter(locale__language_code="en", status="approved")
    acronyms = set(english.values_list("organisation__acronym", flat=True))
    assert {"CITES", "RC", "WCO", "UNODC", "OPCW"} <= acronyms
    spanish_cites = english.filter(organisation__acronym="CITES", languages__contains="|es|")
    assert spanish_cites.count() == 2
    survey = english.get(title__startswith="Customs and environmental enforcement")
    assert survey.versions.count() == 2  # a revised edition replaced the first
    assert set(survey.get_translations().values_list("locale__language_code", flat=True)) == {
        "fr",
        "es",
    }
    for material in english.exclude(document=None):
        assert material.document.collection.get_view_restrictions().exists()
    assert Material.objects.filter(status="submitted", submitted_by__isnull=False).count() == 1
