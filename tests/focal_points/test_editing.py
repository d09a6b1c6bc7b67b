"""Partners keep their own organisation's links current; every change is a revision."""

import pytest

from gci.focal_points.models import OrganisationFocalPointsPage

pytestmark = pytest.mark.django_db
URL = "/en/my-organisation/focal-points/"


def form_data(page, rows, revision=None):
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(page.links.count()),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "30",
        "revision": str(revision if revision is not None else page.latest_revision_id),
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"form-{i}-{key}"] = value
    return data


def wco_page():
    return OrganisationFocalPointsPage.objects.get(slug="wco", locale__language_code="en")


GOOD = {
    "treaty": "customs",
    "kind": "customs_contact",
    "label": "WCO Members",
    "url": "https://www.wcoomd.org/en/about-us/wco-members.aspx",
    "country_url_pattern": "https://www.wcoomd.org/members/{iso3_lower}",
}


def test_a_member_updates_their_links_and_the_change_is_a_revision(client, wco_user):
    client.force_login(wco_user)
    page = wco_page()
    before = page.revisions.count()
    response = client.post(URL, form_data(page, [GOOD]))
    assert response.status_code == 302
    page.refresh_from_db()
    link = page.links.get()
    assert link.url == GOOD["url"] and link.country_url_pattern == GOOD["country_url_pattern"]
    assert page.revisions.count() == before + 1
    assert page.latest_revision.user == wco_user
    assert page.live_revision_id == page.latest_revision_id  # published at once
    assert GOOD["url"] in client.get("/en/focal-points/").content.decode()


def test_the_secretariat_can_undo_it_from_the_revisions(client, wco_user):
    client.force_login(wco_user)
    page = wco_page()
    original = page.links.get().url
    old_revision = page.latest_revision
    client.post(URL, form_data(page, [GOOD]))
    old_revision.as_object().save_revision().publish()  # what "revert" does in the admin
    page.refresh_from_db()
    assert page.links.get().url == original


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("url", "javascript:alert(1)", "Enter a valid URL."),
        ("url", "ftp://example.org/list", "Enter a valid URL."),
        ("country_url_pattern", "https://example.org/{country}", "Unknown placeholder"),
        ("country_url_pattern", "https://example.org/contacts", "needs a placeholder"),
        ("label", "", "This field is required."),
    ],
)
def test_bad_input_re_renders_with_the_reason_and_keeps_the_rest(
    client, wco_user, field, value, message
):
    client.force_login(wco_user)
    page = wco_page()
    original = page.links.get().url
    response = client.post(URL, form_data(page, [{**GOOD, field: value}]))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count(message) == 1  # said once, beside the field
    kept = "url" if field == "label" else "label"
    assert f'value="{GOOD[kept]}"' in body
    page.refresh_from_db()
    assert page.links.get().url == original


def test_only_their_own_organisations_links(client, cites_user):
    client.force_login(cites_user)
    response = client.get(URL)
    assert "cites.org" in response.content.decode()
    assert "wcoomd.org" not in response.content.decode()
    # Posting can only ever change the member's own organisation's page.
    client.post(URL, form_data(OrganisationFocalPointsPage.objects.get(slug="cites"), [GOOD]))
    assert wco_page().links.get().url != GOOD["url"]


def test_two_people_at_once_do_not_overwrite_each_other(client, wco_user):
    client.force_login(wco_user)
    page = wco_page()
    seen = page.latest_revision_id
    client.post(URL, form_data(page, [GOOD], revision=seen))
    second = {**GOOD, "url": "https://www.wcoomd.org/other"}
    response = client.post(URL, form_data(page, [second], revision=seen))
    assert response.status_code == 200
    assert "Someone else changed these links" in response.content.decode()
    assert "https://www.wcoomd.org/other" in response.content.decode()  # kept in the form
    page.refresh_from_db()
    assert page.links.get().url == GOOD["url"]


def test_outsiders_and_anonymous_cannot_edit(client, outsider):
    assert client.get(URL).status_code == 302
    client.force_login(outsider)
    assert client.get(URL).status_code == 403


def test_a_page_locked_by_the_secretariat_is_not_changed(client, wco_user, secretariat_user):
    page = wco_page()
    page.locked, page.locked_by = True, secretariat_user
    page.save()
    client.force_login(wco_user)
    response = client.post(URL, form_data(page, [GOOD]))
    assert response.status_code == 200
    assert "locked these links" in response.content.decode()
    page.refresh_from_db()
    assert page.links.get().url != GOOD["url"]


# -- Security issue #12 (5): a Partner's edit never goes round the Secretariat --

NEW_URL = "https://www.wcoomd.org/en/new-members-list"


def _secretariat_draft(page, user, url):
    # A fresh instance: without a pending draft Wagtail hands back the page
    # itself, and the test's own page would hold the draft's links in memory.
    draft = OrganisationFocalPointsPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    links = list(draft.links.all())
    links[0].url = url
    draft.links = links
    return draft.save_revision(user=user)


def test_an_unpublished_page_stays_unpublished_and_the_edit_is_a_draft(
    client, wco_user, secretariat_user
):
    page = wco_page()
    page.unpublish(user=secretariat_user)
    page.refresh_from_db()
    assert not page.live
    client.force_login(wco_user)
    response = client.post(URL, form_data(page, [{**GOOD, "url": NEW_URL}]), follow=True)
    assert "taken this page offline" in response.content.decode()
    page.refresh_from_db()
    assert not page.live  # not set live again
    assert page.latest_revision.user == wco_user  # saved, as a draft
    assert page.latest_revision.as_object().links.get().url == NEW_URL
    assert page.links.get().url != NEW_URL
    assert NEW_URL not in client.get("/en/focal-points/").content.decode()
    # The form shows the Partner's draft, and says why it is not published.
    again = client.get(URL).content.decode()
    assert NEW_URL in again and "taken this page offline" in again


def test_a_page_in_moderation_is_not_changed_nor_published(client, wco_user, secretariat_user):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    page = wco_page()
    workflow = Workflow.objects.create(name="Secretariat review")
    task = GroupApprovalTask.objects.create(name="Secretariat approves")
    task.groups.set([Group.objects.get(name="Secretariat")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    draft_revision = _secretariat_draft(page, secretariat_user, "https://www.wcoomd.org/draft")
    state = workflow.start(page, secretariat_user)
    page.refresh_from_db()
    assert page.workflow_in_progress
    client.force_login(wco_user)
    assert "with the Secretariat for review" in client.get(URL).content.decode()
    response = client.post(URL, form_data(page, [{**GOOD, "url": NEW_URL}]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "with the Secretariat for review" in body
    assert NEW_URL in body  # the typed text is kept
    page = wco_page()
    assert page.latest_revision_id == draft_revision.pk  # nothing slipped into the review
    assert page.links.get().url != NEW_URL
    state.refresh_from_db()
    assert state.status == state.STATUS_IN_PROGRESS


def test_a_newer_draft_by_the_secretariat_is_not_published_over(client, wco_user, secretariat_user):
    page = wco_page()
    live_url = page.links.get().url
    secretariat_url = "https://www.wcoomd.org/secretariat-draft"
    _secretariat_draft(page, secretariat_user, secretariat_url)
    page.refresh_from_db()
    client.force_login(wco_user)
    opened = client.get(URL).content.decode()
    assert secretariat_url in opened  # the form starts from the pending draft
    assert "changes to these links waiting" in opened
    response = client.post(URL, form_data(page, [{**GOOD, "url": NEW_URL}]), follow=True)
    assert "saved as a draft" in response.content.decode()
    page = wco_page()
    assert page.links.get().url == live_url  # neither draft went live
    assert page.latest_revision.user == wco_user
    assert page.latest_revision.as_object().links.get().url == NEW_URL
    assert page.has_unpublished_changes
    # A second edit is built on both drafts: it stays a draft too.
    second = client.post(
        URL, form_data(page, [{**GOOD, "url": NEW_URL + "-2"}]), follow=True
    ).content.decode()
    assert "saved as a draft" in second
    page = wco_page()
    assert page.links.get().url == live_url


def test_a_page_scheduled_for_publishing_is_not_changed(client, wco_user, secretariat_user):
    import datetime as dt

    from django.utils import timezone

    page = wco_page()
    draft = page.get_latest_revision_as_object()
    draft.go_live_at = timezone.now() + dt.timedelta(days=2)
    draft.save_revision(user=secretariat_user, approved_go_live_at=draft.go_live_at)
    page.refresh_from_db()
    client.force_login(wco_user)
    response = client.post(URL, form_data(page, [{**GOOD, "url": NEW_URL}]))
    assert response.status_code == 200
    assert "locked these links" in response.content.decode()
    page.refresh_from_db()
    assert page.latest_revision.user == secretariat_user


def test_the_editor_offers_add_a_link_and_a_template_for_it(client, wco_user):
    client.force_login(wco_user)
    body = client.get(URL).content.decode()
    assert "data-add-link" in body and "Add a link" in body
    template = body.split('<template id="empty-link-form">', 1)[1].split("</template>", 1)[0]
    assert 'name="form-__prefix__-url"' in template
    assert "Link __number__" in template


def test_the_preview_fills_each_pattern_for_the_chosen_country(client, wco_user):
    client.force_login(wco_user)
    client.post(URL, form_data(wco_page(), [GOOD]))
    body = client.get(URL + "?country=FR").content.decode()
    preview = body.split('id="preview-title"', 1)[1]
    assert 'href="https://www.wcoomd.org/members/fra"' in preview
    assert '<option value="FR" selected>' in preview
    assert "its page for this country" in preview
    # An unknown code shows no preview, and no error.
    unknown = client.get(URL + "?country=ZZ").content.decode()
    assert 'href="https://www.wcoomd.org/members/' not in unknown


def test_each_link_says_when_it_was_checked_or_that_it_was_not_yet(client, wco_user):
    import datetime as dt

    from django.utils import timezone

    from gci.focal_points.models import LinkCheck

    client.force_login(wco_user)
    client.post(URL, form_data(wco_page(), [GOOD]))
    LinkCheck.objects.filter(url=GOOD["url"]).delete()
    body = client.get(URL).content.decode()
    assert "not checked yet" in body
    checked = timezone.make_aware(dt.datetime(2031, 3, 2, 9, 0))
    LinkCheck.objects.create(url=GOOD["url"], ok=False, status_code=404, checked_at=checked)
    body = client.get(URL).content.decode()
    assert "not checked yet" not in body  # only until the first check
    assert "not reachable at the last check (checked 2 March 2031)" in body
    public = client.get("/en/focal-points/").content.decode()
    assert "checked 2 March 2031" in public
