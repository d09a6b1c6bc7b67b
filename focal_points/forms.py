"""A Partner's form for one of their organisation's links."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gci.home.choices import Treaty
from gci.site.forms import SingleLineField

from .choices import ContactKind
from .patterns import http_url, validate_pattern


class HttpURLField(forms.URLField):
    """A URL with the http or https scheme, checked by one validator: one message."""

    default_validators = [http_url]


class FocalPointLinkForm(forms.Form):
    treaty = forms.ChoiceField(label=_("Treaty or mandate"), choices=Treaty.choices)
    kind = forms.ChoiceField(label=_("Kind of contact"), choices=ContactKind.choices)
    label = SingleLineField(label=_("Label"), max_length=255)
    url = HttpURLField(
        label=_("List of contacts"),
        max_length=500,
        assume_scheme="https",
        help_text=_("A real http(s) address."),
    )
    country_url_pattern = forms.CharField(
        label=_("Page per country (optional)"),
        max_length=500,
        required=False,
        validators=[validate_pattern],
        help_text=_("With {iso2} or {iso3} where the country code goes."),
    )
