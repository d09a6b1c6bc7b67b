"""What every app's demo shares, at the bottom so that no app imports
another app's demo: the organisations by acronym, a small valid PDF to
stand in for a document, and the demo's clock."""

import datetime as dt

from django.utils import timezone

from ..models import PartnerOrganisation

# The moment the demo shows, as reported: four weeks after the fifth Partners
# meeting (Brussels, 26–27 January 2009), the 2009 plan ahead.
REPORT_NOW = dt.date(2009, 2, 23)


class DemoClock:
    """Where the demo's dates fall. As reported, they are the report's own
    (``load_demo --as-reported``); by default every date moves by the same
    whole number of weeks so that the report's "now" is this week: the fifth
    meeting a few weeks ago, the 2009 plan ahead, deadlines still running,
    the order, the weekdays and the durations kept."""

    def __init__(self, as_reported=False, today=None):
        today = today or timezone.localdate()
        weeks = 0 if as_reported else (today - REPORT_NOW).days // 7
        self.as_reported = as_reported
        self.offset = dt.timedelta(weeks=weeks)
        self.today = REPORT_NOW + self.offset

    def date(self, value):
        """A date of the report, moved to the demo's time."""
        return value + self.offset if value else value

    def datetime(self, value):
        return value + self.offset if value else value


def organisations_by_acronym(builder):
    """The English organisations, by acronym."""
    english = PartnerOrganisation.objects.filter(locale=builder.locales["en"])
    return {org.acronym: org for org in english}


def minimal_pdf(text):
    """A small, valid one-page PDF made here (never a copy of anyone's document)."""
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out
