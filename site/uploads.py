"""What a Partner may upload to the suitcase, checked by content.

The extension alone proves nothing: an HTML page, an SVG or a program
renamed ``.pdf`` would be served to every Partner who downloads it. Each
allowed type is recognised by its own signature (magic bytes and, for the
zip-based Office and OpenDocument formats, the entries the format requires),
and the extension must agree with what the content is. python-magic would
need libmagic on every host; these few explicit checks cover what the
suitcase accepts and say exactly why a file is refused.

A check never unpacks a file. Archives (the Office and OpenDocument
formats are zip files) are judged by their directory first: too many
members, a member declaring an absurd size or compression ratio, or one
compressed with anything but the two methods documents use (stored and
deflate) is refused before a byte is decompressed, and at most
``MAX_MEMBER_READ`` bytes of any member are ever read. Images are judged by
the dimensions in their header against ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``,
never decoded (Pillow refuses to decode more than that anywhere: see
``gci.site.apps``).
"""

from __future__ import annotations

import struct
import warnings
import zipfile
from typing import IO, TYPE_CHECKING, NoReturn

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.core.files import File

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office: .doc .ppt .xls
OOXML_PARTS = {"docx": "word/", "pptx": "ppt/", "xlsx": "xl/"}
ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"M4V ",
    b"dash",
}
ALLOWED_EXTENSIONS = [
    "pdf",
    "docx",
    "pptx",
    "xlsx",
    "odt",
    "odp",
    "ods",
    "doc",
    "ppt",
    "xls",
    "png",
    "jpg",
    "jpeg",
    "mp4",
]
DEFAULT_MAX_UPLOAD_MB = 25

# Archives: what a check looks at, and what no real document does.
MAX_ZIP_MEMBERS = 5000  # a large presentation has a few hundred
MAX_ZIP_DIRECTORY_BYTES = 1024 * 1024  # the central directory ZipFile loads
MAX_MEMBER_SIZE = 512 * 1024 * 1024  # declared uncompressed size of one member
MAX_MEMBER_RATIO = 200  # declared size / compressed size, for members over 1 MiB
RATIO_FROM_SIZE = 1024 * 1024
MAX_MEMBER_READ = 256  # bytes read from any member (the ODF mimetype is ~50)
SAFE_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
END_OF_DIRECTORY = b"PK\x05\x06"
END_OF_DIRECTORY_SIZE = 22
ZIP64_LOCATOR = b"PK\x06\x07"
ZIP64_LOCATOR_SIZE = 20
DEFAULT_MAX_IMAGE_PIXELS = 50 * 1000 * 1000


def max_upload_size() -> int:
    return getattr(settings, "GCI_SUITCASE_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024


def allowed_types_text() -> str:
    return ", ".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)


def max_image_pixels() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None) or DEFAULT_MAX_IMAGE_PIXELS


def detect(head: bytes, file: IO[bytes]) -> set[str] | None:
    """The extension the content really is, or None.

    Raises ValidationError when the content is of an accepted kind but unsafe
    to open (an archive or image built to exhaust memory)."""
    if head.startswith(b"%PDF-"):
        return {"pdf"}
    if head.startswith(OLE):
        return {"doc", "ppt", "xls"}
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _image_kind(file, {"png"})
    if head.startswith(b"\xff\xd8\xff"):
        return _image_kind(file, {"jpg", "jpeg"})
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return {"mp4"}
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(file)
    return None


def _image_kind(file: IO[bytes], kinds: set[str]) -> set[str] | None:
    """`kinds` if Pillow reads the header and the image is of a sane size.

    Only the header is read (Image.open is lazy); an image declaring more
    pixels than the limit would take gigabytes to decode (a thumbnail, a
    preview) and is refused."""
    from PIL import Image, UnidentifiedImageError

    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # compared below
            with Image.open(file) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        _refuse_image_pixels()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None
    if width * height > max_image_pixels():
        _refuse_image_pixels()
    return kinds


def _refuse_image_pixels() -> NoReturn:
    raise ValidationError(
        _(
            "This image has too many pixels: the limit is %(limit)s million. "
            "Make it smaller and send it again."
        )
        % {"limit": max_image_pixels() // 1000000},
        code="pixels",
    )


def _refuse_archive() -> NoReturn:
    raise ValidationError(
        _(
            "This archive is built in a way no document is (too many parts, or parts "
            "that would unpack to an absurd size), so it was not opened. Export the "
            "document again from its program and send it again."
        ),
        code="archive",
    )


def _check_zip_directory(file: IO[bytes]) -> bool:
    """Refuse, from the end-of-directory record alone, an archive whose
    directory would be too large to load (ZipFile reads all of it)."""
    file.seek(0, 2)
    size = file.tell()
    # record + longest comment + the zip64 locator that may precede the record
    tail_size = min(size, END_OF_DIRECTORY_SIZE + 0xFFFF + ZIP64_LOCATOR_SIZE)
    file.seek(size - tail_size)
    tail = file.read(tail_size)
    at = tail.rfind(END_OF_DIRECTORY)
    if at < 0 or len(tail) - at < END_OF_DIRECTORY_SIZE:
        return False
    locator = tail[max(at - ZIP64_LOCATOR_SIZE, 0) : at]
    if locator.startswith(ZIP64_LOCATOR):
        # zipfile would then trust the zip64 record's member count and
        # directory size instead (up to 2**64): no office document needs it.
        _refuse_archive()
    _sig, _disk, _cd_disk, _here, members, directory_size, _offset, _comment = struct.unpack(
        "<4s4H2LH", tail[at : at + END_OF_DIRECTORY_SIZE]
    )
    if members > MAX_ZIP_MEMBERS or directory_size > MAX_ZIP_DIRECTORY_BYTES:
        _refuse_archive()  # also the zip64 markers (0xFFFF, 0xFFFFFFFF)
    return True


def _check_member(info: zipfile.ZipInfo) -> None:
    if info.compress_type not in SAFE_COMPRESSION:
        _refuse_archive()
    if info.file_size > MAX_MEMBER_SIZE:
        _refuse_archive()
    if info.file_size > RATIO_FROM_SIZE and info.file_size > MAX_MEMBER_RATIO * max(
        info.compress_size, 1
    ):
        _refuse_archive()


def _read_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """At most MAX_MEMBER_READ bytes of one member, whatever it declares."""
    with archive.open(info) as member:
        return member.read(MAX_MEMBER_READ)


def _zip_kind(file: IO[bytes]) -> set[str] | None:
    file.seek(0)
    try:
        if not _check_zip_directory(file):
            return None
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                _refuse_archive()
            for info in members:
                _check_member(info)
            by_name = {info.filename: info for info in members}
            if "mimetype" in by_name:
                info = by_name["mimetype"]
                if info.file_size > MAX_MEMBER_READ:
                    return None
                mimetype = _read_head(archive, info).decode("ascii", "replace").strip()
                return {ext for ext, kind in ODF_TYPES.items() if kind == mimetype} or None
            if "[Content_Types].xml" in by_name:
                return {
                    ext
                    for ext, prefix in OOXML_PARTS.items()
                    if any(name.startswith(prefix) for name in by_name)
                } or None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, EOFError):
        return None
    except (NotImplementedError, RuntimeError):  # unknown method, encrypted member
        _refuse_archive()
    return None


def validate_upload(file: File[bytes]) -> None:
    """Raise ValidationError with a reason unless `file` may go in the suitcase."""
    name = getattr(file, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Files of this type are not accepted. Allowed types: %(types)s.")
            % {"types": allowed_types_text()},
            code="extension",
        )
    if file.size > max_upload_size():
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(max_upload_size())},
            code="size",
        )
    if file.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    file.seek(0)
    head = file.read(64)
    kinds = detect(head, file)
    file.seek(0)
    if kinds is None:
        raise ValidationError(
            _(
                "The content of this file is not a document type the suitcase accepts "
                "(it may be a web page, an image format we do not accept or a program). "
                "Allowed types: %(types)s."
            )
            % {"types": allowed_types_text()},
            code="content",
        )
    if extension not in kinds:
        raise ValidationError(
            _(
                "The file is named .%(extension)s but its content is not: "
                "rename it or export it again."
            )
            % {"extension": extension},
            code="mismatch",
        )


def upload_help_text() -> str:
    """What a file field taking what the suitcase takes says under it."""
    return _(
        "Allowed types: %(types)s. Up to %(size)s. The file is checked by its content, "
        "not only its name."
    ) % {"types": allowed_types_text(), "size": filesizeformat(max_upload_size())}
