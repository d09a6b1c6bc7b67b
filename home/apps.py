from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class HomeConfig(AppConfig):
    """The partnership: home and standard pages, organisations, the Partners area."""

    default = True
    name = "gci.home"
    label = "home"
    verbose_name = _("Partnership")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The news index's feeds register on its routes (gci.site.routes).
        from . import (  # noqa: F401
            feeds,  # noqa: F401
            signals,
            two_factor,
        )
        from .network import views  # noqa: F401  (the institutions page's views)


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our viewset: organisation and invitation on the form."""

    default = False
    user_viewset = "gci.home.viewsets.UserViewSet"
