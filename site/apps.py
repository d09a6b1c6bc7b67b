from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The project's chrome: base templates, static files, account templates."""

    name = "gci.site"
    label = "gci_site"
    verbose_name = _("Site")

    def ready(self):
        from . import page_cache, private_images

        page_cache.connect_signals()
        private_images.connect_signals()
