"""The restricted collection that holds the letters of workshop requests.

Letters come from governments and UNEP's regional offices and name people:
only the Secretariat reads them (a CollectionViewRestriction, so Wagtail's
serve view and documents API refuse them to anyone else, the requesting
Partner included, who sees only that a letter is attached).
"""

from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from gci.home.roles import SECRETARIAT

WORKSHOP_REQUESTS = "Workshop requests"


def workshop_letters_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=WORKSHOP_REQUESTS).first()
    if collection is None:
        collection = root.add_child(name=WORKSHOP_REQUESTS)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set(Group.objects.filter(name=SECRETARIAT))
    return collection
