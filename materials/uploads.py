"""What a Partner may upload to the suitcase, checked by content.

The extension alone proves nothing: an HTML page, an SVG or a program
renamed ``.pdf`` would be served to every Partner who downloads it. Each
allowed type is recognised by its own signature (magic bytes and, for the
zip-based Office and OpenDocument formats, the entries the format requires),
and the extension must agree with what the content is. python-magic would
need libmagic on every host; these few explicit checks cover what the
suitcase accepts and say exactly why a file is refused.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

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


def max_upload_size():
    return getattr(settings, "GCI_SUITCASE_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024


def allowed_types_text():
    return ", ".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)


def detect(head, file):
    """The extension the content really is, or None."""
    if head.startswith(b"%PDF-"):
        return {"pdf"}
    if head.startswith(OLE):
        return {"doc", "ppt", "xls"}
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return {"png"}
    if head.startswith(b"\xff\xd8\xff"):
        return {"jpg", "jpeg"}
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return {"mp4"}
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(file)
    return None


def _zip_kind(file):
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return {ext for ext, kind in ODF_TYPES.items() if kind == mimetype} or None
            if "[Content_Types].xml" in names:
                return {
                    ext
                    for ext, prefix in OOXML_PARTS.items()
                    if any(name.startswith(prefix) for name in names)
                } or None
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def validate_upload(file):
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
