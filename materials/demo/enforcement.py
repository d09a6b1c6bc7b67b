"""Demo enforcement records (`enforcement.yaml`) and the public "Enforcement
news" page (`pages.yaml`). Idempotent; the texts are the project's own."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from gci.home.datafiles import read_yaml
from gci.home.demo.support import organisations_by_acronym

from ..models import EnforcementNewsPage, EnforcementRecord

DATA = Path(__file__).parent


def load(builder, home, clock=None):
    pages = read_yaml(DATA / "pages.yaml")
    news = builder.child(
        home, EnforcementNewsPage, "enforcement", pages["enforcement"], show_in_menus=False
    )
    organisations = organisations_by_acronym(builder)
    for data in read_yaml(DATA / "enforcement.yaml"):
        _record(organisations, data, clock)
    return news


def _record(organisations, data, clock):
    if EnforcementRecord.objects.filter(title=data["title"]).exists():
        return
    date = data["date"]
    if clock is not None:
        date = clock.date(date)
    date = min(date, timezone.localdate() - dt.timedelta(days=1))
    record = EnforcementRecord(
        title=data["title"],
        kind=data["kind"],
        date=date,
        country=data["country"],
        treaties=data["treaties"],
        hs_codes=data.get("hs_codes", ""),
        commodity=data.get("commodity", ""),
        quantity=Decimal(data["quantity"]) if "quantity" in data else None,
        unit=data.get("unit", ""),
        agency=data.get("agency", ""),
        summary=data["summary"],
        language=data["language"],
        may_publish=data["may_publish"],
        state=data["state"],
        organisation=organisations.get(data["organisation"]),
    )
    record.hs_codes = (
        EnforcementRecord._meta.get_field("hs_codes").formfield().clean(data.get("hs_codes", ""))
    )
    record.full_clean()
    if record.state != "submitted":
        record.reviewed_at = timezone.now()
    record.save()
