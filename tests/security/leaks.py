"""A small framework for the leak crawler (tests/security/test_leak_crawler.py).

Two registries:

* **Canaries** — restricted things planted with a unique token. Add a kind
  with one function in ``tests/security/canaries.py`` (or any module named
  ``tests/security/canaries_*.py``, picked up automatically)::

      @canary("review_comment", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
      def review_comment(token, people):
          comment = ReviewComment.objects.create(text=f"Remark {token}", ...)
          return Planted(urls=[...], api={"pages": [...]})

  The function creates the thing with ``token`` somewhere in its text (or its
  file) and returns what else it knows: direct ``urls`` to try, ``strings``
  and file ``contents`` that must never be reached, and ``api`` ids
  (``{"pages": [...], "images": [...], "documents": [...]}``). ``people``
  gives the demo users and organisations (see ``People``).
  ``hidden_from`` says who must never reach it: ``ANONYMOUS`` (anyone not
  signed in) and/or ``OTHER_ORGANISATION`` (a Partner of an organisation
  other than the one it belongs to, the CITES demo Partner being the owner
  and the WCO demo Partner the other). What is hidden from another
  organisation is hidden from ``UNVERIFIED_SECRETARIAT`` too: a Secretariat
  member who has not used their second factor in this session.

* **Doors** — where content leaves the site. Add one with a function in
  ``tests/security/doors.py`` (or ``doors_*.py``)::

      @door("suitcase filters", follow=False)
      def suitcase(crawl):
          for language in crawl.languages:
              yield f"/{language}/suitcase/?q=" + ...

  It yields URLs (paths on this site) for the crawler to fetch; with
  ``follow=True`` the crawler also follows every same-site link it finds in
  what they return (breadth-first, bounded). ``crawl`` gives the planted
  ``canaries``, the ``languages`` and the ``visitor`` name; doors may
  restrict themselves to a visitor with ``visitors=(ANONYMOUS,)``.

Every response of every door is searched for every token, string and file
content of every canary hidden from the visitor; a door that cannot be
fetched without a server error fails too.
"""

import importlib
import pkgutil
import re
import secrets
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from gci.home.visibility import collection_is_restricted

ANONYMOUS = "anonymous"
OTHER_ORGANISATION = "partner of another organisation"
# The demo Secretariat member signed in with a password alone: no more than
# what one organisation's Partner may see (gci.home.two_factor).
UNVERIFIED_SECRETARIAT = "secretariat member without a second factor"

MAX_FETCHES = 900
MAX_PER_SHAPE = 3  # /en/events/2009/05/ and /en/events/2009/04/ share a shape
SKIP_PREFIXES = ("/admin/", "/static/", "/favicon.ico")
SKIP_PARTS = ("/accounts/logout/", "/accounts/sessions/", "/accounts/password/", "/_util/")
LINK = re.compile(r"""(?:href|src|action)\s*=\s*["']([^"'#]+)|<loc>([^<]+)</loc>""", re.I)


@dataclass
class People:
    """The demo people a canary may need: ``owner`` (the CITES Partner) owns
    what belongs to one organisation; ``other`` (the WCO Partner) must not
    see it."""

    owner: object
    owner_organisation: object
    other: object
    other_organisation: object
    secretariat: object


@dataclass
class Planted:
    """What a canary function returns about the thing it planted."""

    urls: list = field(default_factory=list)
    strings: list = field(default_factory=list)
    contents: list = field(default_factory=list)  # bytes of restricted files
    api: dict = field(default_factory=dict)


@dataclass
class Canary:
    kind: str
    token: str
    hidden_from: tuple
    planted: Planted

    @property
    def needles(self):
        texts = [self.token, *self.planted.strings]
        return [t.encode() for t in texts if t] + [c for c in self.planted.contents if c]


@dataclass
class CanaryKind:
    kind: str
    make: object
    hidden_from: tuple


@dataclass
class Door:
    name: str
    urls: object
    follow: bool
    visitors: tuple


CANARIES: list[CanaryKind] = []
DOORS: list[Door] = []


def canary(kind, hidden_from=(ANONYMOUS,)):
    hidden_from = tuple(hidden_from)
    if OTHER_ORGANISATION in hidden_from:
        hidden_from += (UNVERIFIED_SECRETARIAT,)

    def register(function):
        CANARIES.append(CanaryKind(kind, function, hidden_from))
        return function

    return register


def door(name, follow=False, visitors=(ANONYMOUS, OTHER_ORGANISATION)):
    def register(function):
        DOORS.append(Door(name, function, follow, tuple(visitors)))
        return function

    return register


def load_registries():
    """Import canaries*.py and doors*.py next to this module (once)."""
    here = Path(__file__).parent
    for module in sorted(pkgutil.iter_modules([str(here)]), key=lambda m: m.name):
        if module.name.startswith(("canaries", "doors")):
            importlib.import_module(f"tests.security.{module.name}")
    return CANARIES, DOORS


def plant_all(people):
    """Create one canary of every registered kind."""
    planted = []
    for kind in CANARIES:
        token = f"canary{secrets.token_hex(4)}{kind.kind.replace('_', '')}"
        made = kind.make(token, people)
        _check_files_are_restricted(kind.kind, made)
        planted.append(Canary(kind.kind, token, kind.hidden_from, made))
    return planted


FILE_MODELS = {"documents": get_document_model, "images": get_image_model}


def _check_files_are_restricted(kind, planted):
    """A canary's documents and images sit in collections the site's rule
    (``gci.home.visibility``) calls restricted: otherwise a clean crawl
    would prove nothing about them."""
    for endpoint, pks in planted.api.items():
        if endpoint in FILE_MODELS:
            for obj in (
                FILE_MODELS[endpoint]().objects.filter(pk__in=pks).select_related("collection")
            ):
                assert collection_is_restricted(obj.collection), f"{kind}: {obj} is public"


@dataclass
class Leak:
    door: str
    url: str
    kind: str
    status: int

    def __str__(self):
        return f"{self.kind} reached through {self.door}: {self.url} ({self.status})"


class Crawl:
    """Fetches what the doors yield, as one visitor, and records leaks."""

    def __init__(self, client, visitor, canaries):
        self.client = client
        self.visitor = visitor
        self.canaries = canaries
        self.watched = [c for c in canaries if visitor in c.hidden_from]
        self.languages = [code for code, _name in settings.LANGUAGES]
        self.leaks = []
        self.errors = []
        self.fetched = 0
        self._seen = set()
        self._shapes = {}

    def run(self, door):
        queue = deque(door.urls(self))
        while queue and self.fetched < MAX_FETCHES:
            url = queue.popleft()
            if url in self._seen:
                continue
            self._seen.add(url)
            body = self.fetch(door, url)
            if door.follow and body is not None:
                queue.extend(self._links(url, body))
        return self

    def fetch(self, door, url):
        response = self.client.get(url)
        self.fetched += 1
        if response.status_code >= 500:
            self.errors.append(f"{door.name}: {url} answered {response.status_code}")
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        # A 404 page or a search form repeats what was asked: a token that is
        # in the URL itself does not count; the canary's titles and texts still do.
        echo = unquote(url).encode()
        for canary in self.watched:
            if any(needle in body for needle in canary.needles if needle not in echo):
                self.leaks.append(Leak(door.name, url, canary.kind, response.status_code))
        if response.status_code == 200 and response.get("Content-Type", "").startswith(
            ("text/html", "application/xml", "text/xml")
        ):
            return body.decode("utf-8", "replace")
        return None

    def _links(self, base, body):
        for match in LINK.finditer(body):
            raw = (match.group(1) or match.group(2) or "").strip().replace("&amp;", "&")
            parts = urlsplit(urljoin("http://testserver" + base, raw))
            if parts.scheme not in ("http", "https") or parts.hostname != "testserver":
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path.startswith(SKIP_PREFIXES) or any(p in path for p in SKIP_PARTS):
                continue
            shape = (
                re.sub(r"\d+", "N", parts.path)
                + "?"
                + ",".join(sorted(p.split("=")[0] for p in parts.query.split("&") if p))
            )
            if path in self._seen or self._shapes.get(shape, 0) >= MAX_PER_SHAPE:
                continue
            self._shapes[shape] = self._shapes.get(shape, 0) + 1
            yield path
