"""The map of countries reached, drawn server-side as inline SVG.

The outlines are data shipped with the site (``data/world-map.json``, from
``@svg-maps/world``, CC BY 4.0: see ``data/world-map.SOURCE.md``), read once
per process; nothing is fetched from the internet and no script runs. Each
country is a ``<path>`` with a ``<title>`` (its name in the visitor's
language and its number of workshops: a tooltip, and what a screen reader
that walks the drawing reads); the page gives the same figures as a table.
A country's shade is its level (``LEVELS``), explained by the legend.
The drawing is kept left-to-right in a right-to-left page (geography does
not mirror); the legend and the table around it follow the page's direction.
"""

import json
from functools import cache
from pathlib import Path

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django_countries import countries

DATA = Path(__file__).parent / "data" / "world-map.json"
ATTRIBUTION = "Map: @svg-maps/world by Victor Cazanave, CC BY 4.0"
SOURCE_URL = "https://github.com/VictorCazanave/svg-maps/tree/master/packages/world"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# The lowest number of workshops of each shade: 1, 2–3, 4–7, 8 or more.
LEVELS = (1, 2, 4, 8)


@cache
def outlines():
    """``(viewBox, {lower-case id: path})`` of the bundled map."""
    with DATA.open(encoding="utf-8") as file:
        data = json.load(file)
    return data["viewBox"], data["paths"]


def level(count):
    """The shade of a country reached by ``count`` workshops (0: not reached)."""
    return sum(1 for lowest in LEVELS if count >= lowest)


def legend():
    """``[(level, label)]`` of the shades, lightest first."""
    rows = []
    for index, lowest in enumerate(LEVELS):
        if index == len(LEVELS) - 1:
            label = _("%(number)s or more") % {"number": lowest}
        elif LEVELS[index + 1] - 1 == lowest:
            label = str(lowest)
        else:
            # Isolated left-to-right: "2–3" never reads "3–2" in Arabic.
            label = f"\u2066{lowest}–{LEVELS[index + 1] - 1}\u2069"
        rows.append((index + 1, label))
    return rows


def _name(code):
    return countries.name(code.upper()) if "-" not in code else ""


def draw(reached, *, labelled_by=""):
    """The SVG of the world, each country shaded by ``reached[code]`` (ISO
    alpha-2 codes, either case: the number of workshops that reached it)."""
    view_box, paths = outlines()
    counts = {code.lower(): number for code, number in reached.items()}
    shapes = []
    for code, path in paths.items():
        count = counts.get(code, 0)
        name = _name(code)
        title = (
            _("%(country)s — workshops that reached it: %(count)s")
            % {"country": name, "count": count}
            if name
            else ""
        )
        shapes.append((code, level(count), "reached" if count else "not-reached", path, title))
    body = format_html_join(
        "",
        '<path id="map-{0}" class="world-map__country world-map__country--{2} '
        'world-map__level-{1}" d="{3}"><title>{4}</title></path>',
        shapes,
    )
    return format_html(
        '<svg class="world-map" xmlns="http://www.w3.org/2000/svg" viewBox="{}" dir="ltr" '
        'focusable="false"{}>{}</svg>',
        view_box,
        format_html(' aria-labelledby="{}" role="img"', labelled_by) if labelled_by else "",
        body,
    )
