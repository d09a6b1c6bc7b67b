"""A round from start to finish: the Secretariat opens it in the admin, the
Partners review chapter by chapter and answer, the Secretariat resolves, and
only then does the translation publish."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from gci.materials import review
from gci.materials.choices import AssignmentState, ReviewAction
from gci.materials.models import ReviewComment, ReviewEvent, ReviewRound, TranslationNotReviewed
from tests.factories.materials import (
    chapter,
    chapter_url,
    current_round,
    english_guide,
    open_round,
    organisation,
    partner_of,
    round_url,
)
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


def open_arabic_round(secretariat_user, *acronyms):
    return open_round(
        secretariat_user, "ar", *acronyms, message="Please review the Arabic chapters."
    )


def answer(client, review_round, action, version, reason="", confirm=True):
    data = {"action": action, "reason": reason, "version": version}
    if confirm:
        data["confirm"] = "on"
    return client.post(round_url(review_round) + "act/", data)


def test_the_secretariat_opens_a_round_in_the_admin_and_invited_members_get_an_email(
    client, secretariat_user, cites_user, wco_user, django_capture_on_commit_callbacks
):
    force_login_with_totp(client, secretariat_user)
    form = client.get("/admin/review_rounds/new/")
    assert form.status_code == 200
    deadline = timezone.localdate() + dt.timedelta(days=21)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/review_rounds/new/",
            {
                "guide": english_guide().pk,
                "locale": Locale.objects.get(language_code="ru").pk,
                "deadline": deadline.isoformat(),
                "message": "The Russian chapters 1 and 2 are ready.",
                "organisations": [organisation("CITES").pk, organisation("SBC").pk],
            },
        )
    assert response.status_code == 302
    new_round = current_round("ru")
    assert new_round.deadline == deadline
    assert {a.organisation.acronym for a in new_round.assignments.all()} == {"CITES", "SBC"}
    assert all(a.state == AssignmentState.INVITED for a in new_round.assignments.all())
    recipients = [message.to for message in mail.outbox]
    assert [cites_user.email] in recipients
    assert [wco_user.email] not in recipients  # WCO was not invited
    assert all(len(to) == 1 for to in recipients)  # nobody sees the others' addresses
    assert round_url(new_round) in mail.outbox[0].body
    assert ReviewEvent.objects.filter(round=new_round, action=ReviewAction.INVITED).count() == 2


def test_the_admin_refuses_a_deadline_in_the_past(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    response = client.post(
        "/admin/review_rounds/new/",
        {
            "guide": english_guide().pk,
            "locale": Locale.objects.get(language_code="ru").pk,
            "deadline": "2009-01-01",
            "message": "Kept after the error",
            "organisations": [organisation("CITES").pk],
        },
    )
    assert response.status_code == 200
    assert "cannot be in the past" in response.content.decode()
    assert "Kept after the error" in response.content.decode()
    assert current_round("ru") is None


def test_a_partner_reviews_a_chapter_side_by_side_right_to_left(
    client, secretariat_user, cites_user
):
    arabic = open_arabic_round(secretariat_user, "CITES")
    client.force_login(cites_user)
    english = chapter(1)
    body = client.get(chapter_url(arabic, english)).content.decode()
    assert 'lang="ar" dir="rtl"' in body
    translated = chapter(1, "ar")
    for block in english.body:
        assert f'id="block-{block.id}"' in body
    assert translated.title  # the Arabic text of a block stands beside its English original
    first_paragraph = next(b for b in translated.specific.body if b.block_type == "paragraph")
    assert str(first_paragraph.value.source)[3:40] in body


def test_comments_are_anchored_and_the_secretariat_answers_and_resolves(
    client, secretariat_user, cites_user
):
    arabic = open_arabic_round(secretariat_user, "CITES")
    english = chapter(2)
    block = english.body[1]
    client.force_login(cites_user)
    response = client.post(
        chapter_url(arabic, english), {"text": "This term differs in Arabic.", "block_id": block.id}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#block-{block.id}")
    comment = ReviewComment.objects.get(text="This term differs in Arabic.")
    assert (comment.chapter_id, comment.block_id) == (english.pk, block.id)
    assignment = arabic.assignments.get()
    assert assignment.state == AssignmentState.REVIEWING  # commenting starts the review

    force_login_with_totp(client, secretariat_user)
    client.post(chapter_url(arabic, english), {"text": "Fixed, thanks.", "parent": comment.pk})
    index = round_url(arabic).rsplit("/", 2)[0] + "/"
    client.post(f"{index}{arabic.pk}/comments/{comment.pk}/resolve/")
    comment.refresh_from_db()
    assert comment.resolved_by == secretariat_user
    assert comment.answers.get().text == "Fixed, thanks."
    actions = list(ReviewEvent.objects.filter(round=arabic).values_list("action", flat=True))
    for action in ["opened", "invited", "started", "commented", "answered", "resolved"]:
        assert action in actions


def test_a_comment_on_a_block_that_does_not_exist_is_refused_and_kept(
    client, secretariat_user, cites_user
):
    arabic = open_arabic_round(secretariat_user, "CITES")
    client.force_login(cites_user)
    response = client.post(
        chapter_url(arabic, chapter(1)), {"text": "My careful remark", "block_id": "nope"}
    )
    assert response.status_code == 400
    assert "My careful remark" in response.content.decode()
    assert not ReviewComment.objects.filter(text="My careful remark").exists()


def test_answers_need_a_confirmation_and_a_reason_for_changes(client, secretariat_user, cites_user):
    arabic = open_arabic_round(secretariat_user, "CITES")
    version = arabic.assignments.get().version
    client.force_login(cites_user)
    unconfirmed = answer(client, arabic, "approve", version, confirm=False)
    assert unconfirmed.status_code == 400
    assert "Tick the box" in unconfirmed.content.decode()
    no_reason = answer(client, arabic, "request_changes", version)
    assert no_reason.status_code == 400
    assert arabic.assignments.get().state == AssignmentState.INVITED


def test_two_reviewers_answering_at_once_do_not_overwrite_each_other(
    client, secretariat_user, cites_user
):
    colleague = partner_of("CITES", email="second.cites@example.org")
    arabic = open_arabic_round(secretariat_user, "CITES")
    seen = arabic.assignments.get().version
    client.force_login(colleague)
    assert answer(client, arabic, "approve", seen).status_code == 302
    client.force_login(cites_user)
    late = answer(client, arabic, "request_changes", seen, reason="Chapter 2 needs work")
    assert late.status_code == 409
    body = late.content.decode()
    assert "Chapter 2 needs work" in body  # the late reviewer's text is kept
    assert arabic.assignments.get().state == AssignmentState.APPROVED


def test_only_an_invited_organisations_members_act_others_see_nothing(
    client, secretariat_user, wco_user
):
    arabic = open_arabic_round(secretariat_user, "CITES")
    client.force_login(wco_user)  # a Partner, but WCO is not in this round
    assert client.get(round_url(arabic)).status_code == 404
    assert client.get(chapter_url(arabic, chapter(1))).status_code == 404
    assert answer(client, arabic, "approve", 1).status_code == 404
    assert arabic.assignments.get().state == AssignmentState.INVITED
    listing = client.get(round_url(arabic).rsplit("/", 2)[0] + "/").content.decode()
    assert "Arabic" not in listing and "العربيّة" not in listing


def test_done_when_approve_decline_changes_resolved_then_and_only_then_publish(
    client, secretariat_user, cites_user, wco_user, django_capture_on_commit_callbacks
):
    basel = partner_of("SBC")
    arabic = open_arabic_round(secretariat_user, "CITES", "SBC", "WCO")
    page = chapter(1, "ar")
    versions = {a.organisation.acronym: a.version for a in arabic.assignments.all()}

    client.force_login(cites_user)
    assert answer(client, arabic, "approve", versions["CITES"]).status_code == 302
    client.force_login(basel)
    assert answer(client, arabic, "decline", versions["SBC"], "No Arabic reader").status_code == 302
    client.force_login(wco_user)
    assert (
        answer(client, arabic, "request_changes", versions["WCO"], "Use WCO terms").status_code
        == 302
    )
    assert not ReviewRound.objects.get(pk=arabic.pk).is_complete
    with pytest.raises(TranslationNotReviewed):
        page.get_latest_revision().publish(user=secretariat_user)

    request = ReviewComment.objects.get(assignment__round=arabic, text="Use WCO terms")
    force_login_with_totp(client, secretariat_user)
    index = round_url(arabic).rsplit("/", 2)[0] + "/"
    client.post(f"{index}{arabic.pk}/comments/{request.pk}/resolve/")
    assert ReviewRound.objects.get(pk=arabic.pk).is_complete

    with django_capture_on_commit_callbacks(execute=True):
        chapter(1, "ar").get_latest_revision().publish(user=secretariat_user)
    page.refresh_from_db()
    assert page.live


def test_each_partners_dashboard_shows_what_waits_for_them(client, wco_user, cites_user):
    client.force_login(wco_user)
    body = client.get("/en/partners-area/").content.decode()
    # WCO has not answered the French round yet: a task in "Your tasks".
    assert "Review the French translation of the Guide" in body
    client.force_login(cites_user)
    body = client.get("/en/partners-area/").content.decode()
    assert "translation of the Guide" not in body  # CITES approved it: no review task


def test_reminders_before_the_deadline_and_when_overdue_once_each(
    secretariat_user, wco_user, django_capture_on_commit_callbacks
):
    def send_reminders():  # and commit: the outbox's task delivers
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", verbosity=0)

    french = current_round("fr")
    french.deadline = timezone.localdate() + dt.timedelta(days=3)
    french.save()
    send_reminders()
    review_mails = [m for m in mail.outbox if "review of the" in m.subject]
    assert [m.to for m in review_mails] == [[wco_user.email]]  # CITES approved, Basel declined
    send_reminders()
    assert len([m for m in mail.outbox if "review of the" in m.subject]) == 1
    french.deadline = timezone.localdate() - dt.timedelta(days=1)
    french.save()
    send_reminders()
    overdue = [m for m in mail.outbox if "Overdue: review of the" in m.subject]
    assert len(overdue) == 1


def test_the_admin_shows_a_rounds_matrix_and_history(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    french = current_round("fr")
    listing = client.get("/admin/review_rounds/").content.decode()
    assert "2 / 3" in listing  # CITES approved, Basel declined, WCO not yet
    body = client.get(f"/admin/review_rounds/inspect/{french.pk}/").content.decode()
    assert "Declined to review" in body and "1 open comment" in body
    assert "no French reviewer available" in body  # Basel's reason, in the history
    assert round_url(french) in body


def test_the_matrix_shows_open_requests_about_the_whole_translation(
    client, secretariat_user, cites_user
):
    """Changes requested with a reason but no chapter keep the round open, so
    the matrix shows them on a row of their own, under the organisation."""
    arabic = open_arabic_round(secretariat_user, "CITES", "WCO")
    cites = arabic.assignments.get(organisation__acronym="CITES")
    review.act(cites, cites.version, cites_user, "request_changes", "Use the UN's terms.")
    matrix = review.matrix(arabic)
    columns = [a.organisation.acronym for a in matrix["assignments"]]
    assert dict(zip(columns, matrix["general"], strict=True)) == {"CITES": 1, "WCO": 0}
    force_login_with_totp(client, secretariat_user)
    body = client.get(f"/admin/review_rounds/inspect/{arabic.pk}/").content.decode()
    row = body.partition("Requests about the whole translation")[2].partition("</tr>")[0]
    cells = [cell.partition("</td>")[0] for cell in row.split("<td>")[1:]]
    expected = {"CITES": "1 open comment", "WCO": "—"}
    assert cells == [expected[acronym] for acronym in columns]
    partners_page = client.get(round_url(arabic)).content.decode()
    assert '<a href="#general-title">Requests about the whole translation</a>' in partners_page


def test_nobody_deletes_a_round_not_even_a_superuser(client):
    from tests.factories.home import UserFactory

    boss = UserFactory(username="boss", is_superuser=True)
    force_login_with_totp(client, boss)
    french = current_round("fr")
    response = client.post(f"/admin/review_rounds/delete/{french.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert ReviewRound.objects.filter(pk=french.pk).exists()
    assert "/delete/" not in client.get("/admin/review_rounds/").content.decode()


def test_organisations_waiting_for_the_secretariat_are_not_reminded(wco_user):
    french = current_round("fr")
    wco = french.assignments.get(organisation__acronym="WCO")
    review.act(wco, wco.version, wco_user, "request_changes", "Use WCO terms")
    french.deadline = timezone.localdate() - dt.timedelta(days=2)
    french.save()
    call_command("send_reminders", verbosity=0)
    assert not [m for m in mail.outbox if "review of the" in m.subject]


def test_a_replaced_round_invites_nobody(client, secretariat_user):
    french = current_round("fr")
    open_arabic_round(secretariat_user, "CITES")  # another language: French stays current
    newer = review.open_round(
        english_guide(),
        french.locale,
        timezone.localdate() + dt.timedelta(days=9),
        [organisation("CITES")],
        secretariat_user,
    )
    assert current_round("fr") == newer
    with pytest.raises(review.RoundClosed):
        review.invite(french, [organisation("UNODC")], secretariat_user)
    force_login_with_totp(client, secretariat_user)
    response = client.post(
        f"/admin/review_rounds/edit/{french.pk}/",
        {
            "deadline": french.deadline.isoformat(),
            "message": french.message,
            "organisations": [organisation("UNODC").pk],
        },
    )
    assert response.status_code == 200
    assert "newer round" in response.content.decode()
    assert not french.assignments.filter(organisation__acronym="UNODC").exists()


@pytest.mark.parametrize(
    "path",
    [
        "{round}/chapters/99999999999999999999999999/",
        "99999999999999999999999999/",
        "{round}/comments/99999999999999999999999999/resolve/",
    ],
)
def test_absurd_ids_are_not_found(client, secretariat_user, path):
    force_login_with_totp(client, secretariat_user)
    french = current_round("fr")
    base = round_url(french).rsplit("/", 2)[0] + "/"
    method = client.post if "resolve" in path else client.get
    assert method(base + path.format(round=french.pk)).status_code == 404


def test_an_absurd_version_is_refused_as_bad_input(client, wco_user):
    client.force_login(wco_user)
    response = answer(client, current_round("fr"), "approve", 10**30)
    assert response.status_code == 400


def test_every_action_of_the_history_is_one_the_code_records():
    """The history's vocabulary names only what happens: an action nothing
    logs (as "Comment reopened" was, with no way to reopen a comment) would
    promise an event the history can never show."""
    import ast
    from pathlib import Path

    import gci.materials

    package = Path(next(iter(gci.materials.__path__)))
    used = set()
    for path in package.rglob("*.py"):
        if "migrations" in path.parts or path.name == "choices.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "ReviewAction"
            ):
                used.add(node.attr)
    assert set(ReviewAction.names) - used == set()
