"""Build the demo site: organisations, pages in six languages, the Partners
area and demo people. Idempotent: running it again changes nothing that is
already there. Refuses to run under production settings."""

import os
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, Page, PageViewRestriction, Site

from gci.home import demo_content as content
from gci.home.models import (
    HomePage,
    Membership,
    PartnerIndexPage,
    PartnerOrganisation,
    PartnersAreaPage,
    StandardPage,
)
from gci.home.roles import PARTNERS, SECRETARIAT

DEFAULT_DEMO_PASSWORD = "green-customs-2009"


def body_from(paragraphs):
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


class Command(BaseCommand):
    help = "Build the demo site (idempotent). Never in production."

    def handle(self, *args, **options):
        if getattr(settings, "GCI_ENVIRONMENT", "") == "production":
            raise CommandError("load_demo refuses to run under production settings.")
        with transaction.atomic():
            self.locales = self.create_locales()
            organisations = self.create_organisations()
            home = self.create_home()
            self.create_child(home, StandardPage, "about", content.ABOUT, show_in_menus=True)
            self.create_child(
                home, PartnerIndexPage, "partners", content.PARTNERS, show_in_menus=True
            )
            area = self.create_child(
                home, PartnersAreaPage, "partners-area", content.PARTNERS_AREA, show_in_menus=True
            )
            self.restrict_to_partners(area)
            self.create_child(area, StandardPage, "fifth-partners-meeting", content.MEETING_NOTES)
            password = self.create_users(organisations)
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        self.stdout.write(f"Demo sign-ins (password: {password}):")
        for email, _first, _last, group, acronym in content.USERS:
            self.stdout.write(f"  {email:40} {group} ({acronym})")

    # -- building blocks -------------------------------------------------

    def create_locales(self):
        locales = {}
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            locales[code], _ = Locale.objects.get_or_create(language_code=code)
        return locales

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

    def create_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=self.locales["en"]).first()
        if home is None:
            # Replace Wagtail's "Welcome" placeholder page.
            for placeholder in root.get_children().filter(
                content_type__model="page", content_type__app_label="wagtailcore"
            ):
                if site and site.root_page_id == placeholder.pk:
                    site.root_page = root
                    site.save()
                placeholder.delete()
            title, intro, paragraphs = content.HOME["en"]
            home = HomePage(
                title=title,
                slug="home",
                intro=intro,
                body=body_from(paragraphs),
                locale=self.locales["en"],
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        # The site's address comes from WAGTAILADMIN_BASE_URL, so full URLs
        # (sitemap, emails) point where the demo is served.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = base.port or (443 if base.scheme == "https" else 80)
        if site is None:
            site = Site(is_default_site=True)
        site.hostname, site.port = base.hostname, port
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        self.translate(home, content.HOME)
        return home

    def create_child(self, parent, model, slug, texts, show_in_menus=False):
        page = model.objects.filter(locale=self.locales["en"], slug=slug).first()
        if page is None:
            title, intro, paragraphs = texts["en"]
            page = model(
                title=title,
                slug=slug,
                intro=intro,
                body=body_from(paragraphs),
                show_in_menus=show_in_menus,
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
        self.translate(page, texts)
        return page

    def translate(self, page, texts):
        """Create each missing translation (parents are translated first)."""
        for code in content.LANGUAGES:
            locale = self.locales[code]
            if page.get_translation_or_none(locale) is not None:
                continue
            translation = page.copy_for_translation(locale)
            title, intro, paragraphs = texts.get(code, texts["en"])
            translation.title = title
            translation.intro = intro
            translation.body = body_from(paragraphs)
            translation.save_revision().publish()

    def restrict_to_partners(self, area):
        groups = Group.objects.filter(name__in=[PARTNERS, SECRETARIAT])
        restriction = PageViewRestriction.objects.filter(page=area).first()
        if restriction is None:
            restriction = PageViewRestriction.objects.create(
                page=area, restriction_type=PageViewRestriction.GROUPS
            )
        restriction.groups.set(groups)

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
