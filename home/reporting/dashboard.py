"""The Partners' dashboard: an open round whose report the organisation has
not sent is a task ("Your tasks"), with its deadline. One query."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .choices import ReportStatus, RoundState
from .models import ReportingInvitation


def reporting_tasks(request, organisation):
    if organisation is None:
        return None
    invitations = (
        ReportingInvitation.objects.filter(organisation=organisation, round__state=RoundState.OPEN)
        .exclude(report__status=ReportStatus.SUBMITTED)
        .select_related("round", "report")
        .order_by("round__deadline")[:20]
    )
    tasks = []
    for invitation in invitations:
        url = reverse("gci_home_reporting:report", kwargs={"pk": invitation.round_id})
        tasks.append(
            {
                "kind": "report",
                "kind_label": _("Activity report"),
                "title": _("Report on %(period)s") % {"period": invitation.round.local_title},
                "title_url": url,
                "deadline": invitation.round.deadline,
                "url": url,
                "button": _("Continue your report")
                if invitation.get_report() is not None
                else _("Write your report"),
                "rank": 2,
            }
        )
    if not tasks:
        return None
    return {"template": None, "tasks": tasks}
