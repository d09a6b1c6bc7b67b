"""The Partners' contribution form."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gci.site.forms import SafeModelChoiceField

from .models import ContributionYear, InKindContribution, StandardRate
from .money import FIRST_YEAR, currency_choices


class ContributionForm(forms.ModelForm):
    """Kind, year, what, a link where there is one, quantity and unit, value.
    An empty value is the quantity times the Secretariat's standard rate of
    the kind (in the rate's currency); a value typed is kept as typed."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)
    value = forms.DecimalField(
        label=_("Estimated value"),
        required=False,
        min_value=Decimal(0),
        max_digits=14,
        decimal_places=2,
        help_text=_("Leave empty to use the standard rate of the kind (quantity × rate)."),
    )

    class Meta:
        model = InKindContribution
        fields = [
            "year",
            "kind",
            "description",
            "event",
            "material",
            "review_round",
            "quantity",
            "unit",
            "value",
            "currency",
            "basis",
        ]
        field_classes = {
            "event": SafeModelChoiceField,
            "material": SafeModelChoiceField,
            "review_round": SafeModelChoiceField,
        }

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["currency"] = forms.ChoiceField(
            label=_("Currency"), choices=currency_choices(), initial="USD"
        )
        self.fields["year"].widget = forms.NumberInput(attrs={"min": FIRST_YEAR})
        self.fields["year"].initial = self.fields["year"].initial or timezone.localdate().year
        self.fields["quantity"].widget.attrs["min"] = "0"
        self.fields["value"].widget.attrs["min"] = "0"
        # The linked models by the fields' own relations: this shared layer
        # imports no app.
        # Only what every Partner may see: live events, approved materials
        # (never another organisation's proposal or submission).
        for name, order, visible in (
            ("event", "-start_date", {"live": True}),
            ("material", "title", {"status": "approved"}),
        ):
            related = InKindContribution._meta.get_field(name).related_model
            self.fields[name].queryset = related.objects.filter(
                locale__language_code="en", **visible
            ).order_by(order)
        self.fields["review_round"].queryset = self.fields["review_round"].queryset.select_related(
            "locale"
        )
        self.rates = {rate.kind: rate for rate in StandardRate.objects.all()}

    def clean_year(self):
        year = self.cleaned_data["year"]
        last = timezone.localdate().year + 1
        if not FIRST_YEAR <= year <= last:
            raise forms.ValidationError(
                _("Give a year from %(first)s to %(last)s."),
                params={"first": FIRST_YEAR, "last": last},
            )
        if ContributionYear.objects.filter(year=year, published=True).exists():
            raise forms.ValidationError(
                _(
                    "The totals of %(year)s are published: ask the Secretariat to "
                    "correct its contributions."
                ),
                params={"year": year},
            )
        return year

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("value") is None and "value" not in self.errors:
            rate = self.rates.get(cleaned.get("kind"))
            quantity = cleaned.get("quantity")
            if rate is None:
                self.add_error("value", _("There is no standard rate for this kind: give a value."))
            elif quantity is not None:
                cleaned["value"] = (quantity * rate.amount).quantize(Decimal("0.01"))
                cleaned["currency"] = rate.currency
                if not cleaned.get("basis"):
                    cleaned["basis"] = _("Standard rate: %(amount)s %(currency)s per %(unit)s") % {
                        "amount": rate.amount,
                        "currency": rate.currency,
                        "unit": rate.unit,
                    }
        return cleaned


class DeleteContributionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)
