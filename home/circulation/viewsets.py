"""The Secretariat's screens: circulate (a page or a document, with
Wagtail's choosers, to organisations or all), the list with how many were
told and opened, and one circulation's recipients.

A circulation is a record: once sent it is not edited (its edit address
leads to its detail)."""

from django import forms
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from gci.site.admin_display import ReadableInspectMixin, UNDateColumn

from .forms import CirculationForm
from .models import Circulation
from .sending import circulate

MAX_ID = 2**31 - 1


class CreateCirculationView(generic.CreateView):
    """``?page=<id>`` (the page's "Circulate to Partners" button) chooses the page."""

    def get_initial(self):
        initial = super().get_initial()
        raw = self.request.GET.get("page", "")
        if raw.isascii() and raw.isdigit() and 0 < int(raw) <= MAX_ID:
            page = Page.objects.filter(pk=int(raw)).first()
            if page is not None:
                initial["page"] = page
        return initial

    def save_instance(self):
        self.form.instance.sent_by = self.request.user
        instance = super().save_instance()
        circulate(instance)
        return instance

    def get_success_message(self, instance):
        return _("“%(item)s” is circulated. Recipients: %(count)s.") % {
            "item": instance.item_title,
            "count": instance.deliveries.count(),
        }

    def get_success_url(self):
        return reverse("circulations:inspect", args=[self.object.pk])


class EditCirculationView(generic.EditView):
    """Sent is sent: the detail instead."""

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        return redirect("circulations:inspect", pk)


class CirculationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .with_counts()
            .select_related("page", "document", "sent_by")
            .prefetch_related("organisations")
        )


class CirculationDetailView(ReadableInspectMixin, generic.InspectView):
    """Who received it, by organisation; who was told how and when; who opened it."""

    def get_fields(self):
        return ["page", "document", "message", "sent_by", "sent_at"]

    def get_fields_context(self):
        # A circulation is of a page or of a document: the other one is not shown.
        other = "page" if self.object.document_id else "document"
        return [self.get_context_for_field(name) for name in self.fields if name != other]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deliveries = list(
            self.object.deliveries.select_related("user", "organisation").order_by(
                "organisation__sort_order", "organisation__name", "user__email"
            )
        )
        context["deliveries"] = deliveries
        context["recipients_label"] = self.object.recipients_label()
        context["opened_total"] = sum(1 for d in deliveries if d.opened_at)
        return context


class CirculationViewSet(ModelViewSet):
    """Circulations to the Partners."""

    model = Circulation
    icon = "mail"
    menu_label = _("Circulations")
    menu_order = 205
    add_to_admin_menu = False  # in its menu group (gci.site.wagtail_hooks)
    list_display = [
        "__str__",
        Column("kind_label", label=_("Type")),
        Column("recipients_label", label=_("Sent to")),
        UNDateColumn("sent_at", label=_("Sent at"), sort_key="sent_at"),
        Column("recipients_total", label=_("Recipients")),
        Column("sent_total", label=_("Told")),
        Column("opened_total", label=_("Opened")),
    ]
    ordering = ["-sent_at", "-pk"]
    add_view_class = CreateCirculationView
    edit_view_class = EditCirculationView
    index_view_class = CirculationIndexView
    inspect_view_enabled = True
    inspect_view_class = CirculationDetailView
    inspect_template_name = "home/circulation/admin/detail.html"
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("page"), FieldPanel("document")],
                heading=_("What to circulate: a page or a document"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("all_partners"),
                    FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("To whom"),
            ),
            FieldPanel("message"),
        ],
        base_form_class=CirculationForm,
    )
