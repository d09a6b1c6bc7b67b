"""Demo calendar for `load_demo`: both calendars, the 2008–2009 events of the
report, the fifth Partners meeting with its action points, a pending
proposal from a Partner. Idempotent."""

import datetime as dt

from django.contrib.auth import get_user_model

from gci.home.models import PartnerOrganisation

from . import demo_events
from .models import ActionPoint, EventIndexPage, EventPage

PUBLIC_INDEX = {
    "en": (
        "Events",
        "Workshops, training courses and side events of the Green Customs Initiative.",
        [],
    ),
    "fr": (
        "Événements",
        "Ateliers, formations et manifestations parallèles de l'Initiative Douanes vertes.",
        [],
    ),
    "es": (
        "Eventos",
        "Talleres, cursos de formación y eventos paralelos de la Iniciativa Aduanas Verdes.",
        [],
    ),
    "ru": (
        "Мероприятия",
        "Семинары, учебные курсы и параллельные мероприятия Инициативы «Зелёная таможня».",
        [],
    ),
    "ar": (
        "الفعاليات",
        "حلقات العمل والدورات التدريبية والفعاليات الجانبية لمبادرة الجمارك الخضراء.",
        [],
    ),
    "zh-hans": ("活动", "绿色海关倡议的讲习班、培训课程和边会。", []),
}
PLANNING_INDEX = {
    "en": (
        "Planning calendar",
        "Public events and the Partners' plans: proposed workshops, funding-contingent plans, internal meetings.",
        [],
    ),
    "fr": (
        "Calendrier de planification",
        "Les événements publics et les projets des Partenaires : ateliers proposés, projets sous réserve de financement, réunions internes.",
        [],
    ),
    "es": (
        "Calendario de planificación",
        "Los eventos públicos y los planes de los socios: talleres propuestos, planes sujetos a financiación, reuniones internas.",
        [],
    ),
    "ru": (
        "Календарь планирования",
        "Открытые мероприятия и планы партнёров: предлагаемые семинары, планы при условии финансирования, внутренние совещания.",
        [],
    ),
    "ar": (
        "جدول التخطيط",
        "الفعاليات العامة وخطط الشركاء: حلقات العمل المقترحة، والخطط المرهونة بالتمويل، والاجتماعات الداخلية.",
        [],
    ),
    "zh-hans": ("规划日历", "公开活动和伙伴的计划：拟议的讲习班、视资金而定的计划和内部会议。", []),
}
MEETING_SLUG = "fifth-partners-meeting-2009"


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def load(builder, home, area):
    public = builder.child(home, EventIndexPage, "events", PUBLIC_INDEX, show_in_menus=True)
    planning = builder.child(area, EventIndexPage, "planning-calendar", PLANNING_INDEX)
    english = {
        org.acronym: org for org in PartnerOrganisation.objects.filter(locale=builder.locales["en"])
    }
    for data in demo_events.EVENTS:
        parent = planning if data["restricted"] else public
        event = _event(builder, parent, data, english)
        if data["kind"] == "partners_meeting" and data["start"] == "2009-01-26":
            _action_points(event, english)
            _meeting_papers(event)
    _pending_proposal(planning, english)
    return public, planning


def _event(builder, parent, data, organisations):
    event = EventPage.objects.filter(locale=builder.locales["en"], slug=data["slug"]).first()
    start = _date(data["start"]) or dt.date(2009, 1, 1)
    fields = {
        "kind": data["kind"],
        "status": data["status"],
        "start_date": start,
        "end_date": _date(data.get("end")) if data.get("end") != data.get("start") else None,
        "tentative": data.get("tentative", False),
        "date_note": data.get("date_note", "")[:120],
        "venue": data.get("venue", ""),
        "city": data.get("city", ""),
        "country": data.get("country", ""),
        "region": data.get("region", ""),
    }
    if event is None:
        event = EventPage(
            title=data["title"]["en"], slug=data["slug"], summary=data["summary"]["en"], **fields
        )
        parent.add_child(instance=event)
        event.organisers.set([organisations[a] for a in data["organisers"] if a in organisations])
        event.save_revision().publish()
    for code, locale in builder.locales.items():
        if code == "en" or event.get_translation_or_none(locale) is not None:
            continue
        translation = event.copy_for_translation(locale)
        translation.title = data["title"].get(code, data["title"]["en"])
        translation.summary = data["summary"].get(code, data["summary"]["en"])
        translation.save_revision().publish()
    return event


def _action_points(meeting, organisations):
    for point in demo_events.ACTION_POINTS:
        action, created = ActionPoint.objects.get_or_create(
            meeting=meeting,
            text=point["text"],
            defaults={
                "due_date": _date(point["due"]),
                "status": point.get("status", "open"),
                "notes": point.get("due_note", ""),
            },
        )
        if created:
            action.owners.set([organisations[a] for a in point["owners"] if a in organisations])


def _pending_proposal(planning, organisations):
    """A training proposed by the CITES demo Partner, waiting for the Secretariat."""
    user = get_user_model().objects.filter(email="cites.partner@greencustoms.example").first()
    if user is None or EventPage.objects.filter(owner=user).exists():
        return
    event = EventPage(
        title="CITES permits and certificates: training for customs officers",
        slug="cites-permits-training-proposal",
        kind="training",
        status="proposed",
        summary="A two-day course on checking CITES permits at the border, proposed by CITES.",
        start_date=dt.date(2009, 9, 14),
        end_date=dt.date(2009, 9, 15),
        tentative=True,
        date_note="dates to be confirmed",
        city="Nairobi",
        country="KE",
        region="africa",
        live=False,
        owner=user,
    )
    planning.add_child(instance=event)
    event.organisers.set([organisations["CITES"]])
    event.save()
    event.save_revision(user=user)
    workflow = event.get_workflow()
    if workflow is not None:
        workflow.start(event, user)


AGENDA = (
    "<ol><li>Opening and introductions</li><li>The Secretariat's activities in 2008</li>"
    "<li>The Partners' activities in 2008</li><li>UNODC and the initiative</li>"
    "<li>Funding</li><li>Activities in 2009: materials, case studies, outreach</li>"
    "<li>The 2009 workshop plan</li><li>Action points and evaluation</li></ol>"
)


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


def partners_collection():
    """The collection for the Partners' papers, restricted like the Partners area."""
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name="Partners' documents").first()
    if collection is None:
        collection = root.add_child(name="Partners' documents")
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set(Group.objects.filter(name__in=["Partners", "Secretariat"]))
    return collection


def _meeting_papers(meeting):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from .models import EventLink

    if meeting.links.exists():
        return
    collection = partners_collection()
    document = Document.objects.create(
        title="Fifth Partners meeting: agenda and participants",
        collection=collection,
        file=ContentFile(
            minimal_pdf("GCI fifth Partners meeting - agenda (demo file)"),
            name="gci-pm5-agenda.pdf",
        ),
    )
    meeting.agenda = AGENDA
    meeting.links = [EventLink(label="Agenda and list of participants (PDF)", document=document)]
    meeting.save_revision().publish()
