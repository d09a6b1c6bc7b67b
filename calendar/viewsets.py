"""Admin viewsets of the calendar."""

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from gci.site.dates import format_list

from .choices import ConsultationAction, ConsultationState
from .forms import EvaluationLinksForm
from .models import (
    ActionPoint,
    ActionPointUpdate,
    Consultation,
    ConsultationChange,
    EvaluationForm,
    PriorityCriterion,
    Workplan,
    WorkplanComment,
    WorkshopOutcome,
    WorkshopPlan,
    WorkshopRequest,
)


class EditActionPointView(generic.EditView):
    """The Secretariat's edits are recorded like the Partners' (who, when, what)."""

    def save_instance(self):
        before = type(self.object).objects.get(pk=self.object.pk)
        self.object.updated_by = self.request.user
        instance = super().save_instance()
        if (before.status, before.notes) != (instance.status, instance.notes):
            ActionPointUpdate.objects.create(
                action_point=instance,
                user=self.request.user,
                old_status=before.status,
                new_status=instance.status,
                notes=instance.notes,
            )
        return instance


class ActionPointIndexView(generic.IndexView):
    """Overdue open points first, then by due date. Wagtail's ModelViewSet
    never calls a viewset's ``get_queryset``: the index view's base queryset
    is where the listing's rows and order come from (a column the person
    sorts by still takes over)."""

    def get_base_queryset(self):
        return ActionPoint.objects.overdue_first().prefetch_related("owners")


class ActionPointViewSet(ModelViewSet):
    model = ActionPoint
    icon = "tasks"
    menu_label = _("Action points")
    menu_order = 210
    add_to_admin_menu = False  # in its menu group (wagtail_hooks)
    list_display = ["text", "owner_names", "due_date", "status", "meeting"]
    list_filter = ["status", "owners", "meeting"]
    search_fields = ["text", "notes"]
    list_export = ["text", "owner_names", "due_date", "status", "notes"]
    form_fields = ["meeting", "text", "owners", "lead", "due_date", "status", "notes"]
    edit_view_class = EditActionPointView
    index_view_class = ActionPointIndexView


# -- Workshop requests (the Secretariat's side of the workshop cycle) -------


class CreateWorkshopRequestView(generic.CreateView):
    """A request recorded in the admin starts its history as "received"."""

    def save_instance(self):
        instance = super().save_instance()
        instance.record_change(None, instance.state, user=self.request.user)
        return instance


class EditWorkshopRequestView(generic.EditView):
    """A change of state made in the admin is checked by the model's one rule
    (``WorkshopRequest.clean``, in the form's validation) and recorded like
    the Partners' withdrawals: who, when, from and to."""

    def save_instance(self):
        old = self.object.stored_state
        instance = super().save_instance()
        if old != instance.state:
            note = instance.decline_reason if instance.state == "declined" else ""
            instance.record_change(old, instance.state, user=self.request.user, note=note)
            instance._stored_state = instance.state
        return instance


class WorkshopRequestIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("organisation")


class WorkshopRequestViewSet(ModelViewSet):
    model = WorkshopRequest
    icon = "clipboard-list"
    menu_label = _("Workshop requests")
    menu_order = 220
    add_to_admin_menu = False  # in its menu group (wagtail_hooks)
    list_display = ["place", "body_name", "state", "priority", "funding_state", "received_on"]
    list_filter = ["state", "funding_state", "region"]
    search_fields = ["body_name", "contact_name", "notes", "funding_source"]
    list_export = [
        "place",
        "region",
        "body_kind",
        "body_name",
        "state",
        *WorkshopRequest.priority_budget_export,
        "organisation",
        "received_on",
    ]
    ordering = ["-received_on", "-pk"]
    add_view_class = CreateWorkshopRequestView
    edit_view_class = EditWorkshopRequestView
    index_view_class = WorkshopRequestIndexView
    copy_view_enabled = False


class PriorityCriterionViewSet(ModelViewSet):
    model = PriorityCriterion
    icon = "list-ol"
    menu_label = _("Priority criteria")
    menu_order = 230
    add_to_admin_menu = False
    list_display = ["text", "sort_order", "active"]
    search_fields = ["text"]
    copy_view_enabled = False


# -- The workplan: planned workshops' priority and budget, the year's plan ----


class WorkshopPlanIndexView(generic.IndexView):
    def get_base_queryset(self):
        # "Contingent on funding" for every row of a page (and of the
        # export) in two queries, not two per row.
        return (
            super().get_base_queryset().select_related("event", "lead_organisation").with_funding()
        )


class WorkshopPlanViewSet(ModelViewSet):
    model = WorkshopPlan
    icon = "calendar-check"
    menu_label = _("Workshop plans")
    menu_order = 240
    add_to_admin_menu = False
    list_display = [
        "event",
        "region",
        "priority",
        "funding_state",
        BooleanColumn("contingent_on_funding", label=_("Contingent on funding")),
        "estimated_cost",
    ]
    list_filter = ["funding_state", "region"]
    search_fields = ["funding_source"]
    list_export = ["event", "region", *WorkshopPlan.priority_budget_export]
    index_view_class = WorkshopPlanIndexView
    copy_view_enabled = False


class WorkplanViewSet(ModelViewSet):
    model = Workplan
    icon = "table"
    menu_label = _("Workplans")
    menu_order = 250
    add_to_admin_menu = False
    list_display = ["year", "state", "consultation_opens", "consultation_closes"]
    list_filter = ["state"]
    copy_view_enabled = False


class WorkplanCommentIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("workplan", "organisation")


class WorkplanCommentViewSet(ModelViewSet):
    model = WorkplanComment
    icon = "comment"
    menu_label = _("Workplan comments")
    menu_order = 260
    add_to_admin_menu = False
    list_display = ["text", "organisation", "workplan", "created"]
    list_filter = ["workplan", "organisation"]
    search_fields = ["text"]
    list_export = ["workplan", "organisation", "text", "created"]
    index_view_class = WorkplanCommentIndexView
    copy_view_enabled = False


# -- Outcomes and evaluations (gci.calendar.models.outcomes) ----------------


class WorkshopOutcomeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event").prefetch_related("counts")


class WorkshopOutcomeViewSet(ModelViewSet):
    """A held workshop's outcome: participants (counted, and the list only the
    Secretariat reads), trainers, materials used, photos. The report itself is
    the event page's "outcome report", translated with the page."""

    model = WorkshopOutcome
    icon = "doc-full"
    menu_label = _("Workshop outcomes")
    menu_order = 270
    add_to_admin_menu = False
    list_display = ["__str__", "total_participants", "updated_at"]
    search_fields = ["trainers", "event__title"]
    list_export = ["__str__", "total_participants", "trainers", "updated_at"]
    index_view_class = WorkshopOutcomeIndexView
    copy_view_enabled = False


class EvaluationViewMixin:
    csv_url_name = None
    links_url_name = None
    inspect_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["csv_url"] = reverse(self.csv_url_name, args=[self.object.pk])
        context["links_url"] = reverse(self.links_url_name, args=[self.object.pk])
        context["results_url"] = reverse(self.inspect_url_name, args=[self.object.pk])
        return context


class EvaluationResultsView(EvaluationViewMixin, generic.InspectView):
    """The results of one evaluation: averages, counts, polls, comments, with
    the answers as CSV and the links to send."""

    page_title = _("Results")

    def get_venue_choices_display_value(self):
        return format_list(self.object.venues)

    def get_period_choices_display_value(self):
        return format_list(self.object.periods)

    def get_context_data(self, **kwargs):
        from .evaluation import results_context

        context = super().get_context_data(**kwargs)
        context.update(results_context(self.object, self.request.GET.get("page", 1)))
        return context


class EvaluationAnswersCsvView(EvaluationViewMixin, generic.InspectView):
    def get(self, request, *args, **kwargs):
        from .evaluation import answers_csv

        return answers_csv(self.object)


class EvaluationLinksView(EvaluationViewMixin, generic.InspectView):
    """The Secretariat asks for N links: shown to copy, or (``format=csv``) as
    a file. Links are made on the spot and never stored (see gci.calendar.evaluation)."""

    page_title = _("Evaluation links")
    http_method_names = ["get", "post"]

    def post(self, request, *args, **kwargs):
        from .evaluation import links_csv, make_links

        form = EvaluationLinksForm(request.POST)
        links = []
        if form.is_valid():
            links = make_links(request, self.object, form.cleaned_data["number"])
            if request.POST.get("format") == "csv":
                return links_csv(self.object, links)
        context = self.get_context_data()
        context.update({"links_form": form, "links": links})
        return self.render_to_response(context, status=200 if form.is_valid() else 400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("links_form", EvaluationLinksForm())
        return context


class EvaluationFormIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("event")
            .annotate(answers_total=Count("answers"))
        )


class EvaluationFormViewSet(ModelViewSet):
    """Evaluation forms of workshops and Partners' meetings: their results and links."""

    model = EvaluationForm
    icon = "form"
    menu_label = _("Evaluations")
    menu_order = 280
    add_to_admin_menu = False
    list_display = ["__str__", "kind", "opens", "closes", "answer_count"]
    list_filter = ["kind"]
    search_fields = ["event__title"]
    index_view_class = EvaluationFormIndexView
    inspect_view_enabled = True
    inspect_view_class = EvaluationResultsView
    inspect_template_name = "gci_calendar/admin/evaluation_results.html"
    inspect_view_fields = ["event", "kind", "opens", "closes", "venue_choices", "period_choices"]
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            csv_url_name=self.get_url_name("csv"),
            links_url_name=self.get_url_name("links"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("csv/<int:pk>/", self.csv_view, name="csv"),
            path("links/<int:pk>/", self.links_view, name="links"),
        ]

    @property
    def csv_view(self):
        return self.construct_view(EvaluationAnswersCsvView)

    @property
    def links_view(self):
        return self.construct_view(
            EvaluationLinksView, template_name="gci_calendar/admin/evaluation_links.html"
        )


# -- Consultations before a workshop (the Secretariat's side) ---------------


class CreateConsultationView(generic.CreateView):
    """Opening a consultation starts its history."""

    def save_instance(self):
        self.form.instance.opened_by = self.request.user
        instance = super().save_instance()
        instance.record(ConsultationAction.OPENED, user=self.request.user)
        return instance


class EditConsultationView(generic.EditView):
    """A change (deadline, documents, invitations) or the closing is recorded."""

    def save_instance(self):
        before = type(self.object).objects.get(pk=self.object.pk).state
        instance = super().save_instance()
        closed = before != instance.state and instance.state == ConsultationState.CLOSED
        instance.record(
            ConsultationAction.CLOSED if closed else ConsultationAction.CHANGED,
            user=self.request.user,
        )
        return instance


class ConsultationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("event")
            .annotate(invited_total=Count("invitations", distinct=True))
        )


class ConsultationSummaryView(generic.InspectView):
    """Everything of one consultation: the counts, each invited
    organisation's answer in full (who, experts, comments, offers), the history."""

    page_title = _("Summary")
    organisation_url_name = None

    def get_field_display_value(self, field_name, field):
        if getattr(self.object, field_name, None) is None:
            return "—"  # Wagtail would print "None" for an empty link
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        from .consultation_admin import consultation_rows

        context = super().get_context_data(**kwargs)
        context.update(
            {
                "summary": self.object.summary(),
                "rows": consultation_rows(self.object),
                "changes": self.object.changes.select_related("user", "organisation"),
                "organisation_url_name": self.organisation_url_name,
            }
        )
        return context


class OrganisationAnswersView(
    generic.PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, TemplateView
):
    """One organisation's answers to every consultation it was invited to,
    newest first, and what its members did."""

    template_name = "gci_calendar/admin/consultation_organisation.html"
    permission_required = "view"
    header_icon = "group"
    index_url_name = None
    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        from gci.home.models import PartnerOrganisation

        from .consultation_admin import MAX_ID

        pk = kwargs["organisation"]
        if pk > MAX_ID:
            raise Http404
        self.organisation = get_object_or_404(PartnerOrganisation, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Consultations: %(organisation)s") % {"organisation": self.organisation}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Workshop consultations")},
            {"url": "", "label": str(self.organisation)},
        ]

    def get_context_data(self, **kwargs):
        from .consultation_admin import organisation_rows

        context = super().get_context_data(**kwargs)
        consultations = Consultation.objects.for_organisation(self.organisation)[:200]
        context["organisation"] = self.organisation
        context["rows"] = organisation_rows(self.organisation, consultations)
        context["inspect_url_name"] = self.inspect_url_name
        context["changes"] = ConsultationChange.objects.filter(
            organisation=self.organisation
        ).select_related("user", "consultation__event")[:200]
        return context


class ConsultationViewSet(ModelViewSet):
    """Consultations of the Partners before a planned workshop."""

    model = Consultation
    icon = "comment"
    menu_label = _("Workshop consultations")
    menu_order = 245
    add_to_admin_menu = False
    list_display = [
        "__str__",
        "deadline",
        "state",
        Column("invited_total", label=_("Organisations invited")),
    ]
    list_filter = ["state"]
    search_fields = ["event__title", "message"]
    ordering = ["-opened_at", "-pk"]
    add_view_class = CreateConsultationView
    edit_view_class = EditConsultationView
    index_view_class = ConsultationIndexView
    inspect_view_enabled = True
    inspect_view_class = ConsultationSummaryView
    inspect_view_fields = [
        "event",
        "deadline",
        "state",
        "message",
        "concept_note",
        "agenda",
        "organisations",
        "opened_by",
        "opened_at",
    ]
    inspect_template_name = "gci_calendar/admin/consultation_summary.html"
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "organisation/<int:organisation>/",
                self.organisation_view,
                name="organisation",
            ),
        ]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            organisation_url_name=self.get_url_name("organisation"), **kwargs
        )

    @property
    def organisation_view(self):
        return self.construct_view(
            OrganisationAnswersView, permission_policy=self.permission_policy
        )
