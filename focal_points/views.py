"""The focal-point directory, and Partners editing their organisation's links."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.forms import formset_factory
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_countries import countries

from gci.home.models import PartnerOrganisation
from gci.home.roles import can_enter_partners_area
from gci.site.memo import active_locale, default_locale

from .choices import ContactKind, Treaty
from .forms import FocalPointLinkForm
from .models import FocalPointLink, LinkCheck, OrganisationFocalPointsPage


def _rows(request):
    """Every link, with the organisation and label in the active language."""
    default, active = default_locale(), active_locale()
    pages = list(
        OrganisationFocalPointsPage.objects.live()
        .filter(locale=default)
        .select_related("organisation")
        .prefetch_related("links")
        .order_by("organisation__sort_order", "organisation__name")
    )
    translated_labels = {}
    if active != default:
        for page in (
            OrganisationFocalPointsPage.objects.live()
            .filter(locale=active, translation_key__in=[p.translation_key for p in pages])
            .prefetch_related("links")
        ):
            translated_labels[page.translation_key] = [link.label for link in page.links.all()]
    organisations = {org.translation_key: org for org in PartnerOrganisation.for_active_locale()}
    checks = LinkCheck.for_urls([link.url for page in pages for link in page.links.all()])
    rows = []
    for page in pages:
        labels = translated_labels.get(page.translation_key, [])
        links = list(page.links.all())
        for position, link in enumerate(links):
            label = labels[position] if len(labels) == len(links) else link.label
            rows.append(
                {
                    "organisation": organisations.get(
                        page.organisation.translation_key, page.organisation
                    ),
                    "link": link,
                    "label": label,
                    "treaty": Treaty(link.treaty).label,
                    "kind": ContactKind(link.kind).label,
                    "check": checks.get(link.url),
                }
            )
    return rows


def directory(request, page, country=None):
    if request.GET.get("country") and country is None:
        code = request.GET["country"].upper()
        if code not in countries:
            raise Http404
        return redirect(page.url + page.reverse_subpage("by_country", args=[code]))
    if country is not None and country not in countries:
        raise Http404
    rows = _rows(request)
    context = {"country_choices": sorted(countries, key=lambda c: str(c.name)), "country": None}
    if country:
        context["country"] = {"code": country, "name": countries.name(country)}
        for row in rows:
            row["country_url"] = row["link"].url_for_country(country)
            row["is_country_page"] = bool(row["link"].country_url_pattern)
        context["rows"] = rows
    else:
        by_treaty = {}
        for row in rows:
            by_treaty.setdefault(row["treaty"], []).append(row)
        context["treaties"] = [
            {"name": str(label), "rows": by_treaty[label]}
            for label in [Treaty(t).label for t in Treaty.values]
            if label in by_treaty
        ]
    return page.render(
        request, template="focal_points/focal_point_directory_page.html", context_overrides=context
    )


LinkFormSet = formset_factory(
    FocalPointLinkForm, extra=1, can_delete=True, max_num=30, validate_max=True
)


def organisation_page_for(user):
    membership = getattr(user, "membership", None)
    if membership is None:
        return None
    return OrganisationFocalPointsPage.objects.filter(
        organisation=membership.organisation, locale=default_locale()
    ).first()


@login_required
def edit_links(request):
    """A member edits their own organisation's links (only theirs)."""
    if not can_enter_partners_area(request.user):
        return render(request, "403.html", status=403)
    page = organisation_page_for(request.user)
    if page is None:
        return render(request, "focal_points/edit_links.html", {"page": None}, status=404)
    current = [
        {
            "treaty": link.treaty,
            "kind": link.kind,
            "label": link.label,
            "url": link.url,
            "country_url_pattern": link.country_url_pattern,
        }
        for link in page.links.all()
    ]
    if request.method == "POST":
        formset = LinkFormSet(request.POST, initial=current)
        seen_revision = request.POST.get("revision", "")
        page.refresh_from_db()
        stale = str(page.latest_revision_id or "") != seen_revision
        if page.locked:
            messages.error(
                request,
                _(
                    "The Secretariat has locked these links for editing. "
                    "Your changes are still in the form: try again later."
                ),
            )
        elif stale:
            messages.error(
                request,
                _(
                    "Someone else changed these links while you were "
                    "editing. Their version is now saved; your changes are "
                    "still in the form: check them and save again."
                ),
            )
        elif formset.is_valid():
            kept = [
                f.cleaned_data
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            if not kept:
                messages.error(request, _("Keep at least one link."))
            else:
                _save_links(page, kept, request.user)
                messages.success(
                    request,
                    _(
                        "Your organisation's links are saved. They are "
                        "checked again at the next link check."
                    ),
                )
                return redirect("focal_points:edit")
        else:
            messages.error(request, _("Please correct the errors below."))
    else:
        formset = LinkFormSet(initial=current)
    checks = LinkCheck.for_urls([link["url"] for link in current])
    for form in formset.forms:
        form.check = checks.get(form.initial.get("url"))
    response = render(
        request,
        "focal_points/edit_links.html",
        {
            "page": page,
            "formset": formset,
            "revision": page.latest_revision_id or "",
            "checks": checks,
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _save_links(page, rows, user):
    with transaction.atomic():
        page.links = [
            FocalPointLink(
                treaty=row["treaty"],
                kind=row["kind"],
                label=row["label"],
                url=row["url"],
                country_url_pattern=row.get("country_url_pattern", ""),
                sort_order=position,
            )
            for position, row in enumerate(rows)
        ]
        revision = page.save_revision(user=user, log_action=True)
        # The view checked that the user belongs to this organisation.
        revision.publish(user=user, skip_permission_checks=True)
