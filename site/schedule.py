"""The schedule: work that runs without a person, each job at its interval.

`manage.py run_schedule` runs every job that is due, once; `--loop` keeps
doing so every minute (the scheduler process of `make run`; in production a
systemd timer or cron starts the one-shot form every minute, on one host or
on all of them: docs/deploy.md, "Background work and the schedule").

Safe to run twice at once, on one host or several: a job runs only after its
process has claimed it, with one conditional UPDATE of its `ScheduledJob`
row ("due, and not held by a run still within its lease"). The database
grants that UPDATE to one process only (PostgreSQL re-checks the condition
on the row it waited for; SQLite takes one writer at a time), so whichever
process comes second finds nothing to claim and moves on. The row then says
when the job last ran, on which host, and how it ended; a job that raises is
recorded as failed and the others still run. The jobs themselves are
idempotent too (reminders go through `send_once`), so a run that dies
half-way is simply done again at the next interval.

Adding a job is one line in `JOBS`: a name, an interval, and a management
command (with its arguments) or the dotted path of a function.
"""

from __future__ import annotations

import io
import logging
import os
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResult
from django_tasks.base import Task

from .models import ScheduledJob

logger = logging.getLogger(__name__)

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Job:
    """One piece of scheduled work.

    `command` is a management command's name, run with `args`; `call` is a
    function taking no argument or a task (a `@task()`; the job then queues
    it for the worker), or the dotted path of either. `lease` is how long a
    claim holds if the process running the job dies without releasing it
    (longer than the job ever takes).
    """

    name: str
    every: timedelta
    command: str = ""
    args: Sequence[str] = ()
    call: str | Callable[[], object] = ""
    lease: timedelta = HOUR

    def __post_init__(self) -> None:
        if bool(self.command) == bool(self.call):
            raise ValueError(f"Job {self.name!r}: give a command or a call, not both or neither.")

    def run(self) -> str:
        """Do the work; returns what it said (a command's last line of output)."""
        if self.call:
            function = import_string(self.call) if isinstance(self.call, str) else self.call
            result = function.enqueue() if isinstance(function, Task) else function()
            if isinstance(result, TaskResult):
                return f"Queued as task {result.id}."
            return "" if result is None else str(result)
        out = io.StringIO()
        call_command(self.command, *self.args, stdout=out, stderr=out)
        lines = [line for line in out.getvalue().splitlines() if line.strip()]
        return lines[-1] if lines else ""


# The schedule. One line per job; intervals are "at most this often" (the
# scheduler looks every minute, so a job runs within a minute of being due).
JOBS: tuple[Job, ...] = (
    # Action points and the Guide's review rounds (the `gci_reminders` hook):
    # each reminder is sent once (`send_once`), so hourly costs nothing.
    Job("reminders", every=HOUR, command="send_reminders"),
    # The outbox: its emails are handed to the worker as they are queued; this
    # picks up what waits for a retry after a failed attempt (site/outbox.py).
    Job("outbox", every=MINUTE, call="gci.site.outbox.deliver_due"),
    # The focal-point links: the check runs in the task worker (it fetches a
    # thousand links and may take minutes), the scheduler only queues it.
    Job("focal-point-links", every=DAY, call="gci.focal_points.checker.check_links"),
    # Wagtail's scheduled publishing ("go live at" / "expire at").
    Job("scheduled-publishing", every=MINUTE, command="publish_scheduled", lease=15 * MINUTE),
    # The Guide's PDFs: each published language's, built again only when its
    # pages were published since (a publish also queues its own build).
    Job("guide-pdfs", every=HOUR, command="build_guide_pdfs"),
    # django-tasks-db keeps finished task results: keep a fortnight of them.
    Job("prune-task-results", every=DAY, command="prune_db_task_results", args=("--queue-name=*",)),
    # Circulations: each digest reader's weekly email, on Mondays (once a week each).
    Job("circulation-digest", every=DAY, call="gci.home.circulation.sending.send_weekly_digests"),
    # Expired sessions (Django's sessions live in the database).
    Job("clear-sessions", every=DAY, command="clearsessions"),
)


def runner_name() -> str:
    """Who holds a claim: this host and process."""
    return f"{socket.gethostname()}:{os.getpid()}"[:255]


def is_due(job: Job, record: ScheduledJob | None, now: datetime) -> bool:
    """Whether `job` should start at `now` (ignoring the lock)."""
    if record is None or record.last_started_at is None:
        return True
    return record.last_started_at + job.every <= now


def _claimable(job: Job, now: datetime) -> Q:
    due = Q(last_started_at__isnull=True) | Q(last_started_at__lte=now - job.every)
    free = Q(locked_until__isnull=True) | Q(locked_until__lte=now)
    return Q(name=job.name) & due & free


def claim(job: Job, now: datetime, runner: str) -> bool:
    """Take the job for this run if it is due and free; True if this run got it.

    One UPDATE whose WHERE says "due and free": of two processes that try at
    once, the database lets one change the row and the other then finds the
    condition false (0 rows)."""
    taken = ScheduledJob.objects.filter(_claimable(job, now)).update(
        last_started_at=now,
        locked_until=now + job.lease,
        locked_by=runner,
        outcome=ScheduledJob.Outcome.RUNNING,
        message="",
    )
    return taken == 1


def release(job: Job, started: datetime, runner: str, outcome: str, message: str) -> None:
    """Record how the run ended and free the job (only if this run still holds it)."""
    ScheduledJob.objects.filter(name=job.name, locked_by=runner, last_started_at=started).update(
        last_finished_at=timezone.now(),
        locked_until=None,
        outcome=outcome,
        message=message[:2000],
    )


def ensure_rows(jobs: Iterable[Job]) -> None:
    """One row per job (safe when several processes create them at once)."""
    ScheduledJob.objects.bulk_create(
        [ScheduledJob(name=job.name) for job in jobs], ignore_conflicts=True
    )


@dataclass
class Report:
    ran: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    messages: dict[str, str] = field(default_factory=dict)


def run_due(
    jobs: Iterable[Job] | None = None,
    now: Callable[[], datetime] = timezone.now,
    runner: str | None = None,
) -> Report:
    """Run every job that is due and that no other run holds, one after the other."""
    jobs = tuple(JOBS if jobs is None else jobs)
    runner = runner or runner_name()
    ensure_rows(jobs)
    report = Report()
    for job in jobs:
        started = now()
        if not claim(job, started, runner):
            report.skipped.append(job.name)
            continue
        try:
            message = job.run()
        except Exception as error:  # noqa: BLE001 - recorded, and the other jobs still run
            logger.exception("Scheduled job %s failed", job.name)
            message = f"{type(error).__name__}: {error}"
            release(job, started, runner, ScheduledJob.Outcome.FAILED, message)
            report.failed.append(job.name)
            report.messages[job.name] = message
        except BaseException:  # Ctrl-C, SIGTERM: free the job before stopping
            release(job, started, runner, ScheduledJob.Outcome.FAILED, "Interrupted")
            raise
        else:
            release(job, started, runner, ScheduledJob.Outcome.SUCCEEDED, message)
            report.ran.append(job.name)
            report.messages[job.name] = message
    return report
