import factory
from django.contrib.auth import get_user_model

from tracker.attribution.text import normalize_name
from tracker.models import Article, Outlet, Quote, Speaker, SpeakerAlias
from tracker.services.articles import content_hash


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pass")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")
    domain = factory.Sequence(lambda n: f"outlet{n}.example")
    language = "en"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    outlet = factory.SubFactory(OutletFactory)
    title = factory.Sequence(lambda n: f"Minister speaks on day {n}")
    body = factory.Sequence(lambda n: f'The minister said on day {n} that "talks will go on".\nNothing else happened.')
    language = "en"
    content_hash = factory.LazyAttribute(lambda a: content_hash(a.title, a.body))


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")
    kind = Speaker.Kind.PERSON


class SpeakerAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpeakerAlias

    speaker = factory.SubFactory(SpeakerFactory)
    alias = factory.LazyAttribute(lambda a: a.speaker.name)
    normalized = factory.LazyAttribute(lambda a: normalize_name(a.alias))


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    document_length = factory.LazyAttribute(lambda q: len(q.article.document))
    quote_start = factory.LazyAttribute(lambda q: q.article.document.index("talks"))
    quote_end = factory.LazyAttribute(lambda q: q.quote_start + len("talks will go on"))
    quote_text = factory.LazyAttribute(lambda q: q.article.document[q.quote_start : q.quote_end])
    kind = Quote.Kind.MIXED
    speaker = factory.SubFactory(SpeakerFactory)


def quote_with_text(
    text: str,
    *,
    language: str = "en",
    speaker: Speaker | None = None,
    via: Speaker | None = None,
    outlet: Outlet | None = None,
    published=None,
    status: str = Quote.Status.PENDING,
    kind: str = Quote.Kind.DIRECT,
    aliases: tuple[str, ...] = (),
) -> Quote:
    """A quote saying ``text`` in an article of its own, indexed for search as the services do."""
    from tracker.services.search import quote_search_text_refresh

    article = ArticleFactory(
        body=f"Report {Article.objects.count() + 1}.\n«{text}»",
        language=language,
        published=published,
        **({"outlet": outlet} if outlet is not None else {}),
    )
    start = article.document.index(text)
    for alias in aliases:
        SpeakerAliasFactory(speaker=speaker, alias=alias)
    quote = QuoteFactory(
        article=article,
        quote_start=start,
        quote_end=start + len(text),
        speaker=speaker,
        via=via,
        status=status,
        kind=kind,
    )
    quote_search_text_refresh(quote_ids=[quote.pk])
    quote.refresh_from_db()
    return quote
