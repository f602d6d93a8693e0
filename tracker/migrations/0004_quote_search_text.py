"""Quote.search_text / search_config for search, filled for existing quotes; on PostgreSQL also a
stored, generated tsvector column with a GIN index (other databases skip it)."""

from django.db import migrations, models

# PostgreSQL only: a stored tsvector the database keeps up to date from search_text and
# search_config (a generated column, so no code writes it), and its GIN index. tracker.search
# queries this column; Django's model does not declare it, so other databases never see it.
PG_SQL = [
    "ALTER TABLE tracker_quote ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS ("
    "to_tsvector(CASE search_config WHEN 'arabic' THEN 'arabic'::regconfig "
    "WHEN 'english' THEN 'english'::regconfig ELSE 'simple'::regconfig END, search_text)) STORED",
    "CREATE INDEX IF NOT EXISTS tracker_quote_search_fts ON tracker_quote USING GIN (search_vector)",
]
PG_REVERSE_SQL = [
    "DROP INDEX IF EXISTS tracker_quote_search_fts",
    "ALTER TABLE tracker_quote DROP COLUMN IF EXISTS search_vector",
]


def fill_search_text(apps, schema_editor):
    from tracker.attribution.text import normalize_name

    Quote = apps.get_model("tracker", "Quote")
    SpeakerAlias = apps.get_model("tracker", "SpeakerAlias")
    configs = {"ar": "arabic", "en": "english"}
    batch = []
    for quote in Quote.objects.select_related("article", "speaker").iterator(chunk_size=2000):
        names = []
        if quote.speaker_id:
            names = [quote.speaker.name, *SpeakerAlias.objects.filter(speaker_id=quote.speaker_id).values_list("alias", flat=True)]
        parts = [normalize_name(quote.quote_text), *dict.fromkeys(normalize_name(n) for n in names)]
        quote.search_text = "\n".join(p for p in parts if p)
        quote.search_config = configs.get(quote.article.language, "simple")
        batch.append(quote)
        if len(batch) >= 2000:
            Quote.objects.bulk_update(batch, ["search_text", "search_config"])
            batch = []
    if batch:
        Quote.objects.bulk_update(batch, ["search_text", "search_config"])


def create_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_SQL:
            schema_editor.execute(sql)


def drop_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_REVERSE_SQL:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0003_article_detection_state"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="search_config",
            field=models.CharField(blank=True, default="simple", editable=False, max_length=10),
        ),
        migrations.AddField(
            model_name="quote",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_search_vector, drop_search_vector),
    ]
