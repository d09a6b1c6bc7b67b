"""What the schedule keeps: one row per job, its lock and how it last ended.

The row is the lock: a run claims a job with one conditional UPDATE (due and
not held), which the database grants to one process only, whatever the host
(`gci.site.schedule`). The same row tells the Secretariat when the job last
ran and how it ended.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledJob(models.Model):
    class Outcome(models.TextChoices):
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    name = models.CharField(_("job"), max_length=100, unique=True)
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    message = models.TextField(_("message"), blank=True)
    locked_until = models.DateTimeField(null=True, blank=True, editable=False)
    locked_by = models.CharField(_("run by"), max_length=255, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self):
        return self.name
