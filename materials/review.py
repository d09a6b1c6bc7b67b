"""What a review round does: open it, act on an assignment, comment, resolve,
complete (the gate that keeps an unreviewed translation unpublished is
``gci.materials.gate``).

Views, the admin and the demo all go through these functions, so the history
(`ReviewEvent`) and the completion of a round are kept in one place.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypedDict

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from wagtail.models import Page

from gci.home.models import Membership
from gci.site.mail import addresses_of, in_each_language, send_templated
from gci.site.outbox import batch

from .choices import AssignmentState, ReviewAction
from .gate import fingerprint, needs_review_again, reviewed_translation
from .models import (
    ChapterReadMark,
    GuideChapterPage,
    ReviewAssignment,
    ReviewComment,
    ReviewEvent,
    ReviewRound,
)

if TYPE_CHECKING:
    import datetime as dt

    from django.contrib.auth.models import AnonymousUser, User
    from wagtail.models import Locale
    from wagtail.query import PageQuerySet

    from gci.home.models import PartnerOrganisation

    from .models import GuidePage

logger = logging.getLogger(__name__)

# What each button does to an assignment.
ACTIONS = {
    "approve": (AssignmentState.APPROVED, ReviewAction.APPROVED),
    "request_changes": (AssignmentState.CHANGES_REQUESTED, ReviewAction.CHANGES_REQUESTED),
    "decline": (AssignmentState.DECLINED, ReviewAction.DECLINED),
}

# {English page id: {"source": fingerprint, "translation": fingerprint}}
Fingerprints = dict[str, dict[str, str | None]]


class AssignmentConflict(Exception):
    """Someone else acted on the assignment first; `current` is its new state."""

    def __init__(self, current: ReviewAssignment) -> None:
        super().__init__("assignment changed")
        self.current = current


class RoundClosed(Exception):
    """A newer round of the same language replaced this one."""


# --- The fingerprints and the gate live in gci.materials.gate --------------


def guide_pages(guide: GuidePage) -> list[Page]:
    """The English Guide page and its chapters, in order."""
    return [guide, *GuideChapterPage.objects.child_of(guide).order_by("number", "path")]


def compute_fingerprints(review_round: ReviewRound) -> Fingerprints:
    """What the round covers: the fingerprints of each English page and of its
    translation as reviewers see it."""
    result: Fingerprints = {}
    for page in guide_pages(review_round.guide):
        result[str(page.pk)] = {
            "source": fingerprint(page),
            "translation": fingerprint(reviewed_translation(page, review_round.locale)),
        }
    return result


# --- Rounds ----------------------------------------------------------------


def members(organisations: Iterable[PartnerOrganisation | int]) -> list[Membership]:
    """The active members of these organisations (given as objects or ids)."""
    return list(
        Membership.objects.filter(
            organisation__in=organisations, user__is_active=True
        ).select_related("user", "organisation")
    )


def log(
    review_round: ReviewRound,
    action: ReviewAction,
    actor: User | None = None,
    assignment: ReviewAssignment | None = None,
    comment: ReviewComment | None = None,
    note: str = "",
) -> ReviewEvent:
    """Record one event in the round's history."""
    return ReviewEvent.objects.create(
        round=review_round,
        action=action,
        actor=actor,
        assignment=assignment,
        comment=comment,
        note=note,
    )


@transaction.atomic
def open_round(
    guide: GuidePage,
    locale: Locale,
    deadline: dt.date,
    organisations: Iterable[PartnerOrganisation],
    opened_by: User,
    message: str = "",
    notify: bool = True,
) -> ReviewRound:
    """Open a round for one language and invite the organisations (emails
    go out once the transaction commits)."""
    review_round = ReviewRound.objects.create(
        guide=guide, locale=locale, deadline=deadline, message=message, opened_by=opened_by
    )
    log(review_round, ReviewAction.OPENED, opened_by, note=message)
    invite(review_round, organisations, opened_by, notify=notify)
    if notify:  # workflows notify the Secretariat's moderators by email
        start_workflows(review_round, opened_by)
    return review_round


def invite(
    review_round: ReviewRound,
    organisations: Iterable[PartnerOrganisation],
    actor: User | None,
    notify: bool = True,
) -> list[ReviewAssignment]:
    """Invite organisations not invited yet; returns their new assignments."""
    _ensure_current(review_round)
    new: list[ReviewAssignment] = []
    for organisation in organisations:
        assignment, created = ReviewAssignment.objects.get_or_create(
            round=review_round, organisation=organisation
        )
        if created:
            new.append(assignment)
            log(review_round, ReviewAction.INVITED, actor, assignment=assignment)
    if new:
        refresh_completion(review_round, actor)
        if notify:
            transaction.on_commit(lambda: email_invitations(review_round, new))
    return new


def email_invitations(review_round: ReviewRound, assignments: Sequence[ReviewAssignment]) -> None:
    """One email per member of each invited organisation, to them alone,
    delivered by one task (one connection)."""
    url = review_round_url(review_round)
    by_organisation: dict[PartnerOrganisation, list[User]] = {}
    for membership in members([a.organisation_id for a in assignments]):
        by_organisation.setdefault(membership.organisation, []).append(membership.user)
    if not by_organisation:
        return
    with batch():
        for organisation, users in by_organisation.items():
            context = {"round": review_round, "url": url, "organisation": organisation}
            send_templated("materials/email/invitation", context, addresses_of(users))


def review_round_url(review_round: ReviewRound) -> str:
    """The round's page, in the language of the email (or page) it is written in."""
    return in_each_language(lambda: review_round.url)


def change_deadline(review_round: ReviewRound, deadline: dt.date, actor: User) -> None:
    if review_round.deadline != deadline:
        old = review_round.deadline
        review_round.deadline = deadline
        review_round.save(update_fields=["deadline"])
        log(review_round, ReviewAction.DEADLINE_CHANGED, actor, note=f"{old} → {deadline}")


def refresh_completion(review_round: ReviewRound, actor: User | None = None) -> ReviewRound:
    """Mark the round complete (recording what was reviewed) or no longer so."""
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    assignments = list(
        review_round.assignments.annotate(
            open_count=Count(
                "comments",
                filter=Q(comments__parent__isnull=True, comments__resolved_at__isnull=True),
            )
        )
    )
    settled = bool(assignments) and all(a.is_settled(a.open_count) for a in assignments)
    if settled and review_round.completed_at is None:
        fingerprints = compute_fingerprints(review_round)
        if _reopen_outdated_approvals(review_round, assignments, fingerprints):
            return review_round
        review_round.completed_at = timezone.now()
        review_round.fingerprints = fingerprints
        review_round.save(update_fields=["completed_at", "fingerprints"])
        log(review_round, ReviewAction.COMPLETED, actor)
    elif not settled and review_round.completed_at is not None:
        review_round.completed_at = None
        review_round.fingerprints = {}
        review_round.save(update_fields=["completed_at", "fingerprints"])
        log(review_round, ReviewAction.INCOMPLETE, actor)
    return review_round


def _reopen_outdated_approvals(
    review_round: ReviewRound, assignments: Sequence[ReviewAssignment], fingerprints: Fingerprints
) -> bool:
    """An approval covers the text its reviewer saw. If the translation changed
    since, that organisation reviews again; returns whether any did."""
    current = {page_id: prints["translation"] for page_id, prints in fingerprints.items()}
    outdated = [
        a
        for a in assignments
        if a.state == AssignmentState.APPROVED and a.approved_fingerprint != current
    ]
    for assignment in outdated:
        ReviewAssignment.objects.filter(pk=assignment.pk).update(
            state=AssignmentState.REVIEWING,
            version=F("version") + 1,
            updated_at=timezone.now(),
            approved_fingerprint=None,
        )
        log(review_round, ReviewAction.APPROVAL_OUTDATED, None, assignment=assignment)
    return bool(outdated)


# --- Assignments and comments ---------------------------------------------


def can_act(user: User | AnonymousUser, assignment: ReviewAssignment) -> bool:
    """Whether `user` answers for the assignment's organisation."""
    membership = getattr(user, "membership", None)
    return membership is not None and membership.organisation_id == assignment.organisation_id


def assignment_for(
    user: User | AnonymousUser, review_round: ReviewRound
) -> ReviewAssignment | None:
    """The assignment of `user`'s organisation in the round, if it was invited."""
    membership = getattr(user, "membership", None)
    if membership is None:
        return None
    return review_round.assignments.filter(organisation_id=membership.organisation_id).first()


def _ensure_current(review_round: ReviewRound) -> None:
    if not review_round.is_current():
        raise RoundClosed


@transaction.atomic
def act(
    assignment: ReviewAssignment, expected_version: int, user: User, action: str, reason: str = ""
) -> ReviewAssignment:
    """Approve, request changes or decline; refused (AssignmentConflict) when
    someone else acted since `expected_version` was read."""
    _ensure_current(assignment.round)
    state, event = ACTIONS[action]
    changes: dict[str, Any] = {
        "state": state,
        "reason": reason,
        "version": F("version") + 1,
        "updated_at": timezone.now(),
        "updated_by": user,
        "approved_fingerprint": None,
    }
    if action == "approve":
        changes["approved_fingerprint"] = {
            str(page.pk): fingerprint(reviewed_translation(page, assignment.round.locale))
            for page in guide_pages(assignment.round.guide)
        }
    updated = ReviewAssignment.objects.filter(pk=assignment.pk, version=expected_version).update(
        **changes
    )
    current = ReviewAssignment.objects.select_related("round", "organisation").get(pk=assignment.pk)
    if not updated:
        raise AssignmentConflict(current)
    comment = None
    if action == "request_changes" and reason:
        comment = ReviewComment.objects.create(assignment=current, author=user, text=reason)
    log(current.round, event, user, assignment=current, comment=comment, note=reason)
    refresh_completion(current.round, user)
    return current


def start_reviewing(assignment: ReviewAssignment, user: User) -> None:
    """An invited organisation's member opened or commented the translation."""
    if assignment.state == AssignmentState.INVITED:
        updated = ReviewAssignment.objects.filter(
            pk=assignment.pk, state=AssignmentState.INVITED
        ).update(
            state=AssignmentState.REVIEWING,
            version=F("version") + 1,
            updated_at=timezone.now(),
            updated_by=user,
        )
        if updated:
            log(assignment.round, ReviewAction.STARTED, user, assignment=assignment)
            assignment.refresh_from_db()


@transaction.atomic
def add_comment(
    assignment: ReviewAssignment,
    user: User,
    text: str,
    chapter: GuideChapterPage | None = None,
    block_id: str = "",
    parent: ReviewComment | None = None,
) -> ReviewComment:
    """A remark on the translation (a chapter, a block of it) or an answer to one."""
    _ensure_current(assignment.round)
    comment = ReviewComment.objects.create(
        assignment=assignment,
        author=user,
        text=text,
        chapter=chapter,
        chapter_title=chapter.title if chapter else "",
        block_id=block_id,
        parent=parent,
    )
    if parent is None:
        start_reviewing(assignment, user)
        log(assignment.round, ReviewAction.COMMENTED, user, assignment=assignment, comment=comment)
        refresh_completion(assignment.round, user)
    else:
        log(assignment.round, ReviewAction.ANSWERED, user, assignment=assignment, comment=comment)
    return comment


@transaction.atomic
def resolve(comment: ReviewComment, user: User | None) -> bool:
    """The Secretariat marks a comment dealt with (once; later clicks do nothing)."""
    updated = ReviewComment.objects.filter(pk=comment.pk, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=user
    )
    if updated:
        log(
            comment.assignment.round,
            ReviewAction.RESOLVED,
            user,
            assignment=comment.assignment,
            comment=comment,
        )
        refresh_completion(comment.assignment.round, user)
    return bool(updated)


def mark_read(
    assignment: ReviewAssignment, chapter: GuideChapterPage, user: User, read: bool = True
) -> bool:
    """A reviewer marks a chapter read (or not read any more) for their
    organisation; returns whether it is now read by them."""
    _ensure_current(assignment.round)
    if not read:
        ChapterReadMark.objects.filter(assignment=assignment, chapter=chapter, user=user).delete()
        return False
    ChapterReadMark.objects.get_or_create(assignment=assignment, chapter=chapter, user=user)
    start_reviewing(assignment, user)
    return True


def read_marks(review_round: ReviewRound) -> dict[tuple[int, int], ChapterReadMark]:
    """{(assignment id, English chapter id): the first read mark} of a round."""
    marks: dict[tuple[int, int], ChapterReadMark] = {}
    for mark in ChapterReadMark.objects.filter(assignment__round=review_round).select_related(
        "user"
    ):
        marks.setdefault((mark.assignment_id, mark.chapter_id), mark)
    return marks


# --- Workflow --------------------------------------------------------------


def translated_pages(review_round: ReviewRound) -> PageQuerySet:
    """The pages of the round's language that translate the Guide (no aliases)."""
    keys = [page.translation_key for page in guide_pages(review_round.guide)]
    return Page.objects.filter(
        translation_key__in=keys, locale=review_round.locale, alias_of__isnull=True
    )


def start_workflows(review_round: ReviewRound, user: User) -> None:
    """Put each translated page with unpublished changes into its workflow, so
    the Secretariat's dashboard lists what the round will let them publish."""
    for page in translated_pages(review_round).filter(has_unpublished_changes=True).specific():
        workflow = page.get_workflow()
        if workflow is None or page.workflow_in_progress:
            continue
        try:
            workflow.start(page, user)
        except Exception:  # a workflow that cannot start must not stop the round
            logger.exception("Workflow not started on page %s", page.pk)


class MatrixCell(TypedDict):
    assignment: ReviewAssignment
    open: int
    read: ChapterReadMark | None
    status: str  # "approved", "read", "declined" or "unread"


class MatrixRow(TypedDict):
    chapter: Page
    needs_review: bool
    cells: list[MatrixCell]
    reviewed: int  # organisations that read the chapter or approved the translation
    expected: int  # invited organisations that did not decline


class Matrix(TypedDict):
    assignments: list[ReviewAssignment]
    rows: list[MatrixRow]
    general: list[int]  # open comments on no chapter, per organisation


def _cell_status(assignment: ReviewAssignment, read: ChapterReadMark | None) -> str:
    if assignment.state == AssignmentState.DECLINED:
        return "declined"
    if read is not None:
        return "read"
    if assignment.state == AssignmentState.APPROVED:
        return "approved"  # the approval covers every chapter
    return "unread"


def matrix(review_round: ReviewRound) -> Matrix:
    """Chapters × organisations: per cell whether the organisation read the
    chapter (or approved the whole translation, or declined) and its open
    comments; per chapter how many organisations reviewed it and the "needs
    review again" mark."""
    chapters = guide_pages(review_round.guide)[1:]
    assignments = list(review_round.assignments.select_related("organisation"))
    # {(assignment id, chapter id or None): open comments}
    counts: dict[tuple[int, int | None], int] = {
        (row["assignment_id"], row["chapter_id"]): row["n"]
        for row in ReviewComment.objects.filter(
            assignment__round=review_round, parent__isnull=True, resolved_at__isnull=True
        )
        .values("assignment_id", "chapter_id")
        .annotate(n=Count("pk"))
    }
    marks = read_marks(review_round)
    rows: list[MatrixRow] = []
    for chapter in chapters:
        cells: list[MatrixCell] = []
        for a in assignments:
            read = marks.get((a.pk, chapter.pk))
            cells.append(
                {
                    "assignment": a,
                    "open": counts.get((a.pk, chapter.pk), 0),
                    "read": read,
                    "status": _cell_status(a, read),
                }
            )
        rows.append(
            {
                "chapter": chapter,
                "needs_review": needs_review_again(review_round, chapter),
                "cells": cells,
                "reviewed": sum(1 for c in cells if c["status"] in {"read", "approved"}),
                "expected": sum(1 for c in cells if c["status"] != "declined"),
            }
        )
    general = [counts.get((a.pk, None), 0) for a in assignments]
    return {"assignments": assignments, "rows": rows, "general": general}
