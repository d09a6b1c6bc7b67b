"""A translated Guide page goes live only when its language's round is
complete — whichever way someone tries to publish it."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from gci.materials import review
from gci.materials.models import GuideReviewTask, TranslationNotReviewed
from tests.factories.materials import chapter, current_round, english_guide
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


def french_chapter():
    page = chapter(2, "fr")
    assert not page.live
    return page


def complete_french_round(wco_user):
    """WCO's remark is resolved by the Secretariat, then WCO approves."""
    assignment = current_round("fr").assignments.get(organisation__acronym="WCO")
    for comment in assignment.open_change_requests():
        review.resolve(comment, None)
    assignment.refresh_from_db()
    review.act(assignment, assignment.version, wco_user, "approve")
    assert current_round("fr").is_complete


def publish_with_user(page, user):
    page.get_latest_revision().publish(user=user)


def publish_without_user(page, user):
    page.get_latest_revision().publish()


def publish_action_directly(page, user):
    PublishPageRevisionAction(page.get_latest_revision(), user=user).execute(
        skip_permission_checks=True
    )


def set_live_and_save(page, user):
    page.live = True
    page.save()


def localize_save_target(page, user):
    source = TranslationSource.objects.get_for_instance(chapter(2))
    translation = Translation.objects.get(source=source, target_locale=page.locale)
    translation.save_target(user=user, publish=True)


PATHS = [
    publish_with_user,
    publish_without_user,
    publish_action_directly,
    set_live_and_save,
    localize_save_target,
]


@pytest.mark.parametrize("publish", PATHS, ids=lambda f: f.__name__)
def test_every_publish_path_is_refused_while_the_round_is_open(
    publish, secretariat_user, django_capture_on_commit_callbacks
):
    page = french_chapter()
    with (
        pytest.raises(TranslationNotReviewed, match="not complete"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        publish(page, secretariat_user)
    page.refresh_from_db()
    assert not page.live


@pytest.mark.parametrize("publish", PATHS, ids=lambda f: f.__name__)
def test_every_publish_path_works_once_the_round_is_complete(
    publish, client, secretariat_user, wco_user, django_capture_on_commit_callbacks
):
    complete_french_round(wco_user)
    page = french_chapter()
    with django_capture_on_commit_callbacks(execute=True):
        publish(page, secretariat_user)
    page.refresh_from_db()
    assert page.live


def test_publish_is_hidden_even_from_a_superuser(secretariat_user, wco_user):
    from tests.factories.home import UserFactory

    boss = UserFactory(username="boss", is_superuser=True)
    page = french_chapter()
    assert not page.permissions_for_user(boss).can_publish()
    assert not page.permissions_for_user(secretariat_user).can_publish()
    complete_french_round(wco_user)
    assert page.permissions_for_user(boss).can_publish()


def test_the_workflow_task_offers_approval_only_once_complete(secretariat_user, wco_user):
    task = GuideReviewTask.objects.get()
    page = french_chapter()
    assert "approve" not in [
        name for name, _label, _modal in task.get_actions(page, secretariat_user)
    ]
    complete_french_round(wco_user)
    assert "approve" in [name for name, _label, _modal in task.get_actions(page, secretariat_user)]
    assert task.get_actions(page, wco_user) == []  # Partners do not moderate


def test_scheduled_publishing_is_kept_and_skipped(secretariat_user):
    page = french_chapter()
    revision = page.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - dt.timedelta(minutes=5)
    revision.save()
    call_command("publish_scheduled", verbosity=0)  # must not stop the run
    page.refresh_from_db()
    revision.refresh_from_db()
    assert not page.live
    assert revision.approved_go_live_at is not None


def test_the_admin_says_why_publish_is_missing(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    response = client.get(f"/admin/pages/{french_chapter().pk}/edit/", follow=True)
    assert response.status_code == 200
    texts = [str(message) for message in response.context["messages"]]
    assert any("review round is not complete" in text for text in texts)


def test_a_draft_of_a_live_translation_leaves_the_public_text_alone(client):
    spanish = chapter(1, "es")
    public_before = client.get(spanish.url).content.decode()
    source = TranslationSource.objects.get_for_instance(chapter(1))
    string = StringTranslation.objects.filter(
        locale=spanish.locale, translation_of__segments__source=source
    ).first()
    string.data = "Texto nuevo que nadie ha revisado todavía."
    string.save()
    Translation.objects.get(source=source, target_locale=spanish.locale).save_target(publish=False)
    body = client.get(spanish.url).content.decode()
    assert "Texto nuevo que nadie ha revisado" not in body
    assert spanish.title in body and body.count("<p>") == public_before.count("<p>")


def test_a_changed_english_chapter_needs_review_again(client, secretariat_user):
    english = chapter(3)
    english.summary = english.summary + " Updated after the review."
    english.save_revision(user=secretariat_user).publish(user=secretariat_user)
    spanish = chapter(3, "es")
    assert "English text changed" in spanish.review_gate_reason()
    assert spanish.live  # what was reviewed stays online
    rows = {row["chapter"].pk: row for row in review.matrix(current_round("es"))["rows"]}
    assert rows[english.pk]["needs_review"]
    assert not rows[chapter(4).pk]["needs_review"]
    assert client.get(spanish.url).status_code == 200


def test_a_chapter_added_after_the_round_waits_for_a_new_round(secretariat_user):
    from gci.materials.models import GuideChapterPage

    new = GuideChapterPage(title="Annex: useful contacts", slug="annex", number=7)
    english_guide().add_child(instance=new)
    new.save_revision().publish()
    spanish = new.copy_for_translation(chapter(1, "es").locale)
    spanish.save_revision()
    assert "added after" in spanish.review_gate_reason()
    with pytest.raises(TranslationNotReviewed):
        spanish.get_latest_revision().publish(user=secretariat_user)


def test_every_translated_guide_has_the_review_workflow():
    from gci.materials.models import GuidePage

    for guide in GuidePage.objects.exclude(locale__language_code="en"):
        assert guide.get_workflow().name == "Guide translation review"
    english = GuidePage.objects.get(locale__language_code="en").get_workflow()
    assert english.name == "Moderators approval"  # Wagtail's default, set on the root


def test_an_english_chapter_copied_into_a_translated_guide_does_not_go_live(secretariat_user):
    from wagtail.actions.copy_page import CopyPageAction

    spanish_guide = chapter(1, "es").get_parent()
    with pytest.raises(TranslationNotReviewed, match="language of the Guide"):
        CopyPageAction(
            chapter(3), to=spanish_guide, update_attrs={"slug": "copied"}, keep_live=True
        ).execute(skip_permission_checks=True)
    assert not spanish_guide.get_children().filter(slug="copied").exists()


def test_an_approval_covers_only_the_text_its_reviewer_saw(secretariat_user, wco_user):
    french = current_round("fr")
    cites = french.assignments.get(organisation__acronym="CITES")
    assert cites.state == "approved"
    # The French text changes after CITES approved it…
    source = TranslationSource.objects.get_for_instance(chapter(2))
    string = StringTranslation.objects.filter(
        locale=french.locale, translation_of__segments__source=source
    ).first()
    string.data = "Un texte que la CITES n'a jamais lu."
    string.save()
    complete_attempt = french.assignments.get(organisation__acronym="WCO")
    for comment in complete_attempt.open_change_requests():
        review.resolve(comment, secretariat_user)
    complete_attempt.refresh_from_db()
    review.act(complete_attempt, complete_attempt.version, wco_user, "approve")
    # …so the round does not complete on CITES's old approval.
    assert not current_round("fr").is_complete
    cites.refresh_from_db()
    assert cites.state == "reviewing"
    assert french.events.filter(action="approval_outdated", assignment=cites).exists()


def test_an_open_comment_keeps_the_round_incomplete(secretariat_user, wco_user):
    wco = current_round("fr").assignments.get(organisation__acronym="WCO")
    assert wco.open_change_requests().exists()
    review.act(wco, wco.version, wco_user, "approve")
    assert not current_round("fr").is_complete
    for comment in wco.open_change_requests():
        review.resolve(comment, secretariat_user)
    assert current_round("fr").is_complete
