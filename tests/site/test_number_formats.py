"""Amounts read as in each language's common usage (gci.site.formats): an
Arabic or Chinese reader sees 11,870.00, not Django's ungrouped defaults."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

AMOUNT = Template('{{ amount|floatformat:"2g" }}')


@pytest.mark.parametrize(
    "language,expected",
    [
        ("en", "11,870.00"),
        ("ar", "11,870.00"),
        ("zh-hans", "11,870.00"),
        ("es", "11\xa0870,00"),
        ("fr", "11\xa0870,00"),
        ("ru", "11\xa0870,00"),
    ],
)
def test_an_amount_is_grouped_by_thousands_in_each_language(language, expected):
    with translation.override(language):
        assert AMOUNT.render(Context({"amount": Decimal("11870")})) == expected


def test_a_year_is_never_grouped():
    # Years are written without grouping ({{ year }}, not floatformat "g").
    with translation.override("ar"):
        assert Template("{{ year }}").render(Context({"year": 2009})) == "2009"
