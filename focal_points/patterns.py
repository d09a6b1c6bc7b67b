"""Per-country URL patterns: `https://example.org/countries/{iso2}`.

Known placeholders: {iso2}, {iso3} (upper case), {iso2_lower}, {iso3_lower},
{numeric}. A pattern is valid when it has at least one of them, no other
braces, and gives a real http(s) URL once filled in.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries

PLACEHOLDERS = ("iso2", "iso3", "iso2_lower", "iso3_lower", "numeric")
_FIELD = re.compile(r"\{([^{}]*)\}")
http_url = URLValidator(schemes=["http", "https"])


def country_values(code):
    code = code.upper()
    iso3 = countries.alpha3(code) or ""
    numeric = countries.numeric(code, padded=True) or ""
    return {
        "iso2": code,
        "iso3": iso3,
        "iso2_lower": code.lower(),
        "iso3_lower": iso3.lower(),
        "numeric": numeric,
    }


def fill(pattern, code):
    values = country_values(code)
    return _FIELD.sub(lambda match: values.get(match.group(1), match.group(0)), pattern)


def validate_pattern(pattern):
    if not pattern:
        return
    names = _FIELD.findall(pattern)
    unknown = sorted({name for name in names if name not in PLACEHOLDERS})
    if unknown:
        raise ValidationError(
            _("Unknown placeholder %(names)s. Use one of: %(known)s."),
            params={
                "names": ", ".join(f"{{{n}}}" for n in unknown),
                "known": ", ".join(f"{{{p}}}" for p in PLACEHOLDERS),
            },
        )
    if not names:
        raise ValidationError(_("A country pattern needs a placeholder such as {iso2} or {iso3}."))
    if pattern.count("{") != len(names) or pattern.count("}") != len(names):
        raise ValidationError(_("Unbalanced braces in the pattern."))
    try:
        http_url(fill(pattern, "KE"))
    except ValidationError as exc:
        raise ValidationError(
            _("Once filled in, the pattern must give a real http(s) address.")
        ) from exc
