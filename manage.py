#!/usr/bin/env python
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    # manage.py is the developer's tool: debug unless told otherwise. Servers (gunicorn via
    # tracker/wsgi.py) and production commands set DJANGO_DEBUG=0 and a secret (README: Production).
    os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
