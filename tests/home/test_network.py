"""The network: the public page of training institutions (filters, the
contacts that only Partners and the Secretariat read, the page cache, the
API and search), the Partners' roster of resource persons (only those who
agreed to be listed, only what they agreed to share, and when), and the
Secretariat's admin for both."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import Locale

from gci.calendar.models import EventPage
from gci.home.models import (
    InstitutionIndexPage,
    PartnerOrganisation,
    PartnersAreaPage,
    ResourcePerson,
)
from gci.home.network.models import TrainingInstitution
from gci.site.page_cache import bump_generation
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

PAGE = "/en/training-institutions/"
ROSTER = "/en/planning/resource-persons/"
CONTACT = "Desk officer CONTACTnet42"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.GCI_PAGE_CACHE = True


def body(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def organisation(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale=Locale.get_default())


def institution(**fields):
    values = {
        "name": "Test customs academy",
        "kind": "training",
        "country": "KE",
        "region": "africa",
        "curriculum": "yes",
        "contact_name": CONTACT,
        "contact_email": "desk-contactnet42@example.org",
    }
    values.update(fields)
    made = TrainingInstitution(**values)
    made.full_clean()
    made.save()
    return made


def person(**fields):
    values = {
        "organisation": organisation("CITES"),
        "name": "Dr Roster Test",
        "expertise": "Timber species identification",
        "languages": ["en", "pt"],
        "region": "africa",
        "treaties": ["cites"],
        "email": "roster-test@example.org",
        "shared": ["name", "expertise", "languages", "region", "treaties"],
        "consented_on": dt.date(2009, 3, 2),
    }
    values.update(fields)
    made = ResourcePerson(**values)
    made.full_clean()
    made.save()
    return made


def partner(user):
    client = Client()
    client.force_login(user)
    return client


# -- Training institutions ----------------------------------------------------------


def test_the_demo_page_lists_academies_and_rilos_in_every_language(client):
    text = body(client.get(PAGE))
    assert "National Customs Training Academy (Venezuela)" in text
    assert "Regional Intelligence Liaison Office for Eastern and Southern Africa" in text
    assert "Regional intelligence liaison office (RILO)" in text
    for language in ("fr", "es", "ru", "ar", "zh-hans"):
        page = InstitutionIndexPage.objects.get(locale__language_code=language)
        assert page.live
        assert "Customs Training Institute (Ethiopia)" in body(client.get(page.url))


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_the_footer_leads_to_the_institutions_in_every_language(client, language):
    """The page is out of the crowded main menu: the footer lists the home
    page's other sections, and never a restricted one."""
    page = InstitutionIndexPage.objects.get(locale__language_code=language)
    html = client.get(f"/{language}/").content.decode()
    footer = html.split('class="site-footer"')[1]
    assert f'href="{page.url}"' in footer and page.title in footer
    menu = html.split('class="site-nav"')[1].split("</nav>")[0]
    assert f'href="{page.url}"' not in menu
    area = PartnersAreaPage.objects.get(locale__language_code=language)
    area.show_in_menus = False
    area.save(update_fields=["show_in_menus"])
    bump_generation()
    assert f'href="{area.url}"' not in client.get(f"/{language}/").content.decode()


@pytest.mark.parametrize(
    ("params", "present", "absent"),
    [
        ({"kind": "rilo"}, "for South America", "Training Institute (Ethiopia)"),
        ({"region": "africa"}, "Training Institute (Ethiopia)", "(Venezuela)"),
        ({"country": "VE"}, "(Venezuela)", "Training Institute (Ethiopia)"),
        ({"curriculum": "yes"}, "National Customs Academy (Central Asia)", "(Venezuela)"),
        ({"region": "africa", "kind": "rilo"}, "Eastern and Southern Africa", "(Ethiopia)"),
    ],
)
def test_filters(client, params, present, absent):
    text = body(client.get(PAGE, params))
    assert present in text and absent not in text


@pytest.mark.parametrize(
    "params",
    [{"kind": "school"}, {"country": "FR"}, {"country": "ZZ"}, {"curriculum": "a\x00b"}],
)
def test_a_value_that_means_nothing_is_ignored_and_never_stored(client, params):
    response = client.get(PAGE, params)
    assert "(Venezuela)" in body(response) and "(Ethiopia)" in body(response)
    assert response["X-GCI-Cache"] == "pass"


@pytest.mark.parametrize("number", ["0", "2", "x", "-1"])
def test_a_page_that_does_not_exist_is_a_404(client, number):
    assert client.get(PAGE, {"page": number}).status_code == 404


def test_pages_of_twenty_five(client):
    for n in range(30):
        institution(name=f"Paged academy {n:02d}", contact_name="")
    first = body(client.get(PAGE, {"country": "KE"}))
    second = body(client.get(PAGE, {"country": "KE", "page": "2"}))
    assert "Paged academy 24" in first and "Paged academy 25" not in first
    assert "Paged academy 29" in second and "country=KE&amp;page=2" in first


def test_a_known_filter_is_stored_and_a_new_institution_purges_it(client):
    assert client.get(PAGE, {"curriculum": "planned"})["X-GCI-Cache"] == "miss"
    assert client.get(PAGE, {"curriculum": "planned"})["X-GCI-Cache"] == "hit"
    institution(name="Freshly added academy", curriculum="planned")
    assert "Freshly added academy" in body(client.get(PAGE, {"curriculum": "planned"}))


def test_contacts_are_shown_to_partners_and_the_secretariat_only(
    client, wco_user, secretariat_user, outsider
):
    institution()
    anonymous = body(client.get(PAGE))
    assert "Test customs academy" in anonymous and CONTACT not in anonymous
    assert "desk-contactnet42@example.org" not in anonymous
    response = partner(wco_user).get(PAGE)
    assert CONTACT in body(response) and "desk-contactnet42@example.org" in body(response)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    secretariat = Client()
    force_login_with_totp(secretariat, secretariat_user)
    assert CONTACT in body(secretariat.get(PAGE))
    assert CONTACT not in body(partner(outsider).get(PAGE))


def test_the_anonymous_cached_copy_never_holds_a_contact(client, wco_user):
    institution()
    member = partner(wco_user)
    seen = member.get(PAGE)
    assert CONTACT in body(seen) and seen["X-GCI-Cache"] == "pass"
    first, again = client.get(PAGE), client.get(PAGE)
    assert (first["X-GCI-Cache"], again["X-GCI-Cache"]) == ("miss", "hit")
    assert CONTACT not in body(first) and CONTACT not in body(again)
    assert CONTACT in body(member.get(PAGE))


def test_the_api_search_and_sitemap_never_hold_a_contact(client, wco_user):
    institution()
    page = InstitutionIndexPage.objects.get(locale__language_code="en")
    for url in (
        "/api/v2/pages/?type=home.InstitutionIndexPage&fields=*",
        f"/api/v2/pages/{page.pk}/",
        "/api/v2/pages/?search=CONTACTnet42",
        "/sitemap.xml",
    ):
        response = client.get(url)
        assert response.status_code == 200 and b"CONTACTnet42" not in response.content, url
    for visitor in (client, partner(wco_user)):
        text = body(visitor.get("/en/search/", {"q": "CONTACTnet42"}))
        assert CONTACT not in text and "desk-contactnet42@example.org" not in text
    assert page.url in body(client.get("/sitemap.xml"))


def test_the_secretariat_keeps_the_institutions_in_the_admin(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    assert "Regional Intelligence Liaison Office for South America" in body(
        client.get("/admin/snippets/home/traininginstitution/")
    )
    url = "/admin/snippets/home/traininginstitution/add/"
    data = {
        "kind": "rilo",
        "name": "RILO typed in the admin",
        "country": "",
        "region": "nowhere",
        "website": "not a url",
        "curriculum": "unknown",
        "notes": "",
        "contact_name": "Analyst",
        "contact_email": "",
        "contact_phone": "",
    }
    text = body(client.post(url, data))
    assert "RILO typed in the admin" in text  # kept, with the errors
    assert not TrainingInstitution.objects.filter(name="RILO typed in the admin").exists()
    data.update(region="western_europe_others", website="https://example.org/rilo")
    assert client.post(url, data).status_code == 302
    assert TrainingInstitution.objects.get(name="RILO typed in the admin").region == (
        "western_europe_others"
    )


def test_partners_have_no_admin_for_institutions(client, wco_user):
    client.force_login(wco_user)
    assert client.get("/admin/snippets/home/traininginstitution/").status_code in (302, 403)


# -- Resource persons ----------------------------------------------------------------


def test_the_roster_is_for_partners_and_the_secretariat(client, outsider, secretariat_user):
    response = client.get(ROSTER)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "private" in response["Cache-Control"]
    assert partner(outsider).get(ROSTER).status_code == 403
    secretariat = Client()
    force_login_with_totp(secretariat, secretariat_user)
    assert "Dr María Quintero" in body(secretariat.get(ROSTER))


def test_the_roster_lists_only_those_who_agreed_to_be_listed(wco_user):
    text = body(partner(wco_user).get(ROSTER))
    assert "Dr María Quintero" in text and "Ms Olga Petrova" in text
    assert "Mr Samuel Bekele" in text  # another organisation's (CITES): shared with all
    assert "Mr Jean Dupuis" not in text  # shared nothing
    # Suggested in a consultation (their organisation's answer), not listed.
    suggested = ResourcePerson.objects.exclude(shared__contains="|name|").exclude(
        name="Mr Jean Dupuis"
    )
    assert suggested.exists()
    for someone in suggested:
        assert someone.name not in text


@pytest.mark.parametrize(
    ("params", "present", "absent"),
    [
        ({"region": "africa"}, "Mr Samuel Bekele", "Dr María Quintero"),
        ({"language": "ru"}, "Ms Olga Petrova", "Mr Samuel Bekele"),
        ({"treaty": "cartagena"}, "Dr María Quintero", "Ms Olga Petrova"),
        ({"organisation": "OPCW"}, "Ms Olga Petrova", "Dr María Quintero"),
        # Petrova's region is recorded but not shared: the filter does not find her.
        ({"region": "eastern_europe"}, "Nobody matches", "Ms Olga Petrova"),
        ({"region": "mars"}, "Ms Olga Petrova", "Mr Jean Dupuis"),  # ignored
    ],
)
def test_roster_filters(wco_user, params, present, absent):
    text = body(partner(wco_user).get(ROSTER, params))
    assert present in text and absent not in text


def test_a_record_shows_only_what_was_shared_and_when(wco_user):
    someone = person(
        shared=["name", "expertise", "languages", "workshops"],
        consented_on=dt.date(2009, 3, 2),
    )
    held = EventPage.objects.get(slug="gci-workshop-ethiopia-2008", locale__language_code="en")
    someone.workshops.set([held])
    member = partner(wco_user)
    text = body(member.get(f"{ROSTER}{someone.pk}/"))
    assert "Dr Roster Test" in text and "Timber species identification" in text
    assert "Portuguese" in text and held.title in text
    assert "2 March 2009" in text
    assert "roster-test@example.org" not in text  # email not shared
    assert "Africa" not in text.split("<main", 1)[-1]  # region not shared
    # In French, the workshop's French title and the date in French.
    french = body(member.get(f"/fr/planning/resource-persons/{someone.pk}/"))
    assert held.get_translation(Locale.objects.get(language_code="fr")).title in french
    assert "2 mars 2009" in french


def test_the_email_is_shown_when_shared(wco_user):
    someone = person(shared=["name", "email"])
    assert "roster-test@example.org" in body(partner(wco_user).get(f"{ROSTER}{someone.pk}/"))


def test_a_person_not_listed_or_unknown_is_a_404(wco_user, cites_user):
    hidden = person(shared=[], consented_on=None)
    for user in (wco_user, cites_user):
        member = partner(user)
        for pk in (hidden.pk, 99999999, 2**40):
            response = member.get(f"{ROSTER}{pk}/")
            assert response.status_code == 404, pk


def test_consent_must_name_the_person_first_and_have_a_date():
    with pytest.raises(ValidationError) as error:
        person(shared=["expertise"])
    assert "shared" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        person(shared=["name"], consented_on=None)
    assert "consented_on" in error.value.message_dict


def test_the_secretariat_records_workshops_and_consent_in_the_admin(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    someone = ResourcePerson.objects.get(name="Ms Olga Petrova")
    response = client.get(f"/admin/snippets/home/resourceperson/edit/{someone.pk}/")
    text = body(response)
    assert 'name="workshops"' in text and 'name="shared"' in text
    assert "Green Customs workshop, Venezuela" in text  # a workshop to choose
    listing = body(client.get("/admin/snippets/home/resourceperson/?region=eastern_europe"))
    assert "Ms Olga Petrova" in listing and "Dr María Quintero" not in listing


def test_the_roster_costs_the_same_queries_for_many_people(wco_user, django_assert_max_num_queries):
    member = partner(wco_user)
    member.get(ROSTER)  # warm the session and the memo
    with django_assert_max_num_queries(40) as few:
        body(member.get(ROSTER))
    cites = organisation("CITES")
    held = EventPage.objects.get(slug="gci-workshop-ethiopia-2008", locale__language_code="en")
    people = ResourcePerson.objects.bulk_create(
        ResourcePerson(
            organisation=cites,
            name=f"Bulk expert {n:03d}",
            expertise="x",
            languages=["en"],
            shared=["name", "expertise", "languages", "workshops"],
            consented_on=dt.date(2009, 1, 1),
        )
        for n in range(200)
    )
    ResourcePerson.workshops.through.objects.bulk_create(
        ResourcePerson.workshops.through(resourceperson_id=p.pk, eventpage_id=held.pk)
        for p in people
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        body(member.get(ROSTER))


def test_a_resource_person_saved_keeps_the_public_page_cache(client):
    """Persons are on no public page: a consultation's suggestion or an
    admin edit never empties the anonymous cache."""
    assert client.get(PAGE)["X-GCI-Cache"] == "miss"
    person(name="Dr Not Public")
    assert client.get(PAGE)["X-GCI-Cache"] == "hit"
    institution(name="Academy that purges")
    assert client.get(PAGE)["X-GCI-Cache"] == "miss"


def test_the_partners_dashboard_links_to_the_roster(wco_user):
    from gci.home.models import PartnersAreaPage

    area = PartnersAreaPage.objects.get(locale__language_code="en")
    assert f'href="{ROSTER}"' in body(partner(wco_user).get(area.url))


def test_the_demo_network_is_loaded_once():
    import io

    from django.core.management import call_command

    before = (TrainingInstitution.objects.count(), ResourcePerson.objects.count())
    assert before[0] >= 6
    call_command("load_demo", stdout=io.StringIO())
    assert (TrainingInstitution.objects.count(), ResourcePerson.objects.count()) == before
    quintero = ResourcePerson.objects.get(name="Dr María Quintero")
    assert sorted(quintero.workshops.values_list("slug", flat=True)) == [
        "gci-workshop-ethiopia-2008",
        "gci-workshop-venezuela-2008",
    ]


def test_the_institutions_page_costs_the_same_queries_for_many_institutions(
    client, settings, wco_user, django_assert_max_num_queries
):
    settings.GCI_PAGE_CACHE = False
    member = partner(wco_user)
    for visitor in (client, member):
        visitor.get(PAGE)  # warm the session and the memo
    few = {}
    for name, visitor in (("anonymous", client), ("partner", member)):
        with django_assert_max_num_queries(60) as captured:
            body(visitor.get(PAGE, {"region": "africa"}))
        few[name] = len(captured.captured_queries)
    TrainingInstitution.objects.bulk_create(
        TrainingInstitution(
            name=f"Bulk academy {n:04d}",
            kind="training",
            country=["KE", "ET", "SN", "ZA"][n % 4],
            region="africa",
            contact_name="Someone",
        )
        for n in range(1000)
    )
    for name, visitor in (("anonymous", client), ("partner", member)):
        with django_assert_max_num_queries(few[name]):
            text = body(visitor.get(PAGE, {"region": "africa"}))
        assert "Bulk academy 0024" in text and "Bulk academy 0025" not in text
