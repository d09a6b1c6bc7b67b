"""Demo e-learning catalogue: the courses the 2009 report describes
(`courses.yaml`), some translated, and the public page that lists them
(`pages.yaml`). Idempotent; the texts are the project's own."""

from decimal import Decimal
from pathlib import Path

from gci.home.datafiles import read_yaml
from gci.home.demo.support import organisations_by_acronym

from ..models import Course, CourseCatalogPage

DATA = Path(__file__).parent
TRANSLATED = ("title", "description", "audience", "access", "access_details")


def load(builder, home):
    pages = read_yaml(DATA / "pages.yaml")
    catalogue = builder.child(
        home, CourseCatalogPage, "courses", pages["courses"], show_in_menus=True
    )
    organisations = organisations_by_acronym(builder)
    for data in read_yaml(DATA / "courses.yaml"):
        _course(builder, organisations, data)
    return catalogue


def _course(builder, organisations, data):
    english = builder.locales["en"]
    course = Course.objects.filter(locale=english, title=data["title"]).first()
    if course is None:
        course = Course(
            locale=english,
            title=data["title"],
            description=data.get("description", ""),
            provider=organisations.get(data["provider"]),
            status=data["status"],
            treaties=data["treaties"],
            languages=data["languages"],
            audience=data.get("audience", ""),
            length=Decimal(str(data["length"])) if "length" in data else None,
            length_unit=data.get("length_unit", "hours"),
            access=data.get("access", ""),
            access_details=data.get("access_details", ""),
            link_url=data.get("link_url", ""),
        )
        course.full_clean()
        course.save()
    for code, texts in data.get("translations", {}).items():
        if course.get_translation_or_none(builder.locales[code]) is None:
            translation = course.copy_for_translation(builder.locales[code])
            for field in TRANSLATED:
                if field in texts:
                    setattr(translation, field, texts[field])
            translation.save()
    return course
