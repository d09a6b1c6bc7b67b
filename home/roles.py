"""The two groups that carry the site's permissions, and who belongs where."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _

SECRETARIAT = "Secretariat"
PARTNERS = "Partners"
GROUP_LABELS = {SECRETARIAT: _("Secretariat"), PARTNERS: _("Partners")}


def load_groups(user):
    """Fetch the user's groups once: roles, Wagtail's view restrictions
    (``user.groups.all()``) and permissions then read them from memory."""
    if user is None or not user.is_authenticated:
        return []
    if "groups" not in getattr(user, "_prefetched_objects_cache", {}):
        prefetch_related_objects([user], "groups")
    return user.groups.all()


def group_names(user):
    if not user.is_authenticated:
        return set()
    return {group.name for group in load_groups(user)}


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


def secretariat_members():
    """The active members of the Secretariat group: who the site tells of
    what Partners send (each helper adds its own exclusions)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(groups__name=SECRETARIAT, is_active=True).distinct()


def display_name(user):
    """How a person is named on the site and in allauth's messages."""
    return user.get_full_name() or user.email


def grant_model_permissions(apps, group_name, app_label, model, actions):
    """For data migrations: give a group the model permissions of `actions`."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for action in actions:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
        )
