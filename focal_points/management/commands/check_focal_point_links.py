"""Check every focal-point link and record its health.

Idempotent: run it as often as you like; the Secretariat gets one email per
run only for links that broke since the last run. Schedule it daily, e.g.:

    30 5 * * *  cd /srv/gci && .venv/bin/python manage.py check_focal_point_links

With --enqueue it only queues the task `gci.focal_points.checker.check_links`
for the worker and returns at once.
"""

from django.core.management.base import BaseCommand

from gci.focal_points.checker import check_links, run


class Command(BaseCommand):
    help = "Fetch every focal-point link and record status, final URL and last good time."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=6, help="Parallel requests (default 6).")
        parser.add_argument("--timeout", type=float, default=10, help="Seconds per request.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the check for the worker and return."
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = check_links.enqueue(workers=options["workers"], timeout=options["timeout"])
            if options["verbosity"]:
                self.stdout.write(f"Link check queued (task {result.id}).")
            return
        results, newly_broken = run(workers=options["workers"], timeout=options["timeout"])
        good = sum(1 for r in results if r.ok)
        if options["verbosity"]:
            self.stdout.write(
                f"{len(results)} links checked: {good} good, {len(results) - good} broken "
                f"({len(newly_broken)} newly broken)."
            )
