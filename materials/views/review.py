"""The review in the Partners area, served by `ReviewIndexPage`'s routes.

Wagtail's view restriction on the Partners area has already let the person
in; here a round is shown only to the Secretariat and to members of the
organisations invited to it (to anyone else it does not exist: 404), and
only an invited organisation's members act on its assignment.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from gci.home.http import private
from gci.home.roles import display_name, is_secretariat

from .. import review
from ..forms.review import AnswerForm, CommentForm
from ..models import (
    ChapterReadMark,
    GuideChapterPage,
    ReviewAssignment,
    ReviewComment,
    ReviewIndexPage,
    ReviewRound,
)
from ..models.review import ANSWERED_STATES

# Ids in URLs beyond what a database integer holds do not exist (SQLite would
# raise on them instead of finding nothing).
MAX_ID = 2**63 - 1


def visible_rounds(user):
    rounds = ReviewRound.objects.select_related("guide", "locale").prefetch_related(
        Prefetch(
            "assignments",
            queryset=ReviewAssignment.objects.select_related("organisation"),
        )
    )
    if is_secretariat(user):
        return rounds
    membership = getattr(user, "membership", None)
    if membership is None:
        return rounds.none()
    return rounds.filter(assignments__organisation_id=membership.organisation_id)


def _round_or_404(request, round_id):
    if round_id > MAX_ID:
        raise Http404
    try:
        return visible_rounds(request.user).get(pk=round_id)
    except ReviewRound.DoesNotExist:
        raise Http404 from None


def _chapter_or_404(review_round, chapter_id):
    """The English chapter of the round's Guide with this id, or ``Http404``."""
    if chapter_id > MAX_ID:
        raise Http404
    english = GuideChapterPage.objects.child_of(review_round.guide).filter(pk=chapter_id).first()
    if english is None:
        raise Http404
    return english


def _render(request, page, template, context, status=200):
    context = {"page": page, "self": page, **context}
    return TemplateResponse(request, template, context, status=status)


@ReviewIndexPage.views.register
@private
def rounds(request, page):
    rounds = list(visible_rounds(request.user))
    current = {}
    for item in rounds:  # newest first: the first of each language is current
        current.setdefault((item.guide_id, item.locale_id), item)
    today = timezone.localdate()
    rows = [
        {
            "round": item,
            "current": current[(item.guide_id, item.locale_id)] is item,
            "overdue": item.is_overdue(today),
            "assignments": list(item.assignments.all()),
        }
        for item in rounds
    ]
    return _render(request, page, "materials/review/rounds.html", {"rows": rows})


@ReviewIndexPage.views.register
@private
def round_detail(request, page, round_id, answer_form=None, status=200):
    review_round = _round_or_404(request, round_id)
    assignment = review.assignment_for(request.user, review_round)
    changing = answer_form is not None  # an answer sent with an error or a conflict
    if answer_form is None and assignment is not None:
        answer_form = AnswerForm(initial={"version": assignment.version})
    matrix = review.matrix(review_round)
    reviewer = None
    if assignment is not None:
        column = next(i for i, a in enumerate(matrix["assignments"]) if a.pk == assignment.pk)
        cells = [row["cells"][column] for row in matrix["rows"]]
        unread = [
            row["chapter"]
            for row, cell in zip(matrix["rows"], cells, strict=True)
            if cell["read"] is None
        ]
        reviewer = {
            "answered": assignment.state in ANSWERED_STATES,
            "changing": changing,
            "read": sum(1 for cell in cells if cell["read"] is not None),
            "chapters": len(cells),
            "next_unread": unread[0] if unread else None,
        }
    context = {
        "round": review_round,
        "is_current": review_round.is_current(),
        "overdue": review_round.is_overdue(),
        "matrix": matrix,
        "assignment": assignment,
        "reviewer": reviewer,
        "answer_form": answer_form,
        "general_comments": _comments(review_round, chapter=None),
        "events": review_round.events.select_related("actor", "assignment__organisation").order_by(
            "-at", "-pk"
        )[:50],
        "is_secretariat": is_secretariat(request.user),
    }
    return _render(request, page, "materials/review/round.html", context, status=status)


@ReviewIndexPage.views.register
@private
def act(request, page, round_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    review_round = _round_or_404(request, round_id)
    assignment = review.assignment_for(request.user, review_round)
    if assignment is None:
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            current = review.act(
                assignment, data["version"], request.user, data["action"], data["reason"]
            )
        except review.RoundClosed:
            form.add_error(None, _("A newer round of this language has replaced this one."))
        except review.AssignmentConflict as conflict:
            current = conflict.current
            form.add_error(
                None,
                _(
                    "%(name)s answered for your organisation while you were writing: "
                    "the answer is now “%(state)s”. Your text is kept below; send it "
                    "again to replace their answer."
                )
                % {
                    "name": display_name(current.updated_by) or _("Someone"),
                    "state": current.get_state_display(),
                },
            )
            # Let them resend deliberately, against the version they have now seen.
            form.data = form.data.copy()
            form.data["version"] = current.version
            return round_detail(request, page, round_id, answer_form=form, status=409)
        else:
            messages.success(
                request,
                _("Your answer was recorded: %(state)s.") % {"state": current.get_state_display()},
            )
            return redirect(page.url + page.reverse_subpage("round", args=[review_round.pk]))
    return round_detail(request, page, round_id, answer_form=form, status=400)


def _comments(review_round, chapter):
    comments = (
        ReviewComment.objects.filter(assignment__round=review_round, parent__isnull=True)
        .select_related("author", "resolved_by", "assignment__organisation")
        .prefetch_related("answers__author")
    )
    if chapter is None:
        return list(comments.filter(chapter__isnull=True))
    return list(comments.filter(chapter=chapter))


def _language(locale):
    info = get_language_info(locale.language_code)
    return {
        "code": locale.language_code,
        "name": info["name_local"],
        "dir": "rtl" if info["bidi"] else "ltr",
    }


@ReviewIndexPage.views.register
@private
def chapter(request, page, round_id, chapter_id):
    review_round = _round_or_404(request, round_id)
    english = _chapter_or_404(review_round, chapter_id)
    assignment = review.assignment_for(request.user, review_round)
    secretariat = is_secretariat(request.user)
    block_ids = [block.id for block in english.body]
    form = CommentForm(block_ids=block_ids)
    status = 200
    if request.method == "POST":
        form = CommentForm(request.POST, block_ids=block_ids)
        if form.is_valid():
            response = _save_comment(request, page, review_round, english, assignment, form)
            if response is not None:
                return response
        status = 400
    translated = review.reviewed_translation(english, review_round.locale)
    translated_blocks = {block.id: block for block in translated.body} if translated else {}
    comments = _comments(review_round, english)
    by_block = {}
    for comment in comments:
        by_block.setdefault(comment.block_id, []).append(comment)
    rows = [
        {
            "source": block,
            "translation": translated_blocks.get(block.id),
            "number": english.section_numbers.get(block.id),
            "comments": by_block.get(block.id, []),
        }
        for block in english.body
    ]
    chapters = list(GuideChapterPage.objects.child_of(review_round.guide).order_by("number"))
    position = next(i for i, item in enumerate(chapters) if item.pk == english.pk)
    target = _language(review_round.locale)
    read_marks = []
    if assignment is not None:
        read_marks = list(
            ChapterReadMark.objects.filter(assignment=assignment, chapter=english).select_related(
                "user"
            )
        )
    context = {
        "round": review_round,
        "english": english,
        # Titles isolated from the text around them, so that an Arabic title
        # and its number never trade places (and the other way round).
        "english_title": format_html('<bdi lang="en" dir="ltr">{}</bdi>', english.title),
        "translated_title": (
            format_html(
                '<bdi lang="{}" dir="{}">{}</bdi>', target["code"], target["dir"], translated.title
            )
            if translated
            else None
        ),
        "read_marks": read_marks,
        "read_by_me": any(mark.user_id == request.user.pk for mark in read_marks),
        "comment_block": request.GET.get("comment", "") if request.method == "GET" else "",
        "translated": translated,
        "rows": rows,
        "chapter_comments": by_block.get("", []),
        "form": form,
        "assignment": assignment,
        "can_comment": review_round.is_current() and (assignment is not None or secretariat),
        "is_secretariat": secretariat,
        "needs_review_again": review.needs_review_again(review_round, english),
        "target": target,
        "chapters": chapters,
        "previous_chapter": chapters[position - 1] if position else None,
        "next_chapter": chapters[position + 1] if position + 1 < len(chapters) else None,
    }
    return _render(request, page, "materials/review/chapter.html", context, status=status)


def _save_comment(request, page, review_round, english, assignment, form):
    """Store a comment or an answer; None when the form got an error instead."""
    data = form.cleaned_data
    parent = None
    if data.get("parent"):
        parent = (
            ReviewComment.objects.filter(
                pk=data["parent"], assignment__round=review_round, parent__isnull=True
            )
            .select_related("assignment")
            .first()
        )
        if parent is None:
            form.add_error(None, _("The comment you answered no longer exists."))
            return None
        # The Secretariat answers anyone; a Partner answers within their own organisation.
        if not is_secretariat(request.user) and not review.can_act(request.user, parent.assignment):
            raise PermissionDenied
        target = parent.assignment
    elif assignment is not None:
        target = assignment
    else:
        raise PermissionDenied  # only invited organisations raise comments
    try:
        review.add_comment(
            target,
            request.user,
            data["text"],
            chapter=english,
            block_id=parent.block_id if parent else data["block_id"],
            parent=parent,
        )
    except review.RoundClosed:
        form.add_error(None, _("A newer round of this language has replaced this one."))
        return None
    messages.success(request, _("Your comment was added."))
    anchor = f"#block-{data['block_id']}" if data["block_id"] and not parent else ""
    return redirect(
        page.url + page.reverse_subpage("chapter", args=[review_round.pk, english.pk]) + anchor
    )


@ReviewIndexPage.views.register
@private
def chapter_read(request, page, round_id, chapter_id):
    """An invited organisation's member marks a chapter read (or not read)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    review_round = _round_or_404(request, round_id)
    english = _chapter_or_404(review_round, chapter_id)
    assignment = review.assignment_for(request.user, review_round)
    if assignment is None or not review_round.is_current():
        raise PermissionDenied  # only invited organisations, only while the round is open
    read = request.POST.get("read") != "0"
    try:
        review.mark_read(assignment, english, request.user, read=read)
    except review.RoundClosed:
        raise PermissionDenied from None
    if read:
        messages.success(request, _("Chapter marked as read."))
    else:
        messages.info(request, _("Chapter marked as not read."))
    return redirect(page.url + page.reverse_subpage("chapter", args=[review_round.pk, english.pk]))


@ReviewIndexPage.views.register
@private
def resolve(request, page, round_id, comment_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    review_round = _round_or_404(request, round_id)
    if not is_secretariat(request.user):
        raise PermissionDenied
    if comment_id > MAX_ID:
        raise Http404
    comment = (
        ReviewComment.objects.filter(
            pk=comment_id, assignment__round=review_round, parent__isnull=True
        )
        .select_related("assignment__round")
        .first()
    )
    if comment is None:
        raise Http404
    if review.resolve(comment, request.user):
        messages.success(request, _("The comment is resolved."))
    else:
        messages.info(request, _("Someone had already resolved this comment."))
    if comment.chapter_id:
        target = page.reverse_subpage("chapter", args=[review_round.pk, comment.chapter_id])
    else:
        target = page.reverse_subpage("round", args=[review_round.pk])
    return redirect(page.url + target)
