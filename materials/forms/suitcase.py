"""The Partners' form to send a material to the suitcase."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from gci.home.choices import Language, UNRegion
from gci.site.forms import SingleLineField, UploadFormMixin
from gci.site.uploads import allowed_types_text

from ..choices import MaterialType, TreatyTopic


class SuitcaseSubmissionForm(UploadFormMixin, forms.Form):
    title = SingleLineField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What it covers and for whom, in two or three lines."),
    )
    material_type = forms.ChoiceField(label=_("Type"), choices=MaterialType.choices)
    topics = forms.MultipleChoiceField(
        label=_("Treaty topics"),
        choices=TreatyTopic.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of the material"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    region = forms.ChoiceField(
        label=_("Region"), choices=[("", "—"), *UNRegion.choices], required=False
    )
    year = forms.IntegerField(label=_("Year"), min_value=1950, required=False)
    file = forms.FileField(label=_("File"), required=False)
    link_url = forms.URLField(
        label=_("Or a link"),
        required=False,
        assume_scheme="https",
        help_text=_("If the material is published elsewhere, its address instead of a file."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].max_value = dt.date.today().year + 1
        self.fields["year"].validators.append(
            forms.IntegerField(max_value=dt.date.today().year + 1).validators[-1]
        )
        self.fields["file"].widget.attrs["accept"] = ",".join(
            "." + ext.strip(". ") for ext in allowed_types_text().split(",")
        )

    def clean(self):
        cleaned_data = super().clean()
        has_file = bool(cleaned_data.get("file"))
        has_link = bool(cleaned_data.get("link_url"))
        if "file" not in self.errors and has_file == has_link:
            raise forms.ValidationError(_("Send either a file or a link (one of the two)."))
        return cleaned_data
