"""The admin form of the Guide: its download is for everyone who reads it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from gci.home.visibility import collection_is_restricted


class GuidePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        document = cleaned_data.get("download")
        if document is not None and collection_is_restricted(document.collection):
            self.add_error(
                "download",
                _(
                    "“%(title)s” is in a restricted collection: the Guide is public, so "
                    "its download must come from a public collection."
                )
                % {"title": document.title},
            )
        return cleaned_data
