"""What the public listing pages share (the course catalogue, the training
institutions, the roster of resource persons, the enforcement news, the
news, the suitcase): reading their query string, the options of their
filter form, and the page of results.

Their rule: a filter value that means nothing is ignored or refused (the
page says which), a name given twice or a page number that is not a plain
number makes the query unknown (never stored in the page cache, see
gci.site.page_cache), a page past the end is a 404. The templates that go
with these: site/templates/includes/filter_form.html and pagination.html.
"""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404

PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def single_values(query, names=None):
    """``{name: value}`` of a query string (a ``QueryDict``), empty values
    left out, or ``None`` when a name is given twice. With ``names``, only
    those names are read (others, even repeated, are ignored)."""
    data = {}
    for name, values in query.lists():
        if names is not None and name not in names:
            continue
        if len(values) != 1:
            return None
        if values[0] != "":
            data[name] = values[0]
    return data


def chosen_filters(query, valid):
    """``{name: value}`` of the filters the query string chooses, in the
    order of ``valid`` (``{name: the values it may take}``); a value that
    means nothing is left out."""
    return {name: query[name] for name in valid if query.get(name, "") in valid[name]}


def understood_query(query, valid):
    """The query string as understood (``{name: value}``, the page number
    last), or ``None`` when a name or value is unknown, repeated or written
    otherwise. ``valid``: ``{name: the values it may take}``."""
    data = single_values(query)
    if data is None:
        return None
    number = data.pop("page", None)
    if number is not None and not PAGE_NUMBER.fullmatch(number):
        return None
    if any(value not in valid.get(name, ()) for name, value in data.items()):
        return None
    if number is not None:
        data["page"] = number
    return data


def listing_cache_params(request, read_query, names):
    """For the page cache (gci.site.page_cache) of a routable page whose
    listing reads ``names`` from the query string with ``read_query``
    (``Http404`` for what it does not know): the query it understood, or
    ``None`` for an unknown name or value, or a query on another route."""
    try:
        data = read_query(request)
    except Http404:
        return None
    if set(request.GET) - set(names):
        return None
    match = getattr(request, "routable_resolver_match", None)
    if match is not None and match.url_name != "listing" and data:
        return None
    return data


def select_filter(key, label, choices, wanted, empty_label=None):
    """One ``<select>`` of includes/filter_form.html: its query-string name,
    its label, its ``(value, label)`` choices, the one in ``wanted`` marked
    selected. ``empty_label`` names the empty choice when it is not "All"."""
    selected = wanted.get(key)
    return {
        "key": key,
        "label": label,
        "empty_label": empty_label,
        "options": [
            {"value": value, "label": text, "selected": str(value) == selected}
            for value, text in choices
        ],
    }


def page_or_404(paginator, number):
    """The page ``number`` of ``paginator``; a 404 past the end or for
    anything that is not a page number."""
    try:
        return paginator.page(number)
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404 from exc
