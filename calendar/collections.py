"""The restricted collection that holds the letters of workshop requests.

Letters come from governments and UNEP's regional offices and name people:
only the Secretariat reads them (a CollectionViewRestriction, so Wagtail's
serve view and documents API refuse them to anyone else, the requesting
Partner included, who sees only that a letter is attached).
"""

from gci.home.roles import SECRETARIAT
from gci.home.visibility import restricted_collection

WORKSHOP_REQUESTS = "Workshop requests"


def workshop_letters_collection():
    return restricted_collection(WORKSHOP_REQUESTS, [SECRETARIAT])
