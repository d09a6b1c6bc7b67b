"""Crafted files at every door of the Partners area that takes one: the
enforcement record's photo (sending and correcting a record), a file
offered to a workshop consultation, the letter of a workshop request.

Each is checked by gci.site.uploads (by content, not by name): an HTML page
or an SVG with a script renamed .jpg/.png, a file named .pdf that is no
PDF, a file over the limit, an empty file, an image whose header is real
but whose body is not. Each is refused with a reason, the form comes back
with what was typed, and nothing is stored: no record, no offer, no
Document or Image row, no file under MEDIA_ROOT."""

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from gci.calendar.models import Consultation, EventPage, MaterialOffer, WorkshopRequest
from gci.home.demo.support import minimal_pdf
from gci.home.models import PartnerOrganisation
from gci.materials.choices import EnforcementState
from gci.materials.models import EnforcementRecord
from tests.calendar.test_workshop_requests import NEW as NEW_REQUEST
from tests.calendar.test_workshop_requests import form_data as request_data
from tests.materials.test_enforcement import NEW as NEW_RECORD
from tests.materials.test_enforcement import PARTNERS, make_record
from tests.materials.test_enforcement import form_data as record_data

pytestmark = pytest.mark.django_db

SCRIPT_HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SCRIPT_SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


def png_bytes():
    stream = io.BytesIO()
    PILImage.new("RGB", (8, 8), "green").save(stream, "PNG")
    return stream.getvalue()


def named(name, content):
    return lambda: SimpleUploadedFile(name, content)


# (case id, file maker, what the reason says); "too large" lowers the limit.
PHOTO_CASES = [
    ("html-as-jpg", named("seizure.jpg", SCRIPT_HTML), "not a document type"),
    ("svg-as-png", named("seizure.png", SCRIPT_SVG), "not a document type"),
    ("html-as-png", named("seizure.png", SCRIPT_HTML), "not a document type"),
    ("pdf-named", named("seizure.pdf", b"%PDF-1.4 not really"), "A photo is a JPEG or PNG file"),
    ("too-large", named("seizure.png", png_bytes()), "the limit is"),
    ("empty", named("seizure.png", b""), "The submitted file is empty"),
    ("png-head-html-body", named("seizure.jpg", png_bytes()[:16] + SCRIPT_HTML), "not a document"),
    ("png-ihdr-html-body", named("seizure.png", png_bytes()[:33] + SCRIPT_HTML), "not a document"),
    ("jpeg-magic-html", named("seizure.jpg", b"\xff\xd8\xff\xe0" + SCRIPT_HTML), "not a document"),
]
DOCUMENT_CASES = [
    ("html-as-pdf", named("notes.pdf", SCRIPT_HTML), "not a document type"),
    ("svg-as-png", named("notes.png", SCRIPT_SVG), "not a document type"),
    ("html-as-jpg", named("notes.jpg", SCRIPT_HTML), "not a document type"),
    ("text-as-pdf", named("notes.pdf", b"Just some words, no PDF at all."), "not a document type"),
    ("png-as-pdf", named("notes.pdf", png_bytes()), "is named .pdf but its content is not"),
    ("too-large", named("notes.pdf", minimal_pdf("Big")), "the limit is"),
    ("empty", named("notes.pdf", b""), "The submitted file is empty"),
]


def ids(cases):
    return [case[0] for case in cases]


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return set()
    return {Path(folder, name) for folder, _, names in os.walk(root) for name in names}


@pytest.fixture
def nothing_stored():
    """Asserts, after the test's request, that no row nor file was added."""
    Image, Document = get_image_model(), get_document_model()
    before = (Image.objects.count(), Document.objects.count(), stored_files())
    yield
    assert (Image.objects.count(), Document.objects.count(), stored_files()) == before


@pytest.fixture
def limit(settings, monkeypatch):
    def apply(case):
        if case == "too-large":
            settings.GCI_SUITCASE_MAX_UPLOAD_MB = 0  # every non-empty file is over it
            monkeypatch.setattr("gci.calendar.forms.LETTER_MAX_MB", 0)

    return apply


def refused(response, reason, *typed):
    assert response.status_code == 400, response.status_code
    body = response.content.decode()
    if reason:
        assert reason in body
    for text in typed:
        assert text in body, text
    return body


# -- Enforcement records: sending one, and correcting one ---------------------


@pytest.mark.parametrize(("case", "make", "reason"), PHOTO_CASES, ids=ids(PHOTO_CASES))
def test_a_crafted_photo_with_a_new_record_is_refused(
    client, cites_user, nothing_stored, limit, case, make, reason
):
    limit(case)
    client.force_login(cites_user)
    data = record_data(title="Crafted photo record", commodity="Pangolin scales")
    response = client.post(NEW_RECORD, {**data, "photo": make()})
    refused(response, reason, 'value="Crafted photo record"', 'value="Pangolin scales"')
    assert "photo" in response.context["form"].errors
    assert not EnforcementRecord.objects.filter(title="Crafted photo record").exists()


@pytest.mark.parametrize(("case", "make", "reason"), PHOTO_CASES, ids=ids(PHOTO_CASES))
def test_a_crafted_photo_with_a_correction_is_refused(
    client, cites_user, nothing_stored, limit, case, make, reason
):
    record = make_record(title="Awaiting review", state=EnforcementState.SUBMITTED)
    limit(case)
    client.force_login(cites_user)
    data = record_data(title="Corrected headline", version=record.version)
    response = client.post(f"{PARTNERS}{record.pk}/", {**data, "photo": make()})
    refused(response, reason, 'value="Corrected headline"')
    record.refresh_from_db()
    assert record.title == "Awaiting review" and not record.photos.exists()


# -- A file offered to a workshop consultation ----------------------------------


@pytest.fixture
def consultation():
    event = EventPage.objects.get(slug="gci-workshop-plan-2009", locale__language_code="en")
    consultation = Consultation.objects.create(
        event=event, deadline=dt.date.today() + dt.timedelta(days=20)
    )
    consultation.organisations.set(
        [PartnerOrganisation.objects.get(acronym="CITES", locale__language_code="en")]
    )
    return consultation


@pytest.mark.parametrize(("case", "make", "reason"), DOCUMENT_CASES, ids=ids(DOCUMENT_CASES))
def test_a_crafted_file_offered_to_a_consultation_is_refused(
    client, cites_user, consultation, nothing_stored, limit, case, make, reason
):
    limit(case)
    client.force_login(cites_user)
    response = client.post(
        f"/en/planning/consultations/{consultation.pk}/",
        {"form": "material", "material-title": "Crafted field guide", "material-file": make()},
    )
    refused(response, reason, 'value="Crafted field guide"')
    assert not MaterialOffer.objects.filter(title="Crafted field guide").exists()


# -- The letter of a workshop request -------------------------------------------


@pytest.mark.parametrize(("case", "make", "reason"), DOCUMENT_CASES, ids=ids(DOCUMENT_CASES))
def test_a_crafted_letter_is_refused(client, wco_user, nothing_stored, limit, case, make, reason):
    limit(case)
    client.force_login(wco_user)
    data = request_data(body_name="Crafted Customs Authority")
    response = client.post(NEW_REQUEST, {**data, "letter_file": make()})
    refused(response, reason, 'value="Crafted Customs Authority"', "Port of Tema")
    assert not WorkshopRequest.objects.filter(body_name="Crafted Customs Authority").exists()


def test_the_same_doors_take_a_real_file(client, cites_user, consultation):
    """The refusals above are the files', not the doors': real ones pass."""
    client.force_login(cites_user)
    photo = SimpleUploadedFile("seizure.png", png_bytes())
    assert client.post(NEW_RECORD, {**record_data(), "photo": photo}).status_code == 302
    offer = SimpleUploadedFile("guide.pdf", minimal_pdf("Guide"))
    response = client.post(
        f"/en/planning/consultations/{consultation.pk}/",
        {"form": "material", "material-title": "Real guide", "material-file": offer},
    )
    assert response.status_code == 302
    assert MaterialOffer.objects.get(title="Real guide").document is not None
