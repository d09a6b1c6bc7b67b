"""The views of a routable page, registered by the module that defines them.

A page's routes (``RoutablePageMixin``) hand the request to view functions
that take the page; the views import the page's models, so the page must not
import the views back (``make lint`` refuses the cycle). The page holds a
``PageViews`` instead, the views module registers its functions on it, and
the app's ``AppConfig.ready()`` imports the views module so the registry is
full before the first request::

    # models.py
    class EventIndexPage(RoutablePageMixin, Page):
        views = PageViews()

        @path("past/")
        def past(self, request):
            return self.views.calendar_list(request, self, past=True)

    # views.py
    @EventIndexPage.views.register
    def calendar_list(request, index, past=False): ...
"""


class KnownQueryMixin:
    """A page whose views module registers ``known_query(request, page)``:
    the query string its listing understood, normalised, or ``None``; the
    page cache stores only that (gci.site.page_cache)."""

    def cache_key_params(self, request):
        """The query this page understood, normalised (gci.site.page_cache)."""
        return self.views.known_query(request, self)


class ViewNotRegistered(AttributeError):
    """A route asked for a view nobody registered (an AttributeError, so
    ``hasattr()``, which Django's model metaclass uses, answers False)."""


class PageViews:
    """View functions by name, registered with ``@Page.views.register``."""

    def __init__(self):
        self._functions = {}

    def register(self, function):
        """Register `function` under its name; a second function of the same
        name is a mistake (two views fighting for one route), not an update."""
        name = function.__name__
        registered = self._functions.get(name)
        if registered is not None and (registered.__module__, registered.__qualname__) != (
            function.__module__,
            function.__qualname__,
        ):
            raise ValueError(
                f"A view named {name!r} is already registered "
                f"({registered.__module__}.{registered.__qualname__})."
            )
        self._functions[name] = function
        return function

    def __getattr__(self, name):
        functions = self.__dict__.get("_functions", {})
        if name not in functions:
            raise ViewNotRegistered(
                f"No view {name!r} is registered: does the app's AppConfig.ready() "
                "import the views module that registers it?"
            )
        return functions[name]
