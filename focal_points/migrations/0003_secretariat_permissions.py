"""The Secretariat sees (broken first) and clears link checks in the admin."""

from django.db import migrations


def grant(apps, schema_editor):
    from gci.home.roles import grant_model_permissions

    grant_model_permissions(
        apps, "Secretariat", "focal_points", "linkcheck", ["change", "delete", "view"]
    )


class Migration(migrations.Migration):
    dependencies = [("focal_points", "0002_directory_and_link_checks"), ("home", "0003_only_two_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
