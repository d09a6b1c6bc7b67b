"""The Secretariat's screens: every organisation's contributions (to read
and correct), the standard and exchange rates, the years and their
publication, and the funding. Each listing exports CSV and XLSX (Wagtail's
``list_export``, which writes XLSX with openpyxl)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from gci.site.admin_display import AmountColumn, RateColumn, UNDateColumn, YesNoColumn

from .forms import ContributionForm
from .models import (
    ContributionYear,
    Donor,
    ExchangeRate,
    FundingCommitment,
    InKindContribution,
    Spending,
    StandardRate,
)


class EditContributionView(generic.EditView):
    """The Secretariat's corrections are signed like the Partners' edits."""

    def save_instance(self):
        self.object.updated_by = self.request.user
        return super().save_instance()


class ContributionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return InKindContribution.objects.select_related("organisation")


class InKindContributionViewSet(ModelViewSet):
    model = InKindContribution
    icon = "clipboard-list"
    menu_label = _("In-kind contributions")
    list_display = [
        "__str__",
        "organisation",
        "year",
        "kind",
        AmountColumn("value", label=_("Estimated value"), sort_key="value"),
        "currency",
    ]
    list_filter = ["year", "kind", "organisation", "currency"]
    search_fields = ["description", "basis"]
    list_export = ["organisation", *ContributionForm.Meta.fields, "updated_at"]
    export_filename = "gci-in-kind-contributions"
    edit_view_class = EditContributionView
    index_view_class = ContributionIndexView
    copy_view_enabled = False


class StandardRateViewSet(ModelViewSet):
    model = StandardRate
    icon = "decimal"
    menu_label = _("Standard rates")
    list_display = ["kind", "unit", AmountColumn("amount", label=_("Amount")), "currency"]
    form_fields = ["kind", "unit", "amount", "currency"]
    copy_view_enabled = False


class ExchangeRateViewSet(ModelViewSet):
    model = ExchangeRate
    icon = "redirect"
    menu_label = _("Exchange rates")
    list_display = [
        "currency",
        "year",
        RateColumn("rate", label=_("rate to the reporting currency"), sort_key="rate"),
        UNDateColumn("rate_date", label=_("Date of the rate"), sort_key="rate_date"),
    ]
    list_filter = ["year", "currency"]
    list_export = ["currency", "year", "rate", "rate_date"]
    export_filename = "gci-exchange-rates"
    copy_view_enabled = False


class ContributionYearViewSet(ModelViewSet):
    model = ContributionYear
    icon = "date"
    menu_label = _("Contribution years")
    list_display = [
        "year",
        YesNoColumn("published", label=_("Totals published"), sort_key="published"),
        UNDateColumn("published_at", label=_("Published"), sort_key="published_at"),
    ]
    list_filter = ["published"]
    copy_view_enabled = False


class DonorViewSet(ModelViewSet):
    model = Donor
    icon = "user"
    menu_label = _("Donors")
    list_display = ["name"]
    search_fields = ["name", "notes"]
    list_export = ["name", "notes"]
    export_filename = "gci-donors"
    copy_view_enabled = False


class CommitmentIndexView(generic.IndexView):
    def get_base_queryset(self):
        return FundingCommitment.objects.select_related("donor", "workshop__event", "translation")


class FundingCommitmentViewSet(ModelViewSet):
    model = FundingCommitment
    icon = "success"
    menu_label = _("Funding commitments")
    list_display = [
        "donor",
        "year",
        "state",
        "earmark",
        AmountColumn("amount", label=_("Amount"), sort_key="amount"),
        "currency",
        AmountColumn("reporting_amount", label=_("Reporting amount")),
    ]
    list_filter = ["year", "state", "earmark", "donor", "currency"]
    search_fields = ["notes"]
    list_export = [
        "donor",
        "year",
        "state",
        "earmark",
        "workshop",
        "translation",
        "amount",
        "currency",
        "rate",
        "rate_date",
        "reporting_amount",
        "notes",
    ]
    export_filename = "gci-funding-commitments"
    index_view_class = CommitmentIndexView


class SpendingIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Spending.objects.select_related("workshop__event", "commitment__donor")


class SpendingViewSet(ModelViewSet):
    model = Spending
    icon = "minus"
    menu_label = _("Spending")
    list_display = [
        "workshop",
        UNDateColumn("spent_on", label=_("Date"), sort_key="spent_on"),
        "description",
        AmountColumn("amount", label=_("Amount"), sort_key="amount"),
        "currency",
        AmountColumn("reporting_amount", label=_("Reporting amount")),
    ]
    list_filter = ["workshop", "currency"]
    search_fields = ["description"]
    list_export = [
        "workshop",
        "commitment",
        "spent_on",
        "description",
        "amount",
        "currency",
        "rate",
        "rate_date",
        "reporting_amount",
    ]
    export_filename = "gci-spending"
    index_view_class = SpendingIndexView
    copy_view_enabled = False


class ContributionsGroup(ViewSetGroup):
    menu_label = _("Contributions and funding")
    menu_icon = "clipboard-list"
    menu_order = 220
    items = [
        InKindContributionViewSet("in_kind_contributions"),
        StandardRateViewSet("standard_rates"),
        ExchangeRateViewSet("exchange_rates"),
        ContributionYearViewSet("contribution_years"),
        DonorViewSet("donors"),
        FundingCommitmentViewSet("funding_commitments"),
        SpendingViewSet("spending"),
    ]
