"""The Partners' form for an enforcement record (a seizure, a prosecution or
a positive story), and the HS code field shared with the admin."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from gci.site.uploads import max_upload_size, validate_upload

from ..models.enforcement import EnforcementRecord

PHOTO_EXTENSIONS = ("jpg", "jpeg", "png")


def _formfield(field, **kwargs):
    """Links typed without a scheme are https ones."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class EnforcementRecordForm(forms.ModelForm):
    """A record, as a Partner sends or corrects it while it is submitted."""

    photo = forms.FileField(label=_("Photo"), required=False)
    version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1
    )

    class Meta:
        model = EnforcementRecord
        formfield_callback = _formfield
        fields = [
            "kind",
            "title",
            "date",
            "country",
            "treaties",
            "hs_codes",
            "commodity",
            "quantity",
            "unit",
            "agency",
            "source_url",
            "summary",
            "language",
            "may_publish",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 6}),
            "title": forms.TextInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quantity"].widget.attrs.update({"min": "0", "step": "any"})
        self.fields["unit"].choices = [("", "—"), *self.fields["unit"].choices[1:]]
        self.fields["photo"].help_text = _(
            "A JPEG or PNG photo, up to %(size)s. Only the Secretariat sees it until the record "
            "is published for the public."
        ) % {"size": filesizeformat(max_upload_size())}
        self.fields["photo"].widget.attrs["accept"] = ".jpg,.jpeg,.png"
        self.fields["may_publish"].label = _("The public may read this record once published")

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return upload
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in PHOTO_EXTENSIONS:
            raise ValidationError(_("A photo is a JPEG or PNG file."), code="extension")
        validate_upload(upload)
        return upload
