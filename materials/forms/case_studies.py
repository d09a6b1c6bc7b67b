"""The admin form of case studies: photos follow the case study's privacy."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from gci.home.visibility import collection_is_restricted, in_partners_area

# The suitcase's own addresses: a case study under it must not hide them.
RESERVED_SLUGS = {"material", "submit", "my-submissions"}


class CaseStudyPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("slug") in RESERVED_SLUGS:
            self.add_error("slug", _("This address is used by the GCI suitcase: choose another."))
        parent = self.parent_page
        if parent is None or "photos" not in cleaned_data:
            return cleaned_data
        restricted_page = in_partners_area(parent) or bool(parent.get_view_restrictions())
        for block in cleaned_data["photos"] or []:
            image = block.value.get("image")
            if image is None:
                continue
            restricted_image = collection_is_restricted(image.collection)
            if restricted_page and not restricted_image:
                self.add_error(
                    "photos",
                    _(
                        "“%(title)s” is in a public collection: a Partners-only case study's "
                        "photos must be in a restricted collection (e.g. “Partners' case-study "
                        "photos”), or the public image listings would show them."
                    )
                    % {"title": image.title},
                )
            elif not restricted_page and restricted_image:
                self.add_error(
                    "photos",
                    _(
                        "“%(title)s” is in a restricted collection: visitors of this public "
                        "case study could not see it."
                    )
                    % {"title": image.title},
                )
        return cleaned_data
