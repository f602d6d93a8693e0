# The detection lease (Article.detection_started_at), and stored spans widened over the
# combining marks they cut off (a final tanween or short vowel), as detection now stores them.

import unicodedata

from django.db import migrations, models


def _is_mark(ch):
    return unicodedata.category(ch) in ("Mn", "Me") or unicodedata.combining(ch) != 0


def _snap(document, start, end, text):
    # tracker.attribution.text.span_snap as it is now, frozen here with the migration.
    new_start, new_end = start, end
    while new_end < len(document) and _is_mark(document[new_end]):
        new_end += 1
    while 0 < new_start < len(document) and _is_mark(document[new_start]):
        new_start -= 1
    if document[new_start].isspace():
        new_start = start
    if (new_start, new_end) == (start, end):
        return None
    return new_start, new_end, document[new_start:start] + text + document[end:new_end]


def widen_spans_over_marks(apps, schema_editor):
    Quote = apps.get_model("tracker", "Quote")
    documents = {}
    quotes = Quote.objects.select_related("article").only(
        "article__title", "article__body", "quote_start", "quote_end", "quote_text",
        "speaker_start", "speaker_end", "speaker_text", "cue_start", "cue_end", "cue_text",
    ).order_by("article_id", "pk")
    for quote in quotes.iterator(chunk_size=2000):
        document = documents.get(quote.article_id)
        if document is None:
            documents.clear()  # one article's text at a time is enough: quotes come by article
            document = documents[quote.article_id] = f"{quote.article.title}\n{quote.article.body}"
        changed = []
        for field in ("quote", "speaker", "cue"):
            start, end = getattr(quote, f"{field}_start"), getattr(quote, f"{field}_end")
            if start is None or end is None:
                continue
            snapped = _snap(document, start, end, getattr(quote, f"{field}_text"))
            if snapped is None:
                continue
            new_start, new_end, text = snapped
            setattr(quote, f"{field}_start", new_start)
            setattr(quote, f"{field}_end", new_end)
            setattr(quote, f"{field}_text", text if field == "quote" else text[:300])
            changed += [f"{field}_start", f"{field}_end", f"{field}_text"]
        if changed:
            quote.save(update_fields=changed)


class Migration(migrations.Migration):

    dependencies = [
        ('tracker', '0008_api_tokens'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='detection_started_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='detection_started_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(widen_spans_over_marks, migrations.RunPython.noop),
    ]
