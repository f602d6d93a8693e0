from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# What a backup holds: every tracker row (articles, quotes, speakers, aliases, outlets and
# their history tables) and the accounts and roles that history points to.
BACKUP_LABELS = ["auth.group", "auth.user", "tracker"]


class Command(BaseCommand):
    help = "Write a backup of all articles, quotes, speakers, aliases, history and users (restore with `restore`)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Output file: .xml, or compressed .xml.gz, .xml.bz2, .xml.xz.")

    def handle(self, *args, path, **options):
        # XML, not JSON: Django's JSON encoder cuts timestamps to milliseconds, and history
        # rows must come back exactly.
        if not path.endswith((".xml", ".xml.gz", ".xml.bz2", ".xml.xz")):
            raise CommandError("The backup file name must end in .xml, .xml.gz, .xml.bz2 or .xml.xz.")
        call_command(
            "dumpdata",
            *BACKUP_LABELS,
            format="xml",
            natural_foreign=True,
            output=path,
            verbosity=0,
        )
        self.stdout.write(f"Backup written to {path}.")
