"""The restricted collections that hold the suitcase's files.

Approved materials live in "GCI suitcase" (Partners and Secretariat);
submissions wait in "Suitcase submissions" (Secretariat only) until they are
approved. Both are restricted by a CollectionViewRestriction, so Wagtail's
serve view, its documents API and our rich-text link handler all refuse them
to anyone else. The Guide's PDFs, by contrast, are public: "Guide PDFs".
"""

from wagtail.models import Collection

from gci.home.roles import PARTNERS, SECRETARIAT
from gci.home.visibility import restricted_collection

SUITCASE = "GCI suitcase"
SUBMISSIONS = "Suitcase submissions"
CASE_STUDY_PHOTOS = "Partners' case-study photos"


def suitcase_collection():
    return restricted_collection(SUITCASE, [PARTNERS, SECRETARIAT])


def submissions_collection():
    return restricted_collection(SUBMISSIONS, [SECRETARIAT])


def case_study_photos_collection():
    return restricted_collection(CASE_STUDY_PHOTOS, [PARTNERS, SECRETARIAT])


GUIDE_PDFS = "Guide PDFs"


def guide_pdfs_collection():
    """The public collection of the Guide's PDFs (``gci.materials.guide_pdf``):
    no view restriction, so anyone may download them."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=GUIDE_PDFS).first()
    return collection or root.add_child(name=GUIDE_PDFS)


ENFORCEMENT_SUBMISSIONS = "Enforcement photos (not public)"
ENFORCEMENT_PHOTOS = "Enforcement photos"


def enforcement_submissions_collection():
    """Photos of enforcement records not (or no longer) public: the
    Secretariat's alone, until a record is published for everyone."""
    return restricted_collection(ENFORCEMENT_SUBMISSIONS, [SECRETARIAT])


def enforcement_photos_collection():
    """Photos of public enforcement records: no view restriction."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=ENFORCEMENT_PHOTOS).first()
    return collection or root.add_child(name=ENFORCEMENT_PHOTOS)
