"""Images of restricted collections are never public (security issue #12, finding 3).

nginx serves MEDIA_ROOT/images/ straight from disk to anyone: the files of an
image in a restricted collection must never be there. They live under
MEDIA_ROOT/private/, reached only through /media/private/, which checks the
collection's view restrictions on every request (gci.site.private_images).
"""

import io
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images.models import Image, Rendition
from wagtail.models import Collection, CollectionViewRestriction

from gci.materials.collections import case_study_photos_collection

pytestmark = pytest.mark.django_db

PNG_TEXT = b"seized-parrots"


def _png():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", PNG_TEXT.decode())
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 40), (12, 120, 60)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def _image(collection, name="parrots.png"):
    return Image.objects.create(
        title="Seized parrots", collection=collection, file=ImageFile(io.BytesIO(_png()), name=name)
    )


def _public_collection():
    return Collection.get_first_root_node().add_child(name="Public photos")


def _on_disk(settings, name):
    return (Path(settings.MEDIA_ROOT) / name).exists()


@pytest.fixture
def partner(cites_user):
    client = Client()
    client.force_login(cites_user)
    return client


@pytest.fixture
def photo():
    """A photo of the Partners' case-study collection and one rendition."""
    image = _image(case_study_photos_collection())
    return image, image.get_rendition("fill-20x20")


def test_a_restricted_images_files_are_never_in_the_folders_nginx_serves(settings, photo):
    image, rendition = photo
    assert image.file.name.startswith("private/original_images/")
    assert rendition.file.name.startswith("private/images/")
    assert rendition.url.startswith("/media/private/images/")
    assert _on_disk(settings, rendition.file.name)
    assert not list((Path(settings.MEDIA_ROOT) / "images").glob("parrots*"))


def test_renditions_made_several_at_once_are_private_too(photo):
    image, _rendition = photo
    renditions = image.get_renditions("width-10", "width-30", "fill-10x10")
    assert all(r.file.name.startswith("private/images/") for r in renditions.values())


def test_a_public_images_renditions_stay_where_nginx_serves_them(settings):
    image = _image(_public_collection())
    rendition = image.get_rendition("width-30")
    assert rendition.file.name.startswith("images/")
    assert rendition.url.startswith("/media/images/")
    assert image.file.name.startswith("original_images/")


@pytest.mark.parametrize("which", ["rendition", "original"])
def test_an_anonymous_visitor_and_an_outsider_are_refused(client, outsider, photo, which):
    image, rendition = photo
    url = rendition.url if which == "rendition" else image.file.url
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("which", ["rendition", "original"])
def test_a_partner_gets_the_file_private_and_not_sniffed(partner, photo, which):
    image, rendition = photo
    url = rendition.url if which == "rendition" else image.file.url
    response = partner.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body[:8] == b"\x89PNG\r\n\x1a\n"
    if which == "original":
        assert PNG_TEXT in body
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_behind_nginx_the_file_is_sent_by_nginx_from_its_internal_location(
    settings, client, partner, photo
):
    settings.GCI_MEDIA_ACCEL_REDIRECT_PREFIX = "/_protected_media/"
    _image_, rendition = photo
    response = partner.get(rendition.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_protected_media/" + rendition.file.name.removeprefix(
        "private/"
    )
    assert response.content == b""
    assert response["Cache-Control"] == "private, no-store"
    refused = client.get(rendition.url)
    assert refused.status_code == 404
    assert "X-Accel-Redirect" not in refused


@pytest.mark.parametrize(
    "path",
    [
        "/media/private/../documents/x.pdf",
        "/media/private/%2e%2e/original_images/x.png",
        "/media/private/images/../../../etc/passwd",
    ],
)
def test_the_checked_view_never_leaves_the_private_folder(partner, photo, path):
    assert partner.get(path).status_code == 404


def test_an_image_moved_into_a_restricted_collection_leaves_its_public_path(
    settings, client, partner
):
    image = _image(_public_collection())
    public = image.get_rendition("fill-20x20")
    old_rendition, old_original = public.file.name, image.file.name
    assert _on_disk(settings, old_rendition)

    image.collection = case_study_photos_collection()
    image.save()

    assert not _on_disk(settings, old_rendition)
    assert not Rendition.objects.filter(file=old_rendition).exists()
    image.refresh_from_db()
    assert image.file.name == f"private/{old_original}"
    assert _on_disk(settings, image.file.name)
    private = image.get_rendition("fill-20x20")
    assert private.file.name.startswith("private/images/")
    assert client.get(private.url).status_code == 404
    assert partner.get(private.url).status_code == 200


def test_an_image_moved_back_to_a_public_collection_is_public_again(settings):
    image, rendition = _image(case_study_photos_collection()), None
    rendition = image.get_rendition("width-30")
    image.collection = _public_collection()
    image.save()
    assert not _on_disk(settings, rendition.file.name)
    image.refresh_from_db()
    assert image.file.name.startswith("original_images/")
    assert image.get_rendition("width-30").file.name.startswith("images/")


def test_a_collection_that_gains_or_loses_a_restriction_moves_its_images(settings):
    collection = _public_collection()
    image = _image(collection)
    public = image.get_rendition("width-30").file.name
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert not _on_disk(settings, public)
    image.refresh_from_db()
    assert image.file.name.startswith("private/")
    assert image.get_rendition("width-30").file.name.startswith("private/images/")
    restriction.delete()
    image.refresh_from_db()
    assert image.file.name.startswith("original_images/")
    assert image.get_rendition("width-30").file.name.startswith("images/")


def test_a_public_collection_moved_under_a_restricted_one_takes_its_files_along(
    client, settings, monkeypatch
):
    """Wagtail's collection editor moves the collection in the tree with no signal."""
    from django.contrib.auth import get_user_model

    from tests.helpers import force_login_with_totp

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x-pass-1234")
    collection = _public_collection()
    image = _image(collection)
    public = image.get_rendition("width-30").file.name
    force_login_with_totp(client, admin)
    from wagtail.models import Collection

    from gci.home.visibility import anonymous_files

    def open_to_anonymous():
        return list(anonymous_files(type(image).objects.filter(pk=image.pk)))

    # Another request reads the collection between Wagtail's form.save()
    # (which purges) and its move() (which sends no signal), and the memo
    # keeps what it saw.
    move = Collection.move
    seen_in_between = []

    def read_then_move(self, *args, **kwargs):
        seen_in_between.extend(open_to_anonymous())
        return move(self, *args, **kwargs)

    monkeypatch.setattr(Collection, "move", read_then_move)
    response = client.post(
        f"/admin/collections/{collection.pk}/",
        {"name": collection.name, "parent": case_study_photos_collection().pk},
    )
    assert response.status_code == 302
    assert seen_in_between == [image]
    assert open_to_anonymous() == []  # the move purged too: nothing stale says "public"
    collection.refresh_from_db()
    assert collection.get_parent() == case_study_photos_collection()
    assert not _on_disk(settings, public)
    image.refresh_from_db()
    assert image.file.name.startswith("private/")


def test_the_admins_bulk_add_to_collection_moves_the_files(settings, secretariat_user):
    """Wagtail's bulk action updates the images with a queryset (no signal)."""
    from gci.site.private_images import after_bulk_action

    image = _image(_public_collection())
    public = image.get_rendition("width-30").file.name
    Image.objects.filter(pk=image.pk).update(collection=case_study_photos_collection())
    after_bulk_action(None, "add_to_collection", [image], None)
    assert not _on_disk(settings, public)
    image.refresh_from_db()
    assert image.file.name.startswith("private/")


def test_secure_image_files_moves_what_an_older_release_left_public(settings, photo):
    """A restricted image whose files an older release wrote to the public
    folders: the command moves them out."""
    from django.core.management import call_command

    image, rendition = photo
    root = Path(settings.MEDIA_ROOT)
    legacy = "images/" + Path(rendition.file.name).name
    (root / "images").mkdir(parents=True, exist_ok=True)
    (root / legacy).write_bytes((root / rendition.file.name).read_bytes())
    Rendition.objects.filter(pk=rendition.pk).update(file=legacy)
    call_command("secure_image_files", stdout=io.StringIO())
    assert not (root / legacy).exists()
    assert not Rendition.objects.filter(file=legacy).exists()


# The development media view (DEBUG only): normalise, then check.

SPELLINGS = [
    "{folder}/{name}",
    "{folder}//{name}",
    "{folder}/./{name}",
    "x/../{folder}/{name}",
    "{folder}/x/%2e%2e/{name}",
    "{folder}/x/%2E%2E/{name}",
    "{folder}/x/%252e%252e/{name}",
    "{folder}\\{name}",
    "{folder}/x\\..\\{name}",
    "./{folder}/{name}",
]


@pytest.fixture
def legacy_photo(settings, photo):
    """A restricted image whose files sit in the public folders, as an older
    release left them (before `secure_image_files`): the dev view must still
    refuse them, by any spelling."""
    image, rendition = photo
    root = Path(settings.MEDIA_ROOT)
    names = {}
    for obj, folder in ((image, "original_images"), (rendition, "images")):
        legacy = f"{folder}/{Path(obj.file.name).name}"
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / legacy).write_bytes((root / obj.file.name).read_bytes())
        type(obj).objects.filter(pk=obj.pk).update(file=legacy)
        names[folder] = Path(legacy).name
    return names


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("folder", ["images", "original_images"])
def test_the_dev_media_view_refuses_a_restricted_image_by_any_spelling(
    client, settings, legacy_photo, spelling, folder
):
    settings.DEBUG = True
    path = "/media/" + spelling.format(folder=folder, name=legacy_photo[folder])
    response = client.get(path)
    assert response.status_code == 404, path


@pytest.mark.parametrize("spelling", [*SPELLINGS, "images/../private/{folder}/{name}"])
def test_the_dev_media_view_never_serves_the_private_folder(client, settings, photo, spelling):
    settings.DEBUG = True
    image, rendition = photo
    for obj in (image, rendition):
        folder, name = obj.file.name.removeprefix("private/").split("/", 1)
        path = "/media/" + spelling.format(folder=f"private/{folder}", name=name)
        if "../private" in spelling:
            path = "/media/" + spelling.format(folder=folder, name=name)
        assert client.get(path).status_code == 404, path


@pytest.mark.parametrize("spelling", SPELLINGS[:4])
def test_the_dev_media_view_still_serves_public_renditions(client, settings, spelling):
    settings.DEBUG = True
    rendition = _image(_public_collection()).get_rendition("width-30")
    name = rendition.file.name.removeprefix("images/")
    response = client.get("/media/" + spelling.format(folder="images", name=name))
    assert response.status_code == 200
    with rendition.file.open("rb") as served:
        assert b"".join(response.streaming_content) == served.read()
