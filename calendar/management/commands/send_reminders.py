"""Send every reminder that is due: action points, Guide review rounds, and
whatever else registers a `gci_reminders` hook (a function taking no
argument and returning the number of emails it sent).

Idempotent: safe to run as often as you like (the same reminder is never sent
twice). Schedule it once a day, e.g. with cron:

    15 6 * * *  cd /srv/gci && .venv/bin/python manage.py send_reminders
"""

from django.core.management.base import BaseCommand
from wagtail import hooks


class Command(BaseCommand):
    help = "Send reminder emails that are due: action points, review rounds (idempotent)."

    def handle(self, *args, **options):
        sent = sum(send() for send in hooks.get_hooks("gci_reminders"))
        if options["verbosity"]:
            self.stdout.write(f"{sent} reminder(s) sent.")
