"""The large dataset `make bench` serves (in its own database, never the
suite's): the demo site plus 10,000 events, 300 Partner users, 2,000 action
points, 5,000 suitcase materials (100 of them with a file in the restricted
collection) and a 30-chapter Guide live in the six languages.

Other parts add theirs by appending a function ``(scale) -> str`` to
``BUILDERS`` (the Guide's chapters, the suitcase's materials…); it returns a
line saying what it made.
"""

import datetime as dt
import random
import time
from html import unescape

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from gci.calendar.models import ActionPoint, EventPage
from gci.home.choices import UNRegion
from gci.home.models import Membership, PartnerOrganisation
from gci.materials import review
from gci.materials.demo import guide as demo_guide
from gci.materials.models import GuideChapterPage, Material, MaterialVersion
from tests.calendar.test_scale import bulk_events
from tests.factories.calendar import planning_index, public_index
from tests.factories.materials import SuitcaseDocumentFactory, english_guide
from tests.materials.test_guide_scale import grow
from tests.materials.test_suitcase_scale import bulk_materials

SCALE = {
    "events": 10_000,
    "partner_users": 300,
    "action_points": 2_000,
    "materials": 5_000,
    "material_files": 100,
    "guide_chapters": 30,
}
PASSWORD = "bench-partner-password"


def events(scale):
    today = timezone.localdate()
    public = scale["events"] * 9 // 10
    bulk_events(public_index(), public, today - dt.timedelta(days=365))
    bulk_events(planning_index(), scale["events"] - public, today - dt.timedelta(days=365))
    return f"{EventPage.objects.count()} events"


def partner_users(scale):
    organisations = list(PartnerOrganisation.objects.filter(locale=Locale.get_default()))
    partners = Group.objects.get(name="Partners")
    password = make_password(PASSWORD)
    users = get_user_model().objects.bulk_create(
        get_user_model()(
            username=f"bench{i}",
            email=f"bench{i}@partners.example",
            first_name="Bench",
            last_name=f"Partner {i}",
            password=password,
        )
        for i in range(scale["partner_users"])
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=organisations[i % len(organisations)])
        for i, user in enumerate(users)
    )
    partners.user_set.add(*users)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.bulk_create(
        EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
    )
    return f"{len(users)} Partner users"


def action_points(scale):
    meeting = EventPage.objects.get(slug="fifth-partners-meeting-2009", locale__language_code="en")
    organisations = list(PartnerOrganisation.objects.filter(locale=Locale.get_default()))
    rng = random.Random(7)
    today = timezone.localdate()
    points = ActionPoint.objects.bulk_create(
        ActionPoint(
            meeting=meeting,
            text=f"Bench action point {i}: share the training plan",
            due_date=today + dt.timedelta(days=rng.randint(-60, 120)),
            status=rng.choice(["open", "open", "in_progress", "done"]),
        )
        for i in range(scale["action_points"])
    )
    Through = ActionPoint.owners.through
    Through.objects.bulk_create(
        Through(actionpoint_id=p.pk, partnerorganisation_id=rng.choice(organisations).pk)
        for p in points
    )
    return f"{len(points)} action points"


def suitcase(scale):
    """The suitcase's materials (the scale test's helper: types, treaty topics,
    languages, years and organisations in turn), spread over the UN regions;
    some carry a real small PDF in the restricted "GCI suitcase" collection
    instead of a link. They are not in the search index (bulk rows)."""
    bulk_materials(scale["materials"], 0)
    pks = list(
        Material.objects.sources()
        .filter(title__startswith="Bulk material")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    regions = UNRegion.values
    for i, region in enumerate(regions):
        Material.objects.filter(pk__in=pks[i :: len(regions)]).update(region=region)
    files = scale["material_files"]
    with_file = pks[:: max(1, len(pks) // files)][:files] if files else []
    for i, pk in enumerate(with_file):
        document = SuitcaseDocumentFactory(title=f"Bench suitcase file {i}")
        Material.objects.filter(pk=pk).update(document=document, link_url="")
        MaterialVersion.objects.create(material_id=pk, document=document, number=1)
    return f"{len(pks)} suitcase materials, {len(with_file)} with a file"


# Titles of the chapters `grow` adds ("Annex 7"…), in each language.
ANNEX = {
    "en": "Annex {}",
    "fr": "Annexe {}",
    "es": "Anexo {}",
    "ru": "Приложение {}",
    "ar": "الملحق {}",
    "zh-hans": "附件{}",
}
# Letters for stand-in text where the demo Guide has no translation (its
# Russian and Arabic cover the first two chapters, and there is no Chinese).
LETTERS = {
    "ru": "абвгдежзийклмнопрстуфхцчшщыэюя",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "zh-hans": (
        "海关环境公约废物化学品贸易控制边境检查许可证进出口"
        "濒危物种臭氧层消耗物质执法合作培训国家组织秘书处危险非法走私货物"
    ),
}


def stand_in(english, code):
    """A stand-in translation of about the length a real one has: words of
    the same length in Cyrillic or Arabic letters; for Chinese, a character
    for three English letters."""
    rng = random.Random(f"{code}:{english}")
    letters = LETTERS[code]
    if code == "zh-hans":
        chars = [rng.choice(letters) for _ in range(max(2, len(english) // 3))]
        return "".join(c + ("。" if i % 25 == 24 else "") for i, c in enumerate(chars))
    return " ".join("".join(rng.choice(letters) for _ in word) for word in english.split())


def translate(pages, locale, texts):
    """The demo's translation (strings entered in wagtail-localize, saved as
    drafts); on the pages the demo translated already, the strings it left
    in English are entered too."""
    earlier = [page for page in pages if page.get_translation_or_none(locale) is not None]
    demo_guide.translate(pages, locale, texts)
    code = locale.language_code
    for page in earlier:
        source = TranslationSource.objects.get_for_instance(page)
        segments = list(
            StringSegment.objects.filter(source=source).select_related("string", "context")
        )
        entered = set(
            StringTranslation.objects.filter(
                locale=locale, translation_of__in=[segment.string for segment in segments]
            ).values_list("translation_of_id", "context_id")
        )
        added = [
            StringTranslation(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=escape(texts[unescape(segment.string.data)][code]),
                translation_type="manual",
            )
            for segment in segments
            if (segment.string_id, segment.context_id) not in entered
            and unescape(segment.string.data) in texts
        ]
        if added:
            StringTranslation.objects.bulk_create(added)
            Translation.objects.get(source=source, target_locale=locale).save_target(publish=False)


def guide(scale):
    """The demo Guide grown to 30 chapters (the scale test's helper: the
    annexes take the demo chapters' text in turn), translated into the five
    other languages through wagtail-localize, reviewed in a round per
    language (two organisations approve), published; then a new French
    round left open for every organisation, as when a revision goes out."""
    english = english_guide()
    existing = GuideChapterPage.objects.child_of(english).count()
    grow(scale["guide_chapters"] - existing, sources=range(1, existing + 1))
    pages = review.guide_pages(english)
    texts = demo_guide.texts()
    for number in range(existing + 1, scale["guide_chapters"] + 1):
        texts[ANNEX["en"].format(number)] = {
            code: title.format(number) for code, title in ANNEX.items()
        }
    for original, translations in texts.items():
        for code in LETTERS:
            translations.setdefault(code, stand_in(original, code))
    secretariat = get_user_model().objects.get(email="secretariat@greencustoms.example")
    organisations = list(
        PartnerOrganisation.objects.filter(locale=Locale.get_default()).order_by("pk")
    )
    today = timezone.localdate()
    languages = ["fr", "es", "ru", "ar", "zh-hans"]
    for code in languages:
        locale = Locale.objects.get(language_code=code)
        translate(pages, locale, texts)
        review_round = review.open_round(
            english,
            locale,
            today - dt.timedelta(days=10),
            organisations[:2],
            secretariat,
            notify=False,
        )
        for assignment in review_round.assignments.all():
            review.act(assignment, assignment.version, secretariat, "approve")
        demo_guide.publish_translations(english, locale)
    review.open_round(
        english,
        Locale.objects.get(language_code="fr"),
        today + dt.timedelta(days=30),
        organisations,
        secretariat,
        message="The revised French Guide is ready for your review.",
        notify=False,
    )
    live = GuideChapterPage.objects.live().count()
    return (
        f"a Guide of {len(pages) - 1} chapters, "
        f"{live} chapter pages live in {len(languages) + 1} languages"
    )


BUILDERS = [events, partner_users, action_points, suitcase, guide]


def build(scale=None):
    """Runs each builder in one transaction; returns what each made and how
    long it took."""
    scale = {**SCALE, **(scale or {})}
    made = []
    with transaction.atomic():
        for builder in BUILDERS:
            start = time.perf_counter()
            made.append(f"{builder(scale)} ({time.perf_counter() - start:.0f} s)")
    return made
