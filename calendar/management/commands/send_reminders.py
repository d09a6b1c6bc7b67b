"""Email the owners of action points that are due soon or overdue.

Idempotent: safe to run as often as you like (the same reminder is never sent
twice). Schedule it once a day, e.g. with cron:

    15 6 * * *  cd /srv/gci && .venv/bin/python manage.py send_reminders
"""

from django.core.management.base import BaseCommand

from gci.calendar.reminders import send_reminders


class Command(BaseCommand):
    help = "Send reminder emails for action points due soon or overdue (idempotent)."

    def handle(self, *args, **options):
        sent = send_reminders()
        if options["verbosity"]:
            self.stdout.write(f"{sent} reminder(s) sent.")
