"""Each translated Guide gets the review workflow as soon as it exists; a
published Guide page has its language's PDF built again."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Workflow, WorkflowPage
from wagtail.signals import page_published, page_unpublished

from gci.site.memo import default_locale

from .guide_pdf import queue_build
from .models import GuideChapterPage, GuidePage

WORKFLOW_NAME = "Guide translation review"  # created by migration 0003


@receiver(post_save, sender=GuidePage)
def assign_review_workflow(sender, instance, created, raw=False, **kwargs):
    if raw or not created or instance.locale_id == default_locale().pk:
        return
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})


# A publish or unpublish of a Guide page queues that language's PDF
# (gci.materials.guide_pdf): built by the task worker after the commit.
for _model in (GuidePage, GuideChapterPage):
    page_published.connect(
        queue_build, sender=_model, dispatch_uid=f"gci-guide-pdf-{_model.__name__}"
    )
    page_unpublished.connect(
        queue_build, sender=_model, dispatch_uid=f"gci-guide-pdf-unpublished-{_model.__name__}"
    )
