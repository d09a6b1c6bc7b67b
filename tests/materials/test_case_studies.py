"""Case studies: public or Partners-only, as the Secretariat places them."""

import pytest

from gci.home.visibility import anonymous_pages
from gci.materials.models import CaseStudyIndexPage, CaseStudyPage, SuitcasePage
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


def test_the_demo_has_jamaica_public_and_switzerland_for_partners(client, cites_user):
    jamaica = CaseStudyPage.objects.get(slug="jamaica-rotterdam")
    switzerland = CaseStudyPage.objects.get(slug="switzerland-rotterdam")
    assert str(jamaica.country.code) == "JM" and str(switzerland.country.code) == "CH"
    public = anonymous_pages(CaseStudyPage.objects.all())
    assert set(public.values_list("pk", flat=True)) == {jamaica.pk}
    response = client.get(jamaica.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "What customs did" in body and "Lessons" in body and "Jamaica" in body
    assert client.get(switzerland.url).status_code == 302
    client.force_login(cites_user)
    response = client.get(switzerland.url)
    assert response.status_code == 200
    assert "Rotterdam Convention at the border: Switzerland" in response.content.decode()


def test_the_public_index_lists_only_public_case_studies(client):
    index = CaseStudyIndexPage.objects.get(locale__language_code="en")
    body = client.get(index.url).content.decode()
    assert "Jamaica" in body and "Switzerland" not in body


def test_moving_a_case_study_into_the_suitcase_makes_it_partners_only(client):
    jamaica = CaseStudyPage.objects.get(slug="jamaica-rotterdam")
    suitcase = SuitcasePage.objects.get(locale__language_code="en")
    jamaica.move(suitcase, pos="last-child")
    jamaica.refresh_from_db()
    assert client.get(jamaica.url).status_code == 302
    assert not anonymous_pages(CaseStudyPage.objects.filter(pk=jamaica.pk)).exists()


def test_the_secretariat_can_add_a_case_study_in_either_place(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    index = CaseStudyIndexPage.objects.get(locale__language_code="en")
    suitcase = SuitcasePage.objects.get(locale__language_code="en")
    for parent in (index, suitcase):
        response = client.get(f"/admin/pages/add/materials/casestudypage/{parent.pk}/")
        assert response.status_code == 200
        assert "What customs did" in response.content.decode()


def test_case_studies_are_in_the_pages_api_with_their_fields(client):
    response = client.get(
        "/api/v2/pages/",
        {"type": "materials.CaseStudyPage", "fields": "country_code,topics,summary"},
    )
    items = response.json()["items"]
    assert [item["country_code"] for item in items] == ["JM"]
    assert "chemicals" in items[0]["topics"]


def test_a_case_study_cannot_take_the_suitcases_own_addresses():
    from gci.materials.models import SuitcasePage

    suitcase = SuitcasePage.objects.get(locale__language_code="en")
    form_class = CaseStudyPage.get_edit_handler().get_form_class()
    form = form_class(
        {"title": "Submit", "slug": "submit", "photos-count": "0"},
        instance=CaseStudyPage(),
        parent_page=suitcase,
        for_user=None,
    )
    assert not form.is_valid()
    assert "slug" in form.errors


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_the_main_menu_leads_to_the_case_studies_in_every_language(client, language):
    index = CaseStudyIndexPage.objects.get(locale__language_code=language)
    body = client.get(f"/{language}/").content.decode()
    menu = body.split('id="site-nav-list"', 1)[1].split("</ul>", 1)[0]
    assert f'href="{index.url}"' in menu
    assert index.title in menu
