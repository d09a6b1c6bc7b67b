"""Building the site's page tree: used by `setup_site` (any environment) and
`load_demo` (development only). Every step is idempotent.

A page's texts are given by language code, each `{"title", "intro", "body"}`
(body: a list of paragraphs, optional), as the YAML files hold them; the
texts of the pages every installation starts with are in `structure.yaml`.
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, PageViewRestriction, Site

from .datafiles import read_yaml
from .models import HomePage, PartnerIndexPage, PartnersAreaPage
from .roles import PARTNERS, SECRETARIAT

STRUCTURE = Path(__file__).with_name("structure.yaml")


def body_from(paragraphs):
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


class SiteBuilder:
    """Creates what is missing, never overwrites what an editor changed."""

    def __init__(self):
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        }
        self.texts = read_yaml(STRUCTURE)

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
            texts = self.texts["home"]["en"]
            home = HomePage(
                title=texts["title"],
                slug="home",
                intro=texts["intro"],
                body=body_from(texts.get("body", [])),
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
        self.translate(home, self.texts["home"])
        return home

    def child(self, parent, model, slug, texts, show_in_menus=False):
        page = model.objects.filter(locale=self.locales["en"], slug=slug).first()
        if page is None:
            page = model(
                title=texts["en"]["title"],
                slug=slug,
                intro=texts["en"]["intro"],
                body=body_from(texts["en"].get("body", [])),
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
            text = texts.get(code, texts["en"])
            translation.title = text["title"]
            translation.intro = text["intro"]
            translation.body = body_from(text.get("body", []))
            translation.save_revision().publish()

    def partners_list(self, home):
        return self.child(home, PartnerIndexPage, "partners", self.texts["partners"], True)

    def partners_area(self, home):
        texts = self.texts["partners-area"]
        area = self.child(home, PartnersAreaPage, "partners-area", texts, True)
        groups = Group.objects.filter(name__in=[PARTNERS, SECRETARIAT])
        restriction = PageViewRestriction.objects.filter(page=area).first()
        if restriction is None:
            restriction = PageViewRestriction.objects.create(
                page=area, restriction_type=PageViewRestriction.GROUPS
            )
        restriction.groups.set(groups)
        return area
