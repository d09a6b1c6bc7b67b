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
from django.utils import timezone

from gci.site import schedule
from gci.site.models import ScheduledJob


def _stop(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


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

    def handle(self, *args, **options):
        if options["list"]:
            return self.list_jobs()
        if not options["loop"]:
            report = self.run_once(options["verbosity"])
            if report.failed:
                raise CommandError(f"Failed: {', '.join(report.failed)} (see the log).")
            return None
        signal.signal(signal.SIGTERM, _stop)
        self.stdout.write(
            f"Scheduler running: {len(schedule.JOBS)} jobs, looking every {options['every']:g} s."
        )
        try:
            while True:
                began = time.monotonic()
                self.run_once(options["verbosity"])
                time.sleep(max(1.0, options["every"] - (time.monotonic() - began)))
        except KeyboardInterrupt:
            self.stdout.write("Scheduler stopped.")
        return None

    def run_once(self, verbosity):
        report = schedule.run_due()
        if verbosity:
            for name in report.ran:
                self.stdout.write(f"{name}: done")
            for name in report.failed:
                self.stderr.write(f"{name}: FAILED")
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
            self.stdout.write(f"{job.name:24} every {job.every}  {due:8} {last}")
