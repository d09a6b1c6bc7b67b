"""Build the PDF of each published language of the Guide that has none yet
or whose pages were published again since (gci.materials.guide_pdf).

Idempotent: a PDF whose pages have not changed is left as it is, so the
schedule runs it every hour (`gci.site.schedule.JOBS`, job `guide-pdfs`).
"""

from django.core.management.base import BaseCommand

from gci.materials.guide_pdf import BUILT, REMOVED, UP_TO_DATE, build_all


class Command(BaseCommand):
    help = "Build the Guide's PDFs that are missing or stale, one per published language."

    def add_arguments(self, parser):
        parser.add_argument("--language", help="Only this language's Guide (a code: en, es, ar…).")
        parser.add_argument(
            "--force", action="store_true", help="Build again even when nothing changed."
        )

    def handle(self, *args, language=None, force=False, verbosity=1, **options):
        results = build_all(language=language, force=force)
        if verbosity > 1:
            for code, outcome in results.items():
                self.stdout.write(f"{code}: {outcome}")
        if verbosity:
            counts = {
                outcome: [code for code, done in results.items() if done == outcome]
                for outcome in (BUILT, UP_TO_DATE, REMOVED)
            }
            self.stdout.write(
                "Guide PDFs: "
                + "; ".join(
                    f"{outcome} {', '.join(codes) or '-'}" for outcome, codes in counts.items()
                )
                + "."
            )
