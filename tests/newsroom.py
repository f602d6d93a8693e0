"""A small newsroom for dashboard tests and screenshots: Arabic and English articles from several
outlets over two months, speakers of every kind with genders, quotes in every review state."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    OutletFactory,
    QuoteFactory,
    SpeakerAliasFactory,
    SpeakerFactory,
    UserFactory,
)
from tracker.models import Article, Quote
from tracker.services.users import user_role_set

SPEAKERS = [
    ("جون كيربي", "person", "male", "ar"),
    ("ماريا زاخاروفا", "person", "female", "ar"),
    ("وزارة الخارجية الأميركية", "government", "", "ar"),
    ("أنطونيو غوتيريش", "person", "male", "ar"),
    ("مصدر مطلع", "unnamed", "", "ar"),
    ("Antony Blinken", "person", "male", "en"),
    ("Kristalina Georgieva", "person", "female", "en"),
    ("Mia Mottley", "person", "female", "en"),
    ("World Health Organization", "organisation", "", "en"),
    ("Reuters", "media", "", "en"),
    ("Hamas", "group", "", "en"),
]
OUTLETS = [("الميادين", "ar"), ("الجزيرة", "ar"), ("BBC News", "en"), ("Reuters", "en")]
RULES = {
    "ar": ["ar.verb_comp_indirect", "ar.quote_colon", "ar.headline_colon"],
    "en": ["en.said_quote", "en.according_to"],
}
BODIES = {
    "ar": "قال المتحدث إن «المحادثات ستستمر» في الدوحة.\nوأضاف أن الهدف هو التوصل إلى اتفاق.",
    "en": 'The spokesman said "talks will go on" in Doha.\nHe added that the aim was a deal.',
}


def build_newsroom(*, seed: int = 7, articles: int = 24, start: dt.date = dt.date(2024, 3, 1), days: int = 60) -> dict:
    rng = random.Random(seed)
    editors = []
    for name in ("amal", "ben", "carla"):
        user = UserFactory(username=name)
        user_role_set(user=user, role="editor")
        editors.append(user)
    outlets = [OutletFactory(name=name, language=lang, domain="") for name, lang in OUTLETS]
    speakers = {"ar": [], "en": []}
    for name, kind, gender, lang in SPEAKERS:
        speaker = SpeakerFactory(name=name, kind=kind, gender=gender)
        SpeakerAliasFactory(speaker=speaker)
        speakers[lang].append(speaker)
    for i in range(articles):
        lang = "ar" if i % 2 == 0 else "en"
        outlet = rng.choice([o for o in outlets if o.language == lang])
        published = start + dt.timedelta(days=rng.randint(0, days))
        body = BODIES[lang] + f"\n{i}"
        article = ArticleFactory(
            title=f"{'تقرير' if lang == 'ar' else 'Report'} {i}",
            body=body,
            language=lang,
            outlet=outlet,
            published=published if i % 7 else None,
        )
        if article.published is None:
            # Undated articles count on their import day: keep that inside the same two months.
            imported = timezone.make_aware(dt.datetime.combine(published, dt.time(12)))
            Article.objects.filter(pk=article.pk).update(created_at=imported)
        doc = article.document
        marker = "المحادثات ستستمر" if lang == "ar" else "talks will go on"
        start_at = doc.index(marker)
        for _ in range(rng.randint(1, 4)):
            status = rng.choice(
                [Quote.Status.PENDING] * 3
                + [Quote.Status.ACCEPTED] * 4
                + [Quote.Status.CORRECTED, Quote.Status.REJECTED]
            )
            reviewer = rng.choice(editors) if status != Quote.Status.PENDING else None
            QuoteFactory(
                article=article,
                quote_start=start_at,
                quote_end=start_at + len(marker),
                speaker=rng.choice(speakers[lang] + [None]) if rng.random() < 0.95 else None,
                status=status,
                origin=Quote.Origin.EDITOR if rng.random() < 0.1 else Quote.Origin.DETECTED,
                rule=rng.choice(RULES[lang]),
                reviewed_by=reviewer,
                reviewed_at=timezone.now() - dt.timedelta(days=rng.randint(0, 9), hours=rng.randint(0, 20))
                if reviewer
                else None,
            )
    return {"editors": editors, "outlets": outlets, "speakers": speakers}
