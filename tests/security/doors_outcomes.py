"""Doors of outcomes and evaluations: the workshops' pages with their
figures, the Partners' results pages and a participant's evaluation link."""

from gci.calendar import evaluation
from gci.calendar.models import EvaluationForm

from .leaks import door


@door("evaluations: results and a participant's link", follow=True)
def evaluations(crawl):
    for form in EvaluationForm.objects.select_related("event")[:10]:
        yield form.event.url
        for language in crawl.languages:
            yield f"/{language}/planning/evaluations/{form.event_id}/"
        yield f"/en/evaluation/{evaluation.make_token(form)}/"
