from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from tracker import selectors
from tracker.forms import ArticleFilterForm, ArticleForm, UploadForm, UrlImportForm
from tracker.forms_search import id_params_check
from tracker.selectors_queue import editor_list
from tracker.services.articles import ImportRejected, article_import
from tracker.services.imports import import_file
from tracker.services.queue import ASSIGN_PERMISSION, REVIEW_PERMISSION
from tracker.services.url_import import article_import_url
from tracker.views.params import bad_parameters_are_400

IMPORT_URL_PERMISSION = "tracker.add_article"  # editors: the server fetches what they ask for


def _import_page(request, *, form=None, upload_form=None, url_form=None, status=200):
    context = {
        "form": form or ArticleForm(),
        "upload_form": upload_form or UploadForm(),
        "url_form": url_form or UrlImportForm(),
        "can_import_url": request.user.has_perm(IMPORT_URL_PERMISSION),
    }
    return render(request, "articles/new.html", context, status=status)


@bad_parameters_are_400
def home(request):
    id_params_check(request.GET, ("outlet",))
    form = ArticleFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    outlet = filters.get("outlet")
    articles = selectors.article_list(
        language=filters.get("language"),
        status=filters.get("status"),
        outlet_id=outlet.pk if outlet else None,
        pending=bool(filters.get("pending")),
        queue=filters.get("queue") or None,
        user=request.user,
    )
    page = Paginator(articles, 25).get_page(request.GET.get("page"))
    template = "articles/list.html#article-table" if request.htmx else "articles/list.html"
    context = {
        "page": page,
        "filter_form": form,
        "progress": selectors.detection_progress(),
        "queue": filters.get("queue") or "",
        "queue_tabs": form.fields["queue"].choices,
        "can_review": request.user.has_perm(REVIEW_PERMISSION),
        "can_assign": request.user.has_perm(ASSIGN_PERMISSION),
        "now": timezone.now(),
    }
    if context["can_assign"]:
        context["editors"] = list(editor_list())
    return render(request, template, context)


# Importing is the editors' job: viewers only read.
@login_required
@permission_required("tracker.add_article", raise_exception=True)
@require_http_methods(["GET", "POST"])
def article_new(request):
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = article_import(
                title=data["title"],
                body=data["text"],
                outlet=data["outlet"] or None,
                url=data["url"] or None,
                published=data["published"],
                language=data["language"] or None,
                created_by=request.user,
            )
        except ImportRejected as exc:
            form.add_error(None, exc)
        else:
            if result.created:
                messages.success(request, "Article imported.")
            else:
                messages.info(request, "This article was already here; showing the stored copy.")
            return redirect("article-detail", article_id=result.article.pk)
    return _import_page(request, form=form)


@permission_required(IMPORT_URL_PERMISSION, raise_exception=True)
@require_http_methods(["POST"])
def article_import_url_view(request):
    form = UrlImportForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = article_import_url(
                url=data["url"],
                outlet=data["outlet"] or None,
                language=data["language"] or None,
                created_by=request.user,
            )
        except ImportRejected as exc:
            form.add_error("url", exc)
        else:
            if result.created:
                messages.success(request, "Article imported from the link.")
            else:
                messages.info(request, "This article was already here; showing the stored copy.")
            return redirect("article-detail", article_id=result.article.pk)
    return _import_page(request, url_form=form, status=400)


@login_required
@permission_required("tracker.add_article", raise_exception=True)
@require_http_methods(["POST"])
def article_upload(request):
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _import_page(request, upload_form=form, status=400)
    upload = form.cleaned_data["file"]
    defaults = {k: v for k in ("outlet", "language") if (v := form.cleaned_data.get(k))}
    summary = import_file(name=upload.name, data=upload.read(), created_by=request.user, defaults=defaults)
    for rejection in summary.rejected:
        messages.error(request, str(rejection))
    if summary.imported or summary.duplicates:
        messages.success(
            request, f"{len(summary.imported)} imported, {len(summary.duplicates)} already here (skipped)."
        )
    if len(summary.imported) + len(summary.duplicates) == 1 and not summary.rejected:
        return redirect("article-detail", article_id=(summary.imported or summary.duplicates)[0])
    if not summary.imported and not summary.duplicates:
        return _import_page(request, upload_form=form, status=400)
    return redirect("home")
