"""Admin viewsets of the suitcase: every material (a translatable snippet),
and the Partners' submissions waiting for the Secretariat's decision."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from .choices import MaterialStatus
from .collections import suitcase_collection
from .models import Material, SuitcasePage
from .notifications import decision_made


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
    add_to_admin_menu = True
    list_display = ["title", "material_type", "organisation", "year", "status", "locale"]
    list_filter = ["status", "material_type", "region", "year", "organisation", "locale"]
    search_fields = ["title", "summary"]
    list_export = ["title", "material_type", "organisation", "year", "status"]


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


class ReviewSubmissionView(generic.EditView):
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


class SubmissionReviewViewSet(ModelViewSet):
    """The Partners' submissions, waiting ones first: approve or decline."""

    model = Material
    icon = "tasks"
    menu_label = _("Suitcase submissions")
    menu_order = 221
    add_to_admin_menu = True
    list_display = ["title", "organisation", "submitted_by", "submitted_at", "status"]
    list_filter = ["status", "organisation"]
    search_fields = ["title", "summary"]
    form_fields = ["title", "summary", "status", "decline_reason"]
    edit_view_class = ReviewSubmissionView
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ReviewForm

    def get_queryset(self, request):
        return (
            Material.objects.sources()
            .filter(submitted_by__isnull=False)
            .select_related("organisation", "submitted_by")
            .order_by("-status", "-submitted_at")
        )
