"""Building the site's page tree: used by `setup_site` (any environment) and
`load_demo` (development only). Every step is idempotent."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, PageViewRestriction, Site

from . import demo_content as content
from .models import HomePage, PartnerIndexPage, PartnersAreaPage
from .roles import PARTNERS, SECRETARIAT


def body_from(paragraphs):
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


class SiteBuilder:
    """Creates what is missing, never overwrites what an editor changed."""

    def __init__(self):
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        }

    def home(self, base_url=None):
        """The English home page as the default site's root, with translations."""
        site = Site.objects.filter(is_default_site=True).first()
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=self.locales["en"]).first()
        if home is None:
            # Replace Wagtail's "Welcome to your new Wagtail site!" placeholder.
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
        base = urlsplit(base_url or settings.WAGTAILADMIN_BASE_URL)
        if site is None:
            site = Site(is_default_site=True)
        site.hostname = base.hostname
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        self.translate(home, content.HOME)
        return home

    def child(self, parent, model, slug, texts, show_in_menus=False):
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
        for code, locale in self.locales.items():
            if code == "en" or page.get_translation_or_none(locale) is not None:
                continue
            translation = page.copy_for_translation(locale)
            title, intro, paragraphs = texts.get(code, texts["en"])
            translation.title = title
            translation.intro = intro
            translation.body = body_from(paragraphs)
            translation.save_revision().publish()

    def partners_list(self, home):
        return self.child(home, PartnerIndexPage, "partners", content.PARTNERS, True)

    def partners_area(self, home):
        area = self.child(home, PartnersAreaPage, "partners-area", content.PARTNERS_AREA, True)
        groups = Group.objects.filter(name__in=[PARTNERS, SECRETARIAT])
        restriction = PageViewRestriction.objects.filter(page=area).first()
        if restriction is None:
            restriction = PageViewRestriction.objects.create(
                page=area, restriction_type=PageViewRestriction.GROUPS
            )
        restriction.groups.set(groups)
        return area
