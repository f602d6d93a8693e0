"""Search across quotes, and quote-sheet exports (search, speaker, article)."""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from tracker.forms_search import EXPORT_FORMATS, quote_query_from
from tracker.models import Article, Quote
from tracker.search import SearchPaginator, quote_search
from tracker.services import exports
from tracker.statements import statement_versions
from tracker.views.params import bad_parameters_are_400

PAGE_SIZE = 20


@require_GET
@bad_parameters_are_400
def search(request):
    form, query = quote_query_from(request.GET)
    page = SearchPaginator(query, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {"form": form, "page": page, "q": query.q, "querystring": params.urlencode()}
    template = "search/search.html#results" if request.htmx and not request.htmx.boosted else "search/search.html"
    return render(request, template, context)


def export_response(request, qs, *, name: str, title: str, subtitle: str = ""):
    fmt = request.GET.get("format", "csv")
    if fmt not in EXPORT_FORMATS:
        return HttpResponseBadRequest(f"format must be one of {', '.join(EXPORT_FORMATS)}")
    link_base = request.build_absolute_uri("/").rstrip("/")
    filename = f"{slugify(name, allow_unicode=False) or 'quotes'}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.csv_stream(qs, link_base=link_base), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "json":
        response = StreamingHttpResponse(
            exports.json_stream(qs, link_base=link_base), content_type="application/json; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.xlsx_bytes(qs, link_base=link_base, title=title),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(
            exports.pdf_bytes(qs, link_base=link_base, title=title, subtitle=subtitle),
            content_type="application/pdf",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@bad_parameters_are_400
def search_export(request):
    _, query = quote_query_from(request.GET)
    subtitle = f"Search: {query.q}" if query.q else "All quotes"
    return export_response(request, quote_search(query), name="quotes", title="Quote sheet", subtitle=subtitle)


@require_GET
@bad_parameters_are_400
def article_export(request, article_id: int):
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=article_id)
    _, query = quote_query_from(request.GET, article=article.pk, sort="date")
    subtitle = " · ".join(str(x) for x in (article.outlet or "", article.published or "") if x)
    return export_response(
        request, quote_search(query), name=f"article-{article.pk}", title=article.title, subtitle=subtitle
    )


@require_GET
def quote_versions(request, quote_id: int):
    """The statement a quote belongs to: who else reported it, first appearance, wording diffs."""
    quote = get_object_or_404(Quote.objects.select_related("speaker", "via", "article", "article__outlet"), pk=quote_id)
    statement = statement_versions(quote=quote)
    partial = request.htmx and not request.htmx.boosted
    template = "search/statement.html#versions" if partial else "search/statement.html"
    return render(request, template, {"statement": statement, "quote": quote})
