"""The training indicators' two faces: the public "Our training" page
(``TrainingIndicatorsPage``, served and cached like any public page) and
the Partners' fuller version, ``/<lang>/planning/training/`` (private,
for the Partners and the Secretariat). Both are computed by
gci.calendar.indicators; nothing is typed in.

The Partners' version adds the requests by the requester's UN region and
state (counts only), the held workshops one a row (participants counted,
number of evaluation answers and average score: never the participants'
list, never a comment; each row links to the event and to its evaluation's
results, which the Partners read already) and the evaluations with fewer
answers than the public rule allows. ``?year=`` narrows the rows to one
year; a year with no workshop, or no year, is a 404.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from gci.home.breadcrumbs import trail
from gci.home.http import partners_only
from gci.home.roles import can_enter_partners_area

from . import indicators, worldmap
from .models import TrainingIndicatorsPage


def _map_context(figures):
    return {
        "world_map": worldmap.draw(figures.reached, labelled_by="map-title map-note"),
        "map_legend": worldmap.legend(),
        "map_attribution": worldmap.ATTRIBUTION,
        "map_source_url": worldmap.SOURCE_URL,
        "map_licence_url": worldmap.LICENCE_URL,
    }


@TrainingIndicatorsPage.views.register
def public_indicators(request, page):
    """The public figures: public held workshops, evaluations of enough answers."""
    figures = indicators.compute()
    return {
        "figures": figures,
        "partners_version": False,
        "partners_link": can_enter_partners_area(request.user),
        **_map_context(figures),
    }


@partners_only
def partners_indicators(request):
    figures = indicators.compute(request, partners=True)
    years = sorted({row.year for row in figures.rows}, reverse=True)
    wanted = request.GET.get("year")
    if wanted is None or wanted == "":
        year = years[0] if years else None
    elif wanted.isascii() and wanted.isdigit() and len(wanted) == 4 and int(wanted) in years:
        year = int(wanted)
    else:
        raise Http404
    public_page = TrainingIndicatorsPage.for_active_locale()
    return render(
        request,
        "gci_calendar/training_partners.html",
        {
            "figures": figures,
            "partners_version": True,
            "years": years,
            "year": year,
            "rows": [row for row in figures.rows if row.year == year],
            "public_page": public_page,
            "breadcrumbs": trail(request, (_("Training indicators"), None)),
            **_map_context(figures),
        },
    )
