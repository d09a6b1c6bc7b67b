"""What a held workshop produced, and what its participants thought of it.

**Outcomes.** ``WorkshopOutcome`` hangs off the workshop's ``EventPage``
(the English one: each event lives once and is translated from there):
trainers, the suitcase materials used, participants counted by country and
agency (``ParticipantCount``), photos (``WorkshopPhoto``), and a list of the
participants' names that only the Secretariat reads (it names people: it is
shown in the admin and nowhere else). The short public report is the
event page's own ``outcome_report`` so that wagtail-localize translates it
with the page.

**Evaluation.** ``EvaluationForm`` (one per workshop or Partners' meeting)
and its ``EvaluationAnswer`` rows. Our own form, not
``wagtail.contrib.forms``: the questions are fixed (usefulness, content,
trainers, organisation, each scored 1–5, and comments) so that scores can be
averaged across workshops and over the years (the indicators page), which a
form builder whose fields each editor names would not allow; the answers are
rows with typed columns, aggregated in one query at any size; and
participants are not site users, so a form page in the tree (cached, found
by search and the API) is the wrong door. A participant reaches the form by
a signed link (``gci.calendar.evaluation``) whose nonce is stored with the
answer, unique: one answer per link.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from gci.home.visibility import collection_visible_to

from ..choices import Agency, EvaluationKind

MAX_PARTICIPANTS = 10000
SCORES = ("usefulness", "content", "trainers", "organisation")
# The public event page shows the averages only from this many answers on:
# fewer could tell who answered what.
MIN_PUBLIC_ANSWERS = 5


class WorkshopOutcome(ClusterableModel):
    event = models.OneToOneField(
        "gci_calendar.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="outcome",
        limit_choices_to={"locale__language_code": "en"},
        help_text=_("The held workshop (its English page; the translations share it)."),
    )
    trainers = models.TextField(
        _("trainers"), blank=True, help_text=_("Who trained, and for which organisation.")
    )
    materials = ParentalManyToManyField(
        "materials.Material",
        verbose_name=_("materials used"),
        blank=True,
        related_name="+",
        limit_choices_to={"locale__language_code": "en"},
    )
    participants_list = models.TextField(
        _("list of participants"),
        blank=True,
        help_text=_("Names and posts. Seen by the Secretariat only, never published."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("event"),
        FieldPanel("trainers"),
        FieldPanel("materials"),
        InlinePanel("counts", heading=_("Participants"), label=_("participants")),
        FieldPanel("participants_list"),
        InlinePanel("photos", heading=_("Photos"), label=_("photo")),
        FieldPanel("version", heading=" "),  # OutcomeAdminForm's hidden field
    ]

    class Meta:
        verbose_name = _("workshop outcome")
        verbose_name_plural = _("workshop outcomes")
        ordering = ["-event__start_date", "-pk"]

    def __str__(self):
        return str(self.event.title) if self.event_id else str(_("workshop outcome"))

    def total_participants(self):
        return sum(count.number for count in self.counts.all())

    total_participants.short_description = _("participants")

    def visible_photos(self, request):
        """The photos whose image the request may see (an anonymous visitor:
        those of public collections only)."""
        return [
            photo
            for photo in self.photos.all()
            if photo.image_id and collection_visible_to(photo.image.collection, request)
        ]


class ParticipantCount(Orderable):
    """How many took part from one country and one kind of agency."""

    outcome = ParentalKey(WorkshopOutcome, on_delete=models.CASCADE, related_name="counts")
    country = CountryField(_("country"))
    agency = models.CharField(_("agency"), max_length=20, choices=Agency, default=Agency.CUSTOMS)
    number = models.PositiveIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)]
    )

    panels = [FieldRowPanel([FieldPanel("country"), FieldPanel("agency"), FieldPanel("number")])]

    class Meta(Orderable.Meta):
        verbose_name = _("participants")
        verbose_name_plural = _("participants")


class WorkshopPhoto(Orderable):
    """A photo of the workshop. Public or restricted as its image's collection is."""

    outcome = ParentalKey(WorkshopOutcome, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "A photo in a restricted collection is shown only to those the collection "
            "lets in; in a public collection, to everyone."
        ),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


def split_choices(text):
    """The lines of a poll's choices, stripped, blank and repeated ones left out."""
    return list(dict.fromkeys(line.strip() for line in (text or "").splitlines() if line.strip()))


class EvaluationForm(models.Model):
    event = models.OneToOneField(
        "gci_calendar.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="evaluation",
        limit_choices_to={"locale__language_code": "en"},
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=EvaluationKind, default=EvaluationKind.WORKSHOP
    )
    opens = models.DateField(_("opens"), default=timezone.localdate)
    closes = models.DateField(
        _("closes"), help_text=_("The last day an answer is accepted; links stop working after it.")
    )
    venue_choices = models.TextField(
        _("venue poll: choices"),
        blank=True,
        help_text=_("Partners' meetings: one place a line (e.g. Geneva, Paris)."),
    )
    period_choices = models.TextField(
        _("period poll: choices"),
        blank=True,
        help_text=_("Partners' meetings: one period a line (e.g. February 2010)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("event"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        MultiFieldPanel(
            [FieldPanel("venue_choices"), FieldPanel("period_choices")],
            heading=_("The next meeting"),
        ),
    ]

    class Meta:
        verbose_name = _("evaluation form")
        verbose_name_plural = _("evaluation forms")
        ordering = ["-closes", "-pk"]

    def __str__(self):
        return str(self.event.title) if self.event_id else str(_("evaluation form"))

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes < self.opens:
            raise ValidationError(
                {"closes": _("The closing day cannot be before the opening day.")}
            )
        if self.kind != EvaluationKind.PARTNERS_MEETING and (
            split_choices(self.venue_choices) or split_choices(self.period_choices)
        ):
            raise ValidationError(
                {"venue_choices": _("Only a Partners' meeting asks about the next meeting.")}
            )

    def answer_count(self):
        total = getattr(self, "answers_total", None)  # annotated by the admin's listing
        return self.answers.count() if total is None else total

    answer_count.short_description = _("answers")

    @property
    def venues(self):
        return split_choices(self.venue_choices)

    @property
    def periods(self):
        return split_choices(self.period_choices)

    @property
    def is_meeting(self):
        return self.kind == EvaluationKind.PARTNERS_MEETING

    def is_open(self, today=None):
        today = today or timezone.localdate()
        return self.opens <= today <= self.closes

    # -- results ---------------------------------------------------------------

    def summary(self):
        """Averages and counts (one query, at any number of answers)."""
        figures = self.answers.aggregate(
            answers=Count("pk"), **{score: Avg(score) for score in SCORES}
        )
        return {
            "answers": figures["answers"],
            "scores": [
                {"name": score, "label": score_label(score, self.kind), "average": figures[score]}
                for score in SCORES
            ],
        }

    def tally(self, field):
        """``[(choice, count)]`` of a poll, in the form's order, then any other
        answer kept from choices since changed (one query)."""
        counts = dict(
            self.answers.exclude(**{field: ""})
            .values_list(field)
            .annotate(n=Count("pk"))
            .values_list(field, "n")
        )
        choices = self.venues if field == "venue_choice" else self.periods
        rows = [(choice, counts.pop(choice, 0)) for choice in choices]
        return rows + sorted(counts.items())


def score_label(score, kind):
    labels = {
        "usefulness": _("Overall usefulness"),
        "content": _("Content"),
        "trainers": _("Facilitation") if kind == EvaluationKind.PARTNERS_MEETING else _("Trainers"),
        "organisation": _("Organisation"),
    }
    return labels[score]


def score_field(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class EvaluationAnswer(models.Model):
    """One participant's answer: no name, no address, no account."""

    form = models.ForeignKey(EvaluationForm, on_delete=models.CASCADE, related_name="answers")
    usefulness = score_field(_("overall usefulness"))
    content = score_field(_("content"))
    trainers = score_field(_("trainers"))
    organisation = score_field(_("organisation"))
    comments = models.TextField(_("comments"), blank=True, max_length=5000)
    venue_choice = models.CharField(_("venue of the next meeting"), max_length=120, blank=True)
    period_choice = models.CharField(_("period of the next meeting"), max_length=120, blank=True)
    # The link's nonce: a link answers once (the unique constraint decides,
    # even when the same link is sent twice at the same moment).
    nonce = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("answered"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("evaluation answer")
        verbose_name_plural = _("evaluation answers")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["form", "-created"])]

    def __str__(self):
        return f"{self.form} #{self.pk}"


class OutcomeAdminForm(WagtailAdminModelForm):
    """Two Secretariat members editing the same outcome: the second save is
    refused with a message instead of silently undoing the first one's
    (the version read is sent back with the form and compared)."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            stored = (
                type(self.instance)
                .objects.filter(pk=self.instance.pk)
                .values_list("updated_at", flat=True)
            )
            current = stored.first()
            if current is not None and cleaned.get("version") != current.isoformat():
                raise ValidationError(
                    _(
                        "Someone else saved this outcome while you were editing it. "
                        "Open it again to see their changes, then make yours."
                    ),
                    code="conflict",
                )
        return cleaned


WorkshopOutcome.base_form_class = OutcomeAdminForm
