"""The focal-point directory, and Partners editing their organisation's links."""

from django.contrib import messages
from django.db import transaction
from django.forms import formset_factory
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from gci.home.breadcrumbs import trail
from gci.home.choices import Treaty
from gci.home.http import partners_only
from gci.home.models import PartnerOrganisation
from gci.site.memo import active_locale, default_locale

from .choices import ContactKind
from .forms import FocalPointLinkForm
from .models import FocalPointDirectoryPage, FocalPointLink, LinkCheck, OrganisationFocalPointsPage
from .patterns import fill


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


@FocalPointDirectoryPage.views.register
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


def _link_rows(page):
    return [
        {
            "treaty": link.treaty,
            "kind": link.kind,
            "label": link.label,
            "url": link.url,
            "country_url_pattern": link.country_url_pattern,
        }
        for link in page.links.all()
    ]


def _has_foreign_draft(page, organisation):
    """True when any revision saved since the live one (all of them, if the
    page never went live) is by someone who is not a member of
    ``organisation`` (the Secretariat, as a rule): a Partner's later draft is
    built on it, so publishing that would publish the Secretariat's
    unfinished changes too."""
    if not page.has_unpublished_changes or page.latest_revision_id is None:
        return False
    revisions = page.revisions.all()
    if page.live_revision_id is not None:
        revisions = revisions.filter(pk__gt=page.live_revision_id)
    return revisions.exclude(user__membership__organisation_id=organisation.pk).exists()


def publish_decision(page, user):
    """What a Partner's edit of their organisation's links does to ``page``.

    One of:

    - ``"refuse"`` (nothing is saved, the typed text stays in the form):
      the page is locked (by the Secretariat, or scheduled for publishing),
      or a workflow is in progress on it. A page in moderation is refused
      rather than saved as a draft because Wagtail publishes the *latest*
      revision when the reviewers approve: a draft slipped in during the
      review would go live on an approval given to something else.
    - ``"draft"`` (saved as a new draft revision, not published; the page
      stays as it is, live or not): the Secretariat has taken the page
      offline (it is not live), or the newest revision is a draft by someone
      outside the organisation (the Secretariat's pending changes are not
      published over, nor published half-finished along with the Partner's).
      The Secretariat publishes it from the admin.
    - ``"publish"``: otherwise; the Partner's revision goes live at once.

    Concurrent edits are stopped earlier, by the revision the form was
    opened on (see ``edit_links``).
    """
    if page.workflow_in_progress:
        return "refuse", "moderation"
    lock = page.get_lock()
    if page.locked or (lock is not None and lock.for_user(user)):
        return "refuse", "locked"
    if not page.live:
        return "draft", "offline"
    if _has_foreign_draft(page, user.membership.organisation):
        return "draft", "pending"
    return "publish", None


REFUSALS = {
    "locked": gettext_lazy(
        "The Secretariat has locked these links for editing. "
        "Your changes are still in the form: try again later."
    ),
    "moderation": gettext_lazy(
        "These links are with the Secretariat for review, so they cannot be "
        "changed until the review is finished. Your changes are still in the "
        "form: try again later."
    ),
}
SAVED = {
    "publish": gettext_lazy(
        "Your organisation's links are saved. They are checked again at the next link check."
    ),
    "offline": gettext_lazy(
        "Your changes are saved. The Secretariat has taken this page offline: "
        "your changes will appear when they publish it again."
    ),
    "pending": gettext_lazy(
        "Your changes are saved as a draft. The Secretariat has changes to "
        "these links waiting to be published: yours will appear when they "
        "publish them."
    ),
}


@partners_only
def edit_links(request):
    """A member edits their own organisation's links (only theirs).

    The form starts from the newest revision (a pending draft included), and
    carries the id of that revision: if another revision was saved since,
    the edit is refused with the other person's version shown and the typed
    text kept. What is then done with the edit: see ``publish_decision``.
    """
    page = organisation_page_for(request.user)
    if page is None:
        return render(request, "focal_points/edit_links.html", {"page": None}, status=404)
    current = _link_rows(page.get_latest_revision_as_object())
    notice = None
    if request.method == "POST":
        formset = LinkFormSet(request.POST, initial=current)
        seen_revision = request.POST.get("revision", "")
        if formset.is_valid():
            kept = [
                f.cleaned_data
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            if not kept:
                messages.error(request, _("Keep at least one link."))
            else:
                outcome = _save_links(page.pk, seen_revision, kept, request.user)
                if outcome in REFUSALS:
                    messages.error(request, REFUSALS[outcome])
                elif outcome == "stale":
                    messages.error(
                        request,
                        _(
                            "Someone else changed these links while you were "
                            "editing. Their version is now saved; your changes are "
                            "still in the form: check them and save again."
                        ),
                    )
                else:
                    level = messages.success if outcome == "publish" else messages.warning
                    level(request, SAVED[outcome])
                    return redirect("focal_points:edit")
            page.refresh_from_db()
            current = _link_rows(page.get_latest_revision_as_object())
        else:
            messages.error(request, _("Please correct the errors below."))
    else:
        formset = LinkFormSet(initial=current)
        decision, reason = publish_decision(page, request.user)
        notice = REFUSALS.get(reason) or (SAVED[reason] if decision == "draft" else None)
    checks = LinkCheck.for_urls([link["url"] for link in current])
    for form in formset.forms:
        form.check = checks.get(form.initial.get("url"))
    preview_country, preview = _preview(request, current)
    return render(
        request,
        "focal_points/edit_links.html",
        {
            "page": page,
            "formset": formset,
            "revision": page.latest_revision_id or "",
            "checks": checks,
            "notice": notice,
            "countries": list(countries),
            "preview_country": preview_country,
            "preview": preview,
            "breadcrumbs": trail(request, (_("Your organisation's focal-point links"), None)),
        },
    )


def _preview(request, rows):
    """What each link opens for the country chosen in ``?country=`` (its page
    for that country when it has a pattern, else its list of contacts)."""
    code = (request.GET.get("country") or "").upper()
    if code not in dict(countries):
        return "", []
    return code, [
        {
            "label": row["label"],
            "url": fill(row["country_url_pattern"], code)
            if row.get("country_url_pattern")
            else row["url"],
            "per_country": bool(row.get("country_url_pattern")),
        }
        for row in rows
    ]


def _save_links(page_id, seen_revision, rows, user):
    """Save the Partner's links as a revision, under a row lock on the page
    so that two edits at once cannot both pass the version check; returns
    "stale", a refusal reason, "publish", or the reason it stayed a draft."""
    with transaction.atomic():
        page = OrganisationFocalPointsPage.objects.select_for_update().get(pk=page_id)
        if str(page.latest_revision_id or "") != seen_revision:
            return "stale"
        decision, reason = publish_decision(page, user)
        if decision == "refuse":
            return reason
        # The newest revision (a pending draft included) is the base, so a
        # draft saved here keeps the Secretariat's other pending changes.
        draft = page.get_latest_revision_as_object()
        draft.links = [
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
        revision = draft.save_revision(user=user, log_action=True)
        if decision == "publish":
            # The view checked that the user belongs to this organisation.
            revision.publish(user=user, skip_permission_checks=True)
            return "publish"
        return reason
