"""The restricted collections of the workshop cycle.

Letters of workshop requests come from governments and UNEP's regional
offices and name people: only the Secretariat reads them (a
CollectionViewRestriction, so Wagtail's serve view and documents API refuse
them to anyone else, the requesting Partner included, who sees only that a
letter is attached).

A consultation's concept note and draft agenda sit in "Workshop
consultations", closed to all but the Partners and the Secretariat by its
CollectionViewRestriction; among the Partners, only the organisations invited
to the consultation may open them (``gci.calendar.consultations.
refuse_uninvited_documents``, a ``before_serve_document`` hook).
"""

from gci.home.roles import PARTNERS, SECRETARIAT
from gci.home.visibility import restricted_collection

WORKSHOP_REQUESTS = "Workshop requests"
CONSULTATIONS = "Workshop consultations"


def workshop_letters_collection():
    return restricted_collection(WORKSHOP_REQUESTS, [SECRETARIAT])


def consultations_collection():
    return restricted_collection(CONSULTATIONS, [PARTNERS, SECRETARIAT])
