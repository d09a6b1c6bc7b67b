"""The restricted collections that hold the suitcase's files.

Approved materials live in "GCI suitcase" (Partners and Secretariat);
submissions wait in "Suitcase submissions" (Secretariat only) until they are
approved. Both are restricted by a CollectionViewRestriction, so Wagtail's
serve view, its documents API and our rich-text link handler all refuse them
to anyone else.
"""

from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from gci.home.roles import PARTNERS, SECRETARIAT

SUITCASE = "GCI suitcase"
SUBMISSIONS = "Suitcase submissions"
CASE_STUDY_PHOTOS = "Partners' case-study photos"


def _restricted(name, groups):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set(Group.objects.filter(name__in=groups))
    return collection


def suitcase_collection():
    return _restricted(SUITCASE, [PARTNERS, SECRETARIAT])


def submissions_collection():
    return _restricted(SUBMISSIONS, [SECRETARIAT])


def case_study_photos_collection():
    return _restricted(CASE_STUDY_PHOTOS, [PARTNERS, SECRETARIAT])
