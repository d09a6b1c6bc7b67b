"""The admin screens of the partnership's new records (circulations,
contributions and funding, reporting, enforcement records, training
institutions and resource persons) open only with a second factor.

A Secretariat member who never set up TOTP is sent to set it up (and back)
from every one of their URLs (listing, add, edit, inspect, history, usage,
delete, export, and their own actions), and a POST changes nothing; a
Partner gets no admin access to any of them; with TOTP used in this
session, the member reaches them (the URLs are real, the gate is TOTP)."""

from urllib.parse import quote

import pytest
from django.apps import apps
from django.urls import reverse

from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

SETUP_URL = "/en/accounts/2fa/totp/activate/"
LOGIN_URLS = ("/en/accounts/login/", "/admin/login/")

# (URL namespace, model label): each viewset of the new capabilities.
VIEWSETS = [
    ("circulations", "home.Circulation"),
    ("in_kind_contributions", "home.InKindContribution"),
    ("standard_rates", "home.StandardRate"),
    ("exchange_rates", "home.ExchangeRate"),
    ("contribution_years", "home.ContributionYear"),
    ("donors", "home.Donor"),
    ("funding_commitments", "home.FundingCommitment"),
    ("spending", "home.Spending"),
    ("reporting_rounds", "home.ReportingRound"),
    ("activity_reports", "home.ActivityReport"),
    ("enforcement_records", "materials.EnforcementRecord"),
    ("wagtailsnippets_home_resourceperson", "home.ResourcePerson"),
    ("wagtailsnippets_home_traininginstitution", "home.TrainingInstitution"),
]
WHICH = {"gci_calendar.EventPage": {"kind": "partners_meeting"}}  # the report's events
LISTING_NAMES = ("index", "list")  # a ModelViewSet's, a snippet's
OBJECT_NAMES = ("edit", "inspect", "history", "usage", "delete", "copy")
EXTRA = {  # the screens' own actions
    "reporting_rounds": ("compile",),
    "enforcement_records": ("publish", "unpublish"),
}


def _names(namespace):
    """The URL names this namespace has, from the resolver itself."""
    from django.urls import get_resolver

    resolver = get_resolver()
    found = set()
    for prefix_namespace, (_, sub) in resolver.namespace_dict.items():
        if prefix_namespace == namespace:
            found |= {key for key in sub.reverse_dict if isinstance(key, str)}
    return found


def screens():
    """(id, namespace, URL name, model label, query) for every screen."""
    cases = []
    for namespace, label in VIEWSETS:
        names = _names(namespace)
        listing = next(name for name in LISTING_NAMES if name in names)
        cases.append((f"{namespace}:{listing}", namespace, listing, label, ""))
        cases.append((f"{namespace}:export", namespace, listing, label, "export=csv"))
        cases.append((f"{namespace}:add", namespace, "add", label, ""))
        for name in (*OBJECT_NAMES, *EXTRA.get(namespace, ())):
            if name in names:
                cases.append((f"{namespace}:{name}", namespace, name, label, ""))
    cases.append(
        ("meeting-report", None, "gci_reporting_meeting_report", "gci_calendar.EventPage", "")
    )
    return cases


SCREENS = screens()


def url_of(namespace, name, label, query):
    model = apps.get_model(label)
    full = f"{namespace}:{name}" if namespace else name
    if name in (*LISTING_NAMES, "add"):
        url = reverse(full)
    else:
        instance = model._default_manager.filter(**WHICH.get(label, {})).order_by("pk").first()
        assert instance is not None, f"the demo has no {label}"
        url = reverse(full, args=[instance.pk])
    return f"{url}?{query}" if query else url


def test_every_new_viewset_is_covered():
    """A namespace that no longer exists (renamed) fails here, not silently."""
    for namespace, _ in VIEWSETS:
        assert _names(namespace), namespace
    assert len(SCREENS) >= 13 * 5


@pytest.mark.parametrize(
    ("namespace", "name", "label", "query"),
    [case[1:] for case in SCREENS],
    ids=[case[0] for case in SCREENS],
)
def test_a_secretariat_member_without_totp_is_sent_to_set_it_up(
    client, secretariat_user, namespace, name, label, query
):
    from allauth.mfa.models import Authenticator

    assert not Authenticator.objects.filter(user=secretariat_user).exists()
    url = url_of(namespace, name, label, query)
    client.force_login(secretariat_user)  # a password, no second factor
    response = client.get(url)
    assert response.status_code == 302, url
    assert response["Location"] == f"{SETUP_URL}?next={quote(url, safe='')}", url


@pytest.mark.parametrize(
    ("namespace", "name", "label", "query"),
    [case[1:] for case in SCREENS if case[2] in ("edit", "delete", "publish", "compile")],
    ids=[case[0] for case in SCREENS if case[2] in ("edit", "delete", "publish", "compile")],
)
def test_a_post_without_totp_changes_nothing(
    client, secretariat_user, namespace, name, label, query
):
    model = apps.get_model(label)
    before = list(model._default_manager.order_by("pk").values())
    client.force_login(secretariat_user)
    response = client.post(url_of(namespace, name, label, query), {})
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP_URL)
    assert list(model._default_manager.order_by("pk").values()) == before


@pytest.mark.parametrize(
    ("namespace", "name", "label", "query"),
    [case[1:] for case in SCREENS],
    ids=[case[0] for case in SCREENS],
)
def test_a_partner_has_no_admin_access(client, cites_user, namespace, name, label, query):
    url = url_of(namespace, name, label, query)
    client.force_login(cites_user)
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            # Wagtail's "no admin access": to the sign-in page (allauth's).
            assert response["Location"].startswith(LOGIN_URLS), response["Location"]
        assert b"csv" not in response.get("Content-Type", "").encode()


@pytest.mark.parametrize(
    ("namespace", "name", "label", "query"),
    [case[1:] for case in SCREENS if case[2] not in ("publish", "unpublish", "compile")],
    ids=[case[0] for case in SCREENS if case[2] not in ("publish", "unpublish", "compile")],
)
def test_with_totp_the_member_reaches_them(client, secretariat_user, namespace, name, label, query):
    force_login_with_totp(client, secretariat_user)
    url = url_of(namespace, name, label, query)
    response = client.get(url)
    assert response.status_code in (200, 302), url
    if response.status_code == 302:
        assert not response["Location"].startswith(SETUP_URL)
        assert not response["Location"].startswith(LOGIN_URLS)
