"""Review rounds of the Guide's translations.

Neither Wagtail nor wagtail-localize has a review state for a translation,
so the rounds live here. A `ReviewRound` is one language of the Guide put
before some Partner organisations; each gets a `ReviewAssignment`; comments
are anchored to a chapter and a block. Every change of state and every
comment is also written to `ReviewEvent`, which nothing updates or deletes.
Assignments carry a version number: two people acting on one at once cannot
overwrite each other.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, Page, Task

from gci.home.roles import is_secretariat
from gci.home.sent_once import DueReminderLog
from gci.site.memo import live_page_for_language
from gci.site.routes import PageViews

from ..choices import AssignmentState, ReviewAction

SETTLED_STATES = {AssignmentState.APPROVED, AssignmentState.DECLINED}
ANSWERED_STATES = SETTLED_STATES | {AssignmentState.CHANGES_REQUESTED}


class ReviewRound(models.Model):
    """One language of the Guide put before Partner organisations for review."""

    guide = models.ForeignKey(
        "materials.GuidePage",
        verbose_name=_("Guide"),
        on_delete=models.PROTECT,
        related_name="review_rounds",
        help_text=_("The English Guide; the round reviews its translation."),
    )
    locale = models.ForeignKey(
        Locale, verbose_name=_("language"), on_delete=models.PROTECT, related_name="+"
    )
    deadline = models.DateField(_("deadline"))
    message = models.TextField(
        _("message to the reviewers"),
        blank=True,
        help_text=_("Sent with the invitation and shown on the review page."),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    fingerprints = models.JSONField(
        default=dict,
        editable=False,
        help_text="Per English page id: fingerprints of the source and translated "
        "strings when the round completed.",
    )

    class Meta:
        verbose_name = _("review round")
        verbose_name_plural = _("review rounds")
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["guide", "locale", "-opened_at"])]

    def __str__(self):
        return _("%(language)s review of %(guide)s") % {
            "language": self.language_name,
            "guide": self.guide.title,
        }

    @cached_property
    def language_name(self):
        """The language's name in the reader's language."""
        return get_language_info(self.locale.language_code)["name_translated"]

    @property
    def is_complete(self):
        return self.completed_at is not None

    def is_overdue(self, today=None):
        return not self.is_complete and self.deadline < (today or timezone.localdate())

    @property
    def answers_label(self):
        """ "settled / invited", for listings (uses prefetched assignments)."""
        assignments = self.assignments.all()
        settled = sum(1 for a in assignments if a.state in SETTLED_STATES)
        return f"{settled} / {len(assignments)}"

    @property
    def state_label(self):
        if self.is_complete:
            return _("Complete")
        return _("Overdue") if self.is_overdue() else _("In progress")

    @property
    def url(self):
        """The round's page in the Partners area, in the active language where
        the area has it (the admin's address while the review page is missing)."""
        index = live_page_for_language(ReviewIndexPage)
        if index is None:
            return settings.WAGTAILADMIN_BASE_URL
        return index.get_full_url() + index.reverse_subpage("round", args=[self.pk])

    @property
    def review_link(self):
        return format_html('<a href="{}">{}</a>', self.url, _("Open in the Partners area"))

    def is_current(self):
        """The newest round of its language: older ones are kept as history."""
        newest = (
            ReviewRound.objects.filter(guide_id=self.guide_id, locale_id=self.locale_id)
            .values_list("pk", flat=True)
            .first()
        )
        return newest == self.pk


class ReviewAssignment(models.Model):
    """One organisation's part in one round."""

    round = models.ForeignKey(
        ReviewRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="assignments"
    )
    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="review_assignments",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=AssignmentState, default=AssignmentState.INVITED
    )
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why the organisation declined, or what it asks.")
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_fingerprint = models.JSONField(
        null=True, blank=True, editable=False, help_text="What the reviewer saw when approving."
    )

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["organisation__sort_order", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="one_assignment_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation.acronym or self.organisation.name}: {self.get_state_display()}"

    def open_change_requests(self):
        """The organisation's comments the Secretariat has not resolved yet."""
        return self.comments.filter(parent__isnull=True, resolved_at__isnull=True)

    def is_settled(self, open_comments=None):
        """Answered (approved, declined, or changes requested) and none of its
        comments left open: every remark is resolved before publishing."""
        if self.state not in ANSWERED_STATES:
            return False
        if open_comments is None:
            open_comments = self.open_change_requests().count()
        return open_comments == 0


class ReviewComment(models.Model):
    """A remark on a chapter (and block) of a translation, or an answer to one.

    Comments are never edited or deleted; resolving one records who and when.
    """

    assignment = models.ForeignKey(
        ReviewAssignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    chapter = models.ForeignKey(
        "materials.GuideChapterPage",
        verbose_name=_("chapter"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The English chapter the comment is about.",
    )
    chapter_title = models.CharField(max_length=255, blank=True, editable=False)
    block_id = models.CharField(_("block"), max_length=64, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["assignment", "chapter", "resolved_at"])]

    def __str__(self):
        return self.text[:60]


class ChapterReadMark(models.Model):
    """A reviewer marked a chapter of a round read: the round's matrix shows,
    per chapter, how many invited organisations have read it."""

    assignment = models.ForeignKey(
        ReviewAssignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="read_marks",
        help_text="The round and organisation the reader answers for.",
    )
    chapter = models.ForeignKey(
        "materials.GuideChapterPage",
        verbose_name=_("chapter"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The English chapter that was read.",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("read by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    read_at = models.DateTimeField(_("read on"), default=timezone.now)

    class Meta:
        verbose_name = _("chapter read mark")
        verbose_name_plural = _("chapter read marks")
        ordering = ["read_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "chapter", "user"], name="one_read_mark_per_reader"
            )
        ]

    def __str__(self):
        return f"{self.assignment} — {self.chapter_id}"


class ReviewEvent(models.Model):
    """The history of a round: appended to, never changed."""

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="events")
    assignment = models.ForeignKey(
        ReviewAssignment, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    comment = models.ForeignKey(
        ReviewComment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    action = models.CharField(_("what"), max_length=30, choices=ReviewAction)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("review history entry")
        verbose_name_plural = _("review history")
        ordering = ["at", "pk"]


class ReviewReminderLog(DueReminderLog):
    """One reminder sent to one assignment: never the same one twice."""

    assignment = models.ForeignKey(ReviewAssignment, models.CASCADE, related_name="reminders")

    class Meta:
        constraints = [
            DueReminderLog.once_per("assignment", name="one_review_reminder_per_deadline")
        ]


class GuideReviewTask(Task):
    """Workflow step for a translated Guide page: the Secretariat approves it
    for publishing, which is offered only once its review round is complete.

    The page's own `save()` enforces the rule; this task puts it in the
    Secretariat's workflow dashboard and audit trail.
    """

    class Meta:
        verbose_name = _("Guide translation review")
        verbose_name_plural = _("Guide translation reviews")

    def user_can_access_editor(self, obj, user):
        return is_secretariat(user)

    def locked_for_user(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not is_secretariat(user):
            return []
        actions = [("reject", _("Request changes"), True)]
        gate = getattr(obj, "review_gate_reason", None)
        if gate is None or gate() is None:
            actions.append(("approve", _("Approve and publish"), False))
            actions.append(("approve", _("Approve with comment and publish"), True))
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if is_secretariat(user):
            return self.task_states.filter(status="in_progress")
        return self.task_states.none()

    @classmethod
    def get_description(cls):
        return _("Approvable once the language's review round is complete")


class ReviewIndexPage(RoutablePageMixin, Page):
    """The Partners' side of the review: rounds, side-by-side chapters,
    comments and the buttons to approve, request changes or decline.

    Lives in the Partners area; a round's pages are shown to the Secretariat
    and to members of the organisations invited to that round only.
    """

    parent_page_types = ["home.PartnersAreaPage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    views = PageViews()  # filled by gci.materials.views.review (see gci.site.routes)

    class Meta:
        verbose_name = _("Guide review page")

    @path("")
    def rounds(self, request):
        return self.views.rounds(request, self)

    @path("<int:round_id>/", name="round")
    def round(self, request, round_id):
        return self.views.round_detail(request, self, round_id)

    @path("<int:round_id>/act/", name="act")
    def act(self, request, round_id):
        return self.views.act(request, self, round_id)

    @path("<int:round_id>/chapters/<int:chapter_id>/", name="chapter")
    def chapter(self, request, round_id, chapter_id):
        return self.views.chapter(request, self, round_id, chapter_id)

    @path("<int:round_id>/chapters/<int:chapter_id>/read/", name="chapter_read")
    def chapter_read(self, request, round_id, chapter_id):
        return self.views.chapter_read(request, self, round_id, chapter_id)

    @path("<int:round_id>/comments/<int:comment_id>/resolve/", name="resolve")
    def resolve(self, request, round_id, comment_id):
        return self.views.resolve(request, self, round_id, comment_id)
