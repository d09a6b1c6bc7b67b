"""The public "Our training" page: the training indicators, computed from
the workshop cycle's data (gci.calendar.indicators), never typed in.

One per language under the home page, translated like any page (its title,
introduction and body); the figures follow the events, outcomes,
evaluations and requests, and the page cache is purged when they change
(gci.site.page_cache: every model of the calendar purges). The Partners'
fuller version is a view of the Partners area (``/<lang>/planning/training/``,
gci.calendar.training).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from gci.home.http import PrivateForPartnersMixin
from gci.home.mixins import IntroBodyMixin
from gci.site.memo import live_page_for_language
from gci.site.routes import PageViews


class TrainingIndicatorsPage(PrivateForPartnersMixin, IntroBodyMixin, Page):
    """Our training: workshops held by year, region and treaty, officers
    trained, countries reached (a map), evaluation scores, requests served."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    views = PageViews()  # filled by gci.calendar.training (see gci.site.routes)

    class Meta:
        verbose_name = _("training indicators")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.views.public_indicators(request, self))
        return context

    @classmethod
    def for_active_locale(cls):
        return live_page_for_language(cls)
