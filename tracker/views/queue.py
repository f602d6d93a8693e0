"""The work queue: "Next article" and assignments (tracker.services.queue)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from tracker.models import Article
from tracker.selectors_queue import editor_list
from tracker.services.queue import REVIEW_PERMISSION, article_assign, article_next_take


class NextForm(forms.Form):
    skip = forms.IntegerField(required=False, min_value=1, max_value=2**62)


class AssignForm(forms.Form):
    # "me", "" (nobody) or an editor's id.
    assignee = forms.CharField(required=False, max_length=20)
    next = forms.CharField(required=False, max_length=2000)


def _back(request, target: str | None):
    # Only a path on this site; redirect() would also take a bare word for a view name.
    if (
        target
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    ):
        return HttpResponseRedirect(target)
    return redirect("home")


@require_POST
@permission_required(REVIEW_PERMISSION, raise_exception=True)
def queue_next(request):
    form = NextForm(request.POST)
    skip = form.cleaned_data["skip"] if form.is_valid() else None
    article = article_next_take(user=request.user, skip_id=skip)
    if article is None:
        messages.info(request, "Nothing left to review: every article is reviewed, assigned to someone else or taken.")
        return redirect("home")
    until = article.locked_until.strftime("%H:%M")
    messages.success(request, f"Next article: yours until {until} UTC; others' “Next article” passes it over.")
    return redirect("article-detail", article_id=article.pk)


@require_POST
@permission_required(REVIEW_PERMISSION, raise_exception=True)
def article_assign_view(request, article_id: int):
    article = get_object_or_404(Article, pk=article_id)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose who to assign the article to.")
        return redirect("home")
    value = form.cleaned_data["assignee"].strip()
    if value == "me":
        assignee = request.user
    elif value == "":
        assignee = None
    else:
        assignee = editor_list().filter(pk=int(value)).first() if value.isdigit() and len(value) < 19 else None
        if assignee is None:
            messages.error(request, "That user is not an editor.")
            return _back(request, form.cleaned_data["next"])
    try:
        article_assign(article=article, assignee=assignee, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        who = "you" if assignee == request.user else assignee.get_username() if assignee else "nobody"
        messages.success(request, f"“{article.title[:80]}” is assigned to {who}.")
    return _back(request, form.cleaned_data["next"])
