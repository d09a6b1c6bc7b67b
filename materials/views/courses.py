"""The e-learning and training catalogue (`CourseCatalogPage`): what its
query string means, and what the page shows.

Filters follow the suitcase's rule: a value that means nothing is ignored
(the page is served, never stored in the page cache); a page number past
the end, or not a number, is a 404. Retired courses are listed only when
asked for (``?status=retired``).
"""

from django.core.paginator import Paginator
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from gci.home.choices import Language, Treaty
from gci.home.models import PartnerOrganisation
from gci.home.roles import can_enter_partners_area
from gci.site.listing import chosen_filters, page_or_404, select_filter, understood_query
from gci.site.memo import default_locale, memoised_query

from ..choices import CourseStatus
from ..models.courses import Course, CourseCatalogPage, localized_courses

PAGE_SIZE = 20
LISTED_BY_DEFAULT = [CourseStatus.AVAILABLE, CourseStatus.PLANNED]


def providers():
    """``{acronym: (organisation, name in the active language)}`` of the
    Partner organisations that offer a course (memoised)."""
    offering = memoised_query(
        "course-providers",
        Course.objects.sources()
        .exclude(provider=None)
        .values_list("provider_id", flat=True)
        .distinct()
        .order_by(),
        set,
    )
    return PartnerOrganisation.by_acronym(offering)


def _valid(offered):
    """What each filter of the query string may be."""
    return {
        "treaty": Treaty.values,
        "language": Language.values,
        "provider": offered,
        "status": CourseStatus.values,
    }


@CourseCatalogPage.views.register
def known_query(request, page):
    """The query string as the page understands it, or ``None`` when a name
    or value is unknown, repeated or written otherwise (gci.site.page_cache)."""
    return understood_query(request.GET, _valid(providers()))


def filter_courses(wanted, offered):
    courses = Course.objects.filter(locale_id=default_locale().pk)
    if "status" in wanted:
        courses = courses.filter(status=wanted["status"])
    else:
        courses = courses.filter(status__in=LISTED_BY_DEFAULT)
    if "treaty" in wanted:
        courses = courses.on_treaties([wanted["treaty"]])
    if "language" in wanted:
        courses = courses.filter(languages__contains=f"|{wanted['language']}|")
    if "provider" in wanted:
        courses = courses.filter(provider=offered[wanted["provider"]][0])
    return courses.order_by("title", "pk")


def _url(wanted, **changes):
    params = {**wanted, **changes}
    params = {key: value for key, value in params.items() if value is not None}
    return "?" + urlencode(params) if params else "?"


@CourseCatalogPage.views.register
def catalogue(request, page):
    """The context of the catalogue page."""
    offered = providers()
    wanted = chosen_filters(request.GET, _valid(offered))
    paginator = Paginator(filter_courses(wanted, offered), PAGE_SIZE)
    results = page_or_404(paginator, request.GET.get("page", 1))
    names = {org.pk: name for org, name in offered.values()}
    rows = [
        {
            "course": source,
            "shown": shown,
            "provider": names.get(source.provider_id) or source.provider_name,
        }
        for source, shown in localized_courses(list(results.object_list))
    ]
    return {
        "wanted": wanted,
        "results": results,
        "rows": rows,
        "show_access_details": can_enter_partners_area(request.user),
        "filters": [
            select_filter("treaty", _("Treaty"), Treaty.choices, wanted),
            select_filter("language", _("Language"), Language.choices, wanted),
            select_filter(
                "provider",
                _("Provider"),
                [(acronym, name) for acronym, (_org, name) in offered.items()],
                wanted,
            ),
            select_filter(
                "status",
                _("Status"),
                CourseStatus.choices,
                wanted,
                empty_label=_("Available and planned"),
            ),
        ],
        "query_without_page": _url(wanted).lstrip("?"),
        "clear_url": page.url,
    }
