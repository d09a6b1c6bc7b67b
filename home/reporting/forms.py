"""The report form of the Partners area: the report's fields, and one
activity a row (a formset). Dates outside the round's period and a report
with nothing in it (unless "nothing to report" is ticked) are refused."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from gci.site.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from gci.site.memo import default_locale

from ..visibility import visible_pages
from .choices import SummaryAudience

# dir="auto": a report written in English on the Arabic page (or the
# reverse) reads in its own direction while it is typed.
TEXT = {"rows": 4, "maxlength": 5000, "dir": "auto"}
MAX_ACTIVITIES = 50


class ReportForm(forms.Form):
    nothing_to_report = forms.BooleanField(
        label=_("Our organisation has nothing to report for this period"), required=False
    )
    materials = SafeModelMultipleChoiceField(
        label=_("Materials produced (from the GCI suitcase)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    materials_text = forms.CharField(
        label=_("Other materials produced"),
        required=False,
        max_length=5000,
        help_text=_("Materials not in the suitcase: titles and languages, one a line."),
        widget=forms.Textarea(attrs=TEXT),
    )
    planned = forms.CharField(
        label=_("Planned activities"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs=TEXT),
    )
    contributions = forms.CharField(
        label=_("Contributions"),
        required=False,
        max_length=5000,
        help_text=_(
            "What your organisation contributed to the initiative: staff time, trainers, "
            "materials, venues."
        ),
        widget=forms.Textarea(attrs=TEXT),
    )
    remarks = forms.CharField(
        label=_("Remarks"), required=False, max_length=5000, widget=forms.Textarea(attrs=TEXT)
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        material = apps.get_model("materials", "Material")
        queryset = material.objects.filter(locale=default_locale())
        # The organisation's own materials (those it submitted, too).
        queryset = queryset.filter(organisation=organisation) if organisation else queryset.none()
        self.fields["materials"].queryset = queryset.order_by("title")


class ActivityForm(forms.Form):
    title = forms.CharField(
        label=_("Activity"), max_length=255, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    event = SafeModelChoiceField(
        label=_("Event or workshop on the calendar"),
        queryset=None,
        required=False,
        empty_label=_("(none)"),
    )

    def __init__(self, *args, period=None, events=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.period = period
        self.fields["event"].queryset = events

    def clean_date(self):
        day = self.cleaned_data["date"]
        if self.period is not None and not (self.period[0] <= day <= self.period[1]):
            raise forms.ValidationError(
                _("This date is outside the period of the report (%(start)s – %(end)s).")
                % {"start": self.period[0].isoformat(), "end": self.period[1].isoformat()}
            )
        return day


class BaseActivityFormSet(forms.BaseFormSet):
    def __init__(self, *args, period=None, events=None, **kwargs):
        self.period = period
        self.events = events
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"period": self.period, "events": self.events}

    @property
    def empty_form(self):
        return self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            period=self.period,
            events=self.events,
        )

    def rows(self):
        """The filled rows (a blank or deleted row is skipped)."""
        return [
            {
                "title": f.cleaned_data["title"],
                "date": f.cleaned_data["date"],
                "event": f.cleaned_data.get("event"),
            }
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]


ActivityFormSet = forms.formset_factory(
    ActivityForm,
    formset=BaseActivityFormSet,
    extra=2,
    can_delete=True,
    max_num=MAX_ACTIVITIES,
    validate_max=True,
    absolute_max=MAX_ACTIVITIES,
)


def period_events(request, reporting_round):
    """The events a report may link to: those of the period the person may read
    (their source pages, in the default language)."""
    event = apps.get_model("gci_calendar", "EventPage")
    return visible_pages(
        request,
        event.objects.live().filter(
            locale=default_locale(),
            start_date__gte=reporting_round.period_start,
            start_date__lte=reporting_round.period_end,
        ),
    ).order_by("start_date", "pk")


def is_empty(form, rows):
    data = form.cleaned_data
    filled = any(
        data.get(n, "").strip() for n in ("materials_text", "planned", "contributions", "remarks")
    )
    return not (rows or filled or data.get("materials"))


class CompileSummaryForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Who reads the summary"),
        choices=SummaryAudience.choices,
        initial=SummaryAudience.PARTNERS,
        widget=forms.RadioSelect,
    )
