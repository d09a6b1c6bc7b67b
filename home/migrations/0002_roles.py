"""The two roles of the site, with their permissions.

Secretariat: Wagtail editors and moderators (admin access, every page,
document, image, organisation, user, redirect and translation permission;
member of the default moderation task). Partners: no admin access at all;
they work in the front-end Partners area.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SECRETARIAT = "Secretariat"
PARTNERS = "Partners"

MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", ["access_admin"]),
    ("home", "partnerorganisation", ["add", "change", "delete"]),
    ("home", "membership", ["add", "change", "delete"]),
    ("auth", "user", ["add", "change"]),
    ("wagtailredirects", "redirect", ["add", "change", "delete"]),
    ("wagtail_localize", "translation", ["submit"]),
]
PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "document", ["add", "change", "choose", "delete"]),
    ("wagtailimages", "image", ["add", "change", "choose", "delete"]),
]


def ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label, model, action):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    codename = action if app_label == "wagtailadmin" else f"{action}_{model}"
    if app_label == "wagtail_localize" and action == "submit":
        codename = "submit_translation"
    return Permission.objects.get(content_type=content_type, codename=codename)


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    Group.objects.get_or_create(name=PARTNERS)

    for app_label, model, actions in MODEL_PERMISSIONS:
        for action in actions:
            secretariat.permissions.add(permission(apps, app_label, model, action))

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for action in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=secretariat,
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", action),
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, model, actions in COLLECTION_PERMISSIONS:
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=secretariat,
                    collection=root_collection,
                    permission=permission(apps, app_label, model, action),
                )

    # The Secretariat moderates: add it to Wagtail's default approval task.
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for task in GroupApprovalTask.objects.all():
        task.groups.add(secretariat)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[SECRETARIAT, PARTNERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
