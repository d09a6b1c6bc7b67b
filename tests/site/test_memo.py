"""gci.site.memo: what every request asks, kept per process until content changes.

The answers are shared by every visitor of a process; what each visitor may
see is applied afterwards. These tests prove that a change made anywhere
(this process, another one, through a signal or not) reaches the next
request, and that nobody gets another visitor's view.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from gci.home.models import StandardPage
from gci.site import memo
from gci.site.memo import MEMO_GENERATION_KEY
from gci.site.page_cache import GENERATION_KEY, current_generation, pages_cache

pytestmark = pytest.mark.django_db


def menu_of(client, url="/en/"):
    html = client.get(url).content.decode()
    return html[html.index('<nav class="site-nav"') :].split("</nav>", 1)[0]


@pytest.fixture
def about():
    return StandardPage.objects.get(slug="about", locale=Locale.get_default())


def test_the_second_request_asks_the_database_less(client):
    client.get("/en/")
    with CaptureQueriesContext(connection) as first:
        memo.forget()
        client.get("/en/")
    with CaptureQueriesContext(connection) as second:
        client.get("/en/")
    assert len(second) < len(first)


def test_a_restriction_saved_in_this_process_closes_the_menu_entry_at_once(client, about):
    assert about.url in menu_of(client)
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    assert about.url not in menu_of(client)
    assert client.get(about.url).status_code == 302  # to the login
    restriction.delete()
    assert about.url in menu_of(client)


def test_a_change_made_by_another_process_is_seen_once_the_generation_moves(client, about):
    assert about.url in menu_of(client)
    # Another process writes the restriction and bumps the shared counter;
    # nothing in this process hears of it but the counter.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=about, restriction_type=PageViewRestriction.LOGIN)]
    )
    assert about.url in menu_of(client)  # the memo is really in use...
    pages_cache().incr(GENERATION_KEY)
    assert about.url not in menu_of(client)  # ...and dropped at the next request


def test_a_change_only_the_memo_holds_is_seen_once_its_own_generation_moves(client, about):
    """Another process saved something only memoised answers show (the
    suitcase's materials): it moves the memo's counter, not the pages'."""
    assert about.url in menu_of(client)
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=about, restriction_type=PageViewRestriction.LOGIN)]
    )
    pages_cache().set(MEMO_GENERATION_KEY, 1, timeout=None)
    assert about.url not in menu_of(client)


def test_answers_are_dropped_after_max_age_even_without_a_signal(client, about, monkeypatch):
    menu_of(client)
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=about, restriction_type=PageViewRestriction.LOGIN)]
    )
    clock = memo.time.monotonic()
    monkeypatch.setattr(memo.time, "monotonic", lambda: clock + memo.MAX_AGE + 1)
    assert about.url not in menu_of(client)


def test_a_change_to_a_restrictions_groups_moves_the_generation(about):
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.GROUPS
    )
    before = current_generation()
    restriction.groups.add(Group.objects.get(name="Partners"))
    assert current_generation() != before


def test_a_change_inside_a_transaction_moves_the_generation_again_on_commit(
    about, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        before = current_generation()
        about.title = "About the initiative"
        about.save_revision().publish()
        during = current_generation()
    assert during != before
    for callback in callbacks:
        callback()
    # Pages rendered between the change and the commit saw the old data.
    assert current_generation() != during


def test_visitors_share_the_answers_but_never_each_others_view(client, cites_user):
    anonymous_menu = menu_of(client)
    client.force_login(cites_user)
    partner_menu = menu_of(client)
    client.logout()
    again = menu_of(client)
    assert "partners-area" in partner_menu
    assert "partners-area" not in anonymous_menu
    assert again == anonymous_menu


def test_locales_are_answered_without_a_query():
    english, french = Locale.get_default(), Locale.objects.get(language_code="fr")
    memo.active_locale()
    with CaptureQueriesContext(connection) as captured:
        found = memo.default_locale(), memo.locale_for("fr"), memo.locale_for("xx")
    assert found == (english, french, None)
    assert len(captured) == 0
