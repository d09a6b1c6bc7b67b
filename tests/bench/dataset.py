"""The large dataset `make bench` serves (in its own database, never the
suite's): the demo site plus 10,000 events, 300 Partner users and 2,000
action points.

Other parts add theirs by appending a function ``(scale) -> str`` to
``BUILDERS`` (the Guide's chapters, the suitcase's materials…); it returns a
line saying what it made.
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from gci.calendar.models import ActionPoint, EventPage
from gci.home.models import Membership, PartnerOrganisation
from tests.calendar.test_scale import bulk_events
from tests.factories.calendar import planning_index, public_index

SCALE = {"events": 10_000, "partner_users": 300, "action_points": 2_000}
PASSWORD = "bench-partner-password"


def events(scale):
    today = timezone.localdate()
    public = scale["events"] * 9 // 10
    bulk_events(public_index(), public, today - dt.timedelta(days=365))
    bulk_events(planning_index(), scale["events"] - public, today - dt.timedelta(days=365))
    return f"{EventPage.objects.count()} events"


def partner_users(scale):
    organisations = list(PartnerOrganisation.objects.filter(locale=Locale.get_default()))
    partners = Group.objects.get(name="Partners")
    password = make_password(PASSWORD)
    users = get_user_model().objects.bulk_create(
        get_user_model()(
            username=f"bench{i}",
            email=f"bench{i}@partners.example",
            first_name="Bench",
            last_name=f"Partner {i}",
            password=password,
        )
        for i in range(scale["partner_users"])
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=organisations[i % len(organisations)])
        for i, user in enumerate(users)
    )
    partners.user_set.add(*users)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.bulk_create(
        EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
    )
    return f"{len(users)} Partner users"


def action_points(scale):
    meeting = EventPage.objects.get(slug="fifth-partners-meeting-2009", locale__language_code="en")
    organisations = list(PartnerOrganisation.objects.filter(locale=Locale.get_default()))
    rng = random.Random(7)
    today = timezone.localdate()
    points = ActionPoint.objects.bulk_create(
        ActionPoint(
            meeting=meeting,
            text=f"Bench action point {i}: share the training plan",
            due_date=today + dt.timedelta(days=rng.randint(-60, 120)),
            status=rng.choice(["open", "open", "in_progress", "done"]),
        )
        for i in range(scale["action_points"])
    )
    Through = ActionPoint.owners.through
    Through.objects.bulk_create(
        Through(actionpoint_id=p.pk, partnerorganisation_id=rng.choice(organisations).pk)
        for p in points
    )
    return f"{len(points)} action points"


BUILDERS = [events, partner_users, action_points]


def build(scale=None):
    scale = {**SCALE, **(scale or {})}
    with transaction.atomic():
        return [builder(scale) for builder in BUILDERS]
