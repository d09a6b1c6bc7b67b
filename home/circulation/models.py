"""What was circulated, to whom, and what each recipient did with it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..sent_once import SentOnceLog

# A delivery whose item still exists (a deleted page or document leaves the record).
ITEM_KEPT = Q(circulation__page__isnull=False) | Q(circulation__document__isnull=False)


class Frequency(models.TextChoices):
    EACH = "each", _("An email for each circulation")
    DIGEST = "digest", _("A weekly digest")


class CirculationQuerySet(models.QuerySet):
    def with_counts(self):
        """Each circulation with its recipients, emailed, digested and opened counts."""
        return self.annotate(
            recipients_total=models.Count("deliveries", distinct=True),
            opened_total=models.Count(
                "deliveries", filter=Q(deliveries__opened_at__isnull=False), distinct=True
            ),
            sent_total=models.Count(
                "deliveries",
                filter=Q(deliveries__emailed_at__isnull=False)
                | Q(deliveries__digested_at__isnull=False),
                distinct=True,
            ),
        )


class Circulation(models.Model):
    """A page (a Partners-area page, a news item) or a restricted document,
    circulated by the Secretariat to chosen organisations or to all of them,
    with an optional message. Its deliveries are made when it is created and
    never change: the record of who received it. If the item is deleted
    later, the record stays (its link then leads nowhere)."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A page of the Partners area or a news item."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Or a document (of a restricted collection: a paper, slides)."),
    )
    message = models.TextField(
        _("message"),
        blank=True,
        max_length=2000,
        help_text=_("A short word from the Secretariat, shown in the email (optional)."),
    )
    all_partners = models.BooleanField(
        _("all Partners"),
        default=False,
        help_text=_("Every organisation's members, instead of the organisations chosen."),
    )
    organisations = models.ManyToManyField(
        "home.PartnerOrganisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="+",
        limit_choices_to={"locale__language_code": "en"},
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now, editable=False)

    objects = CirculationQuerySet.as_manager()

    class Meta:
        verbose_name = _("circulation")
        verbose_name_plural = _("circulations")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.item_title

    @property
    def item_title(self):
        if self.page_id:
            return self.page.title
        if self.document_id:
            return self.document.title
        return str(_("(deleted)"))

    @property
    def kind_label(self):
        return _("Document") if self.document_id else _("Page")

    def recipients_label(self):
        if self.all_partners:
            return str(_("All Partners"))
        return ", ".join(org.acronym or org.name for org in self.organisations.all())

    recipients_label.short_description = _("recipients")


class CirculationDelivery(models.Model):
    """One recipient of a circulation: when they were told (by email, or in
    their weekly digest) and when they opened it through its link."""

    circulation = models.ForeignKey(
        Circulation,
        verbose_name=_("circulation"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="circulation_deliveries",
    )
    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("organisation"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)
    digested_at = models.DateTimeField(_("in a digest at"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["circulation", "user"], name="home_circulation_delivery_once"
            )
        ]


class CirculationPreference(models.Model):
    """How a person hears of circulations: an email each time (the default,
    when they never chose) or a weekly digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="circulation_preference",
    )
    frequency = models.CharField(
        _("circulations"), max_length=10, choices=Frequency, default=Frequency.EACH
    )

    class Meta:
        verbose_name = _("circulation preference")
        verbose_name_plural = _("circulation preferences")

    @staticmethod
    def of(user):
        row = CirculationPreference.objects.filter(user=user).first()
        return row.frequency if row else Frequency.EACH


class CirculationMailLog(SentOnceLog):
    """An email of a circulation, sent once: to one person for one
    circulation ("each"), or one person's digest of one week ("digest")."""

    class Kind(models.TextChoices):
        EACH = "each", _("Circulation")
        DIGEST = "digest", _("Weekly digest")

    kind = models.CharField(max_length=20, choices=Kind)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    circulation = models.ForeignKey(
        Circulation, null=True, blank=True, on_delete=models.CASCADE, related_name="mail_logs"
    )
    week = models.DateField(null=True, blank=True)  # the digest's Monday

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["circulation", "user"],
                condition=Q(kind="each"),
                name="home_circulation_mail_once",
            ),
            models.UniqueConstraint(
                fields=["user", "week"],
                condition=Q(kind="digest"),
                name="home_circulation_digest_once_a_week",
            ),
        ]
