"""The demo's circulations (``home/demo/circulations.yaml``): recorded as
sent and told (no email goes out while the demo is built), one opened.
Idempotent: a circulation is found again by its item and message."""

import datetime as dt
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from ..datafiles import read_yaml
from ..demo.support import organisations_by_acronym
from .models import Circulation
from .sending import make_deliveries

DATA = Path(__file__).resolve().parent.parent / "demo" / "circulations.yaml"


def load(builder, sender_email="secretariat@greencustoms.example"):
    organisations = organisations_by_acronym(builder)
    sender = get_user_model().objects.filter(email=sender_email).first()
    made = []
    for data in read_yaml(DATA):
        page = document = None
        if "page" in data:
            page = Page.objects.get(locale=builder.locales["en"], slug=data["page"])
        else:
            document = get_document_model().objects.filter(title=data["document"]).first()
            if document is None:
                continue
        message = " ".join(data["message"].split())
        circulation = Circulation.objects.filter(
            page=page, document=document, message=message
        ).first()
        if circulation is None:
            sent_at = timezone.now() - dt.timedelta(days=data.get("days_ago", 0))
            circulation = Circulation.objects.create(
                page=page,
                document=document,
                message=message,
                all_partners=bool(data.get("all")),
                sent_by=sender,
                sent_at=sent_at,
            )
            circulation.organisations.set([organisations[a] for a in data.get("organisations", [])])
            make_deliveries(circulation)
            circulation.deliveries.update(emailed_at=sent_at)
            circulation.deliveries.filter(user__email__in=data.get("opened_by", [])).update(
                opened_at=sent_at + dt.timedelta(hours=3)
            )
        made.append(circulation)
    return made
