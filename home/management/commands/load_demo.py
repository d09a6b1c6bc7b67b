"""Build the demo site: organisations, pages in six languages, the Partners
area and demo people. Idempotent: running it again changes nothing that is
already there. Refuses to run under production settings."""

import os

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from gci.calendar import demo as calendar_demo
from gci.focal_points import demo as focal_points_demo
from gci.home import demo_content as content
from gci.home.models import Membership, PartnerOrganisation, StandardPage
from gci.home.structure import SiteBuilder
from gci.materials import demo_guide as guide_demo
from gci.materials import demo_suitcase

DEFAULT_DEMO_PASSWORD = "green-customs-2009"


class Command(BaseCommand):
    help = "Build the demo site (idempotent). Never in production."

    def handle(self, *args, **options):
        if getattr(settings, "GCI_ENVIRONMENT", "") == "production":
            raise CommandError("load_demo refuses to run under production settings.")
        with transaction.atomic():
            builder = SiteBuilder()
            self.locales = builder.locales
            organisations = self.create_organisations()
            home = builder.home()
            builder.child(home, StandardPage, "about", content.ABOUT, show_in_menus=True)
            builder.partners_list(home)
            area = builder.partners_area(home)
            builder.child(area, StandardPage, "fifth-partners-meeting", content.MEETING_NOTES)
            password = self.create_users(organisations)
            calendar_demo.load(builder, home, area)
            focal_points_demo.load(builder, home, organisations)
            guide_demo.load(builder, home, area, organisations)
            demo_suitcase.load(builder, home, area)
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        self.stdout.write(f"Demo sign-ins (password: {password}):")
        for email, _first, _last, group, acronym in content.USERS:
            self.stdout.write(f"  {email:40} {group} ({acronym})")

    # -- building blocks -------------------------------------------------

    def create_organisations(self):
        english = self.locales["en"]
        organisations = {}
        for acronym, order, website, names in content.ORGANISATIONS:
            name, mandate = names["en"]
            org, _ = PartnerOrganisation.objects.update_or_create(
                locale=english,
                acronym=acronym,
                defaults={
                    "name": name,
                    "mandate": mandate,
                    "website": website,
                    "sort_order": order,
                },
            )
            for code in content.LANGUAGES:
                translated_name, translated_mandate = names[code]
                translation = org.get_translation_or_none(self.locales[code])
                if translation is None:
                    translation = org.copy_for_translation(self.locales[code])
                translation.name = translated_name
                translation.mandate = translated_mandate
                translation.website = website
                translation.sort_order = order
                translation.save()
            organisations[acronym] = org
        return organisations

    def create_users(self, organisations):
        password = os.environ.get("GCI_DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        User = get_user_model()
        for email, first, last, group_name, acronym in content.USERS:
            user, created = User.objects.get_or_create(
                username=email.split("@")[0],
                defaults={"email": email, "first_name": first, "last_name": last},
            )
            if created or not user.check_password(password):
                user.set_password(password)
                user.save()
            user.groups.add(Group.objects.get(name=group_name))
            Membership.objects.update_or_create(
                user=user, defaults={"organisation": organisations[acronym]}
            )
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        return password
