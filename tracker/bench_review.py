"""How long the server takes to render the review page of a long article (issue 4: a 5,000-word
article with 150 quotes in under 100 ms). Not a test: run ``make bench-review`` and read the figures.

It works in a throw-away test database, renders the page as an editor (every control on every
card) through the whole middleware stack, and prints the median and 95th percentile.
"""

from __future__ import annotations

import os
import random
import statistics
import time

WORDS = 5000
QUOTES = 150
SPEAKERS = 30
RUNS = 30

EN_TEXT = (
    "the minister said talks would go on while aid convoys waited at the border and officials in Doha "
    "described progress as slow but real after weeks of pressure from partners in the region"
)
AR_TEXT = (
    "قال الوزير إن المفاوضات ستستمر بينما تنتظر قوافل المساعدات عند الحدود ووصف المسؤولون في الدوحة "
    "التقدم بأنه بطيء لكنه حقيقي بعد أسابيع من الضغط من الشركاء في المنطقة 12 John Kirby"
)


def _build(language: str, text: str, rng: random.Random):
    from simple_history.utils import bulk_create_with_history

    from tracker.models import Article, Quote, Speaker, SpeakerAlias
    from tracker.services.articles import content_hash

    words = text.split()
    speakers = [Speaker.objects.create(name=f"{words[i % len(words)].title()} Speaker{i}") for i in range(SPEAKERS)]
    for speaker in speakers:
        SpeakerAlias.objects.create(speaker=speaker, alias=speaker.name, normalized=speaker.name.casefold())
    paragraphs, count = [], 0
    while count < WORDS:
        n = rng.randint(30, 70)
        sentence = [rng.choice(words) for _ in range(n)]
        if rng.random() < 0.5:  # a speaker named in the paragraph, marked as a mention
            sentence.insert(rng.randint(0, n - 1), speakers[rng.randrange(SPEAKERS)].name)
        paragraphs.append(" ".join(sentence) + ".")
        count += n
    title, body = f"Long article ({language})", "\n".join(paragraphs)
    article = Article.objects.create(
        title=title, body=body, language=language, content_hash=content_hash(title, body), status="detected"
    )
    doc = article.document
    # Quote spans at word boundaries, spread over the text; some nest, some cross paragraphs.
    bounds = [0] + [i + 1 for i, ch in enumerate(doc) if ch == " "]
    quotes = []
    for i in range(QUOTES):
        a = bounds[int(len(bounds) * i / QUOTES) + rng.randint(0, 5)]
        b = bounds[min(len(bounds) - 1, bounds.index(a) + rng.randint(6, 40))] - 1
        speaker = speakers[rng.randrange(SPEAKERS)]
        quotes.append(
            Quote(
                article=article,
                document_length=len(doc),
                quote_start=a,
                quote_end=b,
                quote_text=doc[a:b],
                kind=rng.choice(["direct", "indirect", "mixed"]),
                speaker=speaker,
                confidence=round(rng.random(), 2),
                rule="bench",
                status=rng.choice(["pending", "pending", "accepted", "rejected"]),
            )
        )
    bulk_create_with_history(quotes, Quote)
    return article, len(body.split())


def _time(client, url: str) -> tuple[list[float], list[float], int]:
    """Wall-clock and CPU milliseconds per request. On a busy machine the wall clock includes time
    spent waiting for a CPU; the CPU time of this process (SQLite runs in it) does not."""
    client.get(url)  # warm caches (templates, URL resolver)
    wall, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200
    return sorted(wall), sorted(cpu), len(response.content)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    # Not setup_test_environment(): its instrumented template rendering would slow the figures.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        from django.contrib.auth import get_user_model

        from tracker.services.users import user_role_set

        user = get_user_model().objects.create_user("bench")
        user_role_set(user=user, role="editor")
        client = Client()
        client.force_login(user)
        rng = random.Random(4)
        print(f"review page render, {RUNS} runs each, {connection.vendor}, as an editor (all controls):")
        for language, text in (("en", EN_TEXT), ("ar", AR_TEXT)):
            article, word_count = _build(language, text, rng)
            wall, cpu, size = _time(client, reverse("article-detail", args=[article.pk]))
            p95 = int(len(wall) * 0.95) - 1
            print(
                f"  {language}: {word_count} words, {article.quotes.count()} quotes, {size / 1024:.0f} KiB HTML: "
                f"wall median {statistics.median(wall):.1f} ms (p95 {wall[p95]:.1f}, min {wall[0]:.1f}); "
                f"CPU median {statistics.median(cpu):.1f} ms (p95 {cpu[p95]:.1f})"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
