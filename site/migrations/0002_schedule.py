"""The schedule's record: one row per job (its lock, when it last ran and how
it ended); the Secretariat may view it in the admin (Reports → Scheduled jobs)."""

from django.db import migrations, models


def grant(apps, schema_editor):
    from gci.home.roles import grant_model_permissions

    grant_model_permissions(apps, "Secretariat", "gci_site", "scheduledjob", ["view"])


class Migration(migrations.Migration):

    dependencies = [
        ("gci_site", "0001_outbox"),
        ("home", "0003_only_two_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name='ScheduledJob',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='job')),
                ('last_started_at', models.DateTimeField(blank=True, null=True, verbose_name='last started')),
                ('last_finished_at', models.DateTimeField(blank=True, null=True, verbose_name='last finished')),
                ('outcome', models.CharField(blank=True, choices=[('running', 'Running'), ('succeeded', 'Succeeded'), ('failed', 'Failed')], max_length=20, verbose_name='outcome')),
                ('message', models.TextField(blank=True, verbose_name='message')),
                ('locked_until', models.DateTimeField(blank=True, editable=False, null=True)),
                ('locked_by', models.CharField(blank=True, max_length=255, verbose_name='run by')),
            ],
            options={
                'verbose_name': 'scheduled job',
                'verbose_name_plural': 'scheduled jobs',
                'ordering': ['name'],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
