"""Checking the focal-point links: fetch each once, politely, record the result.

Bounded concurrency (a small thread pool), a timeout per request, redirects
followed and recorded, a user agent that says who we are. Idempotent: the
Secretariat is emailed once when links break (a link that was already broken
at the last check is not reported again).
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Locale

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


def fetch(session, url, timeout):
    result = Result(url=url)
    try:
        with session.get(url, timeout=timeout, allow_redirects=True, stream=True) as response:
            result.status_code = response.status_code
            result.final_url = response.url
            result.redirects = [
                {"status": r.status_code, "url": r.url, "location": r.headers.get("Location", "")}
                for r in response.history
            ]
    except requests.Timeout:
        result.error = "timeout"
    except requests.TooManyRedirects:
        result.error = "too many redirects"
    except requests.RequestException as exc:
        result.error = type(exc).__name__
    return result


def all_urls():
    urls = set()
    for page in (
        OrganisationFocalPointsPage.objects.live()
        .filter(locale=Locale.get_default())
        .prefetch_related("links")
    ):
        urls.update(link.url for link in page.links.all())
    return sorted(urls)


def check(urls, workers=6, timeout=10):
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT.format(site=settings.WAGTAILADMIN_BASE_URL)
    session.max_redirects = 10
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls) or 1))) as pool:
        return list(pool.map(lambda url: fetch(session, url, timeout), urls))


def record(results):
    """Store the results; returns the checks that broke since the last run."""
    now = timezone.now()
    newly_broken = []
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
    """One summary email to the Secretariat for everything that broke."""
    if not newly_broken:
        return 0
    recipients = sorted(
        {
            u.email
            for u in get_user_model().objects.filter(groups__name="Secretariat", is_active=True)
            if u.email
        }
        | {email for _name, email in settings.ADMINS}
    )
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"checks": newly_broken, "admin_url": settings.WAGTAILADMIN_BASE_URL + "/admin/"}
        subject = render_to_string("focal_points/email/broken_subject.txt", context).strip()
        body = render_to_string("focal_points/email/broken_message.txt", context)
    send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, recipients)
    return 1


def run(workers=6, timeout=10):
    results = check(all_urls(), workers=workers, timeout=timeout)
    newly_broken = record(results)
    notify(newly_broken)
    return results, newly_broken
