"""Forms of the calendar: filters, a Partner's proposed event, an action point
update, a workshop request, an evaluation answer and the admin's evaluation links."""

import datetime as dt
import re

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from gci.home.choices import Language, UNRegion
from gci.home.models import PartnerOrganisation
from gci.site.forms import (
    QuickSelect,
    SafeModelChoiceField,
    SafeModelMultipleChoiceField,
    SingleLineField,
    UploadFormMixin,
)
from gci.site.memo import default_locale

from .choices import (
    ActionStatus,
    CommentTarget,
    ConsultationResponse,
    EventKind,
    EventStatus,
)
from .models import EvaluationAnswer, WorkshopRequest
from .models.outcomes import SCORES, score_label
from .models.pages import TIME_ZONES
from .queries import FIRST_YEAR, LAST_YEAR


def _blank(label):
    return [("", label)]


class EventFilterForm(forms.Form):
    """Filters that combine and stay in the URL (GET)."""

    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=QuickSelect)
    organisation = forms.ChoiceField(
        label=pgettext_lazy("calendar filter", "Organisation"), required=False, widget=QuickSelect
    )
    region = forms.ChoiceField(label=_("Region"), required=False, widget=QuickSelect)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=QuickSelect)
    status = forms.ChoiceField(label=_("Status"), required=False, widget=QuickSelect)
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
    )

    def __init__(self, *args, organisations=(), country_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _blank(_("All kinds")) + list(EventKind.choices)
        self.fields["status"].choices = _blank(_("Any status")) + list(EventStatus.choices)
        self.fields["region"].choices = _blank(_("All regions")) + list(UNRegion.choices)
        self.fields["organisation"].choices = _blank(_("All organisations")) + [
            (org.acronym, org.acronym) for org in organisations
        ]
        names = dict(countries)
        self.fields["country"].choices = _blank(_("All countries")) + sorted(
            ((code, names.get(code, code)) for code in country_codes if code),
            key=lambda choice: str(choice[1]),
        )

    def filter(self, queryset):
        """Apply the valid filters; an invalid value is ignored (and shown as an error)."""
        if not self.is_bound:
            return queryset
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("region"):
            queryset = queryset.filter(region=data["region"])
        if data.get("country"):
            queryset = queryset.filter(country=data["country"])
        if data.get("organisation"):
            queryset = queryset.filter(organisers__acronym=data["organisation"])
        if data.get("year"):
            queryset = queryset.filter(
                start_date__year__lte=data["year"], last__year__gte=data["year"]
            )
        return queryset

    def active(self):
        return bool(self.is_bound and any(getattr(self, "cleaned_data", {}).values()))


class ProposeEventForm(forms.Form):
    """A Partner shares a planned training or event with the Secretariat."""

    title = SingleLineField(label=_("What"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices, initial=EventKind.TRAINING)
    summary = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )
    start_date = forms.DateField(
        label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tentative = forms.BooleanField(label=_("The dates are not final yet"), required=False)
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=[(tz, tz) for tz in TIME_ZONES], initial="UTC"
    )
    venue = SingleLineField(label=_("Venue"), max_length=255, required=False)
    city = SingleLineField(label=_("City"), max_length=120, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("UN region"), required=False)
    organisers = SafeModelMultipleChoiceField(
        label=_("Organising Partners"),
        queryset=PartnerOrganisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (EventStatus.PROPOSED, EventStatus.PROPOSED.label),
            (EventStatus.CONTINGENT, EventStatus.CONTINGENT.label),
            (EventStatus.CONFIRMED, EventStatus.CONFIRMED.label),
        ],
        initial=EventStatus.PROPOSED,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisers"].queryset = PartnerOrganisation.objects.filter(
            locale=default_locale()
        )
        self.fields["country"].choices = _blank("—") + list(countries)
        self.fields["region"].choices = _blank("—") + list(UNRegion.choices)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        for name, value in (("start_date", start), ("end_date", end)):
            if value and not (FIRST_YEAR <= value.year <= LAST_YEAR):
                self.add_error(name, _("Give a date between 1990 and 2100."))
        return cleaned


class ProposalEditForm(ProposeEventForm):
    """The same form, carrying the revision the change started from."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class ActionPointUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


# -- Workshop requests sent from the Partners area -------------------------

LETTER_EXTENSIONS = ("pdf", "docx", "doc", "odt", "png", "jpg", "jpeg")
LETTER_MAX_MB = 10
MONTH = re.compile(r"(\d{4})-(\d{2})")


class MonthField(forms.DateField):
    """A month (``<input type="month">``, ``YYYY-MM``), kept as its first day."""

    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    default_error_messages = {"invalid": _("Give a month as year and month, e.g. 2010-03.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value.replace(day=1)
        match = MONTH.fullmatch(str(value).strip())
        if not match or not 1 <= int(match[2]) <= 12:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        year = int(match[1])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise forms.ValidationError(_("Give a date between 1990 and 2100."), code="range")
        return dt.date(year, int(match[2]), 1)


def validate_letter(upload):
    """A letter of request: a document or a scan, of a sane size, whose
    content is what its name says (the suitcase's checks, gci.site.uploads)."""

    from gci.site.uploads import validate_upload

    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in LETTER_EXTENSIONS:
        raise forms.ValidationError(
            _("Send the letter as one of these types: %(types)s.")
            % {"types": ", ".join(f".{ext}" for ext in LETTER_EXTENSIONS)},
            code="extension",
        )
    limit = LETTER_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="size",
        )
    validate_upload(upload)


class WorkshopRequestForm(forms.ModelForm):
    """A Partner sends a workshop request on behalf of a country or office."""

    body_name = SingleLineField(
        label=_("Name of the requesting body"),
        max_length=255,
        help_text=_("e.g. the customs administration or the UNEP regional office."),
    )
    contact_name = SingleLineField(label=_("Contact person"), max_length=200, required=False)
    preferred_from = MonthField(label=_("Preferred period, from"), required=False)
    preferred_to = MonthField(label=_("Preferred period, to"), required=False)
    preferred_period_note = SingleLineField(
        label=_("Preferred period, in words"),
        max_length=200,
        required=False,
        help_text=_("e.g. “after the rainy season”, when no months are given."),
    )
    letter_file = forms.FileField(
        label=_("Letter of request"),
        required=False,
        help_text=_(
            "Optional. PDF, Word, OpenDocument or a scan (PNG, JPEG), up to 10 MB. "
            "Only the Secretariat can open it."
        ),
    )

    class Meta:
        model = WorkshopRequest
        fields = [
            "country",
            "region",
            "body_kind",
            "body_name",
            "contact_name",
            "contact_email",
            "topics",
            "preferred_from",
            "preferred_to",
            "preferred_period_note",
            "languages",
            "officers",
            "notes",
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 4, "maxlength": 5000}),
            "officers": forms.NumberInput(attrs={"min": 1, "max": 10000}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.label = capfirst(field.label)
        self.fields["topics"].required = True
        self.fields["officers"].min_value = 1
        self.fields["notes"].max_length = 5000
        self.fields["region"].help_text = _("For a regional request, or to help the planning.")

    def clean_letter_file(self):
        upload = self.cleaned_data.get("letter_file")
        if upload:
            validate_letter(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("country") and not cleaned.get("region"):
            self.add_error("country", _("Give the country, or the region for a regional request."))
        return cleaned


class WithdrawRequestForm(forms.Form):
    note = forms.CharField(
        label=_("Why (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class WorkplanCommentForm(forms.Form):
    """A Partner's comment on the workplan, on the whole or on one of its rows."""

    target = forms.ChoiceField(
        label=_("About"),
        required=False,
        error_messages={
            "invalid_choice": _("Choose a line of this workplan, or the whole workplan.")
        },
    )
    text = forms.CharField(
        label=_("Your comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write your comment.")},
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", _("The whole workplan")), *targets]

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write your comment."))
        return text


# -- Evaluation (gci.calendar.evaluation) --------------------------------------

SCORE_CHOICES = [
    (1, _("1 poor")),
    (2, _("2 fair")),
    (3, _("3 good")),
    (4, _("4 very good")),
    (5, _("5 excellent")),
]


class EvaluationAnswerForm(forms.ModelForm):
    """The fixed questions, scored 1 (poor) to 5 (excellent); a Partners'
    meeting's form also polls where and when the next meeting should be. No
    question asks who the participant is."""

    class Meta:
        model = EvaluationAnswer
        fields = [*SCORES, "comments", "venue_choice", "period_choice"]
        widgets = {"comments": forms.Textarea(attrs={"rows": 5, "maxlength": 5000})}

    def __init__(self, *args, evaluation, **kwargs):
        super().__init__(*args, **kwargs)
        self.evaluation = evaluation
        for score in SCORES:
            self.fields[score] = forms.TypedChoiceField(
                label=score_label(score, evaluation.kind),
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "score-choice"}),
                error_messages={
                    "required": _("Choose a score from 1 to 5."),
                    "invalid_choice": _("Choose a score from 1 to 5."),
                },
            )
        self.fields["comments"].label = _("Comments and suggestions (optional)")
        self.fields["comments"].max_length = 5000
        self.fields["comments"].help_text = _("Please do not write your name or anyone else's.")
        polls = {"venue_choice": evaluation.venues, "period_choice": evaluation.periods}
        labels = {
            "venue_choice": _("Where should the next meeting be held?"),
            "period_choice": _("When should the next meeting be held?"),
        }
        for name, choices in polls.items():
            if evaluation.is_meeting and choices:
                self.fields[name] = forms.ChoiceField(
                    label=labels[name],
                    required=False,
                    choices=[("", _("No preference")), *((c, c) for c in choices)],
                    widget=forms.RadioSelect,
                )
            else:
                del self.fields[name]


class EvaluationLinksForm(forms.Form):
    """How many links the Secretariat makes for an evaluation."""

    number = forms.IntegerField(
        label=_("Number of links"),
        min_value=1,
        max_value=500,
        initial=25,
        help_text=_("One for each participant: each link can answer once."),
    )


# -- Consultations before a workshop: an invited organisation's answer --------


class ConsultationAnswerForm(forms.Form):
    """Take part (who) or decline (why). ``version`` is the answer's version
    the form was opened with: a save from an older one is refused."""

    response = forms.ChoiceField(
        label=_("Will your organisation take part?"),
        choices=ConsultationResponse.choices,
        widget=forms.RadioSelect,
    )
    participants = forms.CharField(
        label=_("Who takes part"),
        required=False,
        max_length=2000,
        help_text=_("Names and roles, one a line."),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )
    decline_reason = forms.CharField(
        label=_("Reason for declining"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)

    def clean(self):
        cleaned = super().clean()
        response = cleaned.get("response")
        if (
            response == ConsultationResponse.TAKES_PART
            and not cleaned.get("participants", "").strip()
        ):
            self.add_error("participants", _("Say who will take part."))
        if (
            response == ConsultationResponse.DECLINES
            and not cleaned.get("decline_reason", "").strip()
        ):
            self.add_error("decline_reason", _("Give the reason for declining."))
        return cleaned


class ExpertSuggestionForm(forms.Form):
    """A resource person the organisation already has (chosen from its own
    people), or a new one, typed with their consent."""

    person = SafeModelChoiceField(
        label=_("One of your organisation's resource persons"),
        queryset=None,
        required=False,
        help_text=_("Or leave this empty and describe a new expert below."),
    )
    name = SingleLineField(label=_("Name of the expert"), max_length=200, required=False)
    expertise = forms.CharField(
        label=_("Expertise"),
        max_length=2000,
        required=False,
        help_text=_("What the person can teach or advise on."),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    consent = forms.BooleanField(
        label=_(
            "The person agreed to be suggested and to be listed as a resource person "
            "of our organisation."
        ),
        required=False,
    )
    consent_note = SingleLineField(
        label=_("How the person agreed (optional)"), max_length=500, required=False
    )

    NEW_PERSON_FIELDS = ("name", "expertise", "languages", "consent")

    def __init__(self, *args, organisation=None, **kwargs):
        from django.apps import apps

        ResourcePerson = apps.get_model("home", "ResourcePerson")
        super().__init__(*args, **kwargs)
        people = ResourcePerson.objects.none()
        if organisation is not None:
            people = ResourcePerson.objects.filter(organisation=organisation).order_by("name", "pk")
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda person: person.name
        if not people.exists():
            del self.fields["person"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("person") is None:
            for name in self.NEW_PERSON_FIELDS:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, forms.Field.default_error_messages["required"])
        return cleaned


class ConsultationCommentForm(forms.Form):
    target = forms.ChoiceField(
        label=_("About"), choices=CommentTarget.choices, initial=CommentTarget.GENERAL
    )
    text = forms.CharField(
        label=_("Comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 5000}),
    )


class MaterialOfferForm(UploadFormMixin, forms.Form):
    """A material of the suitcase, chosen; or a file, uploaded with its title."""

    material = SafeModelChoiceField(
        label=_("A material of the suitcase"), queryset=None, required=False
    )
    file = forms.FileField(label=_("Or a file"), required=False)
    title = SingleLineField(label=_("Title of the file"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        from django.apps import apps

        # The suitcase by its model label: the apps stay independent.
        Material = apps.get_model("materials", "Material")
        super().__init__(*args, **kwargs)
        self.fields["material"].queryset = (
            Material.objects.sources().approved().order_by("title", "pk")
        )

    def clean(self):
        cleaned = super().clean()
        has_material = bool(cleaned.get("material"))
        has_file = bool(cleaned.get("file"))
        if "file" in self.errors or "material" in self.errors:
            return cleaned
        if has_material == has_file:
            raise forms.ValidationError(
                _("Choose a material of the suitcase or upload a file (one of the two).")
            )
        if has_file and not cleaned.get("title"):
            self.add_error("title", _("Give the file a title."))
        return cleaned
