"""The Partners' dashboard panel: what was circulated to this person lately
and not opened yet, each through its link (which marks it opened)."""

import datetime as dt

from django.utils import timezone

from .models import ITEM_KEPT, CirculationDelivery
from .recipients import local_titles

RECENT_DAYS = 90
SHOWN = 5


def unopened_for(user, now=None):
    """This person's recent unopened deliveries, newest first."""
    since = (now or timezone.now()) - dt.timedelta(days=RECENT_DAYS)
    return (
        CirculationDelivery.objects.filter(
            user=user, opened_at__isnull=True, circulation__sent_at__gte=since
        )
        .filter(ITEM_KEPT)
        .select_related("circulation__page", "circulation__document")
        .order_by("-circulation__sent_at", "-pk")
    )


def circulation_panel(request, organisation):
    """For members of an organisation: the unopened circulations, and the
    link to choose email or digest."""
    if organisation is None or not request.user.is_authenticated:
        return None
    deliveries = list(unopened_for(request.user)[: SHOWN + 1])
    titles = local_titles([d.circulation for d in deliveries[:SHOWN]])
    return {
        "template": "home/circulation/panel.html",
        "column": "main",
        "items": [
            {
                "pk": d.circulation_id,
                "title": titles[d.circulation_id],
                "sent_at": d.circulation.sent_at,
                "is_document": bool(d.circulation.document_id),
                "message": d.circulation.message,
            }
            for d in deliveries[:SHOWN]
        ],
        "more": len(deliveries) > SHOWN,
    }
