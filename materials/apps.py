from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    """The Green Customs Guide and its review, the GCI suitcase, case studies."""

    name = "gci.materials"
    label = "materials"
    verbose_name = _("Guide and materials")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401

        # The views register themselves on the pages whose routes call them
        # (gci.site.routes): the pages do not import their views.
        from .views import courses, enforcement, review, suitcase  # noqa: F401
