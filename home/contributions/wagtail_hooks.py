"""Registration with Wagtail only (imported by gci.home.wagtail_hooks)."""

from wagtail import hooks

from .viewsets import ContributionsGroup


@hooks.register("register_admin_viewset")
def register_contributions():
    return ContributionsGroup()
