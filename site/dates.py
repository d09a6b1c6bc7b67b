"""Dates the UN way, in every language of the site: the one formatter that
every template, feed text and email uses to show a date, a range of dates,
a month, a time or a moment.

Built on Babel's CLDR data (the locale's own month names, order and range
patterns), with two choices of ours on top:

- English follows UN style: day month year, no comma, no "a.m./p.m."
  (``en_GB``'s patterns), and a range of days is "14–15 September 2009";
- ranges spell the month out ("30 September – 2 October 2009", never
  "Sept"), with a plain space around the dash between two months (CLDR puts
  thin spaces there).

Times are always 24-hour; a time may name its time zone. A date known only
to the month is shown as the month ("September 2009"), never on an invented
day; a date not known at all says so. Nothing here knows the partnership.
"""

import datetime as dt
import functools
import re

from babel import Locale
from babel.core import UnknownLocaleError
from babel.dates import (
    format_skeleton,
    get_month_names,
    get_timezone_location,
    parse_pattern,
)
from babel.lists import format_list as babel_format_list
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

# How precisely a date is known.
DAY, MONTH, UNKNOWN = "day", "month", "tbc"

# English ranges, UN style (CLDR's en_GB puts thin spaces around every dash).
ENGLISH_RANGES = {
    "d": ("d–", "d MMMM y"),
    "M": ("d MMMM – ", "d MMMM y"),
    "y": ("d MMMM y – ", "d MMMM y"),
}
ENGLISH_MONTH_RANGES = {"M": ("MMMM – ", "MMMM y"), "y": ("MMMM y – ", "MMMM y")}
THIN_DASH = re.compile("[\u2009\u202f]([–—])[\u2009\u202f]")
SHORT_MONTH = re.compile(r"(?<!M)MMM(?!M)")


@functools.lru_cache(maxsize=32)
def _locale(language):
    code = (language or settings.LANGUAGE_CODE).lower()
    if code == "en" or code.startswith("en-"):
        return Locale.parse("en_GB")
    if code in ("zh", "zh-hans", "zh-cn"):
        return Locale.parse("zh_Hans")
    if code in ("zh-hant", "zh-tw", "zh-hk"):
        return Locale.parse("zh_Hant")
    try:
        return Locale.parse(translation.to_locale(code))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_GB")


def babel_locale(language=None):
    """The Babel locale of a Django language code (default: the active one)."""
    return _locale(language or translation.get_language())


def _english(locale):
    return locale.language == "en"


def _tidy(text):
    return THIN_DASH.sub(r" \1 ", text)


def _apply(patterns, start, end, locale):
    return _tidy(
        "".join(
            parse_pattern(pattern).apply(value, locale)
            for pattern, value in zip(patterns, (start, end), strict=True)
        )
    )


def _range_patterns(locale, skeletons, field):
    """The locale's interval patterns for ``field`` (the largest that differs),
    from the first of ``skeletons`` it has, with the month spelled out."""
    found = next(
        (locale.interval_formats.get(s) for s in skeletons if s in locale.interval_formats), None
    )
    if not found or field not in found:
        return None
    if "MMMM" not in locale.date_formats["long"].pattern:  # zh: 9月, not 九月
        return tuple(found[field])
    return tuple(SHORT_MONTH.sub("MMMM", pattern) for pattern in found[field])


def _largest_difference(start, end):
    """CLDR's name of the largest calendar field in which two dates differ."""
    if start.year != end.year:
        return "y"
    return "M" if start.month != end.month else "d"


# -- one value -----------------------------------------------------------------


def format_date(value, language=None):
    """'14 September 2009', '14 septembre 2009', '2009年9月14日'."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return format_skeleton("yMMMMd", value, locale=babel_locale(language))


def format_month(value, language=None):
    """'September 2009', 'septembre 2009', '2009年9月'."""
    if value is None:
        return ""
    return format_skeleton("yMMMM", value, locale=babel_locale(language))


def format_time(value, language=None):
    """'14:00' (24-hour, in every language)."""
    if value is None:
        return ""
    return format_skeleton("Hm", value, locale=babel_locale(language))


def format_datetime(value, language=None, tz=None):
    """'14 September 2009, 14:05': a moment (a comment, a log line), in the
    site's time zone unless ``tz`` is given."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value, tz)
    locale = babel_locale(language)
    date, time = format_date(value.date(), language), format_time(value.time(), language)
    return locale.datetime_formats["medium"].format(time, date).replace(" 'at' ", ", ")


def zone_name(tz, language=None):
    """The time zone as people say it: 'Switzerland Time', 'heure : Suisse', 'UTC'."""
    key = getattr(tz, "key", None) or str(tz)
    if key in ("UTC", "Etc/UTC", "GMT"):
        return "UTC"
    try:
        return get_timezone_location(tz, locale=babel_locale(language))
    except LookupError:
        return key


# -- ranges ----------------------------------------------------------------------


def format_date_range(start, end=None, language=None):
    """'14–15 September 2009', '30 September – 2 October 2009',
    '30 September 2009 – 3 January 2010'; one day when there is no end."""
    if end is None or end == start:
        return format_date(start, language)
    locale = babel_locale(language)
    field = _largest_difference(start, end)
    patterns = (
        ENGLISH_RANGES[field]
        if _english(locale)
        else _range_patterns(locale, ("yMMMMd", "yMMMd"), field)
    )
    if patterns is None:
        return f"{format_date(start, language)} – {format_date(end, language)}"
    return _apply(patterns, start, end, locale)


def format_month_range(start, end=None, language=None):
    """'September 2009', 'September – October 2009', 'December 2009 – January 2010'."""
    if end is None or (end.year, end.month) == (start.year, start.month):
        return format_month(start, language)
    locale = babel_locale(language)
    field = _largest_difference(start, end)
    if _english(locale):
        patterns = ENGLISH_MONTH_RANGES[field]
    else:
        patterns = _range_patterns(locale, ("yMMMM",), field)
    if patterns is None:
        return f"{format_month(start, language)} – {format_month(end, language)}"
    return _apply(patterns, start, end, locale)


def format_time_range(start, end=None, language=None, tz=None):
    """'09:30–17:00', with the time zone when given: '09:30–17:00 (Switzerland Time)'."""
    if start is None:
        return ""
    text = format_time(start, language)
    if end is not None and end != start:
        locale = babel_locale(language)
        found = locale.interval_formats.get("Hm", {}).get("H")
        if found:
            text = _apply(found, start, end, locale)
        else:
            text = f"{text}–{format_time(end, language)}"
    if tz is not None:
        text = _("%(times)s (%(zone)s)") % {"times": text, "zone": zone_name(tz, language)}
    return text


def format_when(
    start, end=None, start_time=None, end_time=None, tz=None, precision=DAY, language=None
):
    """Everything about when something happens, in one phrase:
    '14–15 September 2009', '5 May 2008, 14:00–16:00 (Germany Time)',
    'September 2009', 'Date to be confirmed'."""
    if precision == UNKNOWN:
        return _("Date to be confirmed")
    if precision == MONTH:
        return format_month_range(start, end, language)
    text = format_date_range(start, end, language)
    if start_time is not None:
        times = format_time_range(start_time, end_time, language, tz)
        text = _("%(dates)s, %(times)s") % {"dates": text, "times": times}
    return text


def format_month_name(value, language=None):
    """The month alone, as a heading says it: 'September', 'septembre', '九月'."""
    if value is None:
        return ""
    names = get_month_names("wide", context="stand-alone", locale=babel_locale(language))
    return names[value.month]


def format_list(items, language=None):
    """A list the way the language writes one (CLDR, like the dates):
    "Basel, Rotterdam and CITES", "Basel, Rotterdam et CITES", "Basel وRotterdam وCITES"."""
    return babel_format_list([str(item) for item in items], locale=babel_locale(language))
