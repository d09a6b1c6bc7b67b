"""Each translated Guide gets the review workflow as soon as it exists."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Workflow, WorkflowPage

from gci.site.memo import default_locale

from .models import GuidePage

WORKFLOW_NAME = "Guide translation review"  # created by migration 0003


@receiver(post_save, sender=GuidePage)
def assign_review_workflow(sender, instance, created, raw=False, **kwargs):
    if raw or not created or instance.locale_id == default_locale().pk:
        return
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})
