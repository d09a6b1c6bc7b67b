"""A record that the Partners (in the Partners area) and the Secretariat (in
the admin) both edit, and that no save overwrites silently: each saved change
moves its ``version`` on, the edit form sends back the version it was opened
at, and a save from an older one is refused, showing whose change came first
(``updated_by``). An action point (gci.calendar) and an enforcement record
(gci.materials) are such records.

An abstract model only: the tables stay each app's own.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EditVersionMixin(models.Model):
    """``version``, ``updated_at`` and ``updated_by``, and the save that
    moves the version on."""

    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Every saved change moves the version on, from the admin as from the
        # Partners area, so a form opened before it is refused (not applied).
        if self.pk is not None:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)
