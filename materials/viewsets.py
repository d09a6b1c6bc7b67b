"""Admin viewsets of materials/: the Guide's review rounds; every material of
the suitcase (a translatable snippet) and the Partners' submissions waiting
for the Secretariat's decision; the courses of the e-learning catalogue."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.db import transaction
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseOperationView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from gci.home.models import PartnerOrganisation
from gci.site.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from gci.site.memo import default_locale

from . import review
from .choices import EnforcementState, MaterialStatus
from .collections import suitcase_collection
from .models import Course, EnforcementRecord, GuidePage, Material, ReviewRound, SuitcasePage
from .notifications import decision_made

# Wagtail's ModelViewSet, unlike SnippetViewSet, never calls a get_queryset()
# of its own: these hand the viewset's queryset (built per request) to the
# views that list, edit or delete, so what is outside it is neither listed nor
# opened there.


class ViewSetQuerysetIndexView(generic.IndexView):
    viewset_queryset = None

    def get_base_queryset(self):
        return self.viewset_queryset()


class ViewSetQuerysetObjectMixin:
    viewset_queryset = None

    def get_object(self, queryset=None):
        return super().get_object(self.viewset_queryset())


class ViewSetQuerysetMixin:
    index_view_class = ViewSetQuerysetIndexView

    def get_queryset(self):
        raise NotImplementedError

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(viewset_queryset=self.get_queryset, **kwargs)


class ReviewRoundForm(WagtailAdminModelForm):
    organisations = SafeModelMultipleChoiceField(
        label=_("Organisations invited to review"),
        queryset=PartnerOrganisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their members receive an email with the link to the review."),
    )

    class Meta:
        model = ReviewRound
        fields = ["guide", "locale", "deadline", "message"]
        # Built when this module is imported, before gci.site.admin_ids is installed.
        field_classes = {"guide": SafeModelChoiceField, "locale": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = default_locale()
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

    def clean(self):
        data = super().clean()
        if self.instance.pk and not self.instance.is_current():
            invited = set(self.instance.assignments.values_list("organisation_id", flat=True))
            if {org.pk for org in data.get("organisations", [])} - invited:
                self.add_error(
                    "organisations",
                    _(
                        "A newer round of this language replaced this one: "
                        "invite organisations in the newer round."
                    ),
                )
        return data

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


class EditRoundView(ViewSetQuerysetObjectMixin, generic.EditView):
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


class KeepHistoryPermissionPolicy(ModelPermissionPolicy):
    """Nobody deletes a round, superusers included: it is the review's record,
    and the gate would fall back to an older round."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ReviewRoundViewSet(ViewSetQuerysetMixin, ModelViewSet):
    model = ReviewRound
    icon = "tasks"
    menu_label = _("Review rounds")
    menu_order = 220
    add_to_admin_menu = False  # in its menu group (wagtail_hooks)
    add_view_class = CreateRoundView
    edit_view_class = EditRoundView
    inspect_view_class = InspectRoundView
    copy_view_enabled = False

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

    def get_queryset(self):
        return ReviewRound.objects.select_related("guide", "locale").prefetch_related("assignments")


class RecordTheEditor:
    """A file chosen in the admin is recorded as a version by its editor."""

    def save_instance(self):
        self.form.instance.version_added_by = self.request.user
        return super().save_instance()


class CreateMaterialView(RecordTheEditor, snippet_views.CreateView):
    pass


class EditMaterialView(RecordTheEditor, snippet_views.EditView):
    pass


class MaterialViewSet(SnippetViewSet):
    model = Material
    add_view_class = CreateMaterialView
    edit_view_class = EditMaterialView
    icon = "doc-full-inverse"
    menu_label = _("Suitcase materials")
    menu_order = 220
    add_to_admin_menu = False  # in its menu group (wagtail_hooks)
    list_display = ["title", "material_type", "organisation", "year", "status", "locale"]
    list_filter = ["status", "material_type", "region", "year", "organisation", "locale"]
    search_fields = ["title", "summary"]
    list_export = ["title", "material_type", "organisation", "year", "status"]


class CourseViewSet(SnippetViewSet):
    """The e-learning catalogue, kept by the Secretariat (model permissions:
    migration materials 0010)."""

    model = Course
    icon = "desktop"
    menu_label = _("E-learning courses")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["title", "provider", "status", "locale"]
    list_filter = ["status", "provider", "locale"]
    search_fields = ["title", "description"]
    list_export = ["title", "provider", "provider_name", "status", "link_url"]


class ReviewForm(WagtailAdminModelForm):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (MaterialStatus.APPROVED, _("Approve: publish in the suitcase")),
            (MaterialStatus.DECLINED, _("Decline")),
            (MaterialStatus.SUBMITTED, _("Decide later")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Material
        fields = ["title", "summary", "status", "decline_reason"]

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("status") == MaterialStatus.DECLINED
            and not (cleaned_data.get("decline_reason") or "").strip()
        ):
            self.add_error("decline_reason", _("Tell the Partner why the material is declined."))
        return cleaned_data


class ReviewSubmissionView(ViewSetQuerysetObjectMixin, generic.EditView):
    """Approving moves the file into the suitcase's collection (Partners and
    Secretariat); until then it waits in the Secretariat-only collection."""

    def save_instance(self):
        before = type(self.object).objects.values_list("status", flat=True).get(pk=self.object.pk)
        instance = self.form.save(commit=False)
        if instance.status != MaterialStatus.SUBMITTED:
            instance.reviewed_by = self.request.user
            instance.reviewed_at = timezone.now()
        if instance.status == MaterialStatus.APPROVED:
            instance.decline_reason = ""
            if instance.document_id:
                document = instance.document
                document.collection = suitcase_collection()
                document.save(update_fields=["collection"])
        instance.save()
        if instance.status != before and instance.status != MaterialStatus.SUBMITTED:
            suitcase = SuitcasePage.objects.live().filter(locale_id=instance.locale_id).first()
            decision_made(instance, suitcase.full_url if suitcase else "")
        return instance

    def get_success_message(self, instance=None):
        instance = instance or self.object
        if instance.status == MaterialStatus.APPROVED:
            return _("“%(title)s” is approved and in the suitcase.") % {"title": instance.title}
        if instance.status == MaterialStatus.DECLINED:
            return _("“%(title)s” is declined; the Partner sees your reason.") % {
                "title": instance.title
            }
        return super().get_success_message(instance)


class DeleteSubmissionView(ViewSetQuerysetObjectMixin, generic.DeleteView):
    pass


class SubmissionReviewViewSet(ViewSetQuerysetMixin, ModelViewSet):
    """The Partners' submissions, waiting ones first: approve or decline."""

    model = Material
    icon = "tasks"
    menu_label = _("Suitcase submissions")
    menu_order = 221
    add_to_admin_menu = False  # in its menu group (wagtail_hooks)
    list_display = ["title", "organisation", "submitted_by", "submitted_at", "status"]
    list_filter = ["status", "organisation"]
    search_fields = ["title", "summary"]
    form_fields = ["title", "summary", "status", "decline_reason"]
    edit_view_class = ReviewSubmissionView
    # Shows the file (or link) the Partner sent above the decision.
    edit_template_name = "materials/admin/submission_edit.html"
    delete_view_class = DeleteSubmissionView
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ReviewForm

    # Submissions come from Partners (the suitcase's "Send a material"); the
    # Secretariat adds its own under "Suitcase materials": no "Add" here.
    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{**kwargs, "add_url_name": None})

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]

    def get_queryset(self):
        return (
            Material.objects.sources()
            .filter(submitted_by__isnull=False)
            .select_related("organisation", "submitted_by")
            .order_by("-status", "-submitted_at")
        )


# -- Enforcement records: the Secretariat reviews, corrects and publishes -------


def _save_record(view, instance, reviewed):
    """Save the admin's form: who updated it, and who reviewed it and when if
    its state was decided now; photos then follow the record's visibility
    (public collection only while it is public)."""
    instance.updated_by = view.request.user
    if reviewed:
        instance.reviewed_by = view.request.user
        instance.reviewed_at = timezone.now()
    instance.save()
    view.form.save_m2m()
    instance.place_photos()
    return instance


class EditEnforcementRecordView(generic.EditView):
    """A change of state is recorded (who reviewed, when)."""

    def save_instance(self):
        before = type(self.object).objects.values_list("state", flat=True).get(pk=self.object.pk)
        instance = self.form.save(commit=False)
        return _save_record(self, instance, reviewed=instance.state != before)


class CreateEnforcementRecordView(generic.CreateView):
    """A record the Secretariat adds in a state other than "submitted" is
    reviewed by the Secretariat at once."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.submitted_by = self.request.user
        return _save_record(self, instance, reviewed=instance.state != EnforcementState.SUBMITTED)


class EnforcementRecordIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("organisation", "submitted_by")
            .order_by("-submitted_at", "-pk")
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            label = (
                _("Unpublish…") if instance.state == EnforcementState.PUBLISHED else _("Publish…")
            )
            buttons.append(
                ListingButton(
                    label,
                    url=self.get_inspect_url(instance) + "#publish",
                    icon_name="upload",
                    priority=5,
                )
            )
        return buttons


class EnforcementRecordInspectView(generic.InspectView):
    template_name = "materials/admin/enforcement_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            published = self.object.state == EnforcementState.PUBLISHED
            context["publish_url"] = reverse(
                "enforcement_records:unpublish" if published else "enforcement_records:publish",
                args=[self.object.pk],
            )
            context["publish_label"] = _("Unpublish") if published else _("Publish")
        return context


class PublishRecordView(PermissionCheckedMixin, BaseOperationView):
    """Publish (or unpublish) a record: one click, recorded (who, when)."""

    model = EnforcementRecord
    permission_required = "change"
    success_url_name = "enforcement_records:inspect"
    state = EnforcementState.PUBLISHED

    def perform_operation(self):
        with transaction.atomic():
            record = EnforcementRecord.objects.select_for_update().get(pk=self.object.pk)
            record.state = self.state
            record.reviewed_by = self.request.user
            record.reviewed_at = timezone.now()
            record.updated_by = self.request.user
            record.save()
            record.place_photos()
        self.object = record

    def add_success_message(self):
        if self.object.state == EnforcementState.PUBLISHED:
            if self.object.may_publish:
                text = _("“%(title)s” is published in the public enforcement news.")
            else:
                text = _(
                    "“%(title)s” is published for the Partners only: its sender did not "
                    "allow the public to read it."
                )
        else:
            text = _("“%(title)s” is no longer published.")
        messages.success(self.request, text % {"title": self.object.title})


class EnforcementRecordViewSet(ModelViewSet):
    """Seizures, prosecutions and positive stories sent by the Partners (and
    added by the Secretariat): review, correct, publish; export them all."""

    model = EnforcementRecord
    icon = "warning"
    menu_label = _("Enforcement records")
    menu_order = 235
    add_to_admin_menu = True
    list_display = ["title", "kind", "date", "country", "organisation", "state", "may_publish"]
    list_filter = ["state", "kind", "may_publish", "organisation", "date"]
    search_fields = ["title", "summary", "commodity", "agency"]
    list_export = [
        "pk",
        "kind",
        "date",
        "country",
        "treaties_text",
        "hs_codes_display",
        "commodity",
        "quantity",
        "unit",
        "agency",
        "source_url",
        "title",
        "summary",
        "language",
        "may_publish",
        "state",
        "organisation",
        "submitted_by",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
    ]
    export_headings = {
        "pk": "id",
        "treaties_text": _("treaties"),
        "hs_codes_display": _("HS codes"),
    }
    export_filename = "enforcement-records"
    index_view_class = EnforcementRecordIndexView
    edit_view_class = EditEnforcementRecordView
    add_view_class = CreateEnforcementRecordView
    inspect_view_class = EnforcementRecordInspectView
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "publish/<int:pk>/",
                PublishRecordView.as_view(model=self.model, state=EnforcementState.PUBLISHED),
                name="publish",
            ),
            path(
                "unpublish/<int:pk>/",
                PublishRecordView.as_view(model=self.model, state=EnforcementState.NOT_PUBLISHED),
                name="unpublish",
            ),
        ]
