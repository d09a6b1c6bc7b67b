#!/usr/bin/env python
"""Django's command-line utility for the Green Customs site."""

import os
import sys
from pathlib import Path


def main():
    # A `.env` beside this file may choose the settings module (production).
    import environ

    environ.Env.read_env(Path(__file__).resolve().parent / ".env", overwrite=False)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gci.site.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
