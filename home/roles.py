"""The two groups that carry the site's permissions, and who belongs where."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

SECRETARIAT = "Secretariat"
PARTNERS = "Partners"
GROUP_LABELS = {SECRETARIAT: _("Secretariat"), PARTNERS: _("Partners")}


def group_names(user):
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_gci_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._gci_group_names = cached
    return cached


def is_secretariat(user):
    return user.is_authenticated and (user.is_superuser or SECRETARIAT in group_names(user))


def is_partner(user):
    return user.is_authenticated and PARTNERS in group_names(user)


def can_enter_partners_area(user):
    return is_secretariat(user) or is_partner(user)


def requires_mfa(user):
    """Secretariat members, superusers and anyone else who can reach the
    Wagtail admin must use a second factor."""
    return is_secretariat(user) or (
        user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    )


def partners_area_url_for(request):
    """The dashboard in the active language, for someone who may enter it."""
    from .models import PartnersAreaPage

    if not can_enter_partners_area(request.user):
        return None
    area = (
        PartnersAreaPage.objects.live().filter(locale=Locale.get_active()).first()
        or PartnersAreaPage.objects.live().first()
    )
    return area.get_url(request) if area else None


def display_name(user):
    """How a person is named on the site and in allauth's messages."""
    return user.get_full_name() or user.email
