"""Dates the UN way in the six languages (gci.site.dates): one day, ranges
within a month, across months and across years, the month alone, times."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from gci.site import dates

D = dt.date

ONE_DAY = {
    "en": "14 September 2009",
    "fr": "14 septembre 2009",
    "es": "14 de septiembre de 2009",
    "ru": "14 сентября 2009\u202fг.",
    "ar": "14 سبتمبر 2009",
    "zh-hans": "2009年9月14日",
}
SAME_MONTH = {
    "en": "14–15 September 2009",
    "fr": "14–15 septembre 2009",
    "es": "14–15 de septiembre de 2009",
    "ru": "14—15 сентября 2009\u202fг.",
    "ar": "14–15 سبتمبر 2009",
    "zh-hans": "2009年9月14日 – 15日",
}
ACROSS_MONTHS = {
    "en": "30 September – 2 October 2009",
    "fr": "30 septembre – 2 octobre 2009",
    "es": "30 de septiembre – 2 de octubre de 2009",
    "ru": "30 сентября — 2 октября 2009\u202fг.",
    "ar": "30 سبتمبر – 2 أكتوبر 2009",
    "zh-hans": "2009年9月30日 – 10月2日",
}
ACROSS_YEARS = {
    "en": "30 December 2009 – 2 January 2010",
    "fr": "30 décembre 2009 – 2 janvier 2010",
    "es": "30 de diciembre de 2009 – 2 de enero de 2010",
    "ru": "30 декабря 2009\u202fг. — 2 января 2010\u202fг.",
    "ar": "30 ديسمبر 2009 – 2 يناير 2010",
    "zh-hans": "2009年12月30日 – 2010年1月2日",
}
MONTH_ONLY = {
    "en": "September 2009",
    "fr": "septembre 2009",
    "es": "septiembre de 2009",
    "ru": "сентябрь 2009\u202fг.",
    "ar": "سبتمبر 2009",
    "zh-hans": "2009年9月",
}
MONTHS_ACROSS_YEARS = {
    "en": "December 2009 – January 2010",
    "fr": "décembre 2009 – janvier 2010",
    "es": "diciembre de 2009 – enero de 2010",
    "ru": "декабрь 2009\u202fг. — январь 2010\u202fг.",
    "ar": "ديسمبر 2009 – يناير 2010",
    "zh-hans": "2009年12月 – 2010年1月",
}
LANGUAGES = list(ONE_DAY)


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_day(language):
    assert dates.format_date(D(2009, 9, 14), language) == ONE_DAY[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_days_of_one_month(language):
    assert dates.format_date_range(D(2009, 9, 14), D(2009, 9, 15), language) == SAME_MONTH[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_days_across_months(language):
    text = dates.format_date_range(D(2009, 9, 30), D(2009, 10, 2), language)
    assert text == ACROSS_MONTHS[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_days_across_years(language):
    text = dates.format_date_range(D(2009, 12, 30), D(2010, 1, 2), language)
    assert text == ACROSS_YEARS[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_month_only_names_no_day(language):
    text = dates.format_when(
        D(2009, 9, 1), D(2009, 9, 30), precision=dates.MONTH, language=language
    )
    assert text == MONTH_ONLY[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_months_across_years(language):
    text = dates.format_month_range(D(2009, 12, 1), D(2010, 1, 31), language)
    assert text == MONTHS_ACROSS_YEARS[language]


def test_months_of_one_year_in_english():
    assert (
        dates.format_month_range(D(2009, 9, 1), D(2009, 10, 31), "en") == "September – October 2009"
    )


def test_a_date_to_be_confirmed_says_so():
    with translation.override("en"):
        assert dates.format_when(D(2009, 9, 1), precision=dates.UNKNOWN) == "Date to be confirmed"


def test_times_are_24_hour_with_the_zone():
    text = dates.format_when(
        D(2008, 5, 5), None, dt.time(14), dt.time(16, 30), ZoneInfo("Europe/Zurich"), language="en"
    )
    assert text == "5 May 2008, 14:00–16:30 (Switzerland Time)"


def test_a_moment_in_english():
    moment = dt.datetime(2009, 9, 14, 14, 5, tzinfo=dt.UTC)
    assert dates.format_datetime(moment, "en") == "14 September 2009, 14:05"


def test_an_afternoon_is_never_pm():
    assert dates.format_time(dt.time(15, 30), "en") == "15:30"


def test_the_active_language_is_the_default():
    with translation.override("fr"):
        assert dates.format_date(D(2009, 9, 14)) == "14 septembre 2009"


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "14–15 September 2009"), ("ar", "14–15 سبتمبر 2009")]
)
def test_templates_use_the_same_formatter(language, expected):
    template = Template("{% load gci_dates %}{% un_date_range start end %}")
    with translation.override(language):
        text = template.render(Context({"start": D(2009, 9, 14), "end": D(2009, 9, 15)}))
    assert text == expected


def test_the_date_filter_in_english():
    template = Template("{% load gci_dates %}{{ day|un_date }}")
    with translation.override("en"):
        assert template.render(Context({"day": D(2026, 4, 12)})) == "12 April 2026"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "September"), ("fr", "septembre"), ("ru", "сентябрь"), ("ar", "سبتمبر")],
)
def test_a_month_heading(language, expected):
    assert dates.format_month_name(D(2009, 9, 1), language) == expected


LISTS = {
    "en": "Basel, Rotterdam and <CITES>",
    "fr": "Basel, Rotterdam et <CITES>",
    "es": "Basel, Rotterdam y <CITES>",
    "ru": "Basel, Rotterdam и <CITES>",
    "ar": "Basel وRotterdam و<CITES>",
    "zh-hans": "Basel、Rotterdam和<CITES>",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_are_joined_the_way_each_language_writes_them(language):
    template = Template("{% load gci_dates %}{{ names|un_list }}|{{ empty|un_list }}")
    with translation.override(language):
        text = template.render(Context({"names": ["Basel", "Rotterdam", "<CITES>"], "empty": []}))
    escaped = LISTS[language].replace("<", "&lt;").replace(">", "&gt;")
    assert text == f"{escaped}|"
