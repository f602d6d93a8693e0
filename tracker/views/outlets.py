"""Outlets and their feeds: the last fetch, its errors and counts; adding a feed, fetching now."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from tracker import selectors_outlets as selectors
from tracker.models import Feed, Outlet
from tracker.services.articles import ImportRejected
from tracker.services.feeds import feed_add

ADD_FEED_PERMISSION = "tracker.add_feed"  # admins
FETCH_PERMISSION = "tracker.add_article"  # editors: the same as importing by URL


class FeedForm(forms.Form):
    url = forms.URLField(
        label="Feed URL (RSS or Atom)",
        max_length=2000,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"dir": "ltr", "placeholder": "https://"}),
    )


@require_GET
def outlet_list(request):
    page = Paginator(selectors.outlet_list(), 50).get_page(request.GET.get("page"))
    return render(request, "outlets/list.html", {"page": page})


def _detail(request, outlet, *, form=None, status=200):
    context = {
        "outlet": outlet,
        "feeds": selectors.outlet_feeds(outlet=outlet),
        "items": selectors.feed_items_recent(outlet=outlet),
        "form": form or FeedForm(),
        "can_add_feed": request.user.has_perm(ADD_FEED_PERMISSION),
        "can_fetch": request.user.has_perm(FETCH_PERMISSION),
        "article_count": outlet.articles.count(),
    }
    return render(request, "outlets/detail.html", context, status=status)


@require_GET
def outlet_detail(request, outlet_id: int):
    return _detail(request, get_object_or_404(Outlet, pk=outlet_id))


@require_POST
@permission_required(ADD_FEED_PERMISSION, raise_exception=True)
def outlet_feed_add(request, outlet_id: int):
    outlet = get_object_or_404(Outlet, pk=outlet_id)
    form = FeedForm(request.POST)
    if form.is_valid():
        try:
            feed = feed_add(outlet=outlet, url=form.cleaned_data["url"])
        except ImportRejected as exc:
            form.add_error("url", exc)
        else:
            messages.success(request, f"Feed added: {feed.url}. Fetch it now or let the scheduled fetch take it.")
            return redirect("outlet-detail", outlet_id=outlet.pk)
    return _detail(request, outlet, form=form, status=400)


@require_POST
@permission_required(FETCH_PERMISSION, raise_exception=True)
def feed_fetch_now(request, feed_id: int):
    from tracker.tasks import fetch_feeds

    feed = get_object_or_404(Feed, pk=feed_id)
    result = fetch_feeds.enqueue(feed_ids=[feed.pk])
    if result.is_finished:
        feed.refresh_from_db()
        if feed.last_error:
            messages.error(request, f"The feed could not be fetched: {feed.last_error}")
        else:
            messages.success(request, f"Feed fetched: {feed.last_new} new article{'s' if feed.last_new != 1 else ''}.")
    else:
        messages.info(request, "Fetch queued: a worker fetches the feed in a moment; reload to see the result.")
    return redirect("outlet-detail", outlet_id=feed.outlet_id)
