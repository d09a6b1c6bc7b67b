"""Only two groups carry permissions: Secretariat and Partners.

Wagtail's default `Editors` and `Moderators` groups would give admin access
outside those roles; they go, and the default moderation task is the
Secretariat's.
"""

from django.db import migrations


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    secretariat = Group.objects.get(name="Secretariat")
    for task in GroupApprovalTask.objects.all():
        task.groups.add(secretariat)
        if task.name == "Moderators approval":
            task.name = "Secretariat approval"
            task.save(update_fields=["name"])
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0002_roles")]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
