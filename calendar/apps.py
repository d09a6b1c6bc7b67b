from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    """Events and meetings, their calendars and feeds, action points."""

    name = "gci.calendar"
    label = "gci_calendar"
    verbose_name = _("Events and meetings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The views register themselves on the pages whose routes call them
        # (gci.site.routes): the pages do not import their views.
        from . import training, views  # noqa: F401
        from .dashboard import connect_signals

        connect_signals()
