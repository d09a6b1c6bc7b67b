"""The year's workplan: the plan of each planned workshop (priority and
budget, like a request's), the workplan itself (its year, its state and the
Partners' consultation window) and the Partners' comments on it.

Like the requests, these are the Secretariat's working records: never pages,
never in the site's search or the API. The Partners read the workplan in the
Partners area once it is out of draft (``gci.calendar.workplan`` builds its
table) and comment on it while its consultation window is open.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from gci.home.choices import UNRegion

from ..choices import VISIBLE_WORKPLAN_STATES, WorkplanState
from .mixins import PriorityBudgetMixin

FIRST_WORKPLAN_YEAR = 2000
LAST_WORKPLAN_YEAR = 2100


class WorkshopPlanQuerySet(models.QuerySet):
    """``with_funding()``: each plan fetched gets its funding and "contingent
    on funding" in two queries for all of them (the workplan page's
    ``attach_funding``), instead of two per plan: for the admin's listing and
    its export, which iterate, slice and count the queryset themselves."""

    _with_funding = False

    def with_funding(self):
        clone = self._chain()
        clone._with_funding = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._with_funding = self._with_funding
        return clone

    def _fetch_all(self):
        fetched = self._result_cache is not None
        super()._fetch_all()
        if (
            self._with_funding
            and not fetched
            and self._iterable_class is models.query.ModelIterable
        ):
            from gci.home.contributions.funding import attach_funding

            attach_funding(self._result_cache)


class WorkshopPlan(PriorityBudgetMixin, models.Model):
    """The priority and budget of a planned workshop (an ``EventPage``)."""

    event = models.OneToOneField(
        "gci_calendar.EventPage",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="plan",
        limit_choices_to={"kind": "workshop", "locale__language_code": "en"},
    )
    region = models.CharField(
        _("UN region"),
        max_length=32,
        choices=UNRegion,
        blank=True,
        help_text=_("Empty to use the workshop event's region."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = WorkshopPlanQuerySet.as_manager()

    panels = [
        MultiFieldPanel([FieldPanel("event"), FieldPanel("region")], heading=_("Workshop")),
        PriorityBudgetMixin.priority_budget_panel(),
    ]

    class Meta:
        verbose_name = _("workshop plan")
        verbose_name_plural = _("workshop plans")
        ordering = ["-event__start_date", "pk"]

    def __str__(self):
        return str(self.event)

    @cached_property
    def funded_by_commitments(self):
        from gci.home.contributions.funding import is_funded_by_commitments

        return is_funded_by_commitments(self)

    @property
    def plan_region(self):
        """The plan's region, else its event's."""
        return self.region or self.event.region


class WorkplanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every workplan for the Secretariat; the Partners read none in draft."""
        from gci.home.roles import is_secretariat

        if is_secretariat(user):
            return self
        return self.filter(state__in=VISIBLE_WORKPLAN_STATES)


class Workplan(models.Model):
    """The year's workplan of workshops, consulted with the Partners."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[
            MinValueValidator(FIRST_WORKPLAN_YEAR),
            MaxValueValidator(LAST_WORKPLAN_YEAR),
        ],
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("What the Partners are asked to consider.")
    )
    state = models.CharField(
        _("state"), max_length=20, choices=WorkplanState, default=WorkplanState.DRAFT
    )
    consultation_opens = models.DateField(_("consultation opens"), null=True, blank=True)
    consultation_closes = models.DateField(
        _("consultation closes"),
        null=True,
        blank=True,
        help_text=_("The Partners may comment until the end of this day."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = WorkplanQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("state")]),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("consultation_opens"), FieldPanel("consultation_closes")]),
    ]

    class Meta:
        verbose_name = _("workplan")
        verbose_name_plural = _("workplans")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    def clean(self):
        super().clean()
        opens, closes = self.consultation_opens, self.consultation_closes
        if opens and closes and closes < opens:
            raise ValidationError(
                {"consultation_closes": _("The consultation cannot close before it opens.")}
            )
        if self.state == WorkplanState.CONSULTATION and not (opens and closes):
            raise ValidationError(
                {"consultation_closes": _("Give the dates of the consultation window.")}
            )

    def consultation_is_open(self, today=None):
        """Whether the Partners may comment: in consultation, within its window."""
        today = today or timezone.localdate()
        return (
            self.state == WorkplanState.CONSULTATION
            and self.consultation_opens is not None
            and self.consultation_closes is not None
            and self.consultation_opens <= today <= self.consultation_closes
        )


class WorkplanComment(models.Model):
    """A Partner's comment on a workplan, on the whole or on one of its rows
    (a request or a workshop plan). The Partners read each other's comments."""

    workplan = models.ForeignKey(
        Workplan, verbose_name=_("workplan"), on_delete=models.CASCADE, related_name="comments"
    )
    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for the Secretariat."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    created = models.DateTimeField(_("created"), default=timezone.now)
    target_request = models.ForeignKey(
        "gci_calendar.WorkshopRequest",
        verbose_name=_("on the request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_plan = models.ForeignKey(
        WorkshopPlan,
        verbose_name=_("on the workshop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("workplan"),
        FieldPanel("organisation"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("target_request"), FieldPanel("target_plan")]),
    ]

    class Meta:
        verbose_name = _("workplan comment")
        verbose_name_plural = _("workplan comments")
        ordering = ["created", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_request__isnull=True)
                | models.Q(target_plan__isnull=True),
                name="workplan_comment_one_target",
            )
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def target_key(self):
        """The key of the row the comment is about ("" for the whole workplan)."""
        if self.target_request_id:
            return f"request-{self.target_request_id}"
        if self.target_plan_id:
            return f"plan-{self.target_plan_id}"
        return ""
