"""Forms of the calendar: filters, a Partner's proposed event, an action point update."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from gci.home.choices import UNRegion
from gci.home.models import PartnerOrganisation
from gci.site.forms import QuickSelect, SingleLineField
from gci.site.memo import default_locale

from .choices import ActionStatus, EventKind, EventStatus
from .models.pages import TIME_ZONES
from .queries import FIRST_YEAR, LAST_YEAR


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """An out-of-range id is an invalid choice, not a database error."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except (OverflowError, ValueError) as exc:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": "…"},
            ) from exc


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
