"""Demo calendar for `load_demo`, read from the YAML files beside this
module: both calendars (`pages.yaml`), the 2008–2009 events of the report
(`events.yaml`), the fifth Partners meeting with its papers and action points
(`meeting.yaml`), a pending proposal from a Partner (`proposal.yaml`), the
workshop requests behind the workshops and the agreed priority criteria
(`workshop_requests.yaml`), the next year's workplan in consultation, with
the planned workshops' priority and budget and two Partners' comments
(`workplan.yaml`), the Partners consulted before a planned workshop
(`consultation.yaml`: two answered, one declined); the public training
indicators page, whose figures are computed from all of these (`pages.yaml`);
once the suitcase is there (`load_outcomes`), what the held workshops of 2008
produced and their evaluations, and the fifth meeting's evaluation with its
poll on the next meeting (`outcomes.yaml`).
Idempotent."""

import datetime as dt
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from gci.home.datafiles import read_yaml
from gci.home.demo.support import DemoClock, minimal_pdf, organisations_by_acronym

from ..models import (
    ActionPoint,
    EvaluationAnswer,
    EvaluationForm,
    EventIndexPage,
    EventLink,
    EventPage,
    ParticipantCount,
    TrainingIndicatorsPage,
    WorkshopOutcome,
)
from ..models.outcomes import SCORES

DATA = Path(__file__).parent


def load(builder, home, area, clock=None):
    """Both calendars and their events; every date placed by ``clock`` (a
    ``DemoClock``: the report's dates, or moved to the present)."""
    clock = clock or DemoClock(as_reported=True)
    pages = read_yaml(DATA / "pages.yaml")
    public = builder.child(home, EventIndexPage, "events", pages["events"], show_in_menus=True)
    planning = builder.child(area, EventIndexPage, "planning-calendar", pages["planning-calendar"])
    builder.child(home, TrainingIndicatorsPage, "training", pages["training"], show_in_menus=True)
    english = organisations_by_acronym(builder)
    meeting = read_yaml(DATA / "meeting.yaml")
    for data in read_yaml(DATA / "events.yaml"):
        parent = planning if data.get("restricted") else public
        event = _event(builder, parent, data, english, clock)
        if data["slug"] == meeting["event"]:
            _action_points(event, meeting["action_points"], english, clock)
            _meeting_papers(event, meeting)
    _pending_proposal(planning, read_yaml(DATA / "proposal.yaml"), english, clock)
    load_workshop_requests(clock, english)
    load_workplan(clock, english)
    load_consultation(clock, english)
    return public, planning


def _event(builder, parent, data, organisations, clock):
    event = EventPage.objects.filter(locale=builder.locales["en"], slug=data["slug"]).first()
    fields = {
        "kind": data["kind"],
        "status": data["status"],
        "date_precision": data.get("precision", "day"),
        "start_date": clock.date(data["start"]),
        "end_date": clock.date(data.get("end")),
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


def _action_points(meeting, points, organisations, clock):
    for point in points:
        owners = point["owners"] if isinstance(point["owners"], list) else [point["owners"]]
        action, created = ActionPoint.objects.get_or_create(
            meeting=meeting,
            text=point["text"],
            defaults={
                "due_date": clock.date(point["due"]),
                "status": point.get("status", "open"),
                "notes": point.get("due_note", ""),
                "secretariat_owner": "Secretariat" in owners,
            },
        )
        if created:
            acronyms = organisations if "all" in owners else owners
            action.owners.set([organisations[a] for a in acronyms if a in organisations])


def _pending_proposal(planning, data, organisations, clock):
    """A training proposed by a demo Partner, waiting for the Secretariat."""
    user = get_user_model().objects.filter(email=data["owner"]).first()
    if user is None or EventPage.objects.filter(owner=user).exists():
        return
    fields = {key: value for key, value in data.items() if key not in ("owner", "organisers")}
    event = EventPage(
        title=fields.pop("title"),
        start_date=clock.date(fields.pop("start")),
        end_date=clock.date(fields.pop("end", None)),
        status="proposed",
        live=False,
        owner=user,
        **fields,
    )
    planning.add_child(instance=event)
    event.organisers.set([organisations[a] for a in data["organisers"]])
    event.save()
    event.save_revision(user=user)
    workflow = event.get_workflow()
    if workflow is not None:
        workflow.start(event, user)


def partners_collection():
    """The collection for the Partners' papers, restricted like the Partners area."""
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


def _meeting_papers(meeting, data):
    if meeting.links.exists():
        return
    collection = partners_collection()
    links = []
    for paper in data["papers"]:
        document = Document.objects.create(
            title=paper["title"],
            collection=collection,
            file=ContentFile(minimal_pdf(paper["text"]), name=paper["file"]),
        )
        links.append(EventLink(label=paper["label"], document=document))
    meeting.agenda = data["agenda"]
    meeting.links = links
    meeting.save_revision().publish()


def load_workshop_requests(clock, organisations):
    """The workshop requests of ``workshop_requests.yaml`` and the agreed
    priority criteria; a request already there (by its body and date) is left alone."""
    from decimal import Decimal

    from ..models import PriorityCriterion, WorkshopRequest

    data = read_yaml(DATA / "workshop_requests.yaml")
    criteria = []
    for order, text in enumerate(data["criteria"], start=1):
        criterion, _created = PriorityCriterion.objects.get_or_create(
            text=text, defaults={"sort_order": order}
        )
        criteria.append(criterion)
    users = get_user_model().objects
    for item in data["requests"]:
        received = clock.date(item["received"])
        if WorkshopRequest.objects.filter(
            body_name=item["body_name"], received_on=received
        ).exists():
            continue
        event = None
        if item.get("event"):
            event = EventPage.objects.filter(slug=item["event"], locale__language_code="en").first()
        request = WorkshopRequest.objects.create(
            country=item.get("country", ""),
            region=item.get("region", ""),
            body_kind=item["body_kind"],
            body_name=item["body_name"],
            contact_name=item.get("contact_name", ""),
            contact_email=item.get("contact_email", ""),
            topics=item.get("topics", []),
            languages=item.get("languages", []),
            officers=item.get("officers"),
            notes=item.get("notes", ""),
            preferred_from=_month(clock, item.get("preferred_from")),
            preferred_to=_month(clock, item.get("preferred_to")),
            preferred_period_note=item.get("preferred_period_note", ""),
            organisation=organisations.get(item.get("organisation")),
            sent_by=users.filter(email=item.get("sent_by", "")).first(),
            received_on=received,
            priority=item.get("priority"),
            estimated_cost=Decimal(item["estimated_cost"]) if item.get("estimated_cost") else None,
            funding_state=item.get("funding_state", "none"),
            funding_source=item.get("funding_source", ""),
            lead_organisation=organisations.get(item.get("lead")),
        )
        request.criteria.set([criteria[n - 1] for n in item.get("criteria", [])])
        request.record_change(None, "received", organisation=request.organisation)
        # The way it went, through the one rule of the states.
        path = {
            "received": [],
            "under_consideration": ["under_consideration"],
            "prioritised": ["prioritised"],
            "planned": ["prioritised", "planned"],
        }[item["state"]]
        for state in path:
            request.move_to(state, event=event if state == "planned" else None)
        # The history on the report's dates: arrival, then a week per step.
        arrived = timezone.make_aware(dt.datetime.combine(received, dt.time(9)))
        for step, change in enumerate(request.changes.order_by("pk")):
            change.at = arrived + dt.timedelta(weeks=step)
            change.save(update_fields=["at"])


def _month(clock, value):
    """A month of the report, moved to the demo's time (its first day)."""
    moved = clock.date(value)
    return moved.replace(day=1) if moved else None


def load_workplan(clock, organisations):
    """The workshop plans, the workplan and its comments of ``workplan.yaml``;
    what is already there is left alone."""
    from decimal import Decimal

    from ..models import PriorityCriterion, Workplan, WorkplanComment, WorkshopPlan, WorkshopRequest

    data = read_yaml(DATA / "workplan.yaml")
    criteria = list(PriorityCriterion.objects.order_by("sort_order", "pk"))
    for item in data["plans"]:
        event = EventPage.objects.filter(slug=item["event"], locale__language_code="en").first()
        if event is None or WorkshopPlan.objects.filter(event=event).exists():
            continue
        plan = WorkshopPlan.objects.create(
            event=event,
            priority=item.get("priority"),
            estimated_cost=Decimal(item["estimated_cost"]) if item.get("estimated_cost") else None,
            funding_state=item.get("funding_state", "none"),
            funding_source=item.get("funding_source", ""),
            lead_organisation=organisations.get(item.get("lead")),
        )
        plan.criteria.set([criteria[n - 1] for n in item.get("criteria", [])])
    facts = data["workplan"]
    workplan, created = Workplan.objects.get_or_create(
        year=clock.today.year + 1,
        defaults={
            "state": facts["state"],
            "intro": facts["intro"],
            "consultation_opens": clock.date(facts["opens"]),
            "consultation_closes": clock.date(facts["closes"]),
        },
    )
    if not created:
        return
    requests = read_yaml(DATA / "workshop_requests.yaml")["requests"]
    bodies = {item["key"]: item["body_name"] for item in requests}
    users = get_user_model().objects.select_related("membership__organisation")
    for item in data["comments"]:
        author = users.filter(email=item["author"]).first()
        if author is None:
            continue
        target = None
        if item.get("target"):
            target = WorkshopRequest.objects.filter(body_name=bodies[item["target"]]).first()
        WorkplanComment.objects.create(
            workplan=workplan,
            organisation=author.membership.organisation,
            author=author,
            text=item["text"],
            target_request=target,
            created=timezone.make_aware(clock.datetime(item["at"])),
        )


def load_outcomes(builder, clock=None):
    """The outcomes, evaluations and answers of ``outcomes.yaml``. After the
    materials' demo (an outcome names suitcase materials). What is already
    there is left alone: an outcome, a form, an answer (by its nonce), a
    translation's report once written."""
    from django.apps import apps

    clock = clock or DemoClock(as_reported=True)
    data = read_yaml(DATA / "outcomes.yaml")
    english = builder.locales["en"]
    material_model = apps.get_model("materials", "Material")
    for item in data["outcomes"]:
        event = EventPage.objects.filter(locale=english, slug=item["event"]).first()
        if event is None:
            continue
        outcome, created = WorkshopOutcome.objects.get_or_create(
            event=event, defaults={"trainers": item["trainers"]}
        )
        if created:
            outcome.materials.set(
                material_model.objects.filter(locale=english, title__in=item["materials"])
            )
            outcome.save()
            ParticipantCount.objects.bulk_create(
                ParticipantCount(outcome=outcome, sort_order=order, **count)
                for order, count in enumerate(item["participants"])
            )
        _outcome_report(event, item["report"], builder.locales)
        if item.get("evaluation"):
            _evaluation(event, item["evaluation"], clock)
    _evaluation(
        EventPage.objects.filter(locale=english, slug=data["meeting"]["event"]).first(),
        data["meeting"],
        clock,
        kind="partners_meeting",
    )


def _outcome_report(event, texts, locales):
    """The short report on the event page and on each of its translations
    (wagtail-localize translates it with the page), written once."""
    for page in event.get_translations(inclusive=True).specific():
        code = next((c for c, locale in locales.items() if locale.pk == page.locale_id), None)
        if code is None or page.outcome_report:
            continue
        page.outcome_report = texts.get(code, texts["en"])
        page.save_revision().publish()


def _evaluation(event, data, clock, kind="workshop"):
    """An evaluation form and its answers; an answer's nonce (unique, as a
    link's) is made from the event and its row, so a second run finds it."""
    if event is None:
        return
    form, _created = EvaluationForm.objects.get_or_create(
        event=event,
        defaults={
            "kind": kind,
            "opens": clock.date(data["opens"]),
            "closes": clock.date(data["closes"]),
            "venue_choices": "\n".join(data.get("venues", [])),
            "period_choices": "\n".join(data.get("periods", [])),
        },
    )
    nonces = {f"demo-{event.slug}-{n}": row for n, row in enumerate(data["answers"], start=1)}
    known = set(EvaluationAnswer.objects.filter(nonce__in=nonces).values_list("nonce", flat=True))
    EvaluationAnswer.objects.bulk_create(
        EvaluationAnswer(
            form=form,
            nonce=nonce,
            comments=row.get("comment", ""),
            venue_choice=row.get("venue", ""),
            period_choice=row.get("period", ""),
            created=timezone.make_aware(
                dt.datetime.combine(clock.date(row["at"]), dt.time(10 + n % 6))
            ),
            **dict(zip(SCORES, row["scores"], strict=True)),
        )
        for n, (nonce, row) in enumerate(nonces.items())
        if nonce not in known
    )


def load_consultation(clock, organisations):
    """The consultation of ``consultation.yaml`` on a planned workshop, with
    its answers; left alone once there."""
    from gci.home.models import ResourcePerson

    from ..collections import consultations_collection
    from ..models import (
        Consultation,
        ConsultationAnswer,
        ConsultationComment,
        ExpertSuggestion,
    )

    data = read_yaml(DATA / "consultation.yaml")
    event = EventPage.objects.filter(slug=data["event"], locale__language_code="en").first()
    if event is None or Consultation.objects.filter(event=event).exists():
        return
    documents = {}
    for name in ("concept_note", "agenda"):
        title = data[name]
        documents[name] = Document.objects.filter(title=title).first() or Document.objects.create(
            title=title,
            collection=consultations_collection(),
            file=ContentFile(minimal_pdf(title), name=f"{name.replace('_', '-')}.pdf"),
        )
    consultation = Consultation.objects.create(
        event=event,
        deadline=clock.date(data["deadline"]),
        message=data["message"],
        opened_at=timezone.make_aware(clock.datetime(data["opened"])),
        **documents,
    )
    consultation.organisations.set([organisations[a] for a in data["invited"]])
    consultation.changes.create(action="opened", at=consultation.opened_at)
    users = get_user_model().objects
    for item in data["answers"]:
        organisation = organisations[item["organisation"]]
        author = users.filter(email=item.get("author", "")).first()
        at = timezone.make_aware(clock.datetime(item["at"]))
        answer = ConsultationAnswer.objects.create(
            invitation=consultation.invitation_for(organisation),
            response=item["response"],
            participants=item.get("participants", ""),
            decline_reason=item.get("decline_reason", ""),
            version=1,
            updated_by=author,
            updated_at=at,
        )
        steps = [(item["response"], answer.decline_reason)]
        for expert in item.get("experts", []):
            person = ResourcePerson.objects.create(organisation=organisation, **expert)
            ExpertSuggestion.objects.create(answer=answer, person=person, created_at=at)
            steps.append(("expert", person.name))
        for comment in item.get("comments", []):
            ConsultationComment.objects.create(
                answer=answer, created_by=author, created_at=at, **comment
            )
            steps.append(("comment", comment["target"]))
        for action, note in steps:
            consultation.changes.create(
                user=author, organisation=organisation, action=action, note=note, at=at
            )
