"""Uploads cannot exhaust memory (security issue #12, finding A).

A 600-byte .odt whose `mimetype` member unpacks to hundreds of MiB, archives
of thousands of parts, members declaring absurd sizes, images declaring
absurd dimensions: each is refused with a reason, without being unpacked or
decoded. Memory is measured with tracemalloc (Python's own allocations,
where a decompressed member would land)."""

import io
import struct
import tracemalloc
import zipfile
import zlib

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from gci.materials.models import Material
from gci.site.uploads import validate_upload
from tests.factories.materials import submission_data
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

SUBMIT = "/en/partners-area/gci-suitcase/submit/"
BOMB_MIB = 300
MEMORY_BUDGET = 50 * 1024 * 1024
ODT = "application/vnd.oasis.opendocument.text"
ODT_SIZE = len(ODT)


def bzip2_bomb(path, mib=BOMB_MIB):
    """An .odt whose `mimetype` is `mib` MiB of zeros, bzip2-compressed:
    written in 1 MiB chunks, so building it costs this test no memory."""
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_BZIP2) as archive:
        with archive.open("mimetype", "w") as member:
            for _ in range(mib):
                member.write(chunk)
        archive.writestr("content.xml", "<office:document-content/>")
    return path.read_bytes()


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    data = bzip2_bomb(tmp_path_factory.mktemp("bombs") / "bomb.odt")
    assert len(data) < 2048  # a few hundred bytes on the wire
    return data


def lying(data, name=b"mimetype", declared=ODT_SIZE):
    """The same archive, its directory declaring `name` to be `declared`
    bytes once unpacked (local header and central directory both)."""
    data = bytearray(data)
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at : at + name_at + len(name)] == name:
                data[at + size_at : at + size_at + 4] = struct.pack("<I", declared)
            at = data.find(signature, at + 4)
    return bytes(data)


def peak_while(function):
    """What `function` returns or raises, and the peak of Python allocations meanwhile."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        try:
            outcome = function()
        except ValidationError as error:
            outcome = error
        return outcome, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def grey_png(width, height, idat):
    """A PNG of width x height grey pixels whose image data is ``idat``."""

    def chunk(kind, data):
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )


def png_declaring(width, height):
    """A valid, tiny PNG whose header declares width x height pixels."""
    return grey_png(width, height, zlib.compress(b"\0" * 64))


def valid_png(width, height):
    """A complete grey PNG of width x height pixels, compressed row by row
    (a 10,000 x 10,000 one is ~100 kB, and 100 MB once decoded)."""
    compressor = zlib.compressobj(9)
    row = b"\0" * (width + 1)  # filter byte + pixels
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return grey_png(width, height, idat)


def small_pptx():
    """A two-member Office archive, the start of each forged one below."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p/>")
    return buffer.getvalue()


def refusal(data, name="slides.pptx"):
    """The code of the ValidationError that ``validate_upload`` raises."""
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile(name, data))
    return error.value.code


def form_data(**overrides):
    return submission_data(year="2009", **overrides)


def test_a_bzip2_bomb_sent_to_the_suitcase_is_refused_without_unpacking_it(
    client, cites_user, bomb
):
    client.force_login(cites_user)
    response, peak = peak_while(
        lambda: client.post(SUBMIT, form_data(file=SimpleUploadedFile("notes.odt", bomb)))
    )
    assert response.status_code == 200
    assert "This archive is built in a way no document is" in response.content.decode()
    assert not Material.objects.filter(title__startswith="Ozone smuggling").exists()
    assert peak < MEMORY_BUDGET, f"peak {peak / 2**20:.0f} MiB"


def test_a_bomb_lying_about_its_size_is_refused_without_unpacking_it(bomb):
    liar = lying(bomb)
    assert zipfile.ZipFile(io.BytesIO(liar)).getinfo("mimetype").file_size == len(ODT)
    error, peak = peak_while(lambda: validate_upload(SimpleUploadedFile("notes.odt", liar)))
    assert isinstance(error, ValidationError) and error.code == "archive"
    assert peak < MEMORY_BUDGET, f"peak {peak / 2**20:.0f} MiB"


def test_a_deflated_member_lying_about_its_size_is_read_only_a_little():
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("mimetype", "w") as member,
    ):
        member.write(ODT.encode())
        for _ in range(64):
            member.write(b" " * (1024 * 1024))
    liar = lying(buffer.getvalue(), declared=len(ODT) + 64)
    _outcome, peak = peak_while(lambda: validate_upload(SimpleUploadedFile("notes.odt", liar)))
    assert peak < 5 * 1024 * 1024, f"peak {peak / 2**20:.0f} MiB"


def test_an_archive_of_thousands_of_members_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for number in range(6000):  # the limit is 5,000
            archive.writestr(f"ppt/slides/slide{number}.xml", "")
    assert refusal(buffer.getvalue()) == "archive"


def test_an_end_of_directory_counting_too_many_members_is_refused_before_opening():
    data = bytearray(small_pptx())
    at = data.rfind(b"PK\x05\x06")
    data[at + 8 : at + 12] = struct.pack("<HH", 60000, 60000)
    assert refusal(bytes(data)) == "archive"


def test_a_zip64_directory_is_refused_before_opening():
    """zipfile trusts a zip64 record's member count over the classic record's,
    so a small upload could declare hundreds of thousands of members."""
    data = small_pptx()
    at = data.rfind(b"PK\x05\x06")
    locator = b"PK\x06\x07" + struct.pack("<LQL", 0, at, 1)
    assert refusal(data[:at] + locator + data[at:]) == "archive"


def test_a_member_with_an_absurd_compression_ratio_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("ppt/slides/slide1.xml", "w") as member:
            for _ in range(20):
                member.write(b"\0" * (1024 * 1024))
    assert refusal(buffer.getvalue()) == "archive"


def test_a_member_declaring_an_absurd_size_is_refused():
    liar = lying(small_pptx(), name=b"ppt/presentation.xml", declared=3 * 1024**3)
    assert refusal(liar) == "archive"


def test_a_real_odt_and_pptx_still_pass():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", ODT, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>" * 1000)
    validate_upload(SimpleUploadedFile("notes.odt", buffer.getvalue()))


@pytest.mark.parametrize(("width", "height"), [(100_000, 100_000), (10_000, 10_000)])
def test_a_png_declaring_huge_dimensions_is_refused_from_the_suitcase(width, height):
    bomb = png_declaring(width, height)
    assert len(bomb) < 200
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("photo.png", bomb))
    assert error.value.code == "pixels"
    assert "too many pixels" in error.value.messages[0]


def test_an_ordinary_png_passes():
    validate_upload(SimpleUploadedFile("photo.png", png_declaring(800, 600)))


def test_pillow_refuses_to_decode_what_the_site_refuses():
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    assert limit <= 50_000_000
    assert limit == 2 * PILImage.MAX_IMAGE_PIXELS  # DecompressionBombError above it
    with pytest.raises(PILImage.DecompressionBombError):
        PILImage.open(io.BytesIO(png_declaring(10_000, limit // 10_000 + 1)))


@pytest.mark.parametrize(
    ("path", "prefix", "file_field"),
    [
        ("/admin/images/add/", "", "file"),
        ("/admin/images/chooser/create/", "image-chooser-upload-", "file"),
        ("/admin/images/multiple/add/", "", "files[]"),
    ],
)
def test_a_png_bomb_is_refused_by_the_wagtail_image_upload(
    client, secretariat_user, path, prefix, file_field
):
    """Case-study photos come through Wagtail's image upload (the admin's
    Images and the chooser's upload tab). Wagtail decodes the whole image
    before it counts the pixels, and accepted 100 million (decoded: 100 MB
    for a grey image, 400 MB for a colour one, at upload and each rendition)."""
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    Image = get_image_model()
    before = Image.objects.count()
    force_login_with_totp(client, secretariat_user)
    bomb = SimpleUploadedFile("drums.png", valid_png(10_000, 10_000), "image/png")
    response = client.post(
        path,
        {
            f"{prefix}title": "Seized drums",
            f"{prefix}{file_field}": bomb,
            f"{prefix}collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert Image.objects.count() == before
