"""`manage.py load_demo` builds the demo site, idempotently, never in production."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from gci.home.models import Membership, PartnerOrganisation
from tests.helpers import PRODUCTION, run_manage

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def counts():
    return (
        Page.objects.count(),
        PartnerOrganisation.objects.count(),
        get_user_model().objects.count(),
        Membership.objects.count(),
        PageViewRestriction.objects.count(),
    )


def test_running_it_again_changes_nothing():
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


def test_eleven_organisations_in_six_languages():
    assert PartnerOrganisation.objects.filter(locale__language_code="en").count() == 11
    assert PartnerOrganisation.objects.count() == 66
    acronyms = set(PartnerOrganisation.objects.values_list("acronym", flat=True))
    assert {"CITES", "WCO", "UNODC", "OPCW", "INTERPOL", "UNEP"} <= acronyms


def test_main_pages_exist_in_every_language(client):
    for code in ["en", "fr", "es", "ru", "ar", "zh-hans"]:
        for path in ["", "about/", "partners/"]:
            response = client.get(f"/{code}/{path}")
            assert response.status_code == 200, (code, path)
            assert response.context["page"].url == f"/{code}/{path}"
            assert response.context["page"].locale.language_code == code


def test_demo_people_can_sign_in_at_once(client):
    from tests.helpers import sign_in

    for email in ["cites.partner@greencustoms.example", "wco.partner@greencustoms.example"]:
        client.logout()
        assert sign_in(client, email)["Location"] == "/en/partners-area/"


def test_it_prints_the_demo_sign_ins():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "secretariat@greencustoms.example" in out.getvalue()
    assert "green-customs-2009" in out.getvalue()


def test_password_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("GCI_DEMO_PASSWORD", "another-demo-password")
    call_command("load_demo", stdout=io.StringIO())
    user = get_user_model().objects.get(email="wco.partner@greencustoms.example")
    assert user.check_password("another-demo-password")


def test_it_refuses_to_run_under_production_settings():
    result = run_manage(
        "load_demo",
        env_overrides={**PRODUCTION, "DATABASE_URL": "sqlite:////nonexistent/never.sqlite3"},
    )
    assert result.returncode != 0
    assert "refuses to run under production settings" in result.stderr


def test_setup_site_is_idempotent_on_an_existing_site():
    before = counts()
    call_command("setup_site", stdout=io.StringIO())
    assert counts() == before


def test_setup_site_gives_a_new_production_install_its_structure(tmp_path):
    env = {
        **PRODUCTION,
        "CACHE_URL": "locmemcache://",
        "PAGE_CACHE_URL": "locmemcache://pages",
        "GCI_ALLOW_LOCAL_CACHE": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
    }

    def manage(*args):
        result = run_manage(*args, env_overrides=env, timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("migrate", "--no-input", "-v0")
    assert "https://greencustoms.example/en/" in manage(
        "setup_site", "--base-url", "https://greencustoms.example"
    )
    report = manage(
        "shell",
        "-c",
        (
            "from wagtail.models import Locale, Site, Page;"
            "from gci.home.models import PartnersAreaPage;"
            "s = Site.objects.get(is_default_site=True);"
            "print(Locale.objects.count(), s.hostname, s.port, type(s.root_page.specific).__name__,"
            " PartnersAreaPage.objects.count(),"
            " sum(1 for a in PartnersAreaPage.objects.all() if a.get_view_restrictions()),"
            " Page.objects.filter(content_type__model='page', depth=2).count())"
        ),
    )
    assert report.strip().splitlines()[-1] == "6 greencustoms.example 443 HomePage 6 6 0"
