"""Registration with Wagtail only; the logic lives in the modules it names."""

from wagtail import hooks

from .page_cache import mark_cacheable_page
from .private_images import after_bulk_action
from .viewsets import OutboxViewSet

hooks.register("before_serve_page", mark_cacheable_page)
hooks.register("after_bulk_action", after_bulk_action)


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutboxViewSet("gci_site_outbox")
