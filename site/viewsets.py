"""Admin viewsets of the site's own records."""

from django.contrib import messages
from django.db import models
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseOperationView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy

from gci.site.models import OutboxEmail, OutboxState, ScheduledJob
from gci.site.models.outbox import SENDING_UNKNOWN_AFTER
from gci.site.outbox import send_again


def with_urgency(queryset):
    """Failed and unknown (stuck in "sending") first, then waiting, then sent."""
    unknown = models.Q(
        state=OutboxState.SENDING, claimed_at__lt=timezone.now() - SENDING_UNKNOWN_AFTER
    )
    return queryset.annotate(
        urgency=models.Case(
            models.When(state=OutboxState.FAILED, then=0),
            models.When(unknown, then=0),
            models.When(state=OutboxState.QUEUED, then=1),
            models.When(state=OutboxState.SENDING, then=2),
            default=3,
            output_field=models.IntegerField(),
        )
    )


class StateColumn(Column):
    def get_value(self, instance):
        if instance.is_unknown:
            return _("Unknown: check before sending again")
        return instance.get_state_display()


class OutboxIndexView(generic.IndexView):
    def get_base_queryset(self):
        return with_urgency(super().get_base_queryset())

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.can_send_again and self.permission_policy.user_has_permission(
            self.request.user, "resend"
        ):
            buttons.append(
                ListingButton(
                    _("Send again…"),
                    url=self.get_inspect_url(instance) + "#send-again",
                    icon_name="mail",
                    priority=5,
                )
            )
        return buttons


class OutboxInspectView(generic.InspectView):
    template_name = "gci_site/admin/outbox_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.can_send_again and self.permission_policy.user_has_permission(
            self.request.user, "resend"
        ):
            context["send_again_url"] = reverse("gci_site_outbox:send_again", args=[self.object.pk])
        return context


class SendAgainView(PermissionCheckedMixin, BaseOperationView):
    """Queue a failed or unknown email once more: a person's decision, recorded."""

    model = OutboxEmail
    permission_required = "resend"
    success_url_name = "gci_site_outbox:inspect"

    def perform_operation(self):
        self.sent_again = send_again(self.object, self.request.user)

    def add_success_message(self):
        if self.sent_again:
            messages.success(self.request, _("The email is queued to be sent again."))
        else:
            messages.error(self.request, _("This email cannot be sent again."))


class OutboxViewSet(ModelViewSet):
    """Every email the site sent or is sending, failures first. Read-only:
    the content of the messages is never shown (it may hold sign-in links)."""

    model = OutboxEmail
    url_prefix = "outbox"
    icon = "mail"
    menu_label = _("Outgoing emails")
    menu_order = 240
    add_to_admin_menu = False  # in the Partnership menu group (wagtail_hooks)
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "subject",
        "to",
        "cause",
        StateColumn("state", label=_("state")),
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
    ]
    list_filter = ["state"]
    search_fields = ["to", "subject", "cause"]
    ordering = ["urgency", "-created_at", "-pk"]
    inspect_view_fields = [
        "subject",
        "to",
        "language",
        "cause",
        "cause_url",
        "state",
        "attempts",
        "next_attempt",
        "last_error",
        "created_at",
        "sent_at",
        "resent_by",
    ]
    form_fields = ["subject"]  # no form is ever shown: nobody may add or change

    @property
    def send_again_view(self):
        return SendAgainView.as_view(model=self.model)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("send-again/<int:pk>/", self.send_again_view, name="send_again"),
        ]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only "view", for anyone granted it (superusers included): the record is
    written by the scheduler alone."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ScheduledJobViewSet(ModelViewSet):
    """When each scheduled job last ran and how it ended (Reports menu; the
    Secretariat holds the "view" permission)."""

    model = ScheduledJob
    icon = "time"
    menu_label = _("Scheduled jobs")
    add_to_admin_menu = False
    list_display = [
        "name",
        "last_started_at",
        "last_finished_at",
        "outcome",
        "message",
        "locked_by",
    ]
    list_filter = ["outcome"]
    ordering = ["name"]
    form_fields = ["name"]  # never shown: the policy allows no add or edit
    copy_view_enabled = False


class ViewPermissionMenuItem(MenuItem):
    """A menu item shown to those who may view the model."""

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy

    def is_shown(self, request):
        return self.policy.user_has_permission(request.user, "view")
