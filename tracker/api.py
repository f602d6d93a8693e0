"""Read-only JSON API (django-ninja): quotes with the same filters as search, speakers, articles.
OpenAPI schema at /api/openapi.json. Authentication: a logged-in session, or
``Authorization: Bearer <token>`` with a token made on /account/tokens/ or by
``manage.py api_token USERNAME`` (tracker.services.tokens). Either way the user needs the
view_quote permission (every role has it); the schema needs the same."""

import datetime as dt
from functools import wraps

from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import APIKeyCookie, HttpBearer

from tracker import selectors, selectors_speakers
from tracker.forms_search import ID_MAX
from tracker.models import Article, Quote, Speaker
from tracker.search import QuoteQuery, quote_search
from tracker.services.tokens import api_token_authenticate

PERMISSION = "tracker.view_quote"
LIMIT_MAX = 1000
# offset + limit must stay a 64-bit integer on both databases; no listing comes near this.
OFFSET_MAX = 10**12


def _allowed(user):
    return user if user is not None and user.is_active and user.has_perm(PERMISSION) else None


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = _allowed(api_token_authenticate(raw=token))
        if user is not None:
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The browser's login session; read-only GETs need no CSRF token."""

    param_name = "sessionid"

    def __init__(self):
        super().__init__(csrf=False)

    def authenticate(self, request, key):
        return _allowed(request.user) if request.user.is_authenticated else None


AUTHS = [TokenAuth(), SessionAuth()]


def readers_only(view):
    """The schema, like the data, for a signed-in reader or a valid token only."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not any(auth(request) for auth in AUTHS):
            return JsonResponse({"detail": "Unauthorized"}, status=401)
        return view(request, *args, **kwargs)

    return wrapper


api = NinjaAPI(
    title="Who said what",
    version="1",
    description="Read-only access to quotes, speakers and articles.",
    auth=AUTHS,
    urls_namespace="api",
    docs_url=None,
    docs_decorator=readers_only,
)


@api.exception_handler(ValidationError)
def bad_parameters(request, exc):
    """A parameter of the wrong type or out of range: 400, with pydantic's account of each."""
    return api.create_response(request, {"detail": exc.errors}, status=400)


class Pagination(LimitOffsetPagination):
    """limit and offset bounded, so that no slice overflows the database's integers."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=LIMIT_MAX)
        offset: int = Field(0, ge=0, le=OFFSET_MAX)


class OutletOut(Schema):
    id: int
    name: str


class SpeakerRef(Schema):
    id: int
    name: str
    kind: str


class ArticleRef(Schema):
    id: int
    title: str
    url: str | None
    published: dt.date | None
    language: str
    outlet: OutletOut | None


class QuoteOut(Schema):
    id: int
    text: str = Field(..., alias="quote_text")
    kind: str
    status: str
    speaker: SpeakerRef | None
    via: SpeakerRef | None
    article: ArticleRef
    link: str
    rank: float | None = None

    @staticmethod
    def resolve_link(obj) -> str:
        return f"/articles/{obj.article_id}/#quote-{obj.pk}"

    @staticmethod
    def resolve_rank(obj) -> float | None:
        return getattr(obj, "rank", None)


class AliasOut(Schema):
    alias: str
    language: str


class SpeakerOut(Schema):
    id: int
    name: str
    kind: str
    description: str
    wikidata_id: str
    quote_count: int = 0
    aliases: list[AliasOut]

    @staticmethod
    def resolve_aliases(obj):
        return list(obj.aliases.all())

    @staticmethod
    def resolve_quote_count(obj) -> int:
        return getattr(obj, "quote_count", 0)


class ArticleOut(ArticleRef):
    byline: str
    status: str
    quote_count: int = 0

    @staticmethod
    def resolve_quote_count(obj) -> int:
        return getattr(obj, "quote_count", 0)


class QuoteFilters(Schema):
    q: str = ""
    speaker: int | None = Field(None, ge=1, le=ID_MAX)
    outlet: int | None = Field(None, ge=1, le=ID_MAX)
    article: int | None = Field(None, ge=1, le=ID_MAX)
    language: str = ""
    kind: str = ""
    status: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = Field("", description="relevance (default with q), -date (default) or date")
    accepted: bool = False


class ArticleFilters(Schema):
    language: str = ""
    status: str = ""
    outlet: int | None = Field(None, ge=1, le=ID_MAX)


@api.get("/quotes", response=list[QuoteOut], tags=["quotes"])
@paginate(Pagination)
def quotes(request, filters: Query[QuoteFilters]):
    """Quotes; the same query parameters as /search/."""
    return quote_search(QuoteQuery(**filters.dict()))


@api.get("/quotes/{quote_id}", response=QuoteOut, tags=["quotes"])
def quote(request, quote_id: int):
    return get_object_or_404(Quote.objects.select_related("speaker", "via", "article", "article__outlet"), pk=quote_id)


@api.get("/speakers", response=list[SpeakerOut], tags=["speakers"])
@paginate(Pagination)
def speakers(request, q: str = "", kind: str = ""):
    """Speakers, most quoted first; ``q`` matches any alias, in any script."""
    return selectors_speakers.speaker_list(q=q, kind=kind)


@api.get("/speakers/{speaker_id}", response=SpeakerOut, tags=["speakers"])
def speaker(request, speaker_id: int):
    return get_object_or_404(
        Speaker.objects.prefetch_related("aliases").annotate(
            quote_count=Count("quotes", filter=~Q(quotes__status=Quote.Status.REJECTED))
        ),
        pk=speaker_id,
    )


@api.get("/speakers/{speaker_id}/quotes", response=list[QuoteOut], tags=["speakers"])
@paginate(Pagination)
def speaker_quotes(request, speaker_id: int, filters: Query[QuoteFilters]):
    get_object_or_404(Speaker, pk=speaker_id)
    return quote_search(QuoteQuery(**{**filters.dict(), "speaker": speaker_id}))


@api.get("/articles", response=list[ArticleOut], tags=["articles"])
@paginate(Pagination)
def articles(request, filters: Query[ArticleFilters]):
    return selectors.article_list(
        language=filters.language or None, status=filters.status or None, outlet_id=filters.outlet
    )


@api.get("/articles/{article_id}", response=ArticleOut, tags=["articles"])
def article(request, article_id: int):
    return get_object_or_404(Article.objects.select_related("outlet"), pk=article_id)
