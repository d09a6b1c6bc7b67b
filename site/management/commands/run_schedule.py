"""Run the scheduled jobs that are due (`gci.site.schedule.JOBS`).

Safe to start as often as you like, on as many hosts as you like: each job
runs once per interval, in whichever process claims it first.

    manage.py run_schedule          # once: for a systemd timer or cron, every minute
    manage.py run_schedule --loop   # a scheduler process (what `make run` starts)
    manage.py run_schedule --list   # each job, its interval, whether it is due, how it last ended
"""

import signal
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils import timezone

from gci.site import schedule
from gci.site.models import ScheduledJob


def _stop(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def _interval(every):
    seconds = int(every.total_seconds())
    for unit, size in (("day", 86400), ("h", 3600), ("min", 60)):
        if seconds % size == 0:
            return f"{seconds // size} {unit}"
    return f"{seconds} s"


class Command(BaseCommand):
    help = "Run the scheduled jobs that are due (idempotent, safe on several hosts at once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            action="store_true",
            help="Keep running, looking for due jobs every --every seconds.",
        )
        parser.add_argument(
            "--every",
            type=float,
            default=60,
            help="Seconds between looks with --loop (default 60).",
        )
        parser.add_argument(
            "--list", action="store_true", help="List the jobs and how each last ended."
        )
        parser.add_argument(
            "--leave-out",
            action="append",
            default=[],
            metavar="JOB",
            help="Leave this job out (repeatable), e.g. focal-point-links.",
        )

    def handle(self, *args, **options):
        schedule.ensure_rows(schedule.JOBS)  # the admin lists every job, even one left out here
        if options["list"]:
            return self.list_jobs()
        unknown = set(options["leave_out"]) - {job.name for job in schedule.JOBS}
        if unknown:
            raise CommandError(f"No such job: {', '.join(sorted(unknown))}.")
        self.jobs = [job for job in schedule.JOBS if job.name not in options["leave_out"]]
        if not options["loop"]:
            report = self.run_once(options["verbosity"])
            if report.failed:
                raise CommandError(f"Failed: {', '.join(report.failed)} (see the log).")
            return None
        signal.signal(signal.SIGTERM, _stop)
        names = ", ".join(f"{job.name} (every {_interval(job.every)})" for job in self.jobs)
        self.stdout.write(f"Scheduler running: {names}; looking every {options['every']:g} s.")
        try:
            while True:
                began = time.monotonic()
                close_old_connections()  # a long-lived process: drop a broken or aged connection
                self.run_once(options["verbosity"])
                time.sleep(max(1.0, options["every"] - (time.monotonic() - began)))
        except KeyboardInterrupt:
            self.stdout.write("Scheduler stopped.")
        return None

    def run_once(self, verbosity):
        report = schedule.run_due(self.jobs)
        for name in report.failed:
            self.stderr.write(f"{name}: FAILED: {report.messages[name]}")
        for name in report.ran:
            # Quiet about a job that had nothing to say, unless asked (-v 2).
            if verbosity > 1 or (verbosity and report.messages[name]):
                self.stdout.write(f"{name}: {report.messages[name] or 'done'}")
        return report

    def list_jobs(self):
        records = {record.name: record for record in ScheduledJob.objects.all()}
        now = timezone.now()
        for job in schedule.JOBS:
            record = records.get(job.name)
            due = "due" if schedule.is_due(job, record, now) else "not due"
            last = "never run"
            if record and record.last_started_at:
                last = (
                    f"last started {record.last_started_at:%Y-%m-%d %H:%M:%S} UTC, {record.outcome}"
                )
                if record.message:
                    last += f": {record.message}"
            self.stdout.write(f"{job.name:22} every {_interval(job.every):7} {due:8} {last}")
