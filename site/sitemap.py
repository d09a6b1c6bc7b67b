"""A sitemap of every language's tree (Wagtail's covers only the default one).

Public pages only: what an anonymous visitor can read.
"""

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from gci.home.visibility import anonymous_pages


class MultilingualSitemap(WagtailSitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        queryset = Page.objects.none()
        for root in roots:
            queryset |= Page.objects.descendant_of(root, inclusive=True)
        return anonymous_pages(queryset).order_by("path").defer_streamfields().specific()
