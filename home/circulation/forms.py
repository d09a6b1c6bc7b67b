"""The Secretariat's circulation form (admin) and a person's preference."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from gci.site.memo import default_locale

from ..models import PartnerOrganisation
from .models import CirculationPreference, Frequency
from .recipients import members, who_cannot_read

# Names shown in the refusal before "and N others".
NAMES_SHOWN = 5
MAX_ID = 2**31 - 1
CHOSEN = ("page", "document")


def _is_id(value):
    return value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID


class PreferenceForm(forms.ModelForm):
    frequency = forms.ChoiceField(
        label=_("How do you want to hear of what the Secretariat circulates?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = CirculationPreference
        fields = ["frequency"]


class CirculationForm(WagtailAdminModelForm):
    """A page or a document, to chosen organisations or to all; refused when
    a recipient could not read what is circulated (a draft page, a page or
    document closed to them), with their names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's choosers look up what was sent to show it again: a value
        # that is not an id would make that a server error. It is dropped
        # (the form then says what to choose).
        if self.is_bound:
            bad = [name for name in CHOSEN if self.data.get(name) and not _is_id(self.data[name])]
            chosen = self.data.getlist("organisations") if hasattr(self.data, "getlist") else []
            if bad or not all(_is_id(value) for value in chosen):
                self.data = self.data.copy()
                for name in bad:
                    self.data[name] = ""
                # An id past the database's integers would be a server error
                # on SQLite: it becomes one that matches nothing, so the form
                # says "not one of the available choices".
                self.data.setlist("organisations", [v if _is_id(v) else "0" for v in chosen])
        if "organisations" in self.fields:
            field = self.fields["organisations"]
            field.queryset = PartnerOrganisation.objects.filter(locale=default_locale())
            # The choice is stored on the default locale's organisations; each
            # is named in the admin's language where it is translated.
            names = {
                org.translation_key: str(org) for org in PartnerOrganisation.for_active_locale()
            }
            field.label_from_instance = lambda org: names.get(org.translation_key, str(org))

    def clean(self):
        data = super().clean()
        page, document = data.get("page"), data.get("document")
        if page and document:
            self.add_error(None, _("Circulate a page or a document, not both."))
            return data
        if not page and not document:
            self.add_error(None, _("Choose a page or a document to circulate."))
            return data
        organisations = data.get("organisations")
        all_partners = data.get("all_partners")
        if not all_partners and not organisations:
            self.add_error("organisations", _("Choose the organisations, or “All Partners”."))
            return data
        if page is not None and not page.live:
            self.add_error("page", _("This page is not published: publish it first."))
            return data
        recipients = [user for user, _org in members(organisations, all_partners=all_partners)]
        if not recipients:
            self.add_error(
                "organisations", _("These organisations have no members with an account yet.")
            )
            return data
        refused = who_cannot_read(recipients, page=page, document=document)
        if refused:
            names = ", ".join(refused[:NAMES_SHOWN])
            if len(refused) > NAMES_SHOWN:
                names += " …"
            self.add_error(
                "page" if page else "document",
                _("Some recipients could not read it: %(names)s.") % {"names": names},
            )
        return data
