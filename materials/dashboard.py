"""The panels of materials/ on the Partners' dashboard: the review, the suitcase."""

from django.db.models import Count, Q
from django.utils import timezone

from gci.home.roles import is_secretariat
from gci.site.memo import live_page_for_language

from .choices import AssignmentState, MaterialStatus
from .models import Material, ReviewAssignment, ReviewIndexPage, ReviewRound, SuitcasePage
from .views.suitcase import submissions_for

RECENT_COUNT = 5
# What waits for an organisation's answer (a change request waits for the Secretariat).
WAITING = [AssignmentState.INVITED, AssignmentState.REVIEWING]


def review_panel(request, organisation):
    """What waits for the organisation (or, for the Secretariat, every open round)."""
    index = live_page_for_language(ReviewIndexPage)
    if index is None:
        return None
    today = timezone.localdate()
    if is_secretariat(request.user):
        rounds = list(
            ReviewRound.objects.filter(completed_at__isnull=True)
            .select_related("locale", "guide")
            .annotate(
                waiting=Count("assignments", filter=Q(assignments__state__in=WAITING)),
                total=Count("assignments"),
            )
        )
        return {
            "template": "materials/panels/review.html",
            "index": index,
            "scope": "all",
            "rounds": rounds,
            "today": today,
        }
    if organisation is None:
        return None
    assignments = list(
        ReviewAssignment.objects.filter(organisation=organisation, state__in=WAITING)
        .select_related("round__locale", "round__guide")
        .order_by("round__deadline")
    )
    # A round replaced by a newer one of its language waits for nobody.
    newest = {}
    for round_id, guide_id, locale_id in ReviewRound.objects.values_list(
        "pk", "guide_id", "locale_id"
    ):
        newest.setdefault((guide_id, locale_id), round_id)
    assignments = [
        a for a in assignments if newest.get((a.round.guide_id, a.round.locale_id)) == a.round_id
    ]
    return {
        "template": "materials/panels/review.html",
        "index": index,
        "scope": "organisation",
        "assignments": assignments,
        "today": today,
    }


def suitcase_panel(request, organisation):
    """The suitcase, and what this person's organisation sent and its state."""
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
