"""Checking the focal-point links: fetch each once, politely, record the result.

Bounded concurrency (a small thread pool), a timeout per request, redirects
followed and recorded, a user agent that says who we are. Idempotent: the
Secretariat is emailed once when links break (a link that was already broken
at the last check is not reported again). `check_links` is the task that runs
a whole check in the worker (the schedule enqueues it; so does
`manage.py check_focal_point_links --enqueue`).
"""

import ipaddress
import socket
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.utils import timezone
from django_tasks import task
from requests.adapters import HTTPAdapter

from gci.home.roles import secretariat_members
from gci.site.mail import addresses_of, send_templated
from gci.site.memo import default_locale
from gci.site.page_cache import one_purge

from .models import LinkCheck, OrganisationFocalPointsPage

USER_AGENT = (
    "GreenCustomsLinkChecker/1.0 (+{site}; checks the focal-point links of the "
    "Green Customs Initiative once a day)"
)


@dataclass
class Result:
    url: str
    status_code: int | None = None
    final_url: str = ""
    redirects: list = field(default_factory=list)
    error: str = ""

    @property
    def ok(self):
        return self.status_code is not None and 200 <= self.status_code < 400 and not self.error


MAX_REDIRECTS = 10


def _resolve_public(url):
    """The one address to connect to, if every address the host resolves to is
    public; None otherwise (loopback, private, link-local, reserved, or not
    resolvable). The connection is then made to that very address, so a
    second DNS answer cannot point it elsewhere (no DNS rebinding)."""
    host = urlsplit(url).hostname
    if not host:
        return None
    try:
        infos = socket.getaddrinfo(host, urlsplit(url).port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError):
        return None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    allow_private = getattr(settings, "FOCAL_POINTS_CHECK_PRIVATE_ADDRESSES", False)
    if not addresses or (
        not allow_private
        and any(
            not a.is_global
            or a.is_multicast
            or (a.version == 6 and a.ipv4_mapped)
            or a in ipaddress.ip_network("64:ff9b::/96")
            for a in addresses
        )
    ):
        return None
    return str(addresses[0])


class PinnedAddressAdapter(HTTPAdapter):
    """Connect to an address checked beforehand, keeping the host name for
    the Host header and for TLS (SNI and certificate checks)."""

    def __init__(self, address, hostname, **kwargs):
        self.address, self.hostname = address, hostname
        super().__init__(**kwargs)

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        host = f"[{self.address}]" if ":" in self.address else self.address
        netloc = host + (f":{parts.port}" if parts.port else "")
        request.url = parts._replace(netloc=netloc).geturl()
        request.headers["Host"] = parts.netloc.rsplit("@", 1)[-1]
        if parts.scheme == "https":
            self.poolmanager.connection_pool_kw["server_hostname"] = self.hostname
            self.poolmanager.connection_pool_kw["assert_hostname"] = self.hostname
        return super().send(request, **kwargs)


def _pinned_get(session, url, timeout):
    address = _resolve_public(url)
    if address is None:
        return None
    pinned = requests.Session()
    pinned.trust_env = False  # no proxy fetches on our behalf
    pinned.headers.update(session.headers)
    adapter = PinnedAddressAdapter(address, urlsplit(url).hostname)
    pinned.mount("http://", adapter)
    pinned.mount("https://", adapter)
    return pinned.get(url, timeout=timeout, allow_redirects=False, stream=True)


def fetch(session, url, timeout):
    """GET the URL, following redirects one by one (each hop is checked)."""
    result = Result(url=url)
    current = url
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            response = None
            if urlsplit(current).scheme in ("http", "https"):
                response = _pinned_get(session, current, timeout)
            if response is None:
                result.error = "address not allowed"
                return result
            with response:
                location = response.headers.get("Location")
                if response.is_redirect and location:
                    target = urljoin(current, location)
                    result.redirects.append(
                        {"status": response.status_code, "url": current, "location": target}
                    )
                    current = target
                    continue
                result.status_code = response.status_code
                result.final_url = current
                return result
        result.error = "too many redirects"
    except requests.Timeout:
        result.error = "timeout"
    except requests.RequestException as exc:
        result.error = type(exc).__name__
    return result


def all_urls():
    urls = set()
    for page in (
        OrganisationFocalPointsPage.objects.live()
        .filter(locale=default_locale())
        .prefetch_related("links")
    ):
        urls.update(link.url for link in page.links.all())
    return sorted(urls)


def check(urls, workers=6, timeout=10):
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT.format(site=settings.WAGTAILADMIN_BASE_URL)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls) or 1))) as pool:
        return list(pool.map(lambda url: fetch(session, url, timeout), urls))


def record(results):
    """Store the results; returns the checks that broke since the last run."""
    now = timezone.now()
    newly_broken = []
    with one_purge():  # the directory shows the checks: one purge per run
        for result in results:
            check, _ = LinkCheck.objects.get_or_create(url=result.url)
            was_ok_or_new = check.ok or check.checked_at is None
            check.ok = result.ok
            check.status_code = result.status_code
            check.final_url = result.final_url[:2000]
            check.redirects = result.redirects
            check.error = result.error[:255]
            check.checked_at = now
            if result.ok:
                check.last_good_at = now
                check.broken_since = None
            elif was_ok_or_new:
                check.broken_since = now
                newly_broken.append(check)
            check.save()
    return newly_broken


def notify(newly_broken):
    """One summary email for everything that broke, to each Secretariat member."""
    if not newly_broken:
        return 0
    recipients = addresses_of(secretariat_members()) + [email for _name, email in settings.ADMINS]
    if not recipients:
        return 0
    context = {"checks": newly_broken, "admin_url": settings.WAGTAILADMIN_BASE_URL + "/admin/"}
    return send_templated("focal_points/email/broken", context, recipients)


def run(workers=6, timeout=10):
    urls = all_urls()
    with one_purge():
        LinkCheck.objects.exclude(url__in=urls).delete()  # links no longer in use
    results = check(urls, workers=workers, timeout=timeout)
    newly_broken = record(results)
    notify(newly_broken)
    return results, newly_broken


@task()
def check_links(workers: int = 6, timeout: float = 10) -> dict[str, int]:
    """One check run as background work; returns what it found."""
    results, newly_broken = run(workers=workers, timeout=timeout)
    good = sum(1 for result in results if result.ok)
    return {"checked": len(results), "good": good, "newly_broken": len(newly_broken)}
