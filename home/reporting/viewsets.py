"""The Secretariat's side of activity reporting, in the admin: reporting
rounds (open one, choose the organisations, follow who answered), the
reports with their CSV and XLSX exports, and the two actions that build a
mid-year summary and a meeting report as draft pages."""

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from gci.site.admin_display import ReadableInspectMixin, UNDateColumn, YesNoColumn

from .choices import ReportingAction, RoundState
from .compile import compile_summary
from .forms import CompileSummaryForm
from .models import MAX_ID, ActivityReport, ReportActivity, ReportingRound


class CreateRoundView(generic.CreateView):
    """Opening a round starts its history."""

    def save_instance(self):
        self.form.instance.opened_by = self.request.user
        instance = super().save_instance()
        instance.record(ReportingAction.OPENED, user=self.request.user)
        return instance


class EditRoundView(generic.EditView):
    def save_instance(self):
        before = type(self.object).objects.get(pk=self.object.pk).state
        instance = super().save_instance()
        closed = before != instance.state and instance.state == RoundState.CLOSED
        instance.record(
            ReportingAction.CLOSED if closed else ReportingAction.CHANGED, user=self.request.user
        )
        return instance


class RoundIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(invited_total=Count("invitations"))


class RoundSummaryView(ReadableInspectMixin, generic.InspectView):
    """Who answered, who has nothing to report, who has not answered; each
    report in full; the history."""

    page_title = _("Summary")
    compile_url_name = None
    reports_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = {
            r.invitation_id: r
            for r in ActivityReport.objects.filter(invitation__round=self.object)
            .select_related("updated_by")
            .prefetch_related(
                Prefetch("activities", queryset=ReportActivity.objects.select_related("event")),
                "materials",
            )
        }
        summary = self.object.summary()
        for group in summary.values():
            for invitation in group:
                invitation.full_report = reports.get(invitation.pk)
        context.update(
            {
                "summary": summary,
                "changes": self.object.changes.select_related("user", "organisation"),
                "compile_url": reverse(self.compile_url_name, args=[self.object.pk]),
                "reports_url": reverse(self.reports_url_name)
                + f"?invitation__round={self.object.pk}",
                "summaries": self.object.summaries.all(),
            }
        )
        return context


class CompileSummaryView(
    generic.PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, FormView
):
    """“Compile mid-year summary”: a draft page built from the round's sent
    reports, opened in the editor."""

    form_class = CompileSummaryForm
    template_name = "home/reporting/admin/compile_summary.html"
    permission_required = "change"
    header_icon = "doc-full"
    page_title = _("Compile mid-year summary")

    index_url_name = None
    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if kwargs["pk"] > MAX_ID:
            raise Http404
        self.round = get_object_or_404(ReportingRound, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.round.title

    def get_breadcrumbs_items(self):
        # Without these the header read "Home": the round it is built from, and where.
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Reporting rounds")},
            {
                "url": reverse(self.inspect_url_name, args=[self.round.pk]),
                "label": self.round.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["round"] = self.round
        context["summary"] = self.round.summary()
        return context

    def form_valid(self, form):
        page = compile_summary(self.round, form.cleaned_data["audience"], self.request.user)
        messages.success(
            self.request,
            _("The draft “%(title)s” has been built: edit it, then publish it.")
            % {"title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


class ReportingRoundViewSet(ModelViewSet):
    model = ReportingRound
    icon = "list-ul"
    menu_label = _("Reporting rounds")
    menu_order = 100
    add_to_admin_menu = False
    list_display = [
        "title",
        UNDateColumn("deadline", label=_("Deadline"), sort_key="deadline"),
        "state",
        Column("invited_total", label=_("Organisations invited")),
    ]
    list_filter = ["state"]
    search_fields = ["title", "message"]
    ordering = ["-period_start", "-pk"]
    add_view_class = CreateRoundView
    edit_view_class = EditRoundView
    index_view_class = RoundIndexView
    inspect_view_enabled = True
    inspect_view_class = RoundSummaryView
    inspect_template_name = "home/reporting/admin/round_summary.html"
    inspect_view_fields_exclude = ["id"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("compile/<int:pk>/", self.compile_view, name="compile"),
        ]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            compile_url_name=self.get_url_name("compile"),
            reports_url_name="activity_reports:index",
            **kwargs,
        )

    @property
    def compile_view(self):
        return self.construct_view(
            CompileSummaryView,
            permission_policy=self.permission_policy,
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
        )


class ReportIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("invitation__round", "invitation__organisation", "updated_by")
            .prefetch_related(
                Prefetch("activities", queryset=ReportActivity.objects.select_related("event")),
                "materials",
            )
        )


class ReportInspectView(ReadableInspectMixin, generic.InspectView):
    """One report as its organisation wrote it: the activities and the
    materials from the suitcase too, which are not fields of the report."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["activities"] = self.object.activities.select_related("event")
        context["materials"] = self.object.materials.all()
        return context


class ActivityReportViewSet(ModelViewSet):
    """The organisations' reports: read and exported (CSV, XLSX) by the
    Secretariat; the organisations write them in the Partners area."""

    model = ActivityReport
    icon = "doc-full"
    menu_label = _("Activity reports")
    menu_order = 110
    add_to_admin_menu = False
    list_display = [
        "__str__",
        "status",
        YesNoColumn(
            "nothing_to_report", label=_("Nothing to report"), sort_key="nothing_to_report"
        ),
        UNDateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
    ]
    list_filter = ["invitation__round", "status", "nothing_to_report"]
    list_export = [
        "round_title",
        "organisation_name",
        "status",
        "nothing_to_report",
        "activities_text",
        "materials_list",
        "materials_text",
        "planned",
        "contributions",
        "remarks",
        "submitted_at",
        "updated_at",
    ]
    export_headings = {
        "round_title": _("Reporting round"),
        "organisation_name": _("Organisation"),
        "activities_text": _("Activities held"),
        "materials_list": _("Materials produced"),
    }
    export_filename = "activity-reports"
    index_view_class = ReportIndexView
    inspect_view_enabled = True
    inspect_view_class = ReportInspectView
    inspect_template_name = "home/reporting/admin/report_inspect.html"
    copy_view_enabled = False
    ordering = ["-invitation__round__period_start", "invitation__organisation__sort_order"]
    form_fields = ["status"]
    # The model's order, as it was before the shared fields moved to an
    # abstract base (gci.home.rounds), which puts them first. Not the id nor
    # the version (bookkeeping); the materials are listed by the template.
    inspect_view_fields = [
        "invitation",
        "status",
        "nothing_to_report",
        "materials_text",
        "planned",
        "contributions",
        "remarks",
        "updated_by",
        "updated_at",
        "submitted_at",
    ]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register()


class ReportingGroup(ViewSetGroup):
    menu_label = _("Reporting")
    menu_icon = "list-ul"
    menu_order = 230
    items = [
        ReportingRoundViewSet("reporting_rounds"),
        ActivityReportViewSet("activity_reports"),
    ]
