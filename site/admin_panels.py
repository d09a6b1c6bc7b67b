"""A panel of the Secretariat's admin dashboard: what waits, counted, with
its first few rows and a link to the listing where it is dealt with.

Each app adds its own panels from its ``wagtail_hooks`` (Wagtail's
``construct_homepage_panels``), each only for who may act on what it lists;
a panel runs a fixed number of queries (a count and the first rows),
whatever the number of rows.
"""

from dataclasses import dataclass

from wagtail.admin.ui.components import Component

ROWS_SHOWN = 5


@dataclass
class Row:
    label: str
    url: str
    detail: str = ""


class ListingPanel(Component):
    template_name = "gci/admin/listing_panel.html"

    def __init__(
        self, *, name, heading, count, count_label, rows, listing_url, listing_label, empty, order
    ):
        self.name = name
        self.heading = heading
        self.count = count
        self.count_label = count_label
        self.rows = rows
        self.listing_url = listing_url
        self.listing_label = listing_label
        self.empty = empty
        self.order = order

    def get_context_data(self, parent_context):
        return {"panel": self}


def add_panel(panels, request, may_act, build):
    """``build(request)`` returns a ListingPanel, added only when ``may_act(user)``."""
    if may_act(request.user):
        panels.append(build(request))
