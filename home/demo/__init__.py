"""The partnership's demo content, read from the YAML files beside this
module: the eleven organisations (`organisations.yaml`), the About page and
the meeting follow-up (`pages.yaml`), the demo people (`users.yaml`), the
illustrations and the pages that show them (`images.yaml`, `images/`), the
news (`news.yaml`).

Idempotent: what exists is brought in line with the files (organisations,
people) or left as it is (pages). The helpers every app's demo shares are in
`support`.
"""

from pathlib import Path

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from ..datafiles import read_yaml
from ..models import (
    Membership,
    NewsIndexPage,
    NewsPage,
    NewsPageEvent,
    PartnerOrganisation,
    StandardPage,
)
from ..structure import body_from
from . import network  # noqa: F401  (the network's institutions and people: load_demo)
from .support import organisations_by_acronym

DATA = Path(__file__).parent


def users():
    """The demo people: email, first_name, last_name, group, organisation."""
    return read_yaml(DATA / "users.yaml")


def load_organisations(builder):
    """The organisations in English and in every other language, by acronym."""
    organisations = {}
    for data in read_yaml(DATA / "organisations.yaml"):
        fields = {
            "website": data["website"],
            "sort_order": data["sort_order"],
            "membership_status": data.get("membership", "partner"),
        }
        org, _ = PartnerOrganisation.objects.update_or_create(
            locale=builder.locales["en"],
            acronym=data["acronym"],
            defaults={"name": data["name"]["en"], "mandate": data["mandate"]["en"], **fields},
        )
        for code, locale in builder.locales.items():
            if code == "en":
                continue
            translation = org.get_translation_or_none(locale)
            if translation is None:
                translation = org.copy_for_translation(locale)
            translation.name = data["name"][code]
            translation.mandate = data["mandate"][code]
            for field, value in fields.items():
                setattr(translation, field, value)
            translation.save()
        organisations[data["acronym"]] = org
    return organisations


def load_about(builder, home):
    texts = read_yaml(DATA / "pages.yaml")["about"]
    return builder.child(home, StandardPage, "about", texts, show_in_menus=True)


def load_meeting_notes(builder, area):
    slug = "fifth-partners-meeting"
    return builder.child(area, StandardPage, slug, read_yaml(DATA / "pages.yaml")[slug])


def load_users(organisations, password):
    User = get_user_model()
    for person in users():
        email = person["email"]
        user, created = User.objects.get_or_create(
            username=email.split("@")[0],
            defaults={
                "email": email,
                "first_name": person["first_name"],
                "last_name": person["last_name"],
            },
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=person["group"]))
        Membership.objects.update_or_create(
            user=user, defaults={"organisation": organisations[person["organisation"]]}
        )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )


def load_images(pages):
    """The demo's illustrations (``images/``, listed in ``images.yaml``) and
    the hero image and caption of the pages that show them, in every
    language. ``pages`` maps the file's page keys to English pages. Each image
    is found again by its title, so a second run adds nothing."""
    Image = get_image_model()
    for data in read_yaml(DATA / "images.yaml"):
        image = Image.objects.filter(title=data["title"]).first()
        if image is None:
            path = DATA / "images" / data["file"]
            image = Image(title=data["title"], description=data["description"].strip())
            with path.open("rb") as handle:
                image.file = ImageFile(handle, name=data["file"])
                image.save()
        x, y, width, height = data["focal_point"]
        focal = {
            "focal_point_x": x + width // 2,
            "focal_point_y": y + height // 2,
            "focal_point_width": width,
            "focal_point_height": height,
        }
        if any(getattr(image, field) != value for field, value in focal.items()):
            for field, value in focal.items():
                setattr(image, field, value)
            image.save()
        for key in data["pages"]:
            for page in pages[key].get_translations(inclusive=True).specific():
                code = page.locale.language_code
                caption = data["caption"].get(code, data["caption"]["en"])
                if page.hero_image_id == image.pk and page.hero_caption == caption:
                    continue
                page.hero_image = image
                page.hero_caption = caption
                page.save_revision().publish()


def load_news(builder, home, area):
    """The public news index and the Partners' own, in every language, and
    the items of ``news.yaml``: each in English and in the languages its
    texts give (translated as the site translates pages: a copy for the
    language, its texts set, published)."""
    data = read_yaml(DATA / "news.yaml")
    public = builder.child(home, NewsIndexPage, "news", data["indexes"]["news"], show_in_menus=True)
    partners = builder.child(area, NewsIndexPage, "partners-news", data["indexes"]["partners-news"])
    organisations = organisations_by_acronym(builder)
    event_model = apps.get_model("gci_calendar", "EventPage")
    material_model = apps.get_model("materials", "Material")
    for item in data["items"]:
        parent = partners if item.get("restricted") else public
        page = NewsPage.objects.filter(locale=builder.locales["en"], slug=item["slug"]).first()
        if page is None:
            texts = item["texts"]["en"]
            page = NewsPage(
                title=texts["title"],
                slug=item["slug"],
                date=item["date"],
                news_type=item["type"],
                intro=texts["intro"],
                body=body_from(texts.get("body", [])),
            )
            page.related_events = [
                NewsPageEvent(event=event)
                for event in event_model.objects.filter(
                    locale=builder.locales["en"], slug__in=item.get("events", [])
                ).order_by("start_date")
            ]
            parent.add_child(instance=page)
            page.organisations.set([organisations[a] for a in item.get("organisations", [])])
            page.related_materials.set(
                material_model.objects.filter(title__in=item.get("materials", []))
            )
            page.save_revision().publish()
        for code, texts in item["texts"].items():
            locale = builder.locales[code]
            if code == "en" or page.get_translation_or_none(locale) is not None:
                continue
            translation = page.copy_for_translation(locale)
            translation.title = texts["title"]
            translation.intro = texts["intro"]
            translation.body = body_from(texts.get("body", []))
            translation.save_revision().publish()
    return public, partners
