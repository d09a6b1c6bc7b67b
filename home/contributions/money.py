"""Money: the ISO 4217 currencies (CLDR's list, through babel, already a
dependency for dates), the reporting currency, the bounds of a sane amount."""

from decimal import Decimal

from babel.numbers import get_currency_name, list_currencies
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# Above this an amount is a typing mistake (a hundred million of any currency).
MAX_AMOUNT = Decimal("100000000")
MAX_QUANTITY = Decimal("100000")
MAX_RATE = Decimal("1000000")
FIRST_YEAR = 2000
LAST_YEAR = 2100

# Retired and fund codes CLDR still lists, never a currency a contribution is valued in.
_NOT_CURRENCIES = {"XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC", "XBD", "XDR"}


def currency_codes():
    return sorted(code for code in list_currencies() if code not in _NOT_CURRENCIES)


_CODES = frozenset(currency_codes())


def is_currency(code):
    return code in _CODES


def validate_currency(value):
    if not is_currency(value):
        raise ValidationError(
            _("“%(code)s” is not an ISO 4217 currency code (for example USD, EUR, CHF)."),
            params={"code": value},
            code="currency",
        )


def currency_choices():
    """(code, "code — name") in the active language, the common ones first."""
    language = (translation.get_language() or "en").replace("-", "_")
    first = ["USD", "EUR", "CHF", "GBP", "JPY", "SEK", "NOK", "CAD", "AUD"]

    def label(code):
        try:
            return f"{code} — {get_currency_name(code, locale=language)}"
        except Exception:  # noqa: BLE001 (an unknown locale: the code alone)
            return code

    rest = [code for code in currency_codes() if code not in first]
    return [(code, label(code)) for code in first + rest]


def reporting_currency():
    return getattr(settings, "GCI_REPORTING_CURRENCY", "USD")
