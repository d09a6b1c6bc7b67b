"""Activity reporting rounds, the organisations' reports, and the pages the
Secretariat builds from them.

A ``ReportingRound`` asks chosen organisations (``ReportingInvitation``) for
a report on a period (e.g. January–June 2009) by a deadline. Each invited
organisation answers with one ``ActivityReport``: the activities it held
(``ReportActivity``, each dated within the period, optionally linked to an
event), the materials it produced (suitcase materials or text), what it
plans, its contributions and remarks, or that it has nothing to report. A
report is a working record, never page content: its organisation's members
and the Secretariat read it, nobody else. Two members editing at once never
overwrite each other silently: the report carries a ``version`` that the
form sends back and a save from an older one is refused
(``ActivityReport.save_from`` raises ``StaleReport``). Every step is recorded
in ``ReportingChange``; reminders are logged in ``ReportingReminderLog``.

``MidYearSummaryPage`` and ``MeetingReportPage`` are ordinary pages the
Secretariat edits and publishes: in the Partners area (Partners only, the
area's restriction closes every door) or in the public tree.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page

from gci.site import dates
from gci.site.memo import default_locale

from .. import rounds
from ..mixins import IntroBodyMixin
from ..sent_once import DueReminderLog
from ..visibility import in_partners_area
from .choices import ReportingAction, ReportStatus, RoundState

MAX_ID = 2**31 - 1


class StaleReport(rounds.Stale):
    """The report was saved by someone else since the form was opened."""

    def __init__(self, current):
        super().__init__(current, "stale report")


class ReportingRoundQuerySet(rounds.RoundQuerySet):
    """``open()``, ``for_organisation()``: as every round's."""


class ReportingRound(rounds.InvitingRound):
    """The Secretariat asks chosen organisations to report on a period."""

    title = models.CharField(
        _("title"),
        max_length=120,
        help_text=_("The period as people say it, e.g. “January–June 2009”."),
    )
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    state = models.CharField(_("state"), max_length=10, choices=RoundState, default=RoundState.OPEN)
    organisations = models.ManyToManyField(
        "home.PartnerOrganisation",
        through="ReportingInvitation",
        verbose_name=_("invited organisations"),
        related_name="reporting_rounds",
        limit_choices_to={"locale__language_code": "en"},
    )

    objects = ReportingRoundQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("state")]),
        FieldPanel("message"),
        # Ticks, as for a circulation: a ctrl-click list box lost a choice at a stray click.
        FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        ordering = ["-period_start", "-pk"]

    def __str__(self):
        return self.title

    @property
    def local_title(self):
        """The title as the Secretariat typed it, in the site's language; in
        another language the period in that language's words (the title is
        typed once, in English, and read on every language's pages)."""
        if (translation.get_language() or "") == default_locale().language_code:
            return self.title
        return dates.format_month_range(self.period_start, self.period_end)

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})
        if self.period_start and self.deadline and self.deadline < self.period_start:
            raise ValidationError(
                {"deadline": _("The deadline cannot be before the period starts.")}
            )

    def in_period(self, day):
        return self.period_start <= day <= self.period_end

    def summary(self):
        """Who answered, who has nothing to report, who has not answered
        (organisations, in their order): two queries."""
        answered, nothing, waiting = [], [], []
        for invitation in self.invitations.select_related("organisation", "report"):
            report = invitation.get_report()
            if report is None or report.status != ReportStatus.SUBMITTED:
                waiting.append(invitation)
            elif report.nothing_to_report:
                nothing.append(invitation)
            else:
                answered.append(invitation)
        return {"answered": answered, "nothing": nothing, "waiting": waiting}

    def record(self, action, *, user=None, organisation=None, note=""):
        return ReportingChange.objects.create(
            round=self, user=user, organisation=organisation, action=action, note=note
        )


class ReportingInvitation(rounds.RoundInvitation):
    round = models.ForeignKey(ReportingRound, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="reporting_invitations",
    )

    class Meta:
        verbose_name = _("invitation to report")
        verbose_name_plural = _("invitations to report")
        ordering = ["organisation__sort_order", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="one_reporting_invitation_per_organisation"
            )
        ]

    def get_report(self):
        try:
            return self.report
        except ActivityReport.DoesNotExist:
            return None


class ActivityReport(rounds.VersionedAnswer):
    """One organisation's report for one round."""

    invitation = models.OneToOneField(
        ReportingInvitation, on_delete=models.CASCADE, related_name="report"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus, default=ReportStatus.DRAFT
    )
    nothing_to_report = models.BooleanField(_("nothing to report"), default=False)
    materials_text = models.TextField(_("other materials produced"), blank=True)
    materials = models.ManyToManyField(
        "materials.Material", verbose_name=_("materials produced"), blank=True, related_name="+"
    )
    planned = models.TextField(_("planned activities"), blank=True)
    contributions = models.TextField(_("contributions"), blank=True)
    remarks = models.TextField(_("remarks"), blank=True)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)

    Stale = StaleReport

    class Meta:
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")
        ordering = ["-invitation__round__period_start", "invitation__organisation__sort_order"]

    def __str__(self):
        return str(self.invitation)

    @property
    def round(self):
        return self.invitation.round

    @property
    def organisation(self):
        return self.invitation.organisation

    @property
    def is_submitted(self):
        return self.status == ReportStatus.SUBMITTED

    # -- the export's columns (the admin's CSV and XLSX) --

    @property
    def round_title(self):
        return self.invitation.round.title

    @property
    def organisation_name(self):
        return self.invitation.organisation.name

    @property
    def activities_text(self):
        return "\n".join(
            f"{a.date.isoformat()} {a.title}" + (f" ({a.event.title})" if a.event_id else "")
            for a in self.activities.all()
        )

    @property
    def materials_list(self):
        return "\n".join(m.title for m in self.materials.all())

    @classmethod
    def save_from(cls, invitation, *, version, user, data, activities, submit):
        """Save the organisation's report if nobody saved it since ``version``;
        otherwise raise ``StaleReport`` with the report as it now stands.
        ``activities`` are dicts (title, date, event); they replace the old ones."""
        with transaction.atomic():
            report = cls.claim(invitation, version)
            nothing = bool(data.get("nothing_to_report"))
            report.nothing_to_report = nothing
            for name in ("materials_text", "planned", "contributions", "remarks"):
                setattr(report, name, "" if nothing else data.get(name, "").strip())
            report.stamp(user)
            if submit:
                report.status = ReportStatus.SUBMITTED
                report.submitted_at = report.updated_at
            report.save()
            report.materials.set([] if nothing else data.get("materials") or [])
            report.activities.all().delete()
            if not nothing:
                ReportActivity.objects.bulk_create(
                    ReportActivity(report=report, sort_order=i, **row)
                    for i, row in enumerate(activities)
                )
            if submit:
                action = ReportingAction.NOTHING if nothing else ReportingAction.SUBMITTED
            else:
                action = ReportingAction.SAVED
            invitation.round.record(action, user=user, organisation=invitation.organisation)
        return report


class ReportActivity(models.Model):
    """An activity the organisation held in the period."""

    report = models.ForeignKey(ActivityReport, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("activity"), max_length=255)
    date = models.DateField(_("date"))
    event = models.ForeignKey(
        "gci_calendar.EventPage",
        verbose_name=_("event or workshop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("activity held")
        verbose_name_plural = _("activities held")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title


class ReportingChange(rounds.RoundChange):
    """One step of a round: who, for which organisation, what, when."""

    round = models.ForeignKey(ReportingRound, on_delete=models.CASCADE, related_name="changes")
    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(max_length=20, choices=ReportingAction)


class ReportingReminderLog(DueReminderLog):
    """One reminder of an unanswered invitation to report: never twice."""

    invitation = models.ForeignKey(ReportingInvitation, models.CASCADE, related_name="reminders")

    class Meta:
        constraints = [
            DueReminderLog.once_per("invitation", name="one_reporting_reminder_per_deadline")
        ]


# -- Pages the Secretariat builds, edits and publishes -------------------------


class MidYearSummaryPage(IntroBodyMixin, Page):
    """The Secretariat's summary of a reporting round, prefilled from the
    organisations' reports and the workshop indicators of the period. In
    the Partners area it is the Partners' alone; under the home page, public."""

    parent_page_types = ["home.HomePage", "home.PartnersAreaPage"]
    subpage_types = []

    reporting_round = models.ForeignKey(
        ReportingRound,
        verbose_name=_("reporting round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="summaries",
    )
    source_reports = ParentalManyToManyField(
        ActivityReport,
        verbose_name=_("built from the reports"),
        blank=True,
        related_name="summaries",
    )

    content_panels = [
        *IntroBodyMixin.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("reporting_round", read_only=True),
                FieldPanel("source_reports", read_only=True),
            ],
            heading=_("Sources"),
        ),
    ]
    template = "home/reporting/mid_year_summary_page.html"

    class Meta:
        verbose_name = _("mid-year summary")
        verbose_name_plural = _("mid-year summaries")

    @property
    def is_partners_only(self):
        return in_partners_area(self)


class MeetingReportPage(IntroBodyMixin, Page):
    """The report of a Partners' meeting, prefilled from its event."""

    parent_page_types = ["home.HomePage", "home.PartnersAreaPage"]
    subpage_types = []

    meeting = models.ForeignKey(
        "gci_calendar.EventPage",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_reports",
    )

    content_panels = [
        *IntroBodyMixin.content_panels,
        FieldPanel("meeting", read_only=True),
    ]
    template = "home/reporting/meeting_report_page.html"

    class Meta:
        verbose_name = _("meeting report")
        verbose_name_plural = _("meeting reports")


class ReportingRoundForm(WagtailAdminModelForm):
    """An organisation that has answered stays invited: removing it would
    delete its report with its invitation."""

    def clean_organisations(self):
        chosen = self.cleaned_data["organisations"]
        if self.instance.pk:
            answered = [
                invitation.organisation
                for invitation in self.instance.invitations.filter(
                    report__isnull=False
                ).select_related("organisation")
            ]
            missing = [o for o in answered if o not in chosen]
            if missing:
                raise ValidationError(
                    _(
                        "%(names)s already answered: an organisation that answered cannot be "
                        "removed from the round."
                    )
                    % {"names": ", ".join(o.name for o in missing)}
                )
        return chosen


ReportingRound.base_form_class = ReportingRoundForm
