"""The Partners' contributions (``/<lang>/planning/contributions/``) and the
public totals (``/<lang>/contributions/``).

A Partner reads and edits only their organisation's entries: another
organisation's entry is a 404, the same answer as one that does not exist.
An entry carries a version: a save from a stale form is refused (409), the
other person's values are shown and the typed ones are kept in the form;
saving again, on purpose, replaces them. Every change is logged with
Wagtail's ``log()``; the edit page shows the entry's history.
"""

import csv
from decimal import Decimal

from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from gci.home.breadcrumbs import trail
from gci.home.http import partners_only
from gci.site.memo import active_locale

from .forms import ContributionForm, DeleteContributionForm
from .models import InKindContribution, StandardRate, published_years
from .money import reporting_currency
from .totals import by_year, organisation_totals, public_totals

PER_PAGE = 50
# What a change of a contribution logs: the fields of the Partners' form.
LOGGED_FIELDS = ContributionForm.Meta.fields


def _organisation_of(user):
    membership = getattr(user, "membership", None)
    return membership.organisation if membership else None


def _own(request, pk):
    organisation = _organisation_of(request.user)
    return get_object_or_404(InKindContribution.objects.for_organisation(organisation), pk=pk)


def _list_crumb():
    return (_("In-kind contributions"), reverse("contributions:list"))


def _text(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    return str(value)


def _snapshot(item):
    return {k: _text(v) for k, v in model_to_dict(item, LOGGED_FIELDS).items()}


def _changes(before, after):
    return {k: [before[k], after[k]] for k in LOGGED_FIELDS if before.get(k) != after.get(k)}


@partners_only
def contributions(request):
    """The organisation's entries, newest first, and its totals per year and kind."""
    organisation = _organisation_of(request.user)
    entries = (
        InKindContribution.objects.for_organisation(organisation)
        .select_related("event", "material", "review_round__locale")
        .order_by("-year", "-updated_at", "-pk")
    )
    try:
        page = Paginator(entries, PER_PAGE).page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404 from exc
    return render(
        request,
        "home/contributions/list.html",
        {
            "organisation": organisation,
            "entries": page,
            "years": by_year(organisation_totals(organisation)),
            "published": set(published_years()),
            "reporting_currency": reporting_currency(),
            "breadcrumbs": trail(request, (_("In-kind contributions"), None)),
        },
    )


def _form_context(request, form, item=None, **extra):
    title = _("Edit a contribution") if item else _("Record a contribution")
    history = _history(item) if item is not None else []
    return {
        "form": form,
        "item": item,
        "title": title,
        "rates": StandardRate.objects.all(),
        "history": history,
        "organisation": _organisation_of(request.user),
        "breadcrumbs": trail(request, _list_crumb(), (title, None)),
        **extra,
    }


ACTION_LABELS = {
    "wagtail.create": gettext_lazy("Recorded"),
    "wagtail.edit": gettext_lazy("Changed"),
}


def _history(item):
    """Who changed the entry, when, and which fields (Wagtail's log entries)."""
    labels = {name: InKindContribution._meta.get_field(name).verbose_name for name in LOGGED_FIELDS}
    rows = []
    entries = ModelLogEntry.objects.for_instance(item).select_related("user")
    for entry in entries.order_by("-timestamp", "-pk"):
        changes = (entry.data or {}).get("changes", {}) if entry.action == "wagtail.edit" else {}
        rows.append(
            {
                "at": entry.timestamp,
                "who": entry.user.get_full_name() if entry.user else "",
                "action": ACTION_LABELS.get(entry.action, entry.action),
                "fields": [labels[name] for name in changes if name in labels],
            }
        )
    return rows


@partners_only
def new_contribution(request):
    organisation = _organisation_of(request.user)
    if organisation is None:
        messages.error(
            request,
            _(
                "Your account is not linked to a Partner organisation yet. "
                "The Secretariat can link it."
            ),
        )
        return redirect("contributions:list")
    status = 200
    if request.method == "POST":
        form = ContributionForm(request.POST, organisation=organisation)
        if form.is_valid():
            with transaction.atomic():
                item = form.save(commit=False)
                item.organisation = organisation
                item.created_by = item.updated_by = request.user
                item.save()
                log(item, "wagtail.create", user=request.user, data=_snapshot(item))
            messages.success(request, _("Contribution recorded."))
            return redirect("contributions:list")
        messages.error(request, _("Please correct the errors below."))
        status = 400
    else:
        form = ContributionForm(organisation=organisation, initial={"version": 0})
    return render(
        request, "home/contributions/form.html", _form_context(request, form), status=status
    )


def _conflict_message(current):
    name = current.updated_by.get_full_name() if current.updated_by else ""
    return _(
        "%(name)s changed this contribution while you were editing it. "
        "Their version is shown below; your values are kept in the form. "
        "Save again to replace theirs."
    ) % {"name": name or _("Someone")}


@partners_only
def edit_contribution(request, pk):
    item = _own(request, pk)
    organisation = item.organisation
    status = 200
    theirs = None
    if request.method == "POST":
        form = ContributionForm(request.POST, instance=item, organisation=organisation)
        if form.is_valid():
            with transaction.atomic():
                current = InKindContribution.objects.select_for_update().get(pk=item.pk)
                if current.version == form.cleaned_data["version"]:
                    before = _snapshot(current)
                    item = form.save(commit=False)
                    item.version = current.version
                    item.updated_by = request.user
                    item.save()
                    log(
                        item,
                        "wagtail.edit",
                        user=request.user,
                        data={"changes": _changes(before, _snapshot(item))},
                    )
                    messages.success(request, _("Contribution saved."))
                    return redirect("contributions:list")
            # Stale: keep what was typed, show theirs, let a second save replace it.
            theirs = current
            data = request.POST.copy()
            data["version"] = str(current.version)
            form = ContributionForm(data, instance=current, organisation=organisation)
            form.is_valid()
            form.add_error(None, _conflict_message(current))
            status = 409
        else:
            messages.error(request, _("Please correct the errors below."))
            status = 400
    else:
        form = ContributionForm(
            instance=item, organisation=organisation, initial={"version": item.version}
        )
    return render(
        request,
        "home/contributions/form.html",
        _form_context(
            request,
            form,
            item,
            theirs=theirs,
            delete_form=DeleteContributionForm(initial={"version": item.version}),
        ),
        status=status,
    )


@partners_only
@require_POST
def delete_contribution(request, pk):
    item = _own(request, pk)
    form = DeleteContributionForm(request.POST)
    if not form.is_valid():
        raise Http404
    with transaction.atomic():
        current = InKindContribution.objects.select_for_update().get(pk=item.pk)
        if current.version != form.cleaned_data["version"]:
            messages.error(request, _conflict_message(current))
            return redirect("contributions:edit", pk=current.pk)
        if current.year in published_years():
            messages.error(
                request,
                _(
                    "The totals of %(year)s are published: ask the Secretariat to "
                    "correct its contributions."
                )
                % {"year": current.year},
            )
            return redirect("contributions:edit", pk=current.pk)
        log(current, "wagtail.delete", user=request.user, deleted=True, data=_snapshot(current))
        current.delete()
    messages.success(request, _("Contribution deleted."))
    return redirect("contributions:list")


# -- The public totals --


def _localised(rows):
    """Each row's organisation in the active language where it is translated (one query)."""
    from gci.home.models import PartnerOrganisation

    keys = {row.organisation.translation_key for row in rows}
    local = {
        o.translation_key: o
        for o in PartnerOrganisation.objects.filter(
            translation_key__in=keys, locale=active_locale()
        )
    }
    for row in rows:
        row.organisation = local.get(row.organisation.translation_key, row.organisation)
    return rows


def public_contributions(request):
    """What each Partner organisation gave in kind, per year, in the
    published years: totals only, never the entries."""
    rows = _localised(public_totals())
    return render(
        request,
        "home/contributions/public.html",
        {
            "years": by_year(rows),
            "reporting_currency": reporting_currency(),
            "breadcrumbs": [],
        },
    )


def public_contributions_csv(request):
    rows = _localised(public_totals())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="gci-in-kind-contributions.csv"'
    writer = csv.writer(response)
    currency = reporting_currency()
    writer.writerow(
        ["year", "organisation", "acronym", f"total_{currency.lower()}", "not_converted"]
    )
    for row in rows:
        writer.writerow(
            [
                row.year,
                row.organisation.name,
                row.organisation.acronym,
                row.total,
                "; ".join(f"{amount} {code}" for code, amount in row.unconverted_list),
            ]
        )
    return response
