"""The registry of a routable page's views (gci.site.routes)."""

import pytest

from gci.site.routes import PageViews, ViewNotRegistered


def listing(request, page):
    return "the listing"


def test_a_registered_view_is_found_by_its_name():
    views = PageViews()
    views.register(listing)
    assert views.listing(None, None) == "the listing"


def test_an_unregistered_view_says_which_one_is_missing():
    with pytest.raises(ViewNotRegistered, match="'listing'"):
        PageViews().listing  # noqa: B018


def test_hasattr_answers_false_for_an_unregistered_view():
    # Django's model metaclass asks hasattr() of class attributes.
    assert not hasattr(PageViews(), "listing")


def test_two_views_of_one_name_are_refused():
    views = PageViews()
    views.register(listing)

    def other():
        pass

    other.__name__ = "listing"
    with pytest.raises(ValueError, match="already registered"):
        views.register(other)


def test_registering_the_same_view_again_is_harmless():
    views = PageViews()
    views.register(listing)
    assert views.register(listing) is listing
