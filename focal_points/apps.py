from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FocalPointsConfig(AppConfig):
    """Links to each organisation's focal-point lists, and their health."""

    name = "gci.focal_points"
    label = "focal_points"
    verbose_name = _("Focal points")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The views register themselves on the pages whose routes call them
        # (gci.site.routes): the pages do not import their views.
        from . import views  # noqa: F401
