"""The Partners' side of activity reporting (under /<lang>/planning/reports/):
the rounds the person's organisation is invited to, and its report form.

Only an invited organisation's members open a round's report (any other id
is a 404: another organisation's report is never reached); the Secretariat
reads the rounds in the admin. The report carries the version the form was
opened with: a save from an older one is refused with a 409 naming who saved
first, the report now stored shown and what was typed kept in the form.
"""

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..breadcrumbs import trail
from ..http import partners_only
from ..roles import is_secretariat
from .choices import RoundState
from .forms import ActivityFormSet, ReportForm, is_empty, period_events
from .models import MAX_ID, ActivityReport, ReportingInvitation, StaleReport


def _organisation_of(user):
    membership = getattr(user, "membership", None)
    return membership.organisation if membership else None


def _person(user):
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.get_username()


@partners_only
def reports(request):
    """The organisation's rounds: open ones first (nearest deadline first),
    each with the state of its report."""
    organisation = _organisation_of(request.user)
    invitations = (
        ReportingInvitation.objects.filter(organisation=organisation)
        .select_related("round", "report")
        .annotate(
            closed=Case(
                When(round__state=RoundState.OPEN, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("closed", "round__deadline", "pk")[:200]
        if organisation is not None
        else []
    )
    today = timezone.localdate()
    items = [
        {
            "round": invitation.round,
            "report": invitation.get_report(),
            "overdue": invitation.round.is_open and invitation.round.deadline < today,
        }
        for invitation in invitations
    ]
    return render(
        request,
        "home/reporting/reports.html",
        {
            "items": items,
            "organisation": organisation,
            "secretariat": is_secretariat(request.user),
            "breadcrumbs": trail(request, (_("Activity reports"), None)),
        },
    )


def _initial(report):
    if report is None:
        return {"version": 0}, []
    return (
        {
            "nothing_to_report": report.nothing_to_report,
            "materials": list(report.materials.all()),
            "materials_text": report.materials_text,
            "planned": report.planned,
            "contributions": report.contributions,
            "remarks": report.remarks,
            "version": report.version,
        },
        [{"title": a.title, "date": a.date, "event": a.event} for a in report.activities.all()],
    )


@partners_only
def report(request, pk):
    """One round: the organisation's report, to save as a draft or send."""
    if pk > MAX_ID:
        raise Http404
    organisation = _organisation_of(request.user)
    invitation = get_object_or_404(
        ReportingInvitation.objects.select_related("round", "organisation"),
        round_id=pk,
        organisation=organisation,
    )
    reporting_round = invitation.round
    stored = invitation.get_report()
    here = reverse("gci_home_reporting:report", kwargs={"pk": pk})
    events = period_events(request, reporting_round)
    period = (reporting_round.period_start, reporting_round.period_end)
    conflict = None
    status = 200
    if request.method == "POST":
        if not reporting_round.is_open:
            messages.error(request, _("This reporting round is closed: your report was not saved."))
            return redirect(here)
        form = ReportForm(request.POST, organisation=organisation)
        formset = ActivityFormSet(request.POST, prefix="activities", period=period, events=events)
        submit = "submit" in request.POST
        if form.is_valid() and formset.is_valid():
            rows = [] if form.cleaned_data["nothing_to_report"] else formset.rows()
            if not form.cleaned_data["nothing_to_report"] and is_empty(form, rows):
                form.add_error(
                    None,
                    _(
                        "The report is empty: describe at least one activity, material or plan, "
                        "or tick “nothing to report”."
                    ),
                )
            else:
                try:
                    ActivityReport.save_from(
                        invitation,
                        version=form.cleaned_data["version"],
                        user=request.user,
                        data=form.cleaned_data,
                        activities=rows,
                        submit=submit,
                    )
                except StaleReport as stale:
                    stored = conflict = stale.current
                    messages.error(
                        request,
                        _(
                            "%(name)s saved your organisation's report while you were editing "
                            "it. Their report is shown below; your text is kept in the form: "
                            "check it and save again."
                        )
                        % {"name": _person(stale.current.updated_by)},
                    )
                    data = request.POST.copy()
                    data["version"] = str(stale.current.version)
                    form = ReportForm(data, organisation=organisation)
                    form.is_valid()
                    status = 409
                else:
                    if submit:
                        messages.success(
                            request, _("Thank you. Your organisation's report has been sent.")
                        )
                    else:
                        messages.success(
                            request, _("Your draft has been saved. Send it when it is ready.")
                        )
                    return redirect(here)
        if status != 409:
            messages.error(request, _("Please correct the errors below."))
            status = 400
    else:
        initial, rows = _initial(stored)
        form = ReportForm(initial=initial, organisation=organisation)
        formset = ActivityFormSet(initial=rows, prefix="activities", period=period, events=events)
    return render(
        request,
        "home/reporting/report.html",
        {
            "round": reporting_round,
            "organisation": invitation.organisation,
            "report": stored,
            "activities": list(stored.activities.select_related("event"))
            if stored and stored.pk
            else [],
            "stored_materials": list(stored.materials.all()) if stored and stored.pk else [],
            "conflict": conflict,
            "form": form,
            "formset": formset,
            "overdue": reporting_round.is_open and reporting_round.deadline < timezone.localdate(),
            "changes": reporting_round.changes.filter(
                organisation=invitation.organisation
            ).select_related("user")[:100],
            "breadcrumbs": trail(
                request,
                (_("Activity reports"), reverse("gci_home_reporting:reports")),
                (reporting_round.local_title, None),
            ),
        },
        status=status,
    )
