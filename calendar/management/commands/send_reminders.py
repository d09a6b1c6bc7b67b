"""Send every reminder that is due: action points, Guide review rounds, and
whatever else registers a `gci_reminders` hook (a function taking no
argument and returning the number of emails it sent).

Idempotent: safe to run as often as you like (the same reminder is never sent
twice). The schedule runs it every hour (`gci.site.schedule.JOBS`).
"""

from django.core.management.base import BaseCommand
from wagtail import hooks


class Command(BaseCommand):
    help = "Send reminder emails that are due: action points, review rounds (idempotent)."

    def handle(self, *args, **options):
        sent = sum(send() for send in hooks.get_hooks("gci_reminders"))
        if options["verbosity"]:
            self.stdout.write(f"{sent} reminder(s) sent.")
