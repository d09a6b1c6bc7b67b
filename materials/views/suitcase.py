"""The GCI suitcase's views, served as routes of `SuitcasePage` (Partners area).

Wagtail's serve view runs the page's view restriction and the Partners-area
hooks before any of these routes, so only Partners and the Secretariat reach
them; each response is still marked `private, no-store`.
"""

from urllib.parse import quote

from django.contrib import messages
from django.core.files.base import File
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document

from gci.home.breadcrumbs import trail
from gci.home.choices import Language, UNRegion
from gci.home.http import private, private_response
from gci.home.models import PartnerOrganisation
from gci.home.roles import is_secretariat
from gci.home.visibility import collection_is_restricted
from gci.site.fields import ChoiceSetField
from gci.site.listing import page_or_404
from gci.site.memo import active_locale, default_locale, memoised_query
from gci.site.search import MAX_QUERY_LENGTH, clean_query
from gci.site.uploads import allowed_types_text, max_upload_size

from ..choices import MaterialStatus, MaterialType, SuitcaseSort, TreatyTopic
from ..collections import submissions_collection
from ..forms.suitcase import SuitcaseSubmissionForm
from ..models import Material, SuitcasePage
from ..notifications import submission_received

PAGE_SIZE = 20
MAX_SEARCH_HITS = 1000
YEARS = range(1950, 2101)
FILTERS = ["type", "topic", "language", "organisation", "region", "year"]


# -- Listing -------------------------------------------------------------------


def _organisations(default_locale_id):
    """Default-language organisations by acronym, and their names in the active language."""
    if default_locale_id == default_locale().pk:
        defaults = PartnerOrganisation.in_default_locale()
    else:
        defaults = list(PartnerOrganisation.objects.filter(locale_id=default_locale_id))
    names = PartnerOrganisation.active_names()
    return {org.acronym: (org, names.get(org.translation_key, org.name)) for org in defaults}


def _counts(queryset):
    """``dict(queryset)`` of (value, count) rows, memoised by the query
    (materials and organisations are content: saving one starts afresh)."""
    return memoised_query("suitcase-counts", queryset, dict)


def _aggregate(queryset, **counts):
    return memoised_query(
        ("suitcase-aggregate", tuple(counts)), queryset, lambda qs: qs.aggregate(**counts)
    )


def parse_filters(params, organisations):
    """What the query string asks for; values that mean nothing are ignored."""
    wanted = {}
    checks = {
        "type": MaterialType.values,
        "topic": TreatyTopic.values,
        "language": Language.values,
        "region": UNRegion.values,
        "organisation": organisations,
    }
    for key, valid in checks.items():
        value = params.get(key, "")
        if value in valid:
            wanted[key] = value
    year = params.get("year", "")
    if year.isdigit() and int(year) in YEARS:
        wanted["year"] = int(year)
    query = clean_query(params.get("q", "")[:MAX_QUERY_LENGTH])
    if query:
        wanted["q"] = query
    sort = params.get("sort", "")
    wanted["sort"] = sort if sort in SuitcaseSort.values else SuitcaseSort.NEWEST
    return wanted


def search_keys(query, default_locale_id):
    """Translation keys of approved materials whose title or summary, in the
    active or the default language, match the query (Wagtail search)."""
    locales = {active_locale().pk, default_locale_id}
    hits = Material.objects.filter(locale_id__in=locales, status=MaterialStatus.APPROVED).search(
        query, operator="and"
    )[:MAX_SEARCH_HITS]
    return {hit.translation_key for hit in hits}


def filter_materials(wanted, organisations, skip=None):
    materials = Material.objects.filter(locale_id=wanted["_locale"]).approved()
    if "type" in wanted and skip != "type":
        materials = materials.filter(material_type=wanted["type"])
    if "topic" in wanted and skip != "topic":
        materials = materials.filter(topics__contains=ChoiceSetField.needle(wanted["topic"]))
    if "language" in wanted and skip != "language":
        materials = materials.filter(languages__contains=ChoiceSetField.needle(wanted["language"]))
    if "organisation" in wanted and skip != "organisation":
        materials = materials.filter(organisation=organisations[wanted["organisation"]][0])
    if "region" in wanted and skip != "region":
        materials = materials.filter(region=wanted["region"])
    if "year" in wanted and skip != "year":
        materials = materials.filter(year=wanted["year"])
    if "q" in wanted:
        materials = materials.filter(translation_key__in=wanted["_keys"])
    return materials


def _ordered(materials, sort):
    if sort == SuitcaseSort.TITLE:
        return materials.order_by("title", "pk")
    if sort == SuitcaseSort.OLDEST:
        return materials.order_by(F("year").asc(nulls_last=True), "created_at", "pk")
    return materials.order_by(F("year").desc(nulls_last=True), "-created_at", "-pk")


def _url(wanted, **changes):
    params = {key: value for key, value in wanted.items() if not key.startswith("_")}
    if params.get("sort") == SuitcaseSort.NEWEST:
        params.pop("sort")
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(params) if params else "?"


def _facet(wanted, key, label, options):
    """options: (value, label, count) → links that set or clear this filter."""
    return {
        "key": key,
        "label": label,
        "options": [
            {
                "label": option_label,
                "count": count,
                "active": wanted.get(key) == value,
                "url": _url(wanted, **{key: None if wanted.get(key) == value else value}),
            }
            for value, option_label, count in options
            if count or wanted.get(key) == value
        ],
    }


def _column_counts(wanted, organisations, key, column):
    """``{value: count}`` of one column, given every filter but ``key``'s."""
    materials = filter_materials(wanted, organisations, skip=key).order_by()
    if key == "year":
        materials = materials.exclude(year=None)
    return _counts(materials.values_list(column).annotate(n=Count("pk")))


def facets(wanted, organisations):
    """Counts for each filter, given the others: one query per facet."""
    by_type = _column_counts(wanted, organisations, "type", "material_type")
    by_organisation = _column_counts(wanted, organisations, "organisation", "organisation__acronym")
    by_region = _column_counts(wanted, organisations, "region", "region")
    by_year = _column_counts(wanted, organisations, "year", "year")
    by_topic = _aggregate(
        filter_materials(wanted, organisations, skip="topic"),
        **{
            value: Count("pk", filter=Q(topics__contains=ChoiceSetField.needle(value)))
            for value in TreatyTopic.values
        },
    )
    by_language = _aggregate(
        filter_materials(wanted, organisations, skip="language"),
        **{
            value: Count("pk", filter=Q(languages__contains=ChoiceSetField.needle(value)))
            for value in Language.values
        },
    )
    return [
        _facet(
            wanted,
            "language",
            _("Language"),
            [(v, label, by_language.get(v, 0)) for v, label in Language.choices],
        ),
        _facet(
            wanted,
            "organisation",
            _("Organisation"),
            [
                (acronym, name, by_organisation.get(acronym, 0))
                for acronym, (_org, name) in organisations.items()
            ],
        ),
        _facet(
            wanted,
            "type",
            _("Type"),
            [(v, label, by_type.get(v, 0)) for v, label in MaterialType.choices],
        ),
        _facet(
            wanted,
            "topic",
            _("Treaty topic"),
            [(v, label, by_topic.get(v, 0)) for v, label in TreatyTopic.choices],
        ),
        _facet(
            wanted,
            "region",
            _("Region"),
            [(v, label, by_region.get(v, 0)) for v, label in UNRegion.choices],
        ),
        _facet(
            wanted,
            "year",
            _("Year"),
            [(year, str(year), count) for year, count in sorted(by_year.items(), reverse=True)],
        ),
    ]


def localized(materials, default_locale_id=None):
    """(source, title, summary) in the active language where translated."""
    active = active_locale()
    translations = {}
    default_locale_id = default_locale_id or default_locale().pk
    if active.pk != default_locale_id and materials:
        translations = {
            m.translation_key: m
            for m in Material.objects.filter(
                locale=active, translation_key__in=[m.translation_key for m in materials]
            ).only("translation_key", "title", "summary")
        }
    return [(m, translations.get(m.translation_key, m)) for m in materials]


@SuitcasePage.views.register
@private
def listing(request, page):
    default_locale_id = default_locale().pk
    organisations = _organisations(default_locale_id)
    wanted = parse_filters(request.GET, organisations)
    wanted["_locale"] = default_locale_id
    if "q" in wanted:
        wanted["_keys"] = search_keys(wanted["q"], default_locale_id)
    materials = _ordered(filter_materials(wanted, organisations), wanted["sort"])
    results = page_or_404(Paginator(materials, PAGE_SIZE), request.GET.get("page", 1))
    names = {org.pk: name for org, name in organisations.values()}
    rows = [
        {
            "material": source,
            "title": shown.title,
            "summary": shown.summary,
            "organisation": names.get(source.organisation_id, ""),
            "url": page.url + page.reverse_subpage("material", kwargs={"pk": source.pk}),
        }
        for source, shown in localized(list(results.object_list), default_locale_id)
    ]
    active_filters = [
        {"key": key, "value": wanted[key], "url": _url(wanted, **{key: None})}
        for key in FILTERS
        if key in wanted
    ]
    for item in active_filters:
        item["label"] = _filter_label(item["key"], item["value"], organisations)
    sorts = [
        {"label": label, "active": wanted["sort"] == value, "url": _url(wanted, sort=value)}
        for value, label in SuitcaseSort.choices
    ]
    return page.render(
        request,
        template="materials/suitcase_page.html",
        context_overrides={
            "wanted": wanted,
            "facets": facets(wanted, organisations),
            "results": results,
            "rows": rows,
            "active_filters": active_filters,
            "sorts": sorts,
            "query_without_page": _url(wanted).lstrip("?"),
            "clear_url": page.url,
        },
    )


def _filter_label(key, value, organisations):
    if key == "organisation":
        return organisations[value][1]
    choices = {
        "type": MaterialType,
        "topic": TreatyTopic,
        "language": Language,
        "region": UNRegion,
    }.get(key)
    return str(dict(choices.choices)[value]) if choices else str(value)


# -- One material ----------------------------------------------------------------


def _material_for(request, pk):
    material = (
        Material.objects.sources()
        .filter(pk=pk)
        .select_related("organisation", "document", "submitted_by")
        .first()
    )
    if material is None:
        raise Http404
    if material.is_approved or is_secretariat(request.user):
        return material
    if material.submitted_by_id and material.submitted_by_id == request.user.pk:
        return material
    raise Http404


@SuitcasePage.views.register
@private
def detail(request, page, pk):
    material = _material_for(request, pk)
    _source, shown = localized([material])[0]
    organisation = material.organisation.localized if material.organisation else None
    versions = list(material.versions.select_related("document"))
    return page.render(
        request,
        template="materials/suitcase_material.html",
        context_overrides={
            "material": material,
            "shown": shown,
            "organisation": organisation,
            "versions": versions,
            "breadcrumbs": trail(request, (shown.title, None), page=page),
            "download_url": page.url + page.reverse_subpage("download", kwargs={"pk": material.pk}),
            "suitcase_url": page.url,
        },
    )


@SuitcasePage.views.register
@private
def download(request, page, pk):
    """The material's stable address: always its current file (or its link)."""
    material = _material_for(request, pk)
    if material.document_id:
        target = material.document.url
    elif material.link_url:
        target = material.link_url
    else:
        target = page.url + page.reverse_subpage("material", kwargs={"pk": material.pk})
    return redirect(target)


# -- Partners' submissions -------------------------------------------------------


def _organisation_of(user):
    membership = getattr(user, "membership", None)
    return membership.organisation if membership else None


@SuitcasePage.views.register
@private
def submit(request, page):
    if request.method == "POST":
        form = SuitcaseSubmissionForm(request.POST, request.FILES)
        if form.is_valid():
            material = _create_submission(request, form.cleaned_data)
            messages.success(
                request,
                _("Thank you. “%(title)s” has been sent to the Secretariat for approval.")
                % {"title": material.title},
            )
            return redirect(page.url + page.reverse_subpage("my_submissions"))
        messages.error(request, _("Please correct the errors below."))
    else:
        form = SuitcaseSubmissionForm()
    return page.render(
        request,
        template="materials/suitcase_submit.html",
        context_overrides={
            "form": form,
            "allowed_types": allowed_types_text(),
            "max_size": max_upload_size(),
            "breadcrumbs": trail(request, (_("Send a material to the suitcase"), None), page=page),
            "suitcase_url": page.url,
        },
    )


def _create_submission(request, data):
    Document = get_document_model()
    with transaction.atomic():
        document = None
        upload = data.get("file")
        if upload:
            document = Document(
                title=data["title"],
                collection=submissions_collection(),
                uploaded_by_user=request.user,
            )
            document.file.save(upload.name, File(upload), save=False)
            if hasattr(document, "_set_document_file_metadata"):
                document._set_document_file_metadata()
            document.save()
        described = ["title", "summary", "material_type", "topics", "languages", "region", "year"]
        material = Material(
            locale=default_locale(),
            **{name: data[name] for name in described},
            organisation=_organisation_of(request.user),
            document=document,
            link_url=data.get("link_url", ""),
            status=MaterialStatus.SUBMITTED,
            submitted_by=request.user,
            submitted_at=timezone.now(),
        )
        material.version_added_by = request.user
        material.save()
        submission_received(material)
    return material


def submissions_for(user):
    organisation = _organisation_of(user)
    condition = Q(submitted_by=user)
    if organisation is not None:
        condition |= Q(organisation=organisation, submitted_by__isnull=False)
    return Material.objects.sources().filter(condition).order_by("-submitted_at", "-pk")


@SuitcasePage.views.register
@private
def my_submissions(request, page):
    submissions = list(submissions_for(request.user).select_related("submitted_by")[:100])
    return page.render(
        request,
        template="materials/suitcase_submissions.html",
        context_overrides={
            "submissions": submissions,
            "submit_url": page.url + page.reverse_subpage("submit"),
            "suitcase_url": page.url,
            "material_base": page.url,
            "breadcrumbs": trail(request, (_("What your organisation sent"), None), page=page),
        },
    )


# -- Documents -------------------------------------------------------------------


def serve_document(request, document_id, document_filename):
    """Wagtail's document serve view (which applies the collection's privacy),
    with a download that no cache keeps and no browser renders in the site's
    origin: `Content-Disposition: attachment`, `private, no-store`, `nosniff`."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.status_code in (200, 304):
        document = get_document_model().objects.select_related("collection").get(pk=document_id)
        response["X-Content-Type-Options"] = "nosniff"
        if collection_is_restricted(document.collection):
            private_response(response)
            if not response.get("Content-Disposition", "").startswith("attachment"):
                name = quote(document.filename)
                response["Content-Disposition"] = (
                    f"attachment; filename={name}; filename*=UTF-8''{name}"
                )
    return response
