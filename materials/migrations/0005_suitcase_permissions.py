"""The Secretariat keeps the suitcase in the admin (materials, and the
Partners' submissions it approves or declines). Partners need no model
permission: they search, download and submit in the Partners area."""

from django.db import migrations


def grant(apps, schema_editor):
    from gci.home.roles import grant_model_permissions

    grant_model_permissions(
        apps, "Secretariat", "materials", "material", ["add", "change", "delete", "view"]
    )
    grant_model_permissions(apps, "Secretariat", "materials", "materialversion", ["view"])


class Migration(migrations.Migration):
    dependencies = [("materials", "0004_suitcase"), ("home", "0003_only_two_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
