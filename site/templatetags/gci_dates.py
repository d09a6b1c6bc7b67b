"""Dates in templates, the UN way in every language (``gci.site.dates``).

``{% load gci_dates %}`` then ``{{ value|un_date }}`` (14 September 2009),
``{{ value|un_month }}`` (September 2009), ``{{ value|un_time }}`` (14:00),
``{{ value|un_datetime }}`` (14 September 2009, 14:05) and
``{% un_date_range start end %}`` (14–15 September 2009); and lists the same
way: ``{{ names|un_list }}`` (Basel, Rotterdam and CITES).
"""

from django import template

from gci.site import dates

register = template.Library()


@register.filter
def un_date(value):
    return dates.format_date(value) if value else ""


@register.filter
def un_month(value):
    return dates.format_month(value) if value else ""


@register.filter
def un_time(value):
    return dates.format_time(value) if value else ""


@register.filter
def un_datetime(value):
    return dates.format_datetime(value) if value else ""


@register.simple_tag
def un_date_range(start, end=None):
    return dates.format_date_range(start, end) if start else ""


@register.filter
def un_month_name(value):
    return dates.format_month_name(value) if value else ""


@register.filter
def un_list(items):
    return dates.format_list(items) if items else ""
