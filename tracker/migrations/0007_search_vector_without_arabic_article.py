"""PostgreSQL only: the stored search vector drops the Arabic definite article before stemming,
as tracker.search.match_form does for queries (the Arabic stemmer handles it inconsistently once
ة is folded to ه). Other databases have no vector and skip this."""

from django.db import migrations

# Kept here rather than imported so the migration stays as it was written; it must equal
# tracker.search.ARABIC_ARTICLE.
ARABIC_ARTICLE = r"(?:[وفبك]?ال|[وف]?لل)"

VECTOR = (
    "to_tsvector(CASE search_config WHEN 'arabic' THEN 'arabic'::regconfig "
    "WHEN 'english' THEN 'english'::regconfig ELSE 'simple'::regconfig END, {text})"
)
OLD_TEXT = "search_text"
NEW_TEXT = f"regexp_replace(search_text, '(^|\\s){ARABIC_ARTICLE}(?=\\S{{2}})', '\\1', 'g')"


def _rebuild(schema_editor, text: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in (
        "DROP INDEX IF EXISTS tracker_quote_search_fts",
        "ALTER TABLE tracker_quote DROP COLUMN IF EXISTS search_vector",
        "ALTER TABLE tracker_quote ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        + VECTOR.format(text=text)
        + ") STORED",
        "CREATE INDEX tracker_quote_search_fts ON tracker_quote USING GIN (search_vector)",
    ):
        schema_editor.execute(sql)


def forward(apps, schema_editor):
    _rebuild(schema_editor, NEW_TEXT)


def backward(apps, schema_editor):
    _rebuild(schema_editor, OLD_TEXT)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0006_quote_article_published")]

    operations = [migrations.RunPython(forward, backward)]
