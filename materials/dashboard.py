"""The panels of materials/ on the Partners' dashboard: the review, the suitcase."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gci.home.roles import is_secretariat
from gci.site.admin_panels import ROWS_SHOWN, ListingPanel, Row
from gci.site.dates import format_date
from gci.site.memo import live_page_for_language

from .choices import AssignmentState, MaterialStatus
from .models import (
    ChapterReadMark,
    GuideChapterPage,
    Material,
    ReviewAssignment,
    ReviewComment,
    ReviewIndexPage,
    ReviewRound,
    SuitcasePage,
)
from .models.review import ANSWERED_STATES
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
            "column": "main",
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
    # What waits for the organisation is a task on the dashboard ("Your
    # tasks"), not a panel of its own.
    return {
        "template": None,
        "index": index,
        "scope": "organisation",
        "assignments": assignments,
        "today": today,
        "tasks": [_review_task(index, a) for a in _with_progress(assignments)],
    }


def _with_progress(assignments):
    """Each assignment with its chapters (English, in order) and the ids of
    the organisation has marked read or commented on: "done" as far as the site
    knows."""
    if not assignments:
        return []
    commented = set(
        ReviewComment.objects.filter(assignment__in=assignments, chapter__isnull=False)
        .values_list("assignment_id", "chapter_id")
        .distinct()
    ) | set(
        ChapterReadMark.objects.filter(assignment__in=assignments).values_list(
            "assignment_id", "chapter_id"
        )
    )
    chapters_of = {}
    for assignment in assignments:
        guide_id = assignment.round.guide_id
        if guide_id not in chapters_of:
            chapters_of[guide_id] = list(
                GuideChapterPage.objects.child_of(assignment.round.guide)
                .order_by("number", "path")
                .only("pk", "title", "number")
            )
        assignment.chapters = chapters_of[guide_id]
        assignment.done_ids = {
            c.pk for c in assignment.chapters if (assignment.pk, c.pk) in commented
        }
    return assignments


def _review_task(index, assignment):
    review_round = assignment.round
    round_url = index.url + index.reverse_subpage("round", args=[review_round.pk])
    chapters = assignment.chapters
    done = len(assignment.done_ids)
    following = next((c for c in chapters if c.pk not in assignment.done_ids), None)
    if following is not None:
        url = index.url + index.reverse_subpage("chapter", args=[review_round.pk, following.pk])
        button = _("Start the review") if not done else _("Continue the review")
    else:  # every chapter is read or commented on: what is left is the answer
        url, button = round_url, _("Send your answer")
    return {
        "kind": "review",
        "kind_label": _("Guide review"),
        "title": _("Review the %(language)s translation of the Guide")
        % {"language": review_round.language_name},
        "title_url": round_url,
        "progress": {"done": done, "total": len(chapters)},
        "deadline": review_round.deadline,
        "url": url,
        "button": button,
        "rank": 0,
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


# -- The Secretariat's admin dashboard (gci.site.admin_panels) ---------------


def may_run_review_rounds(user):
    return user.has_perm("materials.change_reviewround")


def review_rounds_admin_panel(request):
    """Open rounds in which at least one organisation has answered."""
    answered = Q(assignments__state__in=ANSWERED_STATES)
    rounds = (
        ReviewRound.objects.filter(completed_at__isnull=True)
        .annotate(answered=Count("assignments", filter=answered), total=Count("assignments"))
        .filter(answered__gt=0)
        .select_related("guide", "locale")
        .order_by("deadline", "pk")
    )
    return ListingPanel(
        name="gci-review-rounds",
        heading=_("Review rounds with answers in"),
        count=rounds.count(),
        rows=[
            Row(
                str(r),
                reverse("review_rounds:inspect", args=[r.pk]),
                _("%(answered)s of %(total)s answered, deadline %(date)s")
                % {
                    "answered": r.answered,
                    "total": r.total,
                    "date": format_date(r.deadline),
                },
            )
            for r in rounds[:ROWS_SHOWN]
        ],
        listing_url=reverse("review_rounds:index"),
        count_label=_("open with answers in"),
        listing_label=_("All review rounds"),
        empty=_("No open round has answers yet."),
        order=120,
    )


def may_decide_submissions(user):
    return user.has_perm("materials.change_material")


def submissions_admin_panel(request):
    """Materials the Partners sent, waiting for the Secretariat's decision."""
    waiting = (
        Material.objects.sources()
        .filter(submitted_by__isnull=False, status=MaterialStatus.SUBMITTED)
        .select_related("organisation")
        .order_by("submitted_at", "pk")
    )
    return ListingPanel(
        name="gci-suitcase-submissions",
        heading=_("Suitcase submissions to decide"),
        count=waiting.count(),
        rows=[
            Row(
                m.title,
                reverse("suitcase_submissions:edit", args=[m.pk]),
                m.organisation.acronym if m.organisation_id else "",
            )
            for m in waiting[:ROWS_SHOWN]
        ],
        listing_url=reverse("suitcase_submissions:index") + "?status=submitted",
        count_label=_("waiting for a decision"),
        listing_label=_("All suitcase submissions"),
        empty=_("No submission waits for a decision."),
        order=130,
    )


def enforcement_panel(request, organisation):
    """The organisation's latest enforcement records and where each stands."""
    from .models import EnforcementRecord

    records = []
    if organisation is not None:
        records = list(
            EnforcementRecord.objects.filter(organisation=organisation).order_by(
                "-submitted_at", "-pk"
            )[:RECENT_COUNT]
        )
    return {"template": "materials/panels/enforcement.html", "records": records}
