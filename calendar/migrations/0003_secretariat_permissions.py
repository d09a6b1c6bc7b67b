"""The Secretariat records and follows action points in the admin."""

from django.db import migrations


def grant(apps, schema_editor):
    from gci.home.roles import grant_model_permissions

    grant_model_permissions(
        apps, "Secretariat", "gci_calendar", "actionpoint", ["add", "change", "delete", "view"]
    )


class Migration(migrations.Migration):
    dependencies = [("gci_calendar", "0002_events_and_action_points"), ("home", "0003_only_two_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
