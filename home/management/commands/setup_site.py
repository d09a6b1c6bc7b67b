"""Give a new installation its structure: the six locales, the home page as
the site's root (replacing Wagtail's placeholder), the Partners list page and
the restricted Partners area, each in every language, and the site's address.

Safe in production and idempotent: it only creates what is missing. Editors
then write the content in the Wagtail admin.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from gci.home.structure import SiteBuilder


class Command(BaseCommand):
    help = "Create the locales, home page, Partners list and Partners area (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            help="The site's public address, e.g. https://greencustoms.example "
            "(default: WAGTAILADMIN_BASE_URL).",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            builder = SiteBuilder()
            home = builder.home(base_url=options.get("base_url"))
            builder.partners_list(home)
            builder.partners_area(home)
        self.stdout.write(self.style.SUCCESS(f"Site structure ready at {home.full_url}"))
