"""Values in the Secretariat's listings and inspect screens the way the
public pages show them: dates and moments in the UN form (``gci.site.dates``,
not Wagtail's "Dec. 1, 2026, 2:34 a.m."), yes/no rather than True/False,
a dash rather than "None"."""

import datetime as dt

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from . import dates

EMPTY = "—"


def un_value(value):
    """A date or moment in the UN form; anything else unchanged."""
    if isinstance(value, dt.datetime):
        return dates.format_datetime(value)
    if isinstance(value, dt.date):
        return dates.format_date(value)
    return value


class UNDateColumn(Column):
    """A date or date-time column in the UN form (14 September 2009, 14:05)."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return un_value(value) if value is not None else EMPTY


class ReadableInspectMixin:
    """For an InspectView: empty values as a dash, dates in the UN form,
    booleans as yes/no, users by name."""

    def get_field_display_value(self, field_name, field):
        if not hasattr(self, f"get_{field_name}_display_value"):
            value = getattr(self.object, field_name, None)
            if value is None or value == "":
                return EMPTY
            if isinstance(value, bool):
                return _("Yes") if value else _("No")
            if isinstance(value, dt.date):
                return un_value(value)
            if isinstance(field, models.ForeignKey) and hasattr(value, "get_full_name"):
                return value.get_full_name() or str(value)
        return super().get_field_display_value(field_name, field)


class AmountColumn(Column):
    """A sum of money with two decimals and the language's grouping
    (45,000.00; 45 000,00), not 45000.00."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return EMPTY
        return number_format(value, 2, use_l10n=True, force_grouping=True)


def rate_display(value):
    """An exchange rate with the digits it has (0.94, 1.0825), not the
    stored 0.94000000; at least two decimals."""
    digits = max(2, -value.normalize().as_tuple().exponent)
    return number_format(value, digits, use_l10n=True)


class RateColumn(Column):
    """An exchange rate as ``rate_display`` writes it."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return EMPTY if value is None else rate_display(value)


class YesNoColumn(Column):
    """Yes or No in the admin's language (Wagtail's BooleanColumn titles its
    icons "True" and "False", in English, for screen readers)."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return EMPTY
        return _("Yes") if value else _("No")
