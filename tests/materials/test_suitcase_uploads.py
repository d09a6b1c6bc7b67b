"""Partners send materials; the content decides, not the name; the
Secretariat approves or declines in the admin; the Partner sees the state."""

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gci.home.demo.support import minimal_pdf
from gci.materials.collections import SUBMISSIONS, SUITCASE
from gci.materials.models import Material
from gci.site.uploads import validate_upload
from tests.factories.materials import submission_data
from tests.helpers import dangling_descriptions, force_login_with_totp

pytestmark = pytest.mark.django_db

SUITCASE_URL = "/en/partners-area/gci-suitcase/"
SUBMIT = SUITCASE_URL + "submit/"
MINE = SUITCASE_URL + "my-submissions/"


def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


PPTX = zipped({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"})
DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})
ODP = zipped({"mimetype": "application/vnd.oasis.opendocument.presentation", "content.xml": ""})
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100
MP4 = b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom" + b"\0" * 40


def _png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()  # a real one: images are read by Pillow (their header only)


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("module.pdf", minimal_pdf("ok")),
        ("slides.pptx", PPTX),
        ("notes.docx", DOCX),
        ("slides.odp", ODP),
        ("old-slides.ppt", OLE),
        ("clip.mp4", MP4),
        ("photo.png", PNG),
    ],
)
def test_accepted_types_pass_by_content(name, content):
    validate_upload(upload(name, content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("page.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "content"),
        ("drawing.pdf", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "content"),
        ("tool.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\0" * 60, "content"),
        ("tool.pdf", b"\x7fELF\x02\x01\x01" + b"\0" * 60, "content"),
        ("slides.pdf", PPTX, "mismatch"),  # a real presentation, misnamed
        ("notes.pptx", DOCX, "mismatch"),
        ("archive.pptx", zipped({"evil.exe": "MZ"}), "content"),
        ("page.html", b"<html></html>", "extension"),
        ("drawing.svg", b"<svg/>", "extension"),
        ("noextension", minimal_pdf("x"), "extension"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_anything_else_is_refused_with_a_reason(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, content))
    assert error.value.code == code
    assert str(error.value.messages[0])


def test_size_limit(settings):
    settings.GCI_SUITCASE_MAX_UPLOAD_MB = 1
    big = minimal_pdf("x") + b"\0" * (1024 * 1024)
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("big.pdf", big))
    assert error.value.code == "size"


def checked_boxes(body, name):
    """The values of the ticked checkboxes called ``name``, in page order."""
    box = rf'<input type="checkbox" name="{name}" value="([^"]+)"[^>]*'
    assert re.findall(box + ">", body), f"no {name} checkboxes on the page"
    return re.findall(box + r"\bchecked>", body)


def form_data(**overrides):
    return submission_data(
        **{
            "topics": ["ods", "customs_procedures"],
            "languages": ["en", "fr"],
            "region": "asia_pacific",
            "year": "2009",
            **overrides,
        }
    )


def test_the_form_states_the_allowed_types_and_the_limit(client, cites_user):
    client.force_login(cites_user)
    body = client.get(SUBMIT).content.decode()
    assert ".pdf, .docx, .pptx" in body
    assert "25.0" in body and "MB" in body


def test_a_refused_file_re_renders_the_form_with_the_reason_and_the_input(client, cites_user):
    client.force_login(cites_user)
    html = upload("slides.pdf", b"<html><body>not a pdf</body></html>")
    response = client.post(SUBMIT, form_data(file=html))
    assert response.status_code == 200
    body = response.content.decode()
    assert "not a document type the suitcase accepts" in body
    assert "Ozone smuggling: ten cases for trainers" in body  # input kept
    assert set(checked_boxes(body, "topics")) == {"ods", "customs_procedures"}
    assert not Material.objects.filter(title__startswith="Ozone smuggling").exists()


def test_the_refusal_is_what_the_file_field_is_described_by(client, cites_user):
    client.force_login(cites_user)
    html = upload("slides.pdf", b"<html><body>not a pdf</body></html>")
    body = client.post(SUBMIT, form_data(file=html)).content.decode()
    assert re.search(r'<input type="file"[^>]*aria-describedby="[^"]*id_file_error', body)
    assert dangling_descriptions(body) == set()


def test_a_file_or_a_link_is_required(client, cites_user):
    client.force_login(cites_user)
    response = client.post(SUBMIT, form_data())
    assert "Send either a file or a link" in response.content.decode()


def test_a_partner_submits_and_the_secretariat_approves(client, cites_user, secretariat_user):
    client.force_login(cites_user)
    response = client.post(
        SUBMIT, form_data(file=upload("ozone-cases.pdf", minimal_pdf("ozone cases")))
    )
    assert response.status_code == 302 and response["Location"].endswith("/my-submissions/")
    material = Material.objects.get(title__startswith="Ozone smuggling")
    assert material.status == "submitted"
    assert material.organisation.acronym == "CITES"
    assert material.document.collection.name == SUBMISSIONS
    assert material.topics == ["ods", "customs_procedures"]
    assert material.versions.get().added_by == cites_user
    # The Partner sees its state; the suitcase does not list it yet.
    assert "Submitted" in client.get(MINE).content.decode()
    assert "Ozone smuggling" not in client.get(SUITCASE_URL).content.decode()
    # Another Partner cannot open the waiting file.
    client.logout()
    from django.test import Client

    other = Client()
    other.force_login(type(cites_user).objects.get(email="wco.partner@greencustoms.example"))
    assert other.get(material.document.url).status_code == 403
    assert other.get(f"{SUITCASE_URL}material/{material.pk}/").status_code == 404

    # The Secretariat decides in the admin.
    force_login_with_totp(client, secretariat_user)
    listing = client.get("/admin/suitcase_submissions/")
    assert listing.status_code == 200 and "Ozone smuggling" in listing.content.decode()
    edit_url = f"/admin/suitcase_submissions/edit/{material.pk}/"
    form = client.get(edit_url)
    assert form.status_code == 200
    # The Secretariat opens the file before deciding.
    assert f'href="{material.document.url}"' in form.content.decode()
    assert client.get(material.document.url).status_code == 200
    response = client.post(
        edit_url,
        {"title": material.title, "summary": material.summary, "status": "approved"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    material.refresh_from_db()
    assert material.status == "approved" and material.reviewed_by == secretariat_user
    assert material.document.collection.name == SUITCASE

    client.force_login(cites_user)
    assert "Ozone smuggling" in client.get(SUITCASE_URL).content.decode()
    assert "Approved" in client.get(MINE).content.decode()
    assert other.get(material.document.url).status_code == 200


def test_declining_needs_a_reason_that_the_partner_reads(client, wco_user, secretariat_user):
    pending = Material.objects.get(submitted_by=wco_user)  # from the demo
    force_login_with_totp(client, secretariat_user)
    edit_url = f"/admin/suitcase_submissions/edit/{pending.pk}/"
    data = {"title": pending.title, "summary": pending.summary, "status": "declined"}
    response = client.post(edit_url, data)
    assert response.status_code == 200  # refused: no reason
    pending.refresh_from_db()
    assert pending.status == "submitted"
    response = client.post(edit_url, {**data, "decline_reason": "Already in the Guide, chapter 4."})
    assert response.status_code == 302
    client.force_login(wco_user)
    body = client.get(MINE).content.decode()
    assert "Declined" in body and "Already in the Guide, chapter 4." in body


def test_the_submissions_admin_lists_and_opens_only_partners_submissions(
    client, wco_user, secretariat_user
):
    """The Secretariat's review lists what Partners sent, not every material:
    a material the Secretariat added itself is neither listed nor opened there
    (it is edited under "Suitcase materials")."""
    pending = Material.objects.get(submitted_by=wco_user)  # from the demo
    own = Material.objects.filter(submitted_by__isnull=True, locale__language_code="en").first()
    force_login_with_totp(client, secretariat_user)
    listing = client.get("/admin/suitcase_submissions/").content.decode()
    assert pending.title in listing
    assert own.title not in listing
    assert client.get(f"/admin/suitcase_submissions/edit/{pending.pk}/").status_code == 200
    assert client.get(f"/admin/suitcase_submissions/edit/{own.pk}/").status_code == 404
    response = client.post(
        f"/admin/suitcase_submissions/edit/{own.pk}/",
        {"title": own.title, "summary": own.summary, "status": "declined", "decline_reason": "x"},
    )
    assert response.status_code == 404
    own.refresh_from_db()
    assert own.status == "approved"


def test_partners_cannot_reach_the_review_in_the_admin(client, cites_user):
    client.force_login(cites_user)
    response = client.get("/admin/suitcase_submissions/")
    assert response.status_code == 302


def test_a_link_can_be_sent_instead_of_a_file(client, cites_user):
    client.force_login(cites_user)
    response = client.post(SUBMIT, form_data(link_url="https://example.org/course"))
    assert response.status_code == 302
    material = Material.objects.get(title__startswith="Ozone smuggling")
    assert material.link_url == "https://example.org/course" and material.document is None


def test_outsiders_and_visitors_cannot_submit(client, outsider):
    assert client.get(SUBMIT).status_code == 302
    assert client.post(SUBMIT, form_data(link_url="https://example.org")).status_code == 302
    client.force_login(outsider)
    assert client.post(SUBMIT, form_data(link_url="https://example.org")).status_code == 403
    assert not Material.objects.filter(title__startswith="Ozone smuggling").exists()


def test_the_secretariat_hears_of_a_submission_and_the_partner_of_the_decision(
    client, cites_user, secretariat_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(cites_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SUBMIT, form_data(link_url="https://example.org/ozone"))
    material = Material.objects.get(title__startswith="Ozone smuggling")
    assert [message.to for message in mailoutbox] == [[secretariat_user.email]]
    assert "Ozone smuggling" in mailoutbox[0].subject
    assert f"/admin/suitcase_submissions/edit/{material.pk}/" in mailoutbox[0].body

    force_login_with_totp(client, secretariat_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/suitcase_submissions/edit/{material.pk}/",
            {
                "title": material.title,
                "summary": material.summary,
                "status": "declined",
                "decline_reason": "Please send the slides as a file.",
            },
        )
    assert mailoutbox[-1].to == [cites_user.email]
    assert "Please send the slides as a file." in mailoutbox[-1].body
    assert "/partners-area/gci-suitcase/" in mailoutbox[-1].body


def test_nothing_is_added_under_submissions(client, secretariat_user):
    """Submissions come from Partners; the Secretariat adds its own materials
    under "Suitcase materials" (which keeps its "Add")."""
    force_login_with_totp(client, secretariat_user)
    listing = client.get("/admin/suitcase_submissions/")
    assert listing.status_code == 200
    assert "/admin/suitcase_submissions/new/" not in listing.content.decode()
    assert client.get("/admin/suitcase_submissions/new/").status_code == 404
    assert client.get("/admin/snippets/materials/material/add/").status_code == 200
