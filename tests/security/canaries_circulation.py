"""Canaries of circulation to Partners: a circulation record (its message
from the Secretariat, who received it) sent to the owner's organisation only."""

from gci.home.circulation.models import Circulation
from gci.home.circulation.sending import make_deliveries
from gci.home.models import StandardPage

from .leaks import ANONYMOUS, OTHER_ORGANISATION, Planted, canary


@canary("circulation", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def circulation(token, people):
    """A Partners-area page circulated to the owner's organisation, with a
    message: the record and its message are the recipients' and the
    Secretariat's alone."""
    page = StandardPage.objects.get(slug="fifth-partners-meeting", locale__language_code="en")
    item = Circulation.objects.create(
        page=page, message=f"Circulation note {token}", sent_by=people.secretariat
    )
    item.organisations.set([people.owner_organisation])
    make_deliveries(item)
    return Planted(
        urls=[f"/{language}/circulated/{item.pk}/" for language in ("en", "fr", "ar")]
        + [
            "/admin/circulations/",
            f"/admin/circulations/inspect/{item.pk}/",
            f"/admin/circulations/edit/{item.pk}/",
        ],
        strings=[item.message],
    )
