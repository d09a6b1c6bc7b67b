"""The training institutions page (`InstitutionIndexPage`: what its query
string means and what it shows) and the Partners' roster of resource
persons (under /<lang>/planning/resource-persons/).

Filters follow the course catalogue's rule: a value that means nothing is
ignored (the page is served, never stored in the page cache); a page
number past the end, or not a number, is a 404.

The roster lists only the persons who agreed to be listed (their name and
organisation shared), and of each only what they agreed to share: a filter
on a detail they did not share does not find them either. A person who is
not listed, or an id that does not exist, is the same 404.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.models import Page

from gci.site.listing import chosen_filters, page_or_404, select_filter, understood_query
from gci.site.memo import active_locale

from ..breadcrumbs import trail
from ..choices import Language, Treaty, UNRegion
from ..http import partners_only
from ..models import PartnerOrganisation, ResourcePerson
from ..roles import can_enter_partners_area
from .choices import Curriculum, InstitutionKind, SharedDetail
from .models import InstitutionIndexPage, TrainingInstitution

PAGE_SIZE = 25


# --- Training institutions ---------------------------------------------------


def institution_countries():
    """The countries some institution is in, as (code, name in the active
    language), by name."""
    codes = set(
        TrainingInstitution.objects.exclude(country="")
        .values_list("country", flat=True)
        .distinct()
        .order_by()
    )
    return sorted(((code, countries.name(code)) for code in codes), key=lambda c: c[1])


def _institution_valid(country_choices):
    return {
        "kind": InstitutionKind.values,
        "region": UNRegion.values,
        "country": [code for code, _name in country_choices],
        "curriculum": Curriculum.values,
    }


@InstitutionIndexPage.views.register
def known_query(request, page):
    return understood_query(request.GET, _institution_valid(institution_countries()))


@InstitutionIndexPage.views.register
def institutions(request, page):
    """The context of the institutions page."""
    country_choices = institution_countries()
    wanted = chosen_filters(request.GET, _institution_valid(country_choices))
    rows = TrainingInstitution.objects.filter(**wanted).order_by("name", "pk")
    results = page_or_404(Paginator(rows, PAGE_SIZE), request.GET.get("page", 1))
    return {
        "wanted": wanted,
        "results": results,
        "show_contacts": can_enter_partners_area(request.user),
        "filters": [
            select_filter("kind", _("Kind"), InstitutionKind.choices, wanted),
            select_filter("region", _("Region"), UNRegion.choices, wanted),
            select_filter("country", _("Country"), country_choices, wanted),
            select_filter(
                "curriculum", _("Green customs in the curriculum"), Curriculum.choices, wanted
            ),
        ],
        "query_without_page": urlencode(wanted),
        "clear_url": page.url,
    }


# --- The roster of resource persons ------------------------------------------


def listed_persons():
    """The persons on the roster: those who shared their name and organisation."""
    return ResourcePerson.objects.filter(shared__contains=f"|{SharedDetail.NAME}|")


def _shared(detail):
    return {"shared__contains": f"|{detail}|"}


def _organisations():
    """``{acronym: (organisation, name in the active language)}`` of the
    organisations that have someone on the roster."""
    having = set(listed_persons().values_list("organisation_id", flat=True).distinct().order_by())
    return PartnerOrganisation.by_acronym(having)


def filter_persons(wanted, organisations):
    persons = listed_persons()
    if "region" in wanted:
        persons = persons.filter(region=wanted["region"], **_shared(SharedDetail.REGION))
    if "language" in wanted:
        persons = persons.filter(
            languages__contains=f"|{wanted['language']}|", **_shared(SharedDetail.LANGUAGES)
        )
    if "treaty" in wanted:
        persons = persons.filter(
            treaties__contains=f"|{wanted['treaty']}|", **_shared(SharedDetail.TREATIES)
        )
    if "organisation" in wanted:
        persons = persons.filter(organisation=organisations[wanted["organisation"]][0])
    return persons.order_by("name", "pk")


def _workshops(persons):
    """``{person pk: [(title in the active language, url)]}``: the workshops
    each person gave, for those who shared them (two queries for the lot)."""
    Through = ResourcePerson.workshops.through
    pairs = list(
        Through.objects.filter(
            resourceperson__in=[p.pk for p in persons if p.shares(SharedDetail.WORKSHOPS)]
        ).values_list("resourceperson_id", "eventpage_id")
    )
    if not pairs:
        return {}
    sources = {
        page.pk: page
        for page in Page.objects.filter(pk__in={e for _p, e in pairs}).only(
            "pk", "title", "translation_key", "url_path", "locale_id", "live", "depth", "path"
        )
    }
    local = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=[p.translation_key for p in sources.values()],
            locale=active_locale(),
            live=True,
        ).only("pk", "title", "translation_key", "url_path", "locale_id", "live", "depth", "path")
    }
    result = {}
    for person_pk, event_pk in pairs:
        source = sources[event_pk]
        shown = local.get(source.translation_key, source)
        result.setdefault(person_pk, []).append((shown.title, shown.url if shown.live else None))
    return result


def _person_facts(person, organisation_name, workshops):
    """What the roster shows of one person: only what they shared."""
    return {
        "person": person,
        "organisation": organisation_name,
        "expertise": person.expertise if person.shares(SharedDetail.EXPERTISE) else "",
        "languages": person.language_labels() if person.shares(SharedDetail.LANGUAGES) else [],
        "region": person.get_region_display() if person.shares(SharedDetail.REGION) else "",
        "treaties": person.treaty_labels() if person.shares(SharedDetail.TREATIES) else [],
        "workshops": workshops.get(person.pk, []),
        "email": person.email if person.shares(SharedDetail.EMAIL) else "",
    }


@partners_only
def roster(request):
    """The Partners' roster of resource persons, filtered."""
    organisations = _organisations()
    valid = {
        "region": UNRegion.values,
        "language": Language.values,
        "treaty": Treaty.values,
        "organisation": list(organisations),
    }
    wanted = chosen_filters(request.GET, valid)
    persons = filter_persons(wanted, organisations).select_related("organisation")
    results = page_or_404(Paginator(persons, PAGE_SIZE), request.GET.get("page", 1))
    names = PartnerOrganisation.active_names()
    # The list names each person's facts; their workshops are on their record.
    rows = [
        _person_facts(p, names.get(p.organisation.translation_key, p.organisation.name), {})
        for p in results.object_list
    ]
    return render(
        request,
        "home/network/roster.html",
        {
            "rows": rows,
            "results": results,
            "wanted": wanted,
            "filters": [
                select_filter("region", _("Region"), UNRegion.choices, wanted),
                select_filter("language", _("Language"), Language.choices, wanted),
                select_filter("treaty", _("Treaty"), Treaty.choices, wanted),
                select_filter(
                    "organisation",
                    _("Organisation"),
                    [(acronym, name) for acronym, (_org, name) in organisations.items()],
                    wanted,
                ),
            ],
            "query_without_page": urlencode(wanted),
            "clear_url": reverse("network:roster"),
            "breadcrumbs": trail(request, (_("Resource persons"), None)),
        },
    )


@partners_only
def person(request, pk):
    """One person's record: what they agreed to share, and when."""
    if pk > 2**31 - 1:
        raise Http404
    found = listed_persons().select_related("organisation").filter(pk=pk).first()
    if found is None:
        raise Http404
    names = PartnerOrganisation.active_names()
    facts = _person_facts(
        found,
        names.get(found.organisation.translation_key, found.organisation.name),
        _workshops([found]),
    )
    return render(
        request,
        "home/network/person.html",
        {
            **facts,
            "shared_labels": found.shared_labels(),
            "breadcrumbs": trail(
                request,
                (_("Resource persons"), reverse("network:roster")),
                (found.name, None),
            ),
        },
    )
