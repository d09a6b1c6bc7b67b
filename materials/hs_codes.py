"""The HS codes an enforcement record may name: data shipped with the
project (``materials/data/hs-codes.csv``, from the World Customs
Organization's Harmonized System Nomenclature, 2022 edition: the chapters
and headings of the treaties' goods, and which treaty each relates to).

The file is read once per process (``functools.cache``). A code is written
as the officers write it: ``2903``, ``2903.77``, ``290377``, ``03``. It is
known when it is a listed chapter or heading, or a six-digit subheading
of a listed heading; anything else is refused by the forms with a message.
"""

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).parent / "data" / "hs-codes.csv"
SOURCE = _("World Customs Organization, Harmonized System Nomenclature, 2022 edition")
SEPARATORS = re.compile(r"[\s,;]+")
CODE = re.compile(r"[0-9]{2}(?:[0-9]{2}(?:[0-9]{2})?)?")


@dataclass(frozen=True)
class HSEntry:
    code: str
    level: str  # "chapter" or "heading"
    description: str
    treaties: tuple


@functools.cache
def hs_codes():
    """``{code: HSEntry}`` of every chapter and heading in the file."""
    with open(DATA_FILE, encoding="utf-8", newline="") as stream:
        rows = csv.DictReader(line for line in stream if not line.startswith("#"))
        return {
            row["code"]: HSEntry(
                row["code"], row["level"], row["description"], tuple(row["treaties"].split())
            )
            for row in rows
        }


def normalise(code):
    """``"2903.77"`` → ``"290377"``; ``None`` when it is not 2, 4 or 6 digits."""
    digits = code.replace(".", "").strip()
    return digits if CODE.fullmatch(digits) else None


def is_known(code):
    """A listed chapter or heading, or a subheading of a listed heading."""
    codes = hs_codes()
    if len(code) == 6:
        return code[:4] in codes
    return code in codes


def parse_codes(text):
    """``(codes, unknown)``: the normalised known codes of a typed list, in
    order, without repeats, and what was typed that is not a known code."""
    codes, unknown = [], []
    for part in SEPARATORS.split(text or ""):
        if not part:
            continue
        code = normalise(part)
        if code is None or not is_known(code):
            unknown.append(part)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


def display(code):
    """``"290377"`` → ``"2903.77"``."""
    return f"{code[:4]}.{code[4:]}" if len(code) == 6 else code


def describe(code):
    """The listed description of a code (its heading's, for a subheading)."""
    entry = hs_codes().get(code) or hs_codes().get(code[:4])
    return entry.description if entry else ""


def validate_hs_codes(value):
    """Refuse, naming them, what is not a known code in a typed list (or a list of codes)."""
    _codes, unknown = parse_codes(" ".join(value) if isinstance(value, list) else value)
    if unknown:
        raise ValidationError(
            _(
                "Unknown HS code(s): %(codes)s. Give a chapter, heading or subheading of the "
                "Harmonized System (2022) that the treaties' goods fall under, e.g. 2903 or "
                "2903.77."
            )
            % {"codes": ", ".join(unknown)}
        )


class HSCodesFormField(forms.CharField):
    """HS codes typed as a list (``2903, 8415.10``) → normalised codes;
    an unknown code is refused with a message naming it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(display(code) for code in value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        validate_hs_codes(text)
        codes, _unknown = parse_codes(text)
        return codes

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")

    def has_changed(self, initial, data):
        return self.prepare_value(initial or []) != (data or "")
