"""The site's own records: what the services of `gci.site` keep in the
database (no partnership content: that lives in the apps). One module per
service, imported here so Django finds the models."""

from .outbox import OutboxEmail, OutboxState
from .schedule import ScheduledJob

__all__ = ["OutboxEmail", "OutboxState", "ScheduledJob"]
