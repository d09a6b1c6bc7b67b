"""Workshop requests: a country's or a UNEP regional office's request for a
Green Customs workshop, from its arrival to its workshop (an ``EventPage``).

A request is a working record of the Secretariat, not page content: it is
never a page, never indexed for the site's search and never in the API.
The requester's organisation (when a Partner sent it from the Partners area)
reads its own requests there and may withdraw them while nothing has been
decided; everything else is the Secretariat's, in the admin.

Every change of state goes through one rule (``check_move``, from
``REQUEST_TRANSITIONS``) and is recorded in ``WorkshopRequestChange``: who,
for which organisation, when, from which state to which, and why. The
history is a table of its own rather than Wagtail's audit log because the
Partners read it (the audit log is the admin's, keyed by content type and
holding its data as JSON); the admin's own create and edit entries are
still logged by the viewset.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from gci.home.choices import Language, Treaty, UNRegion
from gci.site.fields import ChoiceSetField

from ..choices import (
    REQUEST_TRANSITIONS,
    WITHDRAWABLE_STATES,
    RequestingBody,
    RequestState,
)
from .mixins import PriorityBudgetMixin


class PriorityCriterion(models.Model):
    """One of the criteria the Partners agreed for setting a workshop's
    priority ("Proposed procedure for deciding priorities and budget
    allocations"): stored, so a score is always shown beside what it rests on."""

    text = models.TextField(_("criterion"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("A criterion no longer in use stays on the requests scored with it."),
    )

    panels = [FieldPanel("text"), FieldRowPanel([FieldPanel("sort_order"), FieldPanel("active")])]

    class Meta:
        verbose_name = _("priority criterion")
        verbose_name_plural = _("priority criteria")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.text


class WorkshopRequestQuerySet(models.QuerySet):
    def for_organisation(self, organisation):
        """The requests an organisation sent (none without an organisation)."""
        if organisation is None:
            return self.none()
        return self.filter(organisation=organisation)


class WorkshopRequest(PriorityBudgetMixin, models.Model):
    # Priority and budget (priority, criteria, cost, funding, lead) come
    # from PriorityBudgetMixin, shared with a planned workshop's plan.

    # -- the request ------------------------------------------------------
    country = CountryField(_("country"), blank=True, help_text=_("Empty for a regional request."))
    region = models.CharField(_("UN region"), max_length=32, choices=UNRegion, blank=True)
    body_kind = models.CharField(
        _("requesting body"), max_length=20, choices=RequestingBody, default=RequestingBody.CUSTOMS
    )
    body_name = models.CharField(
        _("name of the requesting body"),
        max_length=255,
        help_text=_("e.g. the customs administration or the UNEP regional office."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    topics = ChoiceSetField(_("topics (by treaty)"), options=Treaty.choices)
    preferred_from = models.DateField(
        _("preferred period, from"),
        null=True,
        blank=True,
        help_text=_("The first month the requester would like (its first day)."),
    )
    preferred_to = models.DateField(_("preferred period, to"), null=True, blank=True)
    preferred_period_note = models.CharField(
        _("preferred period, in words"),
        max_length=200,
        blank=True,
        help_text=_("e.g. “after the rainy season”, when no months are given."),
    )
    languages = ChoiceSetField(_("languages"), options=Language.choices)
    officers = models.PositiveIntegerField(
        _("number of officers"), null=True, blank=True, validators=[MaxValueValidator(10000)]
    )
    notes = models.TextField(_("notes"), blank=True)
    letter = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("letter of request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kept in the Secretariat's restricted collection “Workshop requests”."),
    )
    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("sent by (Partner organisation)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_requests",
        limit_choices_to={"locale__language_code": "en"},
        help_text=_("Empty when the Secretariat recorded the request itself."),
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
    received_on = models.DateField(_("received"), default=timezone.localdate)

    # -- where it stands --------------------------------------------------
    state = models.CharField(
        _("state"), max_length=20, choices=RequestState, default=RequestState.RECEIVED
    )
    decline_reason = models.TextField(
        _("reason for declining"),
        blank=True,
        help_text=_("Required to decline; the requester reads it."),
    )
    event = models.ForeignKey(
        "gci_calendar.EventPage",
        verbose_name=_("workshop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_requests",
        limit_choices_to={"kind": "workshop", "locale__language_code": "en"},
        help_text=_("The workshop event that answers the request (required to plan it)."),
    )

    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = WorkshopRequestQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("body_kind"), FieldPanel("body_name")]),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                FieldPanel("topics"),
                FieldRowPanel([FieldPanel("preferred_from"), FieldPanel("preferred_to")]),
                FieldPanel("preferred_period_note"),
                FieldRowPanel([FieldPanel("languages"), FieldPanel("officers")]),
                FieldPanel("notes"),
                FieldPanel("letter"),
                FieldRowPanel([FieldPanel("organisation"), FieldPanel("received_on")]),
            ],
            heading=_("Request"),
        ),
        MultiFieldPanel(
            [FieldPanel("state"), FieldPanel("decline_reason"), FieldPanel("event")],
            heading=_("State"),
        ),
        PriorityBudgetMixin.priority_budget_panel(),
    ]

    class Meta:
        verbose_name = _("workshop request")
        verbose_name_plural = _("workshop requests")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "-received_on"])]

    def __str__(self):
        where = self.country.name if self.country else self.get_region_display()
        return f"{where or self.body_name} ({self.received_on:%Y-%m-%d})"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_state = instance.__dict__.get("state")
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._stored_state = self.__dict__.get("state")

    # -- state ------------------------------------------------------------

    @property
    def stored_state(self):
        """The state as last read from the database (None for a new request)."""
        return getattr(self, "_stored_state", None)

    @staticmethod
    def check_move(old, new, *, reason="", event=None):
        """The one rule of the request's states. Raises ValidationError
        (keyed by field) unless a request in ``old`` may go to ``new``."""
        if old == new:
            return
        if old is None:
            if new != RequestState.RECEIVED:
                raise ValidationError(
                    {"state": _("A new request starts as “received”.")}, code="start"
                )
            return
        if new not in REQUEST_TRANSITIONS.get(old, set()):
            raise ValidationError(
                {
                    "state": _("A request cannot go from “%(old)s” to “%(new)s”.")
                    % {"old": RequestState(old).label, "new": RequestState(new).label}
                },
                code="transition",
            )
        if new == RequestState.DECLINED and not (reason or "").strip():
            raise ValidationError(
                {"decline_reason": _("Give the reason for declining: the requester reads it.")},
                code="reason",
            )
        if new == RequestState.PLANNED and event is None:
            raise ValidationError(
                {"event": _("Choose the workshop event that answers the request.")}, code="event"
            )

    def clean(self):
        super().clean()
        self.check_move(self.stored_state, self.state, reason=self.decline_reason, event=self.event)
        if self.preferred_from and self.preferred_to and self.preferred_to < self.preferred_from:
            raise ValidationError(
                {"preferred_to": _("The end of the period cannot be before its start.")}
            )

    def move_to(self, new, *, user=None, organisation=None, note="", reason="", event=None):
        """Change the state (checked against the stored one, under a row lock)
        and record who did it. Returns the change recorded."""
        with transaction.atomic():
            current = type(self).objects.select_for_update().get(pk=self.pk)
            event = event or current.event
            self.check_move(
                current.state, new, reason=reason or current.decline_reason, event=event
            )
            old = current.state
            self.state = new
            if new == RequestState.DECLINED:
                self.decline_reason = reason or current.decline_reason
            if new == RequestState.PLANNED:
                self.event = event
            self.save(update_fields=["state", "decline_reason", "event", "updated_at"])
            self._stored_state = new
            return self.record_change(old, new, user=user, organisation=organisation, note=note)

    def record_change(self, old, new, *, user=None, organisation=None, note=""):
        """Record a change of state. The organisation is the one the person
        acted for: given, else their own, none for the Secretariat."""
        from gci.home.roles import is_secretariat

        if organisation is None and user is not None and not is_secretariat(user):
            membership = getattr(user, "membership", None)
            organisation = membership.organisation if membership else None
        return WorkshopRequestChange.objects.create(
            request=self,
            user=user,
            organisation=organisation,
            old_state=old or "",
            new_state=new,
            note=note,
        )

    def may_withdraw(self, user):
        """Members of the requesting organisation may withdraw it while undecided."""
        membership = getattr(user, "membership", None)
        return (
            self.state in WITHDRAWABLE_STATES
            and self.organisation_id is not None
            and membership is not None
            and membership.organisation_id == self.organisation_id
        )

    def topic_labels(self):
        return type(self)._meta.get_field("topics").labels(self.topics)

    def language_labels(self):
        return type(self)._meta.get_field("languages").labels(self.languages)

    @property
    def preferred_period(self):
        """The preferred period as a person reads it (months, or the words given)."""
        from django.utils.formats import date_format

        months = [
            date_format(day, "YEAR_MONTH_FORMAT")
            for day in (self.preferred_from, self.preferred_to)
            if day
        ]
        text = " – ".join(dict.fromkeys(months))
        if self.preferred_period_note:
            text = f"{text} ({self.preferred_period_note})" if text else self.preferred_period_note
        return text

    def place(self):
        return self.country.name if self.country else self.get_region_display()

    place.short_description = _("country or region")


class WorkshopRequestChange(models.Model):
    """One change of a request's state: who, for which organisation, when, why."""

    request = models.ForeignKey(WorkshopRequest, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation the person acted for, at the time."),
    )
    at = models.DateTimeField(default=timezone.now)
    old_state = models.CharField(max_length=20, choices=RequestState, blank=True)
    new_state = models.CharField(max_length=20, choices=RequestState)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.old_state or '—'} → {self.new_state}"
