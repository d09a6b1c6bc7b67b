"""Registration with Wagtail only (imported by gci.home.wagtail_hooks); the
viewset is in the Partnership menu (gci.site.wagtail_hooks)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .dashboard import circulation_panel
from .models import Circulation

hooks.register("gci_dashboard_panels", circulation_panel, order=-5)


def _may_circulate(user):
    return user.has_perm(f"{Circulation._meta.app_label}.add_circulation")


def _circulate_button(page, user, priority):
    if not page.live or page.is_root() or not _may_circulate(user):
        return None
    return Button(
        _("Circulate to Partners"),
        reverse("circulations:add") + f"?page={page.pk}",
        icon_name="mail",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def circulate_header_button(page, user, view_name, next_url=None):
    button = _circulate_button(page, user, priority=62)
    if button is not None:
        yield button


@hooks.register("register_page_listing_more_buttons")
def circulate_listing_button(page, user, next_url=None):
    button = _circulate_button(page, user, priority=45)
    if button is not None:
        yield button
