"""Build the demo site: organisations, pages in six languages, the Partners
area and demo people. Idempotent: running it again changes nothing that is
already there. Refuses to run under production settings.

The content is data, in each app's `demo/` folder; each app's `demo`
package reads its files and builds its part of the tree."""

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from gci.calendar import demo as calendar_demo
from gci.focal_points import demo as focal_points_demo
from gci.home import demo as home_demo
from gci.home.circulation import demo as circulation_demo
from gci.home.contributions import demo as contributions_demo
from gci.home.demo.support import DemoClock
from gci.home.reporting import demo as reporting_demo
from gci.home.structure import SiteBuilder
from gci.materials import demo as materials_demo

DEFAULT_DEMO_PASSWORD = "green-customs-2009"


class Command(BaseCommand):
    help = "Build the demo site (idempotent). Never in production."

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-reported",
            action="store_true",
            help="Give the calendar, deadlines and review rounds the report's own 2009 dates "
            "(by default they are moved to the present, keeping their order and durations).",
        )

    def handle(self, *args, **options):
        if getattr(settings, "GCI_ENVIRONMENT", "") == "production":
            raise CommandError("load_demo refuses to run under production settings.")
        password = os.environ.get("GCI_DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        clock = DemoClock(as_reported=options["as_reported"])
        with transaction.atomic():
            builder = SiteBuilder()
            organisations = home_demo.load_organisations(builder)
            home = builder.home()
            about = home_demo.load_about(builder, home)
            partners = builder.partners_list(home)
            area = builder.partners_area(home)
            home_demo.load_meeting_notes(builder, area)
            home_demo.load_users(organisations, password)
            calendar_demo.load(builder, home, area, clock)
            focal_points_demo.load(builder, home, organisations)
            materials_demo.load(builder, home, area, organisations, clock)
            calendar_demo.load_outcomes(builder, clock)
            home_demo.load_news(builder, home, area)
            home_demo.network.load(builder, home, clock)
            circulation_demo.load(builder)
            contributions_demo.load(clock)
            reporting_demo.load(builder, clock)
            home_demo.load_images({"home": home, "about": about, "partners": partners})
        if not settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend"):
            # Wagtail queues its index updates for the background worker: index
            # now, so the demo's search finds its pages before the worker runs.
            call_command("update_index", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        if clock.as_reported:
            self.stdout.write("Dates as reported (the demo's today: 23 February 2009).")
        else:
            self.stdout.write(f"Dates moved {clock.offset.days // 7} weeks from the report's.")
        self.stdout.write(f"Demo sign-ins (password: {password}):")
        for person in home_demo.users():
            email, group, acronym = person["email"], person["group"], person["organisation"]
            self.stdout.write(f"  {email:40} {group} ({acronym})")
