"""The e-learning and training catalogue: the public page and its filters,
the Guide's chapters that link to their treaty's courses, the admin, and
the access details that only Partners and the Secretariat may read."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from gci.home.models import PartnerOrganisation
from gci.materials.choices import CourseStatus
from gci.materials.models import Course, CourseCatalogPage, GuideChapterPage
from gci.site.memo import forget
from gci.site.page_cache import bump_generation
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

CATALOGUE = "/en/courses/"
SECRET = "Ask the desk officer of SECRETcourse42 for a guest account"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.GCI_PAGE_CACHE = True


def organisation(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale=Locale.get_default())


def make_course(**fields):
    values = {
        "locale": Locale.get_default(),
        "title": f"Course {uuid.uuid4().hex[:8]}",
        "provider": organisation("CITES"),
        "treaties": ["cites"],
        "languages": ["en"],
        "status": CourseStatus.AVAILABLE,
        "link_url": "https://example.org/course",
    }
    values.update(fields)
    course = Course(**values)
    course.full_clean()
    course.save()
    return course


def body(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# -- The catalogue ---------------------------------------------------------------


def test_the_demo_catalogue_lists_the_courses_of_wco_cites_and_unodc(client):
    text = body(client.get(CATALOGUE))
    assert "CITES for customs officers (WCO e-learning)" in text
    assert "CITES virtual college" in text
    assert "Computer-based training for border control" in text
    # The planned module is listed (as planned), the retired CD-ROM is not.
    assert "Montreal Protocol and Green Customs (WCO e-learning)" in text and "Planned" in text
    assert "CITES CD-ROM" not in text
    # Languages written the UN way, the length under its unit, the link.
    assert "English and French" in text
    assert "Length in hours" in text and "16" in text
    assert 'href="https://cites.unia.es/"' in text


def test_the_catalogue_is_in_every_language_with_translated_courses(client):
    text = body(client.get("/fr/courses/"))
    assert "La CITES pour les agents des douanes" in text  # the French row
    assert "CITES virtual college" in text  # not translated: the English row
    assert "Anglais et Français" in text


@pytest.mark.parametrize(
    ("params", "present", "absent"),
    [
        ({"treaty": "montreal"}, ["Montreal Protocol and Green"], ["CITES virtual college"]),
        ({"treaty": "cites"}, ["CITES virtual college"], ["Computer-based training"]),
        ({"language": "ar"}, ["Computer-based training"], ["CITES virtual college"]),
        ({"provider": "UNODC"}, ["Computer-based training"], ["CITES virtual college"]),
        (
            {"provider": "WCO", "status": "planned"},
            ["Montreal Protocol and"],
            ["CITES for customs"],
        ),
        ({"status": "retired"}, ["CITES CD-ROM"], ["CITES virtual college"]),
    ],
)
def test_filters(client, params, present, absent):
    text = body(client.get(CATALOGUE, params))
    for title in present:
        assert title in text, (params, title)
    for title in absent:
        assert title not in text, (params, title)


@pytest.mark.parametrize(
    "params",
    [
        {"treaty": "atlantis"},
        {"language": "klingon"},
        {"provider": "NOBODY"},
        {"provider": "SBC"},  # a Partner with no course: offered nowhere
        {"status": "everything"},
        {"treaty": "<script>"},
        {"treaty": "a\x00b"},
    ],
)
def test_a_value_that_means_nothing_is_ignored_and_never_stored(client, params):
    response = client.get(CATALOGUE, params)
    text = body(response)
    assert "CITES virtual college" in text and "CITES CD-ROM" not in text
    assert response["X-GCI-Cache"] == "pass"


@pytest.mark.parametrize("number", ["0", "2", "99", "x", "-1", "1e3"])
def test_a_page_that_does_not_exist_is_a_404(client, number):
    assert client.get(CATALOGUE, {"page": number}).status_code == 404


def test_pages_of_twenty(client):
    for n in range(25):
        make_course(title=f"Paged course {n:02d}", treaties=["basel"])
    first = body(client.get(CATALOGUE, {"treaty": "basel"}))
    second = body(client.get(CATALOGUE, {"treaty": "basel", "page": "2"}))
    assert "Paged course 19" in first and "Paged course 20" not in first
    assert "Paged course 20" in second and "Paged course 24" in second
    assert "treaty=basel&amp;page=2" in first
    assert client.get(CATALOGUE, {"treaty": "basel", "page": "3"}).status_code == 404


def test_a_known_filter_is_stored_in_the_page_cache(client):
    assert client.get(CATALOGUE, {"treaty": "cites"})["X-GCI-Cache"] == "miss"
    assert client.get(CATALOGUE, {"treaty": "cites"})["X-GCI-Cache"] == "hit"


def test_a_new_course_is_listed_at_once_after_the_cached_copy(client):
    assert "Freshly added course" not in body(client.get(CATALOGUE))
    make_course(title="Freshly added course")
    assert "Freshly added course" in body(client.get(CATALOGUE))


def test_a_course_from_a_provider_outside_the_partnership(client):
    make_course(title="Regional course", provider=None, provider_name="Regional training academy")
    assert "Regional training academy" in body(client.get(CATALOGUE))


def test_a_course_needs_one_provider():
    with pytest.raises(ValidationError) as error:
        make_course(provider=None, provider_name="")
    assert "provider" in error.value.message_dict


# -- The Partners' access details --------------------------------------------------


def test_access_details_are_shown_to_partners_and_the_secretariat_only(
    client, wco_user, cites_user, secretariat_user
):
    make_course(title="Course with a restricted procedure", access_details=SECRET)
    anonymous = body(client.get(CATALOGUE))
    assert "Course with a restricted procedure" in anonymous and SECRET not in anonymous
    for user in (wco_user, cites_user):
        partner = Client()
        partner.force_login(user)
        response = partner.get(CATALOGUE)
        assert SECRET in body(response)
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    secretariat = Client()
    force_login_with_totp(secretariat, secretariat_user)
    assert SECRET in body(secretariat.get(CATALOGUE))


def test_a_signed_in_person_outside_the_partners_sees_no_access_details(client, outsider):
    make_course(title="Course with a restricted procedure", access_details=SECRET)
    client.force_login(outsider)
    assert SECRET not in body(client.get(CATALOGUE))


def test_the_anonymous_cached_copy_never_holds_the_access_details(client, wco_user):
    make_course(title="Course with a restricted procedure", access_details=SECRET)
    partner = Client()
    partner.force_login(wco_user)
    seen = partner.get(CATALOGUE)
    assert SECRET in body(seen) and seen["X-GCI-Cache"] == "pass"
    first = client.get(CATALOGUE)
    again = client.get(CATALOGUE)
    assert (first["X-GCI-Cache"], again["X-GCI-Cache"]) == ("miss", "hit")
    assert SECRET not in body(first) and SECRET not in body(again)
    # And a Partner after an anonymous visitor is not served the cached copy.
    assert SECRET in body(partner.get(CATALOGUE))


def test_the_api_and_search_never_hold_the_access_details(client, wco_user):
    course = make_course(title="Course with a restricted procedure", access_details=SECRET)
    catalogue = CourseCatalogPage.objects.get(locale__language_code="en")
    for url in (
        "/api/v2/pages/?type=materials.CourseCatalogPage&fields=*",
        f"/api/v2/pages/{catalogue.pk}/",
        "/api/v2/pages/?search=SECRETcourse42",
    ):
        response = client.get(url)
        assert response.status_code == 200 and SECRET.encode() not in response.content, url
    # Site search, anonymous and signed in: the details are in no index.
    partner = Client()
    partner.force_login(wco_user)
    for visitor in (client, partner):
        text = body(visitor.get("/en/search/", {"q": "SECRETcourse42"}))
        assert SECRET not in text
    assert not Course.objects.search("SECRETcourse42")
    assert list(Course.objects.search("restricted procedure")) == [course]


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("access_details", "Username: partners\nPassword: gci2009"),
        ("access_details", "password = hunter2"),
        ("access", "Mot de passe : douane2009"),
        ("access_details", "Пароль: таможня"),
        ("description", "pwd: x1y2"),
        ("access_details", "密码：123456"),
    ],
)
def test_text_that_looks_like_a_password_is_refused(field, text):
    with pytest.raises(ValidationError) as error:
        make_course(**{field: text})
    assert "looks like a password" in str(error.value.message_dict[field])


def test_saying_how_to_obtain_a_password_is_fine():
    make_course(access_details="Ask the WCO Secretariat for a password; it sends one by email.")


def test_the_admin_refuses_a_password_with_a_message_and_keeps_what_was_typed(
    client, secretariat_user
):
    force_login_with_totp(client, secretariat_user)
    assert client.get("/admin/snippets/materials/course/").status_code == 200
    data = {
        "title": "Course typed in the admin",
        "description": "",
        "provider": str(organisation("WCO").pk),
        "provider_name": "",
        "treaties": ["cites"],
        "languages": ["en", "fr"],
        "audience": "",
        "length": "3",
        "length_unit": "hours",
        "access": "",
        "access_details": "Login: partner\nPassword: s3cret",
        "status": "available",
        "link_url": "https://example.org/typed",
    }
    url = "/admin/snippets/materials/course/add/?locale=en"
    response = client.post(url, data)
    text = body(response)
    assert "This looks like a password" in text
    assert "Course typed in the admin" in text  # kept
    assert not Course.objects.filter(title="Course typed in the admin").exists()
    data["access_details"] = "Ask the WCO e-learning team for a guest account."
    response = client.post(url, data)
    assert response.status_code == 302
    assert Course.objects.get(title="Course typed in the admin").languages == ["en", "fr"]


def test_partners_have_no_admin_for_courses(client, wco_user):
    client.force_login(wco_user)
    response = client.get("/admin/snippets/materials/course/")
    assert response.status_code in (302, 403)


# -- The Guide's chapters ----------------------------------------------------------


def chapter(slug_part, language="en"):
    return GuideChapterPage.objects.live().get(
        locale__language_code=language, slug__contains=slug_part
    )


def test_a_chapter_lists_the_available_courses_of_its_treaty(client):
    cites = chapter("cites")
    assert cites.treaties() == ["cites"]
    text = body(client.get(cites.url))
    assert "E-learning courses on this treaty" in text
    assert "CITES virtual college" in text and "CITES for customs officers" in text
    assert "CITES CD-ROM" not in text  # retired
    assert "Computer-based training" not in text  # another treaty
    assert "/en/courses/?treaty=cites" in text


def test_a_chapter_without_courses_on_its_treaty_has_no_block(client):
    basel = chapter("basel")
    assert basel.treaties() == ["basel"]
    assert "E-learning courses on this treaty" not in body(client.get(basel.url))


def test_a_planned_course_is_not_on_the_chapter_until_available(client):
    montreal = chapter("montreal")
    assert "Montreal Protocol and Green Customs" not in body(client.get(montreal.url))
    course = Course.objects.get(title__startswith="Montreal Protocol and Green Customs")
    course.status = CourseStatus.AVAILABLE
    course.save()
    assert "Montreal Protocol and Green Customs" in body(client.get(montreal.url))


# -- Scale ---------------------------------------------------------------------------


def bulk_courses(count, offset):
    english = Locale.get_default()
    organisations = [organisation(a) for a in ("WCO", "CITES", "UNODC")]
    treaties = ["cites", "montreal", "basel", "crime", "customs"]
    statuses = CourseStatus.values
    Course.objects.bulk_create(
        [
            Course(
                locale=english,
                translation_key=uuid.uuid4(),
                title=f"Bulk course {offset + n:05d}",
                provider=organisations[n % 3],
                treaties=[treaties[n % 5]],
                languages=["en", "fr"] if n % 2 else ["es"],
                status=statuses[n % 3],
                access_details="Partners ask the provider.",
                link_url=f"https://example.org/{offset + n}",
            )
            for n in range(count)
        ],
        batch_size=500,
    )


REQUESTS = [
    (CATALOGUE, {}),
    (CATALOGUE, {"treaty": "cites", "language": "fr"}),
    (CATALOGUE, {"provider": "WCO", "status": "planned", "page": "2"}),
    ("/fr/courses/", {"treaty": "montreal"}),
]


def query_counts(client, urls):
    counts = []
    for url, params in urls:
        forget()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200, (url, params)
        counts.append(len(queries))
    return counts


def test_queries_are_flat_at_1000_courses(settings, wco_user):
    settings.GCI_PAGE_CACHE = False
    anonymous, partner = Client(), Client()
    partner.force_login(wco_user)
    chapters = [(chapter("cites").url, {})]
    bulk_courses(60, 0)
    bump_generation()
    for client in (anonymous, partner):
        query_counts(client, REQUESTS + chapters)  # warm per-process caches
    small = [query_counts(c, REQUESTS + chapters) for c in (anonymous, partner)]
    bulk_courses(940, 60)
    bump_generation()
    assert Course.objects.count() > 1000
    large = [query_counts(c, REQUESTS + chapters) for c in (anonymous, partner)]
    assert large == small, (small, large)
    # Each request as the first after a change (memo forgotten): French reads its locale too.
    assert max(large[0]) <= 30, large
