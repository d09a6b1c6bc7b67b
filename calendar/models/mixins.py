"""Fields shared by the workshop cycle's records."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..choices import Currency, FundingState

MAX_PRIORITY = 10


class PriorityBudgetMixin(models.Model):
    """What the Secretariat sets for a request or a planned workshop:
    priority (with the agreed criteria it rests on), estimated cost,
    funding source and state, lead organisation. "Contingent on funding"
    is never stored: it follows from the funding state."""

    priority = models.PositiveSmallIntegerField(
        _("priority score"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_PRIORITY)],
        help_text=_("From 0 (lowest) to 10 (highest), against the criteria below."),
    )
    criteria = models.ManyToManyField(
        "gci_calendar.PriorityCriterion",
        verbose_name=_("criteria met"),
        blank=True,
        related_name="%(class)ss",
    )
    estimated_cost = models.DecimalField(
        _("estimated cost"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency, default=Currency.USD)
    funding_source = models.CharField(_("funding source"), max_length=255, blank=True)
    funding_state = models.CharField(
        _("funding"), max_length=20, choices=FundingState, default=FundingState.NONE
    )
    lead_organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("lead organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"locale__language_code": "en"},
    )

    priority_budget_panels = [
        FieldPanel("priority"),
        FieldPanel("criteria", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("estimated_cost"), FieldPanel("currency")]),
        FieldRowPanel([FieldPanel("funding_state"), FieldPanel("funding_source")]),
        FieldPanel("lead_organisation"),
    ]

    #: The columns of the priority and budget in a listing's export (CSV, XLSX).
    priority_budget_export = [
        "priority",
        "estimated_cost",
        "currency",
        "funding_state",
        "funding_source",
        "contingent_on_funding",
        "lead_organisation",
    ]

    class Meta:
        abstract = True

    @classmethod
    def priority_budget_panel(cls):
        return MultiFieldPanel(cls.priority_budget_panels, heading=_("Priority and budget"))

    #: Whether the Secretariat's commitments earmarked for it cover its cost
    #: (a planned workshop: ``WorkshopPlan``; gci.home.contributions.funding).
    funded_by_commitments = False

    @property
    def contingent_on_funding(self):
        """Whether the workshop waits on money: true unless its funding is
        committed, or the commitments earmarked for it cover its cost."""
        return self.funding_state != FundingState.COMMITTED and not self.funded_by_commitments
