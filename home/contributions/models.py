"""In-kind contributions and funding.

Contributions are a Partner organisation's own records: its members read and
edit them in the Partners area, the Secretariat reads and corrects all of
them in the admin, and the public sees only the totals per organisation and
year, once the Secretariat has published the year. Every change is logged
with Wagtail's ``log()`` (``ModelLogEntry``): the admin's history view and the
Partners' edit page read it.

Funding (donors, commitments, spending) is the Secretariat's alone: never a
page, never in search or the API, never in the Partners area. Amounts in
mixed currencies are totalled in the reporting currency
(``GCI_REPORTING_CURRENCY``) with the rate and its date stored with each
commitment or spending; contributions are converted with the Secretariat's
exchange rates of their year. There are no live rates.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from gci.site.admin_display import rate_display

from .money import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_AMOUNT,
    MAX_QUANTITY,
    MAX_RATE,
    reporting_currency,
    validate_currency,
)

YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
AMOUNT_VALIDATORS = [MinValueValidator(Decimal(0)), MaxValueValidator(MAX_AMOUNT)]
QUANTITY_VALIDATORS = [MinValueValidator(Decimal(0)), MaxValueValidator(MAX_QUANTITY)]
RATE_VALIDATORS = [MinValueValidator(Decimal("0.00000001")), MaxValueValidator(MAX_RATE)]


def amount_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name, max_digits=14, decimal_places=2, validators=AMOUNT_VALIDATORS, **kwargs
    )


def currency_field(**kwargs):
    return models.CharField(
        _("currency"),
        max_length=3,
        validators=[validate_currency],
        help_text=_("ISO 4217 code, for example USD, EUR or CHF."),
        **kwargs,
    )


class ContributionKind(models.TextChoices):
    STAFF_DAYS = "staff_days", _("Staff days")
    TRAINER = "trainer", _("Trainer")
    MATERIALS = "materials", _("Materials")
    VENUE = "venue", _("Venue")
    TRANSLATION = "translation", _("Translation")
    TRAVEL = "travel", _("Travel")
    OTHER = "other", _("Other")


class StandardRate(models.Model):
    """The Secretariat's standard value of one unit of a kind (a trainer day):
    it prefills the value of a Partner's contribution."""

    kind = models.CharField(_("kind"), max_length=20, choices=ContributionKind, unique=True)
    unit = models.CharField(_("unit"), max_length=40, help_text=_("For example “day”."))
    amount = amount_field(_("value of one unit"))
    currency = currency_field(default="USD")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("currency")]),
    ]

    class Meta:
        verbose_name = _("standard rate")
        verbose_name_plural = _("standard rates")
        ordering = ["kind"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.amount} {self.currency} / {self.unit}"


class ExchangeRate(models.Model):
    """What one unit of a currency was worth in the reporting currency in a
    year, set by the Secretariat: the contributions of that year are
    converted with it."""

    currency = currency_field()
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    rate = models.DecimalField(
        _("rate to the reporting currency"),
        max_digits=18,
        decimal_places=8,
        validators=RATE_VALIDATORS,
        help_text=_("One unit of the currency in the reporting currency."),
    )
    rate_date = models.DateField(_("date of the rate"))

    panels = [
        FieldRowPanel([FieldPanel("currency"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("rate"), FieldPanel("rate_date")]),
    ]

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["-year", "currency"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "year"], name="exchange_rate_once_a_year")
        ]

    def __str__(self):
        return f"{self.currency} {self.year}: {rate_display(self.rate)}"


class ContributionYear(models.Model):
    """A year of contributions; once published, the public sees its totals
    per organisation (and the Partners no longer change its entries: the
    Secretariat corrects them)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=YEAR_VALIDATORS)
    published = models.BooleanField(_("totals published"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("published")])]

    class Meta:
        verbose_name = _("contribution year")
        verbose_name_plural = _("contribution years")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    def save(self, *args, **kwargs):
        if self.published and self.published_at is None:
            self.published_at = timezone.now()
        if not self.published:
            self.published_at = None
        super().save(*args, **kwargs)


def published_years():
    return list(ContributionYear.objects.filter(published=True).values_list("year", flat=True))


class InKindContributionQuerySet(models.QuerySet):
    def for_organisation(self, organisation):
        """The organisation's entries; none without one."""
        if organisation is None:
            return self.none()
        return self.filter(organisation=organisation)


class InKindContribution(models.Model):
    """What a Partner organisation gave in kind in a year, and its estimated
    money value. ``version`` goes up with each save: a save from a stale form
    is refused (409) and the typed values are kept."""

    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="contributions",
        limit_choices_to={"locale__language_code": "en"},
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    kind = models.CharField(_("kind"), max_length=20, choices=ContributionKind)
    description = models.CharField(
        _("description"), max_length=255, help_text=_("What was given, in a few words.")
    )
    event = models.ForeignKey(
        "gci_calendar.EventPage",
        verbose_name=_("workshop or event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"locale__language_code": "en"},
    )
    material = models.ForeignKey(
        "materials.Material",
        verbose_name=_("material"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_round = models.ForeignKey(
        "materials.ReviewRound",
        verbose_name=_("Guide translation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quantity = models.DecimalField(
        _("quantity"), max_digits=10, decimal_places=2, validators=QUANTITY_VALIDATORS
    )
    unit = models.CharField(_("unit"), max_length=40, help_text=_("For example “days”."))
    value = amount_field(_("estimated value"))
    currency = currency_field(default="USD")
    basis = models.TextField(
        _("basis of the estimate"),
        blank=True,
        help_text=_("How the value was estimated: a standard rate, an invoice, a daily fee…"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = InKindContributionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("year"), FieldPanel("kind")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("event"), FieldPanel("material"), FieldPanel("review_round")],
            heading=_("Linked to"),
        ),
        FieldRowPanel([FieldPanel("quantity"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("value"), FieldPanel("currency")]),
        FieldPanel("basis"),
    ]

    class Meta:
        verbose_name = _("in-kind contribution")
        verbose_name_plural = _("in-kind contributions")
        ordering = ["-year", "organisation", "kind", "pk"]
        indexes = [models.Index(fields=["year", "organisation"], name="contribution_year_org")]

    def __str__(self):
        return f"{self.year} · {self.get_kind_display()} · {self.description}"

    def save(self, *args, **kwargs):
        self.version += 1
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        links = [self.event_id, self.material_id, self.review_round_id]
        if sum(1 for link in links if link) > 1:
            raise ValidationError(
                _("Link the contribution to one workshop, event, material or translation at most.")
            )

    @property
    def link(self):
        return self.event or self.material or self.review_round


# -- Funding: the Secretariat's alone --


class Donor(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    notes = models.TextField(_("notes"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("notes")]

    class Meta:
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CommitmentState(models.TextChoices):
    EXPECTED = "expected", _("Expected")
    COMMITTED = "committed", _("Committed")
    RECEIVED = "received", _("Received")


# Money a workshop may count on: promised in writing or in the bank.
SECURED_STATES = (CommitmentState.COMMITTED, CommitmentState.RECEIVED)


class Earmark(models.TextChoices):
    GENERAL = "general", _("General")
    WORKSHOP = "workshop", _("A workshop")
    TRANSLATION = "translation", _("A translation of the Guide")
    COORDINATOR = "coordinator", _("The coordinator post")


class ConvertedMixin(models.Model):
    """An amount in its currency, with the rate to the reporting currency and
    the rate's date stored beside it (no live rates)."""

    amount = amount_field(_("amount"))
    currency = currency_field(default="USD")
    rate = models.DecimalField(
        _("rate to the reporting currency"),
        max_digits=18,
        decimal_places=8,
        validators=RATE_VALIDATORS,
        default=Decimal(1),
        help_text=_(
            "One unit of the currency in the reporting currency; 1 for the reporting currency."
        ),
    )
    rate_date = models.DateField(_("date of the rate"), default=timezone.localdate)

    money_panel = MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("amount"), FieldPanel("currency")]),
            FieldRowPanel([FieldPanel("rate"), FieldPanel("rate_date")]),
        ],
        heading=_("Amount"),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.currency == reporting_currency() and self.rate != Decimal(1):
            raise ValidationError(
                {"rate": _("An amount in the reporting currency has a rate of 1.")}
            )

    @property
    def reporting_amount(self):
        return (self.amount * self.rate).quantize(Decimal("0.01"))


class FundingCommitment(ConvertedMixin, models.Model):
    donor = models.ForeignKey(
        Donor, verbose_name=_("donor"), on_delete=models.PROTECT, related_name="commitments"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    state = models.CharField(
        _("state"), max_length=20, choices=CommitmentState, default=CommitmentState.EXPECTED
    )
    earmark = models.CharField(
        _("earmarked for"), max_length=20, choices=Earmark, default=Earmark.GENERAL
    )
    workshop = models.ForeignKey(
        "gci_calendar.WorkshopPlan",
        verbose_name=_("workshop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # the money stays when a workshop page is deleted
        related_name="commitments",
    )
    translation = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("Guide translation into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        # The donor on its own line: a long donor's name beside the year
        # squeezed the year's box until its value could not be seen.
        FieldPanel("donor"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("state")]),
        ConvertedMixin.money_panel,
        MultiFieldPanel(
            [FieldPanel("earmark"), FieldPanel("workshop"), FieldPanel("translation")],
            heading=_("Earmarked for"),
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("funding commitment")
        verbose_name_plural = _("funding commitments")
        ordering = ["-year", "donor__name", "pk"]

    def __str__(self):
        return (
            f"{self.donor} {self.year}: {number_format(self.amount, 2, force_grouping=True)} "
            f"{self.currency} ({self.get_state_display()})"
        )

    def clean(self):
        super().clean()
        if self.earmark == Earmark.WORKSHOP and not self.workshop_id:
            raise ValidationError({"workshop": _("Choose the workshop the money is for.")})
        if self.earmark == Earmark.TRANSLATION and not self.translation_id:
            raise ValidationError({"translation": _("Choose the language of the translation.")})
        if self.earmark != Earmark.WORKSHOP and self.workshop_id:
            raise ValidationError({"workshop": _("Only money earmarked for a workshop names one.")})
        if self.earmark != Earmark.TRANSLATION and self.translation_id:
            raise ValidationError(
                {"translation": _("Only money earmarked for a translation names one.")}
            )


class Spending(ConvertedMixin, models.Model):
    """Money spent on a workshop, from a commitment where it is known."""

    workshop = models.ForeignKey(
        "gci_calendar.WorkshopPlan",
        verbose_name=_("workshop"),
        null=True,  # required in forms; the record stays when a workshop page is deleted
        on_delete=models.SET_NULL,
        related_name="spending",
    )
    commitment = models.ForeignKey(
        FundingCommitment,
        verbose_name=_("from the commitment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spending",
    )
    spent_on = models.DateField(_("date"), default=timezone.localdate)
    description = models.CharField(_("description"), max_length=255)

    panels = [
        FieldRowPanel([FieldPanel("workshop"), FieldPanel("commitment")]),
        FieldRowPanel([FieldPanel("spent_on"), FieldPanel("description")]),
        ConvertedMixin.money_panel,
    ]

    class Meta:
        verbose_name = _("spending")
        verbose_name_plural = _("spending")
        ordering = ["-spent_on", "pk"]

    def __str__(self):
        return f"{self.workshop or '—'}: {self.amount} {self.currency}"
