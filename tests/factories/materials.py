"""Helpers for the Guide and its review rounds, on top of the demo Guide."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from wagtail.models import Locale

from gci.home.models import Membership, PartnerOrganisation
from gci.materials.models import GuideChapterPage, GuidePage, ReviewIndexPage, ReviewRound

from .home import UserFactory


def english_guide():
    return GuidePage.objects.get(locale=Locale.get_default())


def chapter(number, language="en"):
    return GuideChapterPage.objects.get(number=number, locale__language_code=language)


def review_index():
    return ReviewIndexPage.objects.get(locale=Locale.get_default())


def current_round(language):
    return ReviewRound.objects.filter(guide=english_guide(), locale__language_code=language).first()


def round_url(review_round, language="en"):
    index = ReviewIndexPage.objects.get(locale__language_code=language)
    return index.url + index.reverse_subpage("round", args=[review_round.pk])


def chapter_url(review_round, english_chapter):
    index = review_index()
    return index.url + index.reverse_subpage("chapter", args=[review_round.pk, english_chapter.pk])


def partner_of(acronym, email=None):
    """A signed-up Partner of the organisation with this acronym."""
    organisation = PartnerOrganisation.objects.get(acronym=acronym, locale=Locale.get_default())
    user = UserFactory(username=email or f"{acronym.lower()}-member", email=email or "")
    if not user.email:
        user.email = f"{acronym.lower()}.member@example.org"
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    user.groups.add(Group.objects.get(name="Partners"))
    Membership.objects.update_or_create(user=user, defaults={"organisation": organisation})
    return user
