"""Admin viewsets of the Guide's review rounds."""

import datetime as dt

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from gci.home.models import PartnerOrganisation

from . import review
from .models import GuidePage, ReviewRound


class ReviewRoundForm(WagtailAdminModelForm):
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations invited to review"),
        queryset=PartnerOrganisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their members receive an email with the link to the review."),
    )

    class Meta:
        model = ReviewRound
        fields = ["guide", "locale", "deadline", "message"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["organisations"].queryset = PartnerOrganisation.objects.filter(locale=default)
        self.fields["guide"].queryset = GuidePage.objects.filter(locale=default)
        self.fields["locale"].queryset = Locale.objects.exclude(pk=default.pk)
        self.fields["deadline"].widget = forms.DateInput(attrs={"type": "date"})
        if self.instance.pk:
            invited = self.instance.assignments.values_list("organisation_id", flat=True)
            self.fields["organisations"].initial = list(invited)
            self.fields["organisations"].help_text = _(
                "Organisations already invited stay invited; tick others to invite them too."
            )
            self.fields["guide"].disabled = True
            self.fields["locale"].disabled = True

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate() and (
            not self.instance.pk or deadline != self.instance.deadline
        ):
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        if deadline > timezone.localdate() + dt.timedelta(days=366):
            raise forms.ValidationError(_("Choose a deadline within a year."))
        return deadline


class CreateRoundView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return review.open_round(
            guide=data["guide"],
            locale=data["locale"],
            deadline=data["deadline"],
            organisations=data["organisations"],
            opened_by=self.request.user,
            message=data["message"],
        )


class EditRoundView(generic.EditView):
    @transaction.atomic
    def save_instance(self):
        data = self.form.cleaned_data
        current = ReviewRound.objects.get(pk=self.object.pk)
        review.change_deadline(current, data["deadline"], self.request.user)
        if current.message != data["message"]:
            current.message = data["message"]
            current.save(update_fields=["message"])
        review.invite(current, data["organisations"], self.request.user)
        return current


class InspectRoundView(generic.InspectView):
    """The round's matrix and history, for the Secretariat."""

    template_name = "materials/admin/round_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["matrix"] = review.matrix(self.object)
        context["events"] = self.object.events.select_related(
            "actor", "assignment__organisation"
        ).order_by("-at", "-pk")
        context["review_url"] = review.review_round_url(self.object)
        return context


class ReviewRoundViewSet(ModelViewSet):
    model = ReviewRound
    icon = "tasks"
    menu_label = _("Review rounds")
    menu_order = 220
    add_to_admin_menu = True
    add_view_class = CreateRoundView
    edit_view_class = EditRoundView
    inspect_view_class = InspectRoundView
    list_filter = ["locale"]
    edit_handler = ObjectList(
        [
            FieldPanel("guide"),
            FieldPanel("locale"),
            FieldPanel("deadline"),
            FieldPanel("message"),
            FieldPanel("organisations"),
        ],
        base_form_class=ReviewRoundForm,
    )
    inspect_view_enabled = True
    inspect_view_fields = [
        "guide",
        "locale",
        "deadline",
        "message",
        "opened_by",
        "opened_at",
        "completed_at",
    ]

    @property
    def list_display(self):
        return [
            "__str__",
            "deadline",
            Column("progress", label=_("Answers"), accessor="answers_label"),
            Column("state", label=_("State"), accessor="state_label"),
            Column("review_link", label=_("Matrix and comments"), accessor="review_link"),
        ]

    def get_queryset(self, request):
        return ReviewRound.objects.select_related("guide", "locale").prefetch_related("assignments")
