"""The suitcase's panel on the Partners' dashboard."""

from gci.home.roles import is_secretariat

from .choices import MaterialStatus
from .models import Material, SuitcasePage

RECENT_COUNT = 5


def suitcase_panel(request, organisation):
    """The suitcase, and what this person's organisation sent and its state."""
    from .views.suitcase import submissions_for

    suitcase = SuitcasePage.for_active_locale()
    if suitcase is None:
        return None
    pending_review = None
    if is_secretariat(request.user):
        pending_review = Material.objects.filter(status=MaterialStatus.SUBMITTED).count()
    return {
        "template": "materials/panels/suitcase.html",
        "suitcase": suitcase,
        "submissions": list(submissions_for(request.user)[:RECENT_COUNT]),
        "pending_review": pending_review,
    }
