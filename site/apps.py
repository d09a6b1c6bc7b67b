from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The project's chrome: base templates, static files, account templates."""

    name = "gci.site"
    label = "gci_site"
    verbose_name = _("Site")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        from . import admin_ids, page_cache, private_images

        page_cache.connect_signals()
        private_images.connect_signals()
        admin_ids.install()
        # Pillow raises DecompressionBombError when an image has more than
        # twice MAX_IMAGE_PIXELS (and only warns above it), wherever an image
        # is opened: renditions, the suitcase's check, and Wagtail's upload
        # check, which decodes the whole image (Willow's load()) before it
        # compares the pixels with WAGTAILIMAGES_MAX_IMAGE_PIXELS. So half:
        # nothing larger than the upload limit is ever decoded.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 2
