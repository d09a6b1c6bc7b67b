"""Every route of the site, with odd values in each of its parameters, is
answered without a server error, for each kind of user: a bad URL is a 404
(or a refusal), never a 500.

The routes are read from the URL resolver, so a route added tomorrow is
tried too. Wagtail's page paths are not here: the leak crawler and the bad
input tests walk them (tests/security/test_leak_crawler.py).
"""

import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

# Past every database's integers, zero, not a number, a NUL, a climb out of
# the folder, and a right-to-left override.
ODD = ["99999999999999999999999", "0", "abc", "%00", "..%2f", "%E2%80%AE"]
PARAMETER = re.compile(r"<(?:\w+:)?\w+>|\(\?P<\w+>[^)]*\)")


def routes(patterns=None, prefix=""):
    """Each route's path pattern, prefixes joined (the language's too)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def odd_paths(admin):
    """Each route with a parameter, once for each odd value in every one
    of its parameters; the admin's routes or the site's."""
    paths = set()
    for route in routes():
        route = route.replace("^", "").replace("$", "")
        if route.startswith("admin/") != admin or not PARAMETER.search(route):
            continue
        for value in ODD:
            path = PARAMETER.sub(value, route).replace("\\", "")
            if not re.search(r"[()\[\]?*+]", path):
                paths.add("/" + path)
    return sorted(paths)


def server_errors(client, paths, methods=("get",)):
    failures = []
    for path in paths:
        for method in methods:
            response = getattr(client, method)(path)
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {path}: {response.status_code}")
    return failures


def test_the_routes_are_found():
    # What would make the tests below pass by trying nothing.
    site, admin = odd_paths(admin=False), odd_paths(admin=True)
    assert any(path.startswith("/en/planning/contributions/") for path in site)
    assert any(path.startswith("/api/v2/pages/") for path in site)
    assert any("/chooser/chosen/" in path for path in admin)
    assert len(admin) > 500


@pytest.mark.parametrize("who", [None, "wco.partner@greencustoms.example"])
def test_no_route_of_the_site_is_a_server_error(django_user_model, who):
    client = Client(raise_request_exception=False)
    if who:
        client.force_login(django_user_model.objects.get(email=who))
    assert server_errors(client, odd_paths(admin=False), ("get", "post")) == []


def test_no_route_of_the_admin_is_a_server_error(secretariat_user):
    client = Client(raise_request_exception=False)
    force_login_with_totp(client, secretariat_user)
    assert server_errors(client, odd_paths(admin=True), ("get", "post")) == []
