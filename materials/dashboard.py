"""The review's panel on the Partners' dashboard."""

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Locale

from gci.home.roles import is_secretariat

from .choices import AssignmentState
from .models import ReviewAssignment, ReviewIndexPage, ReviewRound

WAITING = [AssignmentState.INVITED, AssignmentState.REVIEWING, AssignmentState.CHANGES_REQUESTED]


def review_panel(request, organisation):
    """What waits for the organisation (or, for the Secretariat, every open round)."""
    index = (
        ReviewIndexPage.objects.live().filter(locale=Locale.get_active()).first()
        or ReviewIndexPage.objects.live().filter(locale=Locale.get_default()).first()
    )
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
