"""Fixtures shared by the whole suite.

The demo site (`manage.py load_demo`) is built once per test session inside
the test database; each test runs in a transaction that is rolled back, so
every test starts from the same demo site.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from gci.home.demo import users as demo_users
from gci.home.management.commands.load_demo import DEFAULT_DEMO_PASSWORD

DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD


# `make test` spreads the suite over every core (pytest-xdist, test by
# test: the leak crawler's doors are long, so whole files would leave a
# core idle). Each worker builds its own test database with the demo in it;
# a worker that runs browser journeys starts its own demo server. xdist's
# --dist loadgroup does not group tests under pytest 9 (it renames
# item._nodeid, which pytest 9 no longer reads), so it is not used: what
# must run once (the nginx and two-host smoke stacks) is one test, with a
# subtest per property.


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English: a request served in another language
    leaves that language active in the thread (Django does not reset it)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import caches

    from gci.site.memo import forget

    for cache in caches.all():
        cache.clear()
    forget()
    yield
    for cache in caches.all():
        cache.clear()
    forget()


def _demo_user(email):
    return get_user_model().objects.get(email=email)


@pytest.fixture
def secretariat_user(db):
    return _demo_user(demo_users()[0]["email"])


@pytest.fixture
def cites_user(db):
    return _demo_user(demo_users()[1]["email"])


@pytest.fixture
def wco_user(db):
    return _demo_user(demo_users()[2]["email"])


@pytest.fixture
def secretariat_addresses(db):
    """The addresses of the Secretariat's active members: who hears of what
    the Partners send."""
    return sorted(
        get_user_model()
        .objects.filter(groups__name="Secretariat", is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


@pytest.fixture
def outsider(db):
    """Signed-in, but in neither the Partners nor the Secretariat group."""
    from allauth.account.models import EmailAddress

    user = get_user_model().objects.create_user(
        username="outsider", email="outsider@example.org", password=DEMO_PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def partners_group(db):
    return Group.objects.get(name="Partners")
