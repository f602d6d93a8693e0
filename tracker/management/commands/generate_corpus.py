"""A synthetic, realistic corpus for benchmarks: Arabic and English articles from Arabic and
English outlets, speakers with aliases in both scripts, quotes (some statements reported by
several outlets, a few with changed wording), review statuses, dates over 15 months.

    python manage.py generate_corpus --quotes 1000000 [--seed 1] [--batch 5000]

Rows are bulk-inserted (no django-simple-history rows: this is test data). Search text is
written as tracker.services.search does, so search and export work on it at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from tracker.attribution.text import normalize_name
from tracker.models import Article, Outlet, Quote, Speaker, SpeakerAlias
from tracker.search import search_config_for, search_text_for

FAMOUS = [
    ("John Kirby", "جون كيربي", "Kirby", "كيربي", "person"),
    ("Antony Blinken", "أنتوني بلينكن", "Blinken", "بلينكن", "person"),
    ("Benjamin Netanyahu", "بنيامين نتنياهو", "Netanyahu", "نتنياهو", "person"),
    ("Joe Biden", "جو بايدن", "Biden", "بايدن", "person"),
    ("Ismail Haniyeh", "إسماعيل هنية", "Haniyeh", "هنية", "person"),
    ("Sameh Shoukry", "سامح شكري", "Shoukry", "شكري", "person"),
    ("Josep Borrell", "جوزيب بوريل", "Borrell", "بوريل", "person"),
    ("António Guterres", "أنطونيو غوتيريش", "Guterres", "غوتيريش", "person"),
    ("Matthew Miller", "ماثيو ميلر", "Miller", "ميلر", "person"),
    ("Ayman Safadi", "أيمن الصفدي", "Safadi", "الصفدي", "person"),
    ("Yoav Gallant", "يوآف غالانت", "Gallant", "غالانت", "person"),
    ("Emmanuel Macron", "إيمانويل ماكرون", "Macron", "ماكرون", "person"),
    ("Mahmoud Abbas", "محمود عباس", "Abbas", "عباس", "person"),
    ("Philippe Lazzarini", "فيليب لازاريني", "Lazzarini", "لازاريني", "person"),
    ("Tedros Adhanom Ghebreyesus", "تيدروس أدهانوم غيبريسوس", "Tedros", "تيدروس", "person"),
    ("US State Department", "وزارة الخارجية الأميركية", "", "الخارجية الأميركية", "government"),
    ("Gaza Health Ministry", "وزارة الصحة في غزة", "", "وزارة الصحة", "government"),
    ("Qatari Foreign Ministry", "وزارة الخارجية القطرية", "", "الخارجية القطرية", "government"),
    ("UNRWA", "الأونروا", "", "", "organisation"),
    ("World Health Organization", "منظمة الصحة العالمية", "WHO", "", "organisation"),
    (
        "International Committee of the Red Cross",
        "اللجنة الدولية للصليب الأحمر",
        "ICRC",
        "الصليب الأحمر",
        "organisation",
    ),
]
FIRST = [
    ("Ahmed", "أحمد"),
    ("Mohammed", "محمد"),
    ("Sara", "سارة"),
    ("Omar", "عمر"),
    ("Laila", "ليلى"),
    ("Khaled", "خالد"),
    ("Youssef", "يوسف"),
    ("Nour", "نور"),
    ("Hassan", "حسن"),
    ("Rania", "رانيا"),
    ("Karim", "كريم"),
    ("Hala", "هالة"),
    ("Tariq", "طارق"),
    ("Mona", "منى"),
    ("Ziad", "زياد"),
]
LAST = [
    ("Haddad", "حداد"),
    ("Khalil", "خليل"),
    ("Mansour", "منصور"),
    ("Nasser", "ناصر"),
    ("Saleh", "صالح"),
    ("Aziz", "عزيز"),
    ("Hamdan", "حمدان"),
    ("Darwish", "درويش"),
    ("Saad", "سعد"),
    ("Qasim", "قاسم"),
    ("Barakat", "بركات"),
    ("Jaber", "جابر"),
    ("Othman", "عثمان"),
    ("Rahal", "رحال"),
    ("Sabbagh", "صباغ"),
]
ROLES = [
    ("spokesperson", "المتحدث باسم الحكومة"),
    ("minister", "الوزير"),
    ("envoy", "المبعوث"),
    ("official", "المسؤول"),
    ("analyst", "المحلل السياسي"),
    ("aid worker", "عامل الإغاثة"),
]
OUTLETS = [
    ("Al Mayadeen", "ar", "almayadeen.net"),
    ("Al Jazeera", "ar", "aljazeera.net"),
    ("Al Arabiya", "ar", "alarabiya.net"),
    ("Asharq Al-Awsat", "ar", "aawsat.com"),
    ("Al-Ahram", "ar", "ahram.org.eg"),
    ("An-Nahar", "ar", "annahar.com"),
    ("Al-Quds Al-Arabi", "ar", "alquds.co.uk"),
    ("Arabi21", "ar", "arabi21.com"),
    ("Sky News Arabia", "ar", "skynewsarabia.com"),
    ("Reuters", "en", "reuters.com"),
    ("Associated Press", "en", "apnews.com"),
    ("BBC News", "en", "bbc.com"),
    ("The Guardian", "en", "theguardian.com"),
    ("CNN", "en", "cnn.com"),
    ("Times of Israel", "en", "timesofisrael.com"),
    ("Middle East Eye", "en", "middleeasteye.net"),
    ("The National", "en", "thenationalnews.com"),
    ("Al-Monitor", "en", "al-monitor.com"),
]

EN = {
    "subj": [
        "We",
        "The administration",
        "Our government",
        "The United States",
        "Israel",
        "Hamas",
        "The mediators",
        "The international community",
        "Nobody",
        "The Security Council",
        "Our teams",
        "Egypt",
        "Qatar",
    ],
    "verb": [
        "will not support",
        "are working toward",
        "continue to push for",
        "call for",
        "reject",
        "welcome",
        "are deeply concerned about",
        "will keep pressing for",
        "cannot accept",
        "strongly condemn",
        "are closely following",
        "remain committed to",
    ],
    "obj": [
        "a ceasefire in Gaza",
        "a humanitarian pause",
        "the release of all hostages",
        "more aid trucks through Rafah",
        "the protection of civilians",
        "a two-state solution",
        "the reopening of the Rafah crossing",
        "attacks on hospitals",
        "the expansion of the ground operation",
        "a prisoner exchange",
        "fuel deliveries to hospitals",
        "an independent investigation",
        "the forced displacement of Palestinians",
        "talks mediated by Qatar and Egypt",
        "an end to the siege",
        "the strikes on refugee camps",
    ],
    "tail": [
        "at this time",
        "in the coming days",
        "right now",
        "as soon as possible",
        "without conditions",
        "this week",
        "under international law",
        "before it is too late",
        "",
        "",
        "",
    ],
    "cue": ["said", "told reporters", "said in a statement", "told Reuters", "said on Monday", "wrote on X"],
    "title": [
        "{s} on {o}",
        "{s}: talks continue",
        "{s} warns over {o}",
        "What {s} said about {o}",
        "{s} speaks on Gaza",
    ],
}
AR = {
    "subj": [
        "نحن",
        "الإدارة الأميركية",
        "حكومتنا",
        "الولايات المتحدة",
        "إسرائيل",
        "حركة حماس",
        "الوسطاء",
        "المجتمع الدولي",
        "لا أحد",
        "مجلس الأمن",
        "فرقنا",
        "مصر",
        "قطر",
    ],
    "verb": [
        "لن تدعم",
        "تعمل من أجل",
        "تواصل الضغط من أجل",
        "تدعو إلى",
        "ترفض",
        "ترحب بـ",
        "تشعر بقلق بالغ إزاء",
        "ستواصل المطالبة بـ",
        "لا يمكن أن تقبل",
        "تدين بشدة",
        "تتابع عن كثب",
        "تبقى ملتزمة بـ",
    ],
    "obj": [
        "وقف إطلاق النار في غزة",
        "هدنة إنسانية",
        "الإفراج عن جميع الأسرى",
        "إدخال المزيد من شاحنات المساعدات عبر رفح",
        "حماية المدنيين",
        "حل الدولتين",
        "إعادة فتح معبر رفح",
        "الهجمات على المستشفيات",
        "توسيع العملية البرية",
        "صفقة تبادل الأسرى",
        "إدخال الوقود إلى المستشفيات",
        "تحقيق مستقل",
        "التهجير القسري للفلسطينيين",
        "المفاوضات بوساطة قطرية ومصرية",
        "إنهاء الحصار",
        "الغارات على مخيمات اللاجئين",
    ],
    "tail": [
        "في الوقت الحالي",
        "خلال الأيام المقبلة",
        "الآن",
        "في أقرب وقت ممكن",
        "من دون شروط",
        "هذا الأسبوع",
        "وفق القانون الدولي",
        "قبل فوات الأوان",
        "",
        "",
        "",
    ],
    "cue": ["قال", "صرّح", "أكد", "أعلن", "أوضح", "شدّد"],
    "title": ["{s} بشأن {o}", "{s}: المفاوضات مستمرة", "{s} يحذر من {o}", "ماذا قال {s} عن {o}", "{s} يتحدث عن غزة"],
}
STATUSES = [Quote.Status.PENDING] * 12 + [Quote.Status.ACCEPTED] * 6 + [Quote.Status.CORRECTED, Quote.Status.REJECTED]
KINDS = [Quote.Kind.DIRECT] * 7 + [Quote.Kind.INDIRECT] * 2 + [Quote.Kind.MIXED]
START = dt.date(2023, 10, 7)
DAYS = 450


class Command(BaseCommand):
    help = "Generate a synthetic Arabic/English corpus of --quotes quotes (about 5 per article)."

    def add_arguments(self, parser):
        parser.add_argument("--quotes", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch", type=int, default=5_000)

    def handle(self, *args, quotes: int, seed: int, batch: int, **options):
        rng = random.Random(seed)
        started = time.monotonic()
        outlets = {
            lang: [
                Outlet.objects.get_or_create(name=n, defaults={"language": lang, "domain": d})[0]
                for n, lg, d in OUTLETS
                if lg == lang
            ]
            for lang in ("ar", "en")
        }
        speakers = self._speakers(rng)
        weights = [1 / (i + 1) for i in range(len(speakers))]  # a few speakers are quoted most
        made, article_no = 0, Article.objects.count()
        recent: list[tuple[int, str, str]] = []  # (speaker index, language, text) to re-report
        while made < quotes:
            articles, pending = [], []
            while len(articles) < max(1, batch // 5) and made + sum(len(p) for p in pending) < quotes:
                article_no += 1
                lang = "ar" if rng.random() < 0.5 else "en"
                n = min(rng.randint(2, 8), quotes - made - sum(len(p) for p in pending))
                picks = []
                for _ in range(n):
                    if recent and rng.random() < 0.1:
                        s_idx, r_lang, text = rng.choice(recent)
                        if r_lang == lang:
                            picks.append((s_idx, self._reword(rng, text)))
                            continue
                    s_idx = rng.choices(range(len(speakers)), weights)[0]
                    text = self._statement(rng, lang)
                    picks.append((s_idx, text))
                    if len(recent) < 5000:
                        recent.append((s_idx, lang, text))
                    else:
                        recent[rng.randrange(5000)] = (s_idx, lang, text)
                article, spans = self._article(rng, article_no, lang, picks, speakers, outlets[lang])
                articles.append(article)
                pending.append(spans)
            with transaction.atomic():
                Article.objects.bulk_create(articles, batch_size=1000)
                rows = []
                for article, spans in zip(articles, pending, strict=True):
                    for s_idx, start, end, text in spans:
                        speaker, names = speakers[s_idx]
                        rows.append(
                            Quote(
                                article=article,
                                document_length=len(article.document),
                                quote_start=start,
                                quote_end=end,
                                quote_text=text,
                                kind=rng.choice(KINDS),
                                speaker=speaker,
                                confidence=round(rng.uniform(0.5, 1.0), 2),
                                rule="synthetic",
                                status=rng.choice(STATUSES),
                                search_text=search_text_for(text, names),
                                search_config=search_config_for(article.language),
                                article_published=article.published,
                            )
                        )
                Quote.objects.bulk_create(rows, batch_size=2000)
            made += len(rows)
            self.stdout.write(f"{made:,} quotes, {article_no:,} articles, {time.monotonic() - started:.0f} s")
        self.stdout.write(self.style.SUCCESS(f"done: {made:,} quotes in {time.monotonic() - started:.0f} s"))

    def _speakers(self, rng) -> list[tuple[Speaker, list[str]]]:
        out = []
        people = [(en, ar, en.split()[-1], ar.split()[-1], "person") for en, ar in self._names(rng)]
        for en, ar, en_short, ar_short, kind in [*FAMOUS, *people]:
            speaker = Speaker.objects.filter(name=en).first() or Speaker.objects.create(name=en, kind=kind)
            names = [n for n in (en, ar, en_short, ar_short) if n]
            for name in names:
                SpeakerAlias.objects.get_or_create(
                    speaker=speaker,
                    normalized=normalize_name(name),
                    defaults={
                        "alias": name,
                        "language": "ar" if any("\u0600" <= c <= "\u06ff" for c in name) else "en",
                    },
                )
            out.append((speaker, names))
        return out

    def _names(self, rng):
        pairs = [(f"{f[0]} {la[0]}", f"{f[1]} {la[1]}") for f in FIRST for la in LAST]
        rng.shuffle(pairs)
        return pairs

    def _statement(self, rng, lang: str) -> str:
        v = AR if lang == "ar" else EN
        parts = [rng.choice(v["subj"]), rng.choice(v["verb"]), rng.choice(v["obj"]), rng.choice(v["tail"])]
        if rng.random() < 0.4:
            second = [rng.choice(v["verb"]), rng.choice(v["obj"])]
            parts += ["و" + second[0], second[1]] if lang == "ar" else ["and", *second]
        return " ".join(p for p in parts if p)

    def _reword(self, rng, text: str) -> str:
        """The same statement as another outlet reports it: usually verbatim, sometimes a word off."""
        words = text.split()
        if rng.random() < 0.7 or len(words) < 5:
            return text
        i = rng.randrange(1, len(words))
        return " ".join(words[:i] + words[i + 1 :])

    def _article(self, rng, number, lang, picks, speakers, outlets):
        v = AR if lang == "ar" else EN
        outlet = rng.choice(outlets)
        published = START + dt.timedelta(days=rng.randrange(DAYS))
        lead_names = speakers[picks[0][0]][1]
        lead = lead_names[1] if lang == "ar" and len(lead_names) > 1 else lead_names[0]
        title = rng.choice(v["title"]).format(s=lead, o=rng.choice(v["obj"]))
        paragraphs = [f"{'تقرير' if lang == 'ar' else 'Report'} {number} · {outlet.name}"]
        spans = []
        title_offset = len(title) + 1
        body_len = len(paragraphs[0]) + 1
        for s_idx, text in picks:
            names = speakers[s_idx][1]
            ar_names = [n for n in names if any("\u0600" <= c <= "\u06ff" for c in n)]
            en_names = [n for n in names if n not in ar_names]
            who = rng.choice(ar_names or names) if lang == "ar" else rng.choice(en_names or names)
            cue = rng.choice(v["cue"])
            prefix = f"{cue} {who} إنّ «" if lang == "ar" else f"{who} {cue}: “"
            suffix = "»." if lang == "ar" else ".”"
            start = title_offset + body_len + len(prefix)
            spans.append((s_idx, start, start + len(text), text))
            paragraph = prefix + text + suffix
            paragraphs.append(paragraph)
            body_len += len(paragraph) + 1
        body = "\n".join(paragraphs)
        digest = hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()
        article = Article(
            outlet=outlet,
            url=f"https://{outlet.domain}/news/{number}",
            title=title,
            published=published,
            language=lang,
            body=body,
            content_hash=digest,
            status=Article.Status.DETECTED,
            detection_backend="synthetic",
        )
        return article, spans
