"""Evaluation links, the participants' form and the results.

Participants are not site users. The Secretariat makes, in the admin, one
link per participant (``make_links``): ``/<lang>/evaluation/<token>/``, the
token a ``TimestampSigner`` signature over the form's id and a random nonce.
Nothing is stored when a link is made; the answer stores the nonce, unique,
so a link answers once (a second try finds the "already answered" page,
even when both arrive at the same moment: the database's constraint decides).
A link stops working ``GCI_EVALUATION_LINK_DAYS`` days after it was made
(default 120) and once its form has closed. A token that was not made here
is a 404; an expired one, or one for a closed form, a page that says so. The
form asks no personal data.

Results: ``EvaluationForm.summary`` (averages and counts, one query) and
``tally`` (the polls); the admin shows everything and exports CSV; the
Partners read ``/<lang>/planning/evaluations/<event id>/`` with the
comments; the public event page shows the averages and counts alone, and
only from ``MIN_PUBLIC_ANSWERS`` answers on (fewer could tell who said what).
"""

import csv
import secrets

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gci.home.breadcrumbs import trail
from gci.home.http import partners_only, private
from gci.site.memo import default_locale

from .forms import EvaluationAnswerForm
from .models import EvaluationForm, EventPage
from .models.outcomes import MIN_PUBLIC_ANSWERS, SCORES

SALT = "gci.calendar.evaluation"
COMMENTS_PER_PAGE = 50


def link_max_age():
    """Seconds a link stays valid after it was made."""
    return getattr(settings, "GCI_EVALUATION_LINK_DAYS", 120) * 24 * 3600


def _signer():
    return signing.TimestampSigner(salt=SALT)


class BadToken(Exception):
    """Not a token this site made (or altered): a 404."""


class ExpiredToken(Exception):
    """A genuine token, past its age."""

    def __init__(self, form_id):
        super().__init__(form_id)
        self.form_id = form_id


def make_token(form, nonce=None):
    nonce = nonce or secrets.token_urlsafe(12)
    return _signer().sign(f"{form.pk}.{nonce}")


def read_token(token):
    """``(form id, nonce)`` of a token; BadToken or ExpiredToken."""
    signer = _signer()
    try:
        value = signer.unsign(token, max_age=link_max_age())
    except signing.SignatureExpired as exc:
        value = signer.unsign(token)  # genuine but old: which form, to name it
        form_id, _nonce = _split(value)
        raise ExpiredToken(form_id) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise BadToken from exc
    return _split(value)


def _split(value):
    form_id, _dot, nonce = value.partition(".")
    if not form_id.isdigit() or not nonce or int(form_id) > 2**31 - 1:
        raise BadToken
    return int(form_id), nonce


def link_url(request, token, language=None):
    with translation.override(language or translation.get_language()):
        path = reverse("evaluation", kwargs={"token": token})
    return request.build_absolute_uri(path) if request is not None else path


def make_links(request, form, number):
    """``number`` new links to ``form``, absolute URLs in the active language."""
    return [link_url(request, make_token(form)) for _ in range(number)]


def links_csv(form, links):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="evaluation-links-{form.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Event"), _("Evaluation link"), _("Closes")])
    for link in links:
        writer.writerow([form.event.title, link, form.closes.isoformat()])
    return response


def answers_csv(form):
    """Every answer of a form, one a row (streamed in chunks: any number of rows)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="evaluation-{form.pk}.csv"'
    writer = csv.writer(response)
    header = [_("Answered"), *(str(label) for label in score_labels(form))]
    header.append(_("Comments"))
    if form.is_meeting:
        header += [_("Venue of the next meeting"), _("Period of the next meeting")]
    writer.writerow(header)
    fields = ["created", *SCORES, "comments", "venue_choice", "period_choice"]
    for row in form.answers.order_by("created", "pk").values_list(*fields).iterator(2000):
        created, *scores, comments, venue, period = row
        line = [created.isoformat(timespec="seconds"), *scores, comments]
        if form.is_meeting:
            line += [venue, period]
        writer.writerow(line)
    return response


def score_labels(form):
    from .models.outcomes import score_label

    return [score_label(score, form.kind) for score in SCORES]


# -- The participant's form ------------------------------------------------------


def _page(request, template, context, status=200):
    return render(request, f"gci_calendar/evaluation/{template}.html", context, status=status)


@private
def evaluation_form(request, token):
    try:
        form_id, nonce = read_token(token)
    except BadToken as exc:
        raise Http404 from exc
    except ExpiredToken as expired:
        evaluation = EvaluationForm.objects.filter(pk=expired.form_id).first()
        if evaluation is None:
            raise Http404 from None
        return _page(request, "closed", {"evaluation": evaluation, "expired": True}, status=410)
    evaluation = get_object_or_404(EvaluationForm.objects.select_related("event"), pk=form_id)
    event = _localized(evaluation.event)
    context = {"evaluation": evaluation, "event": event}
    if evaluation.answers.filter(nonce=nonce).exists():
        return _page(request, "answered", context, status=409 if request.method == "POST" else 200)
    today = timezone.localdate()
    if today > evaluation.closes:
        return _page(request, "closed", context, status=410)
    if today < evaluation.opens:
        return _page(request, "not_open", context)
    if request.method == "POST":
        form = EvaluationAnswerForm(request.POST, evaluation=evaluation)
        if form.is_valid():
            answer = form.save(commit=False)
            answer.form = evaluation
            answer.nonce = nonce
            try:
                with transaction.atomic():
                    answer.save()
            except IntegrityError:  # the same link, sent twice at once
                return _page(request, "answered", context, status=409)
            return _page(request, "thanks", context)
        messages.error(request, _("Please correct the errors below."))
    else:
        form = EvaluationAnswerForm(evaluation=evaluation)
    context["form"] = form
    return _page(request, "form", context, status=400 if form.is_bound else 200)


def _localized(event):
    """The event in the active language when it is translated (its title)."""
    from gci.site.memo import active_locale

    return event.get_translation_or_none(active_locale()) or event


# -- Results --------------------------------------------------------------------


def public_results(evaluation):
    """What the public event page shows of an evaluation: the averages and the
    number of answers, from MIN_PUBLIC_ANSWERS answers on; else None. Comments never."""
    summary = evaluation.summary()
    if summary["answers"] < MIN_PUBLIC_ANSWERS:
        return None
    return summary


def results_context(evaluation, page_number=1):
    """Everything the Secretariat and the Partners read: figures, polls and a
    page of comments (a constant number of queries at any number of answers)."""
    comments = evaluation.answers.exclude(comments="").values("comments", "created")
    try:
        page = Paginator(comments.order_by("-created", "-pk"), COMMENTS_PER_PAGE).page(page_number)
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404 from exc
    return {
        "evaluation": evaluation,
        "summary": evaluation.summary(),
        "venues": evaluation.tally("venue_choice") if evaluation.is_meeting else [],
        "periods": evaluation.tally("period_choice") if evaluation.is_meeting else [],
        "comments": page,
        "min_public": MIN_PUBLIC_ANSWERS,
    }


@partners_only
def partners_results(request, pk):
    """The results of an event's evaluation, comments included, for the Partners."""
    if pk > 2**31 - 1:
        raise Http404
    event = get_object_or_404(EventPage.objects.live(), pk=pk)
    source = event.get_translation_or_none(default_locale()) or event
    evaluation = get_object_or_404(EvaluationForm, event=source)
    context = results_context(evaluation, request.GET.get("page", 1))
    context["event"] = _localized(source)
    context["breadcrumbs"] = trail(request, (_("Evaluation results"), None))
    return render(request, "gci_calendar/evaluation/results.html", context)
