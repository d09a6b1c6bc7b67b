"""The Guide in print: one PDF per language, built from its published pages.

A row per language's Guide records the PDF that was built last, from which
published revisions (``source_key``), when, and the Wagtail document that
holds it (in the public collection "Guide PDFs"). The build itself is
``gci.materials.guide_pdf``; it runs from the schedule, from
``manage.py build_guide_pdfs`` and, deferred to the task worker, after a
Guide page is published: never while a visitor waits.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string


class GuidePdf(models.Model):
    """The PDF of one language's Guide."""

    guide = models.OneToOneField(
        "materials.GuidePage",
        verbose_name=_("Guide"),
        on_delete=models.CASCADE,
        related_name="pdf",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The newest of the published revisions the PDF was built from."),
    )
    revision_date = models.DateTimeField(_("date of the revision"))
    source_key = models.CharField(
        _("source"),
        max_length=64,
        help_text=_("A digest of the published revisions of every page in the PDF."),
    )
    built_at = models.DateTimeField(_("built at"))
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Guide PDF")
        verbose_name_plural = _("Guide PDFs")

    def __str__(self):
        return self.document.title
