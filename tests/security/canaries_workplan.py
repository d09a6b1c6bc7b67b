"""Canaries of the workplan: the Partners' shared comments (never public)
and a draft workplan (the Secretariat's until it goes to consultation)."""

import datetime as dt

from django.utils import timezone

from gci.calendar.models import Workplan, WorkplanComment

from .leaks import ANONYMOUS, OTHER_ORGANISATION, Planted, canary

CANARY_YEAR = 2090


@canary("workplan_comment", hidden_from=(ANONYMOUS,))
def workplan_comment(token, people):
    today = timezone.localdate()
    plan, _created = Workplan.objects.get_or_create(
        year=CANARY_YEAR - 1,
        defaults={
            "state": "consultation",
            "consultation_opens": today - dt.timedelta(days=1),
            "consultation_closes": today + dt.timedelta(days=1),
        },
    )
    WorkplanComment.objects.create(
        workplan=plan,
        organisation=people.owner_organisation,
        author=people.owner,
        text=f"Workplan comment {token}",
    )
    return Planted(
        urls=[f"/{language}/planning/workplan/{plan.year}/" for language in ("en", "fr")],
        strings=[f"Workplan comment {token}"],
    )


@canary("draft_workplan", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def draft_workplan(token, people):
    plan = Workplan.objects.create(year=CANARY_YEAR, state="draft", intro=f"Draft {token}")
    return Planted(urls=[f"/en/planning/workplan/{plan.year}/"], strings=[plan.intro])
