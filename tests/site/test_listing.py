"""gci.site.listing: how every listing page reads its query string, marks
its filters and turns a page number into a page (or a 404)."""

import pytest
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.template.loader import render_to_string

from gci.site.listing import (
    chosen_filters,
    page_or_404,
    select_filter,
    single_values,
    understood_query,
)

VALID = {"treaty": ["basel", "cites"], "region": ["africa"]}


def test_a_repeated_name_makes_the_query_unknown_unless_it_is_not_read():
    assert single_values(QueryDict("treaty=basel&treaty=cites")) is None
    assert single_values(QueryDict("utm=a&utm=b&treaty=basel"), ("treaty",)) == {"treaty": "basel"}
    assert single_values(QueryDict("treaty=&region=africa")) == {"region": "africa"}


def test_the_understood_query_keeps_only_known_names_values_and_page_numbers():
    assert understood_query(QueryDict("page=2&region=africa"), VALID) == {
        "region": "africa",
        "page": "2",
    }
    for junk in ["treaty=ozone", "colour=green", "page=02", "page=0", "page=two"]:
        assert understood_query(QueryDict(junk), VALID) is None, junk


def test_chosen_filters_leave_out_what_means_nothing_in_the_form_order():
    chosen = chosen_filters(QueryDict("region=africa&treaty=basel&colour=x"), VALID)
    assert list(chosen.items()) == [("treaty", "basel"), ("region", "africa")]
    assert chosen_filters(QueryDict("treaty=ozone"), VALID) == {}


def test_a_select_filter_marks_the_chosen_value_even_a_number():
    years = select_filter("year", "Year", [(2009, "2009"), (2010, "2010")], {"year": "2010"})
    assert [o["selected"] for o in years["options"]] == [False, True]
    assert (
        select_filter("treaty", "Treaty", [("basel", "Basel")], {})["options"][0]["selected"]
        is False
    )


def test_a_page_past_the_end_or_not_a_number_is_a_404():
    paginator = Paginator(range(5), 2)
    assert list(page_or_404(paginator, "3")) == [4]
    for number in ["4", "x", "0"]:
        with pytest.raises(Http404):
            page_or_404(paginator, number)


def test_the_includes_keep_the_filters_and_the_query_in_their_links():
    filters = [select_filter("treaty", "Treaty", [("basel", "Basel")], {"treaty": "basel"})]
    form = render_to_string(
        "includes/filter_form.html",
        {"filters": filters, "wanted": {"treaty": "basel"}, "prefix": "x", "action": "/list/"},
    )
    assert '<select id="x-treaty" name="treaty">' in form
    assert '<option value="basel" selected>Basel</option>' in form
    assert '<a href="/list/">Clear all</a>' in form
    pager = render_to_string(
        "includes/pagination.html",
        {"page_obj": Paginator(range(5), 2).page(2), "label": "Pages", "query": "treaty=basel"},
    )
    assert '<a href="?treaty=basel&amp;page=1" rel="prev">' in pager
    assert '<a href="?treaty=basel&amp;page=3" rel="next">' in pager
    assert "Page 2 of 3" in pager
    one_page = {"page_obj": Paginator(range(1), 2).page(1), "label": "Pages"}
    assert "pagination" not in render_to_string("includes/pagination.html", one_page)
