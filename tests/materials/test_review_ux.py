"""The review guides the reviewer: their organisation's answer first (or the
form when it has not answered), a matrix of chapters × organisations with
per-chapter progress, "chapter read" marks, and a side-by-side view whose
Arabic side is isolated from the English one."""

import re

import pytest
from django.test import Client

from gci.materials import review
from gci.materials.choices import AssignmentState
from gci.materials.models import ChapterReadMark, GuideChapterPage
from tests.factories.materials import (
    chapter,
    chapter_url,
    current_round,
    open_round,
    partner_of,
    round_url,
)
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


def read_url(review_round, english_chapter):
    return chapter_url(review_round, english_chapter) + "read/"


def section(body, heading_id):
    """The HTML of the <section> labelled by `heading_id`."""
    start = body.index(f'aria-labelledby="{heading_id}"')
    return body[start : body.index("</section>", start)]


def matrix_rows(body):
    """{chapter number: the row's HTML} of the round's matrix."""
    table = body[body.index('class="review-matrix"') :].partition("</table>")[0]
    rows = {}
    for row in table.split("<tr>")[2:]:
        found = re.search(r'<bdi lang="en" dir="ltr">(\d+)\. ', row)
        if found:
            rows[int(found.group(1))] = row
    return rows


# --- The reviewer's state comes first ----------------------------------------


def test_an_organisation_that_has_not_answered_sees_the_form_before_the_matrix(client, wco_user):
    client.force_login(wco_user)  # WCO has commented the French round, not answered
    body = client.get(round_url(current_round("fr"))).content.decode()
    answer = section(body, "answer-title")
    assert body.index('id="answer-title"') < body.index('id="matrix-title"')
    assert 'name="action"' in answer and "Send our answer" in answer
    assert "<details" not in answer  # the form is open, not behind "Change the answer"
    assert "Reviewing" in answer


def test_an_organisation_that_answered_sees_what_and_when_and_may_change_it(client, cites_user):
    client.force_login(cites_user)  # CITES approved the French round
    french = current_round("fr")
    cites = french.assignments.get(organisation__acronym="CITES")
    body = client.get(round_url(french)).content.decode()
    answer = section(body, "answer-title")
    assert body.index('id="answer-title"') < body.index('id="matrix-title"')
    assert "review-answer--answered" in body
    assert "Approved" in answer
    assert f"Sent by {cites.updated_by.get_full_name()} on" in answer
    change = answer.index("<details")
    assert "Change the answer" in answer[change:]
    assert answer.index('name="action"') > change  # the form waits behind "Change the answer"
    # Changing it works while the round is open.
    response = client.post(
        round_url(french) + "act/",
        {"action": "decline", "reason": "", "version": cites.version, "confirm": "on"},
    )
    assert response.status_code == 302
    cites.refresh_from_db()
    assert cites.state == AssignmentState.DECLINED


def test_an_answer_sent_with_an_error_shows_the_change_form_open(client, cites_user):
    client.force_login(cites_user)
    french = current_round("fr")
    cites = french.assignments.get(organisation__acronym="CITES")
    response = client.post(
        round_url(french) + "act/", {"action": "request_changes", "version": cites.version}
    )
    assert response.status_code == 400
    assert '<details class="review-answer__change" open>' in response.content.decode()


def test_a_closed_round_shows_the_answer_without_a_form(client, secretariat_user, cites_user):
    older = current_round("fr")
    open_round(secretariat_user, "fr", "CITES", notify=False)  # replaces it
    client.force_login(cites_user)
    answer = section(client.get(round_url(older)).content.decode(), "answer-title")
    assert "Approved" in answer
    assert 'name="action"' not in answer
    assert "can no longer change" in answer


# --- The matrix --------------------------------------------------------------


def test_the_matrix_counts_per_chapter_who_reviewed_and_marks_each_cell(
    client, secretariat_user, cites_user, wco_user
):
    arabic = open_round(secretariat_user, "ar", "CITES", "WCO", "SBC", notify=False)
    by_org = {a.organisation.acronym: a for a in arabic.assignments.all()}
    review.act(by_org["SBC"], by_org["SBC"].version, secretariat_user, "decline")
    review.mark_read(by_org["WCO"], chapter(1), wco_user)
    review.mark_read(by_org["CITES"], chapter(1), cites_user)
    review.mark_read(by_org["CITES"], chapter(2), cites_user)

    matrix = review.matrix(arabic)
    progress = {row["chapter"].number: (row["reviewed"], row["expected"]) for row in matrix["rows"]}
    assert progress[1] == (2, 2)  # Basel declined: two organisations are expected
    assert progress[2] == (1, 2)
    assert progress[3] == (0, 2)

    client.force_login(cites_user)
    body = client.get(round_url(arabic)).content.decode()
    rows = matrix_rows(body)
    assert "2 of 2 reviewed" in rows[1]
    assert "1 of 2 reviewed" in rows[2]
    assert "0 of 2 reviewed" in rows[3]
    # Each cell says in words what its icon shows.
    assert rows[2].count("review-cell--read") == 1
    assert 'class="visually-hidden">Read (' in rows[2]
    assert 'class="visually-hidden">Not read yet<' in rows[2]
    assert 'class="visually-hidden">Declined to review<' in rows[2]
    assert "—" not in body.partition('class="review-matrix"')[2].partition("</table>")[0]
    # The reviewer's own progress, with the next chapter to read.
    answer = section(body, "answer-title")
    assert "marked 2 of 6 chapters as read" in answer
    assert chapter_url(arabic, chapter(3)) in answer


def test_an_approval_counts_for_every_chapter(client, cites_user):
    rows = review.matrix(current_round("fr"))["rows"]
    # CITES approved the French translation, Basel declined, WCO has read nothing.
    assert all((row["reviewed"], row["expected"]) == (1, 2) for row in rows)
    client.force_login(cites_user)
    body = client.get(round_url(current_round("fr"))).content.decode()
    assert "Approved the whole translation" in body


def test_the_matrix_in_arabic_lays_titles_out_isolated(client, cites_user):
    client.force_login(cites_user)
    body = client.get(round_url(current_round("fr"), "ar")).content.decode()
    assert 'dir="rtl"' in body
    title = chapter(2).title
    assert f'<bdi lang="en" dir="ltr">2. {title}</bdi>' in body


# --- Chapter read marks --------------------------------------------------------


def test_a_reviewer_marks_a_chapter_read_and_the_round_shows_it(client, wco_user):
    french = current_round("fr")
    english = chapter(2)
    client.force_login(wco_user)
    page = client.get(chapter_url(french, english)).content.decode()
    assert "Mark this chapter as read" in page
    assert "has not marked this chapter as read yet" in page

    response = client.post(read_url(french, english), {"read": "1"})
    assert response.status_code == 302
    assert response["Location"].endswith(chapter_url(french, english))
    mark = ChapterReadMark.objects.get()
    assert (mark.assignment.organisation.acronym, mark.chapter_id, mark.user) == (
        "WCO",
        english.pk,
        wco_user,
    )
    page = client.get(chapter_url(french, english)).content.decode()
    assert "Your organisation has marked this chapter as read." in page
    assert "Mark as not read" in page
    rows = matrix_rows(client.get(round_url(french)).content.decode())
    assert "2 of 2 reviewed" in rows[2]  # CITES approved, WCO has read it now
    assert "1 of 2 reviewed" in rows[3]

    # Marked twice, stored once; and taken back.
    client.post(read_url(french, english), {"read": "1"})
    assert ChapterReadMark.objects.count() == 1
    client.post(read_url(french, english), {"read": "0"})
    assert not ChapterReadMark.objects.exists()


def test_marking_read_starts_the_review_of_an_invited_organisation(
    client, secretariat_user, wco_user
):
    arabic = open_round(secretariat_user, "ar", "WCO", notify=False)
    client.force_login(wco_user)
    client.post(read_url(arabic, chapter(1)))
    assert arabic.assignments.get().state == AssignmentState.REVIEWING


def test_the_read_mark_is_refused_outside_the_round(client, secretariat_user, outsider):
    french = current_round("fr")
    url = read_url(french, chapter(2))
    # Anonymous: sent to sign in.
    response = client.post(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    # A Partner whose organisation is not invited: the round does not exist for them.
    client.force_login(partner_of("UNODC"))
    assert client.post(url).status_code == 404
    # A signed-in outsider: refused.
    client.force_login(outsider)
    assert client.post(url).status_code == 403
    # The Secretariat reads, but does not answer for an organisation.
    force_login_with_totp(client, secretariat_user)
    assert client.post(url).status_code == 403
    assert not ChapterReadMark.objects.exists()


def test_the_read_mark_is_refused_after_the_round_closes(client, secretariat_user, wco_user):
    older = current_round("fr")
    open_round(secretariat_user, "fr", "WCO", notify=False)  # a newer French round replaces it
    client.force_login(wco_user)
    assert client.post(read_url(older, chapter(2))).status_code == 403
    assert not ChapterReadMark.objects.exists()
    page = client.get(chapter_url(older, chapter(2))).content.decode()
    assert "Mark this chapter as read" not in page


def test_the_read_mark_is_a_post_with_a_csrf_token(wco_user):
    french = current_round("fr")
    client = Client(enforce_csrf_checks=True)
    client.force_login(wco_user)
    assert client.get(read_url(french, chapter(2))).status_code == 405
    assert client.post(read_url(french, chapter(2))).status_code == 403
    assert not ChapterReadMark.objects.exists()
    page = client.get(chapter_url(french, chapter(2))).content.decode()
    form = page[page.index('id="read-title"') :].partition("</form>")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = client.post(read_url(french, chapter(2)), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert ChapterReadMark.objects.count() == 1


def test_a_chapter_of_another_guide_or_too_large_an_id_is_not_found(client, wco_user):
    french = current_round("fr")
    client.force_login(wco_user)
    french_chapter = GuideChapterPage.objects.get(number=2, locale__language_code="fr")
    index = round_url(french)
    assert client.post(f"{index}chapters/{french_chapter.pk}/read/").status_code == 404
    assert client.post(f"{index}chapters/99999999999999999999999/read/").status_code == 404


# --- The side-by-side view ---------------------------------------------------


def test_the_arabic_side_is_isolated_and_numbered_like_the_english_one(
    client, secretariat_user, cites_user
):
    arabic = open_round(secretariat_user, "ar", "CITES", notify=False)
    english = chapter(1)
    translated = chapter(1, "ar")
    client.force_login(cites_user)
    body = client.get(chapter_url(arabic, english)).content.decode()
    sources = re.findall(
        r'class="side-by-side__cell side-by-side__cell--source" lang="en" dir="ltr"', body
    )
    translations = re.findall(
        r'class="side-by-side__cell side-by-side__cell--translation" lang="ar" dir="rtl"', body
    )
    assert len(sources) == len(translations) == len(english.body) + 1  # + the titles
    # Both titles, each isolated in its own language and direction.
    assert f'<bdi lang="en" dir="ltr">{english.title}</bdi>' in body  # the heading
    assert f"<bdi>{translated.title}</bdi>" in body
    # The section numbers stand on both sides so that headings line up.
    for number in english.section_numbers.values():
        assert body.count(f"<bdi>{number}</bdi>") == 1  # English side
        assert body.count(f'<bdi dir="ltr">{number}</bdi>') >= 2  # Arabic side and the icon
    # Each block is labelled for a stacked (phone, no JavaScript) reading.
    # (in the reader's language, whatever the language of the side it labels)
    label = '<p class="side-by-side__label" lang="en" dir="ltr">'
    assert body.count(f"{label}Source</p>") == len(sources)
    assert body.count(f"{label}Translation</p>") == len(translations)


def test_the_comment_icon_opens_the_form_of_its_block(client, wco_user):
    french = current_round("fr")
    english = chapter(2)
    block = english.body[0].id
    client.force_login(wco_user)
    url = chapter_url(french, english)
    body = client.get(url).content.decode()
    assert "<summary>Comment on this part</summary>" not in body  # no toggle per block
    assert body.count('class="side-by-side__comment-button"') == len(english.body)
    assert f'href="?comment={block}#block-{block}"' in body
    assert f'id="comment-{block}"' not in body  # only in the <template> JavaScript clones
    body = client.get(url, {"comment": block}).content.decode()
    assert body.count(f'id="comment-{block}"') == 1
    row = body[body.index(f'id="block-{block}"') :].partition('class="side-by-side__row"')[0]
    assert f'name="block_id" value="{block}"' in row
    response = client.post(url, {"block_id": block, "text": "Use « douane »."})
    assert response.status_code == 302
    assert "Use « douane »." in client.get(url).content.decode()


def test_no_comment_icon_or_read_button_for_the_secretariat_or_a_closed_round(
    client, secretariat_user
):
    force_login_with_totp(client, secretariat_user)
    body = client.get(chapter_url(current_round("fr"), chapter(2))).content.decode()
    assert "side-by-side__comment-button" not in body
    assert 'id="read-title"' not in body
