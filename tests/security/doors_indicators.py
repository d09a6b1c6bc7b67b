"""Doors of the training indicators: the public page in every language and
the Partners' version (its years too: ``follow``). Neither may show a
participants' list, an evaluation comment or a request's details (the
outcomes' and workshops' canaries)."""

from .leaks import door


@door("training indicators: the public page and the Partners' version", follow=True)
def training_indicators(crawl):
    for language in crawl.languages:
        yield f"/{language}/training/"
        yield f"/{language}/planning/training/"
