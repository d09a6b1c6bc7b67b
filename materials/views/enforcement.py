"""Enforcement records: the Partners' list and form (``/<lang>/planning/
enforcement/``), and the public "Enforcement news" (``EnforcementNewsPage``:
listing, one record, RSS and Atom feeds).

Who reads what (gci.materials.models.enforcement): the public, records
published and cleared for the public; a Partner, their organisation's
records and every published one; the Secretariat, all. Anything else is a
404, the same answer as a record that does not exist.
"""

import datetime as dt
import re

from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.files.images import ImageFile
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.images import get_image_model

from gci.home.breadcrumbs import trail
from gci.home.http import partners_only
from gci.home.roles import display_name, is_secretariat
from gci.site.listing import (
    PAGE_NUMBER,
    listing_cache_params,
    page_or_404,
    select_filter,
    single_values,
)

from ..choices import EnforcementKind, Treaty
from ..collections import enforcement_submissions_collection
from ..enforcement_notify import record_submitted
from ..forms.enforcement import EnforcementRecordForm
from ..models.enforcement import (
    FIRST_YEAR,
    QUERY_NAMES,
    EnforcementNewsPage,
    EnforcementPhoto,
    EnforcementRecord,
)

PAGE_SIZE = 20
PARTNERS_PAGE_SIZE = 25
FEED_ITEMS = 30
MAX_ID = 2**31 - 1
YEAR = re.compile(r"[0-9]{4}")
FIELDS = EnforcementRecordForm.Meta.fields


def _organisation_of(user):
    membership = getattr(user, "membership", None)
    return membership.organisation if membership else None


# -- The public listing ---------------------------------------------------------


def read_query(request):
    """``{"treaty", "country", "year", "kind", "page"}`` as the listing
    understands them, or ``Http404`` for a value it does not know (an
    unknown treaty or country, a year out of range, a page that is not a
    plain number) or a name given twice. Other names are ignored."""
    data = single_values(request.GET, QUERY_NAMES)
    if data is None:
        raise Http404
    if "treaty" in data and data["treaty"] not in Treaty.values:
        raise Http404
    if "kind" in data and data["kind"] not in EnforcementKind.values:
        raise Http404
    if "country" in data and data["country"] not in dict(countries):
        raise Http404
    if "year" in data and not (
        YEAR.fullmatch(data["year"])
        and FIRST_YEAR <= int(data["year"]) <= timezone.localdate().year
    ):
        raise Http404
    if "page" in data and not PAGE_NUMBER.fullmatch(data["page"]):
        raise Http404
    return data


@EnforcementNewsPage.views.register
def known_query(request, page):
    """The query string as the page understands it, or ``None`` when a name
    or value is unknown, repeated or written otherwise (gci.site.page_cache)."""
    return listing_cache_params(request, read_query, QUERY_NAMES)


def filtered(query):
    records = EnforcementRecord.objects.public()
    if "treaty" in query:
        records = records.filter(treaties__contains=f"|{query['treaty']}|")
    if "country" in query:
        records = records.filter(country=query["country"])
    if "year" in query:
        year = int(query["year"])
        records = records.filter(date__gte=dt.date(year, 1, 1), date__lte=dt.date(year, 12, 31))
    if "kind" in query:
        records = records.filter(kind=query["kind"])
    return records


def figures():
    """Public records per year and treaty: one query, newest year first.
    ``{"treaties": [(value, label)], "rows": [{"year", "counts", "total"}]}``."""
    counts = {
        value: Count("pk", filter=Q(treaties__contains=f"|{value}|")) for value in Treaty.values
    }
    rows = (
        EnforcementRecord.objects.public()
        .order_by()
        .values("date__year")
        .annotate(total=Count("pk"), **counts)
        .order_by("-date__year")
    )
    return {
        "treaties": Treaty.choices,
        "rows": [
            {
                "year": row["date__year"],
                "counts": [row[value] for value in Treaty.values],
                "total": row["total"],
            }
            for row in rows
        ],
    }


@EnforcementNewsPage.views.register
def listing(request, page):
    query = read_query(request)
    records = filtered(query).select_related("organisation").order_by("-date", "-pk")
    results = page_or_404(Paginator(records, PAGE_SIZE), query.get("page", 1))
    table = figures()
    public_countries = sorted(
        (
            (code, countries.name(code))
            for code in EnforcementRecord.objects.public()
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        ),
        key=lambda pair: str(pair[1]),
    )
    filters = {name: value for name, value in query.items() if name != "page"}
    return page.render(
        request,
        template="materials/enforcement/news_page.html",
        context_overrides={
            "results": results,
            "rows": [(record, page.record_url(record)) for record in results.object_list],
            "figures": table,
            "wanted": filters,
            "filters": [
                select_filter("treaty", _("Treaty"), Treaty.choices, filters),
                select_filter("country", _("Country"), public_countries, filters),
                select_filter(
                    "year",
                    _("Year"),
                    [(row["year"], str(row["year"])) for row in table["rows"]],
                    filters,
                ),
                select_filter("kind", _("Kind"), EnforcementKind.choices, filters),
            ],
            "query_without_page": urlencode(filters),
            "clear_url": page.url,
        },
    )


@EnforcementNewsPage.views.register
def record(request, page, pk):
    if pk > MAX_ID:
        raise Http404
    found = get_object_or_404(
        EnforcementRecord.objects.public().select_related("organisation"), pk=pk
    )
    photos = list(found.photos.select_related("image"))
    return page.render(
        request,
        template="materials/enforcement/record.html",
        context_overrides={"record": found, "photos": photos, "index_url": page.url},
    )


# -- Feeds --------------------------------------------------------------------


class EnforcementFeed(Feed):
    """The public records of one language's page, newest first."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, page):
        return page

    def title(self, page):
        return _("%(title)s · Green Customs Initiative") % {"title": page.title}

    def link(self, page):
        return page.get_url(self.request)

    def feed_url(self, page):
        return self.request.build_absolute_uri()

    def description(self, page):
        return page.intro or _("Seizures, prosecutions and positive stories from the Partners")

    def items(self, page):
        self.page = page
        return list(
            EnforcementRecord.objects.public()
            .select_related("organisation")
            .order_by("-date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return self.page.record_url(item)

    def item_guid(self, item):
        return f"enforcement-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time(12)))

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display(), *item.treaty_labels(), item.country.name]


class AtomEnforcementFeed(EnforcementFeed):
    feed_type = Atom1Feed
    subtitle = EnforcementFeed.description


FEEDS = {"rss": EnforcementFeed, "atom": AtomEnforcementFeed}


@EnforcementNewsPage.views.register
def enforcement_feed(request, page, kind):
    with translation.override(page.locale.language_code):
        response = FEEDS[kind]()(request, page=page)
    response["Content-Language"] = page.locale.language_code
    return response


# -- The Partners area ----------------------------------------------------------


def _partners_records(request):
    return EnforcementRecord.objects.for_partners_of(
        request.user, _organisation_of(request.user)
    ).select_related("organisation")


def _crumbs(request, *crumbs):
    return trail(request, (_("Enforcement records"), reverse("gci_enforcement:records")), *crumbs)


@partners_only
def records(request):
    """The organisation's records, whatever their state, and every published one."""
    organisation = _organisation_of(request.user)
    page_number = request.GET.get("page", "1")
    if not PAGE_NUMBER.fullmatch(page_number):
        raise Http404
    rows = page_or_404(
        Paginator(_partners_records(request).order_by("-date", "-pk"), PARTNERS_PAGE_SIZE),
        page_number,
    )
    return render(
        request,
        "materials/enforcement/partners_list.html",
        {
            "records": rows,
            "organisation": organisation,
            "may_submit": organisation is not None or is_secretariat(request.user),
            "public_page": EnforcementNewsPage.for_active_locale(),
            "breadcrumbs": trail(request, (_("Enforcement records"), None)),
        },
    )


def _save_photo(request, record, upload):
    Image = get_image_model()
    image = Image.objects.create(
        title=record.title[:255],
        collection=enforcement_submissions_collection(),
        uploaded_by_user=request.user,
        file=ImageFile(upload, name=upload.name),
    )
    EnforcementPhoto.objects.create(record=record, image=image)


@partners_only
def new_record(request):
    organisation = _organisation_of(request.user)
    if organisation is None and not is_secretariat(request.user):
        messages.error(
            request,
            _(
                "Your account is not linked to a Partner organisation yet. "
                "The Secretariat can link it."
            ),
        )
        return redirect("gci_enforcement:records")
    status = 200
    if request.method == "POST":
        form = EnforcementRecordForm(request.POST, request.FILES)
        if form.is_valid():
            with transaction.atomic():
                created = form.save(commit=False)
                created.organisation = organisation
                created.submitted_by = request.user
                created.updated_by = request.user
                created.save()
                if form.cleaned_data.get("photo"):
                    _save_photo(request, created, form.cleaned_data["photo"])
                record_submitted(created, user=request.user)
            messages.success(
                request,
                _("Thank you. “%(title)s” has been sent to the Secretariat.")
                % {"title": created.title},
            )
            return redirect("gci_enforcement:record", pk=created.pk)
        messages.error(request, _("Please correct the errors below."))
        status = 400
    else:
        form = EnforcementRecordForm(initial={"date": timezone.localdate()})
    return render(
        request,
        "materials/enforcement/partners_form.html",
        {
            "form": form,
            "organisation": organisation,
            "breadcrumbs": _crumbs(request, (_("Send a record"), None)),
        },
        status=status,
    )


def _may_edit(request, found):
    if not found.is_editable_by_partner:
        return False
    if is_secretariat(request.user):
        return True
    organisation = _organisation_of(request.user)
    return organisation is not None and found.organisation_id == organisation.pk


def _conflict_message(name):
    return _(
        "%(name)s changed this record while you were editing it. "
        "Their version is shown below; your text is kept in the form."
    ) % {"name": name or _("Someone")}


@partners_only
def record_detail(request, pk):
    """The record; while it is submitted, its organisation may correct it here.

    The form carries the version it started from: if someone saved the
    record since, the change is refused (409), naming who saved first, and
    what this person typed stays in the form."""
    if pk > MAX_ID:
        raise Http404
    found = get_object_or_404(_partners_records(request), pk=pk)
    may_edit = _may_edit(request, found)
    status = 200
    form = None
    conflict = None
    if request.method == "POST":
        if not may_edit:
            messages.error(request, _("This record can no longer be changed."))
            return redirect("gci_enforcement:record", pk=found.pk)
        form = EnforcementRecordForm(request.POST, request.FILES, instance=found)
        if form.is_valid():
            with transaction.atomic():
                current = EnforcementRecord.objects.select_for_update().get(pk=found.pk)
                if current.version == form.cleaned_data.get("version") and _may_edit(
                    request, current
                ):
                    for name in FIELDS:
                        setattr(current, name, getattr(form.instance, name))
                    current.updated_by = request.user
                    current.save()
                    if form.cleaned_data.get("photo"):
                        _save_photo(request, current, form.cleaned_data["photo"])
                    messages.success(request, _("Your changes have been saved."))
                    return redirect("gci_enforcement:record", pk=current.pk)
            conflict = EnforcementRecord.objects.select_related("updated_by").get(pk=found.pk)
            name = display_name(conflict.updated_by) if conflict.updated_by else ""
            data = request.POST.copy()
            data["version"] = conflict.version  # saving again, on purpose, replaces theirs
            form = EnforcementRecordForm(data, instance=EnforcementRecord.objects.get(pk=found.pk))
            form.is_valid()
            form.add_error(None, _conflict_message(name))
            status = 409
            found = conflict  # their version, as saved, above the form
            may_edit = _may_edit(request, found)
        else:
            messages.error(request, _("Please correct the errors below."))
            status = 400
    elif may_edit:
        form = EnforcementRecordForm(instance=found, initial={"version": found.version})
    return render(
        request,
        "materials/enforcement/partners_record.html",
        {
            "record": found,
            "form": form if may_edit or status == 409 else None,
            "conflict": status == 409,
            "photo_count": found.photos.count(),
            "breadcrumbs": _crumbs(request, (found.title, None)),
        },
        status=status,
    )
