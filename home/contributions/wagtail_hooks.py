"""Registration with Wagtail only (imported by gci.home.wagtail_hooks)."""

from wagtail import hooks

from .viewsets import ContributionsGroup


@hooks.register("register_admin_viewset")
def register_contributions():
    return ContributionsGroup()


def may_see_funding(user):
    from gci.home.roles import is_secretariat

    return is_secretariat(user) and user.has_perm("home.view_fundingcommitment")


def funding_panel(request):
    """The Secretariat's dashboard: this year's commitments per earmark, in
    the reporting currency (an unfunded coordinator post shows as nothing secured)."""
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.formats import number_format
    from django.utils.translation import gettext as _

    from gci.site.admin_panels import ListingPanel, Row

    from .funding import funding_totals
    from .money import reporting_currency

    year = timezone.localdate().year
    totals = funding_totals(year)
    listing = reverse("funding_commitments:index")
    secured = sum(t.secured for t in totals)
    return ListingPanel(
        name="funding",
        heading=_("Funding in %(year)s (%(currency)s)")
        % {"year": year, "currency": reporting_currency()},
        count=number_format(secured, 0, force_grouping=True),
        count_label=_("secured (committed or received)"),
        rows=[
            Row(
                label=str(t.label),
                url=f"{listing}?year={year}&earmark={t.earmark}",
                detail=_("%(secured)s secured · %(expected)s expected")
                % {
                    "secured": number_format(t.secured, 0, force_grouping=True),
                    "expected": number_format(t.expected, 0, force_grouping=True),
                },
            )
            for t in totals
        ],
        listing_url=listing,
        listing_label=_("All funding commitments"),
        empty="",
        order=160,
    )


@hooks.register("construct_homepage_panels")
def secretariat_funding_panel(request, panels):
    from gci.site.admin_panels import add_panel

    add_panel(panels, request, may_see_funding, funding_panel)
