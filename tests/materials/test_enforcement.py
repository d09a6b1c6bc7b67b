"""Enforcement records (issue #15, 3): the HS code list shipped as data, the
Partners' form and list, the Secretariat's review in the admin, the public
"Enforcement news" (listing, filters, figures, record pages, feeds) and who
may read what."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from PIL import Image as PILImage
from wagtail.models import Locale

from gci.home.models import PartnerOrganisation
from gci.materials.choices import EnforcementState
from gci.materials.collections import ENFORCEMENT_PHOTOS, ENFORCEMENT_SUBMISSIONS
from gci.materials.hs_codes import SOURCE, hs_codes, parse_codes
from gci.materials.models import EnforcementNewsPage, EnforcementRecord
from gci.site.page_cache import HEADER
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

PUBLIC = "/en/enforcement/"
PARTNERS = "/en/planning/enforcement/"
NEW = PARTNERS + "new/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.GCI_PAGE_CACHE = True


def organisation(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale=Locale.get_default())


def make_record(**fields):
    values = {
        "title": "Seized CFC-12 cylinders",
        "kind": "seizure",
        "date": dt.date(2020, 5, 4),
        "country": "TH",
        "treaties": ["montreal"],
        "hs_codes": ["2903"],
        "summary": "Cylinders of CFC-12 declared as HFC-134a.",
        "state": EnforcementState.PUBLISHED,
        "may_publish": True,
        "organisation": organisation("CITES"),
    }
    values.update(fields)
    record = EnforcementRecord(**values)
    record.full_clean()
    record.save()
    return record


def form_data(**changes):
    data = {
        "kind": "seizure",
        "title": "Ivory bracelets in a suitcase",
        "date": "2021-03-02",
        "country": "BE",
        "treaties": ["cites"],
        "hs_codes": "9601, 0507",
        "commodity": "Carved ivory",
        "quantity": "3.5",
        "unit": "kg",
        "agency": "Airport customs",
        "source_url": "https://example.org/press",
        "summary": "Found at the airport without a permit.",
        "language": "en",
        "may_publish": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def png_bytes():
    stream = io.BytesIO()
    PILImage.new("RGB", (8, 8), "green").save(stream, "PNG")
    return stream.getvalue()


# -- The HS code list ------------------------------------------------------------


def test_the_hs_list_is_shipped_data_with_its_source_and_treaties():
    codes = hs_codes()
    assert codes["2903"].treaties[0] == "montreal" and "stockholm" in codes["2903"].treaties
    assert codes["8549"].level == "heading" and codes["8549"].treaties == ("basel",)
    assert "cites" in codes["0106"].treaties and "cartagena" in codes["1201"].treaties
    assert "2022" in str(SOURCE)
    text = open(  # noqa: SIM115
        "materials/data/hs-codes.csv", encoding="utf-8"
    ).read()
    assert "World Customs Organization" in text and "2022" in text


def test_codes_are_read_as_officers_write_them_and_unknown_ones_named():
    assert parse_codes("2903.77, 8415; 03 2903.77") == (["290377", "8415", "03"], [])
    assert parse_codes("9999, 2903, abc, 12345") == (["2903"], ["9999", "abc", "12345"])
    # A subheading only under a listed heading.
    assert parse_codes("8703.21") == ([], ["8703.21"])


# -- The model's rules ----------------------------------------------------------


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"quantity": Decimal("-1"), "unit": "kg"}, "quantity"),
        ({"quantity": Decimal("0"), "unit": "kg"}, "quantity"),
        ({"quantity": Decimal("5"), "unit": ""}, "unit"),
        ({"date": dt.date.today() + dt.timedelta(days=2)}, "date"),
        ({"date": dt.date(1969, 12, 31)}, "date"),
        ({"hs_codes": ["9999"]}, "hs_codes"),
        ({"treaties": []}, "treaties"),
    ],
)
def test_impossible_records_are_refused(fields, field):
    with pytest.raises(ValidationError) as error:
        make_record(**fields)
    assert field in error.value.message_dict


# -- The Partners area ----------------------------------------------------------


def test_a_partner_sends_a_record_with_a_photo_that_stays_private(client, cites_user):
    client.force_login(cites_user)
    photo = io.BytesIO(png_bytes())
    photo.name = "seizure.png"
    response = client.post(NEW, {**form_data(), "photo": photo})
    assert response.status_code == 302
    record = EnforcementRecord.objects.get(title="Ivory bracelets in a suitcase")
    assert record.state == EnforcementState.SUBMITTED
    assert record.organisation == organisation("CITES") and record.submitted_by == cites_user
    assert record.hs_codes == ["9601", "0507"] and record.quantity == Decimal("3.5")
    image = record.photos.get().image
    assert image.collection.name == ENFORCEMENT_SUBMISSIONS
    assert image.file.name.startswith("private/")
    # Nobody outside the Secretariat reaches the file; nor the public page.
    assert Client().get(image.file.url).status_code == 404
    assert client.get(image.file.url).status_code == 404
    assert Client().get(f"{PUBLIC}{record.pk}/").status_code == 404
    # The Partner's list shows it.
    text = client.get(PARTNERS).content.decode()
    assert "Ivory bracelets in a suitcase" in text and "Submitted" in text


def test_bad_input_is_refused_with_messages_and_what_was_typed_is_kept(client, cites_user):
    client.force_login(cites_user)
    response = client.post(
        NEW,
        form_data(
            hs_codes="2903, 9999",
            quantity="-4",
            date=(dt.date.today() + dt.timedelta(days=3)).isoformat(),
            title="My typed headline",
        ),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Unknown HS code(s): 9999" in text
    assert "A quantity is more than zero" in text or "greater than or equal" in text
    assert "The date is in the future" in text
    assert 'value="My typed headline"' in text and 'value="2903, 9999"' in text
    assert not EnforcementRecord.objects.filter(title="My typed headline").exists()


def test_a_photo_that_is_not_an_image_is_refused(client, cites_user):
    client.force_login(cites_user)
    fake = io.BytesIO(b"<html><script>alert(1)</script></html>")
    fake.name = "photo.png"
    response = client.post(NEW, {**form_data(title="With a fake photo"), "photo": fake})
    assert response.status_code == 400
    assert "photo" in response.context["form"].errors
    text = response.content.decode()
    assert 'value="With a fake photo"' in text


def test_another_organisations_unpublished_record_is_a_404(client, wco_user, cites_user):
    mine = make_record(title="CITES unpublished", state=EnforcementState.SUBMITTED)
    published = make_record(title="CITES partners only", may_publish=False)
    client.force_login(wco_user)
    assert client.get(f"{PARTNERS}{mine.pk}/").status_code == 404
    assert client.post(f"{PARTNERS}{mine.pk}/", form_data()).status_code == 404
    text = client.get(PARTNERS).content.decode()
    assert "CITES unpublished" not in text
    # A published record is every Partner's, even when not for the public.
    assert "CITES partners only" in text
    assert client.get(f"{PARTNERS}{published.pk}/").status_code == 200
    # Nobody outside the Partners area.
    assert Client().get(PARTNERS).status_code == 302
    assert Client().get(f"{PARTNERS}{mine.pk}/").status_code == 302
    assert client.get(f"{PARTNERS}{2**40}/").status_code == 404


def test_a_partner_corrects_a_submitted_record_and_a_stale_save_is_a_409(client, cites_user):
    record = make_record(title="To correct", state=EnforcementState.SUBMITTED, may_publish=False)
    client.force_login(cites_user)
    page = client.get(f"{PARTNERS}{record.pk}/")
    version = page.context["form"].initial["version"]
    # Someone else (the Secretariat in the admin) saves in between.
    other = EnforcementRecord.objects.get(pk=record.pk)
    other.commodity = "Corrected by the Secretariat"
    other.updated_by = cites_user.__class__.objects.get(email="secretariat@greencustoms.example")
    other.save()
    response = client.post(
        f"{PARTNERS}{record.pk}/",
        form_data(title="My new headline", version=version),
    )
    assert response.status_code == 409
    text = response.content.decode()
    assert "Sam Secretariat changed this record while you were editing it" in text
    assert 'value="My new headline"' in text
    assert EnforcementRecord.objects.get(pk=record.pk).title == "To correct"
    # Saving again, on purpose, from the version now shown.
    response = client.post(
        f"{PARTNERS}{record.pk}/",
        form_data(title="My new headline", version=response.context["form"]["version"].value()),
    )
    assert response.status_code == 302
    assert EnforcementRecord.objects.get(pk=record.pk).title == "My new headline"


def test_a_published_record_can_no_longer_be_changed_by_the_partner(client, cites_user):
    record = make_record(title="Already out")
    client.force_login(cites_user)
    response = client.get(f"{PARTNERS}{record.pk}/")
    assert response.status_code == 200 and response.context["form"] is None
    response = client.post(
        f"{PARTNERS}{record.pk}/", form_data(title="Changed", version=record.version)
    )
    assert response.status_code == 302
    assert EnforcementRecord.objects.get(pk=record.pk).title == "Already out"


# -- The Secretariat's admin ----------------------------------------------------


def test_the_secretariat_publishes_and_the_photo_becomes_public(client, secretariat_user):
    from wagtail.images import get_image_model

    Image = get_image_model()
    record = make_record(title="To publish", state=EnforcementState.SUBMITTED)
    from django.core.files.images import ImageFile

    from gci.materials.collections import enforcement_submissions_collection
    from gci.materials.models import EnforcementPhoto

    image = Image.objects.create(
        title="photo",
        collection=enforcement_submissions_collection(),
        file=ImageFile(io.BytesIO(png_bytes()), name="p.png"),
    )
    EnforcementPhoto.objects.create(record=record, image=image)
    force_login_with_totp(client, secretariat_user)
    inspect = client.get(f"/admin/enforcement_records/inspect/{record.pk}/")
    assert inspect.status_code == 200 and b'id="publish"' in inspect.content
    response = client.post(f"/admin/enforcement_records/publish/{record.pk}/")
    assert response.status_code == 302
    record.refresh_from_db()
    image.refresh_from_db()
    assert record.state == EnforcementState.PUBLISHED and record.reviewed_by == secretariat_user
    assert record.reviewed_at is not None
    assert image.collection.name == ENFORCEMENT_PHOTOS and not image.file.name.startswith(
        "private/"
    )
    assert Client().get(f"{PUBLIC}{record.pk}/").status_code == 200
    # Unpublishing takes it, and its photo, out of public sight.
    client.post(f"/admin/enforcement_records/unpublish/{record.pk}/")
    record.refresh_from_db()
    image.refresh_from_db()
    assert record.state == EnforcementState.NOT_PUBLISHED
    assert image.collection.name == ENFORCEMENT_SUBMISSIONS
    # Its file goes back behind the Secretariat's door (the web server serves
    # any other path of MEDIA_ROOT to anyone).
    assert image.file.name.startswith("private/")
    assert Client().get(f"{PUBLIC}{record.pk}/").status_code == 404


def test_the_secretariat_exports_every_record_as_csv(client, secretariat_user, cites_user):
    make_record(title="Exported unpublished", state=EnforcementState.SUBMITTED, hs_codes=["290377"])
    force_login_with_totp(client, secretariat_user)
    listing = client.get("/admin/enforcement_records/?q=Exported&state=submitted")
    assert listing.status_code == 200 and "Exported unpublished" in listing.content.decode()
    response = client.get("/admin/enforcement_records/?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    assert "Exported unpublished" in text and "2903.77" in text and "Montreal Protocol" in text
    # A Partner has no admin.
    partner = Client()
    partner.force_login(cites_user)
    assert partner.get("/admin/enforcement_records/?export=csv").status_code in (302, 403)


def test_the_secretariat_corrects_a_record_in_the_admin(client, secretariat_user):
    record = make_record(title="Typo in the headlnie", state=EnforcementState.SUBMITTED)
    force_login_with_totp(client, secretariat_user)
    url = f"/admin/enforcement_records/edit/{record.pk}/"
    assert client.get(url).status_code == 200
    fields = {
        "state": "published",
        "organisation": organisation("CITES").pk,
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    # A form opened before the Partner's last correction is refused, naming them.
    stale = {**form_data(title="Stale"), **fields, "seen_version": record.version - 1}
    response = client.post(url, stale)
    assert response.status_code == 200
    assert "saved this record while you were editing it" in response.content.decode()
    assert EnforcementRecord.objects.get(pk=record.pk).title == "Typo in the headlnie"
    response = client.post(
        url,
        {
            "seen_version": record.version,
            **form_data(title="Typo in the headline fixed", hs_codes="2903.77"),
            "state": "published",
            "organisation": organisation("CITES").pk,
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    record.refresh_from_db()
    assert record.title == "Typo in the headline fixed" and record.hs_codes == ["290377"]
    assert record.state == "published" and record.reviewed_by == secretariat_user
    assert record.version == 2


# -- The public enforcement news -------------------------------------------------


def test_the_public_listing_shows_only_published_public_records(client):
    make_record(title="Public seizure")
    make_record(title="Hidden submitted", state=EnforcementState.SUBMITTED)
    make_record(title="Hidden partners only", may_publish=False)
    make_record(title="Hidden not published", state=EnforcementState.NOT_PUBLISHED)
    text = client.get(PUBLIC).content.decode()
    assert "Public seizure" in text
    assert "Hidden" not in text
    # The demo's records, and its positive story, are there too.
    assert "Customs and the ozone unit clear a legal refrigerant shipment" in text
    assert "Banned pesticide found" not in text  # the demo's unpublished one
    assert "Halon fire extinguishers" not in text  # the demo's Partners-only one


def test_filters_by_treaty_country_and_year(client):
    make_record(title="Thai CFC 2020")
    make_record(
        title="Belgian ivory 2019", country="BE", treaties=["cites"], date=dt.date(2019, 1, 2)
    )
    text = client.get(PUBLIC + "?treaty=cites").content.decode()
    assert "Belgian ivory 2019" in text and "Thai CFC 2020" not in text
    text = client.get(PUBLIC + "?country=TH").content.decode()
    assert "Thai CFC 2020" in text and "Belgian ivory 2019" not in text
    text = client.get(PUBLIC + "?year=2019").content.decode()
    assert "Belgian ivory 2019" in text and "Thai CFC 2020" not in text


@pytest.mark.parametrize(
    "query",
    [
        "treaty=nope",
        "country=XX",
        "year=1969",
        "year=abc",
        "page=0",
        "page=999",
        "kind=x",
        "treaty=cites&treaty=basel",
        "year=99999999999999999999",
    ],
)
def test_bad_filters_are_a_404_never_a_500(client, query):
    assert client.get(f"{PUBLIC}?{query}").status_code == 404


def test_figures_count_records_per_treaty_and_year(client):
    EnforcementRecord.objects.all().delete()
    make_record(title="a", treaties=["montreal", "basel"], date=dt.date(2020, 1, 1))
    make_record(title="b", treaties=["montreal"], date=dt.date(2020, 6, 1))
    make_record(title="c", treaties=["cites"], date=dt.date(2019, 6, 1))
    make_record(title="d", treaties=["cites"], date=dt.date(2019, 6, 1), may_publish=False)
    figures = client.get(PUBLIC).context["figures"]
    rows = {row["year"]: row for row in figures["rows"]}
    treaties = [value for value, _label in figures["treaties"]]
    assert rows[2020]["total"] == 2 and rows[2019]["total"] == 1
    assert rows[2020]["counts"][treaties.index("montreal")] == 2
    assert rows[2020]["counts"][treaties.index("basel")] == 1
    assert rows[2019]["counts"][treaties.index("cites")] == 1


def test_a_record_page_and_the_cache_follows_publishing(client):
    record = make_record(title="Cached seizure")
    url = f"{PUBLIC}{record.pk}/"
    first = client.get(url)
    assert first.status_code == 200 and "Cached seizure" in first.content.decode()
    assert "2903" in first.content.decode()
    assert client.get(url)[HEADER] == "hit"
    listing = client.get(PUBLIC)
    assert "Cached seizure" in listing.content.decode()
    record.state = EnforcementState.NOT_PUBLISHED
    record.save()
    assert client.get(url).status_code == 404
    assert "Cached seizure" not in client.get(PUBLIC).content.decode()


def test_feeds_hold_only_public_records_in_each_language(client):
    make_record(title="In the feed")
    make_record(title="Not in the feed", may_publish=False)
    rss = client.get(PUBLIC + "feed/rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    assert b"In the feed" in rss.content and b"Not in the feed" not in rss.content
    atom = client.get("/fr/enforcement/feed/atom/")
    assert atom.status_code == 200 and b"In the feed" in atom.content
    assert atom["Content-Language"] == "fr"


def test_the_listing_is_linked_from_every_page_in_every_language(client):
    """From the footer: the main menu is full, and wraps at 1280 px in English with one more."""
    for language in ("en", "fr", "ar", "zh-hans"):
        page = EnforcementNewsPage.objects.get(locale__language_code=language)
        text = client.get("/" + language + "/").content.decode()
        assert f'href="{page.url}"' in text.split('class="site-footer"')[1], language
