"""The Secretariat runs review rounds; translated Guide pages get a workflow
whose task is approvable only once their round is complete."""

from django.db import migrations

WORKFLOW_NAME = "Guide translation review"


def forwards(apps, schema_editor):
    from gci.home.roles import grant_model_permissions

    grant_model_permissions(
        apps, "Secretariat", "materials", "reviewround", ["add", "change", "view"]
    )
    for model in ("reviewassignment", "reviewcomment", "reviewevent"):
        grant_model_permissions(apps, "Secretariat", "materials", model, ["view"])

    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GuideReviewTask = apps.get_model("materials", "GuideReviewTask")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="materials", model="guidereviewtask"
    )
    task = GuideReviewTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GuideReviewTask.objects.create(
            name=WORKFLOW_NAME, content_type=content_type, active=True
        )
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("materials", "0002_guide_and_review"),
        ("home", "0003_only_two_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
