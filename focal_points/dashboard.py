"""The focal points' panel on the Secretariat's admin dashboard."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gci.site.admin_panels import ROWS_SHOWN, ListingPanel, Row
from gci.site.dates import format_date

from .models import LinkCheck


def may_fix_links(user):
    return user.has_perm("focal_points.view_linkcheck")


def broken_links_admin_panel(request):
    """Focal-point links the last check found broken, the longest broken first."""
    broken = LinkCheck.objects.filter(ok=False, checked_at__isnull=False).order_by(
        "broken_since", "url"
    )
    return ListingPanel(
        name="gci-broken-links",
        heading=_("Broken focal-point links"),
        count=broken.count(),
        rows=[
            Row(
                check.url,
                reverse("link_checks:edit", args=[check.pk]),
                _("broken since %(date)s")
                % {"date": format_date(check.broken_since or check.checked_at)},
            )
            for check in broken[:ROWS_SHOWN]
        ],
        listing_url=reverse("link_checks:index") + "?ok=false",
        count_label=_("broken"),
        listing_label=_("All link checks, broken first"),
        empty=_("Every checked link works."),
        order=150,
    )
