from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from tracker.api import api
from tracker.views import account, articles, dashboard, ops, outlets, queue, review, search, speakers

urlpatterns = [
    path("", articles.home, name="home"),
    path("articles/new/", articles.article_new, name="article-new"),
    path("articles/upload/", articles.article_upload, name="article-upload"),
    path("articles/import-url/", articles.article_import_url_view, name="article-import-url"),
    path("articles/<int:article_id>/", review.article_review, name="article-detail"),
    path("articles/<int:article_id>/assign/", queue.article_assign_view, name="article-assign"),
    path("queue/next/", queue.queue_next, name="queue-next"),
    # The review page's actions (tracker.views.review).
    path("articles/<int:article_id>/quotes/new/", review.quote_new, name="quote-new"),
    path("articles/<int:article_id>/quotes/<int:quote_id>/", review.quote_card, name="quote-card"),
    path("articles/<int:article_id>/quotes/<int:quote_id>/accept/", review.quote_accept, name="quote-accept"),
    path("articles/<int:article_id>/quotes/<int:quote_id>/reject/", review.quote_reject, name="quote-reject"),
    path("articles/<int:article_id>/quotes/<int:quote_id>/kind/", review.quote_kind, name="quote-kind"),
    path("articles/<int:article_id>/quotes/<int:quote_id>/speaker/", review.quote_speaker, name="quote-speaker"),
    path("articles/<int:article_id>/quotes/<int:quote_id>/via/", review.quote_via, name="quote-via"),
    path("articles/<int:article_id>/quotes/<int:quote_id>/span/", review.quote_span, name="quote-span"),
    path("articles/<int:article_id>/quotes/<int:quote_id>/delete/", review.quote_delete, name="quote-delete"),
    path("articles/<int:article_id>/undo/", review.article_undo, name="review-undo"),
    path("articles/<int:article_id>/accept-all/", review.article_accept_all, name="review-accept-all"),
    path("articles/<int:article_id>/reject-rule/", review.article_reject_rule, name="review-reject-rule"),
    path("articles/<int:article_id>/reviewed/", review.article_reviewed, name="review-done"),
    path("articles/<int:article_id>/progress/", review.article_progress, name="review-progress"),
    path("articles/<int:article_id>/redetect/", review.article_redetect, name="review-redetect"),
    path(
        "articles/<int:article_id>/quotes/<int:quote_id>/speaker/alias/",
        review.quote_speaker_alias,
        name="quote-speaker-alias",
    ),
    path(
        "articles/<int:article_id>/quotes/<int:quote_id>/speaker/merge/",
        review.quote_speaker_merge,
        name="quote-speaker-merge",
    ),
    path("review/speaker-suggest/", review.speaker_suggest, name="speaker-suggest"),
    path("articles/<int:article_id>/export/", search.article_export, name="article-export"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("outlets/", outlets.outlet_list, name="outlet-list"),
    path("outlets/<int:outlet_id>/", outlets.outlet_detail, name="outlet-detail"),
    path("outlets/<int:outlet_id>/feeds/", outlets.outlet_feed_add, name="outlet-feed-add"),
    path("feeds/<int:feed_id>/fetch/", outlets.feed_fetch_now, name="feed-fetch"),
    path("search/", search.search, name="search"),
    path("search/export/", search.search_export, name="search-export"),
    path("quotes/<int:quote_id>/versions/", search.quote_versions, name="quote-versions"),
    path("speakers/", speakers.speaker_list, name="speaker-list"),
    path("speakers/<int:speaker_id>/", speakers.speaker_detail, name="speaker-detail"),
    path("speakers/<int:speaker_id>/export/", speakers.speaker_export, name="speaker-export"),
    path("speakers/<int:speaker_id>/aliases/", speakers.speaker_alias_create_view, name="speaker-alias-create"),
    path(
        "speakers/<int:speaker_id>/aliases/restore/<int:history_id>/",
        speakers.speaker_alias_restore_view,
        name="speaker-alias-restore",
    ),
    path(
        "speakers/<int:speaker_id>/aliases/<int:alias_id>/delete/",
        speakers.speaker_alias_delete,
        name="speaker-alias-delete",
    ),
    path("speakers/<int:speaker_id>/merge/", speakers.speaker_merge_view, name="speaker-merge"),
    path("speakers/<int:speaker_id>/facts/", speakers.speaker_facts, name="speaker-facts"),
    path("speakers/merges/<int:merge_id>/undo/", speakers.speaker_merge_undo_view, name="speaker-merge-undo"),
    path("account/tokens/", account.api_tokens, name="api-tokens"),
    path("account/tokens/<int:token_id>/revoke/", account.api_token_revoke_view, name="api-token-revoke"),
    path("health", ops.health, name="health"),
    path(
        "accounts/login/",
        # In development the page names the demo account that `make run` creates.
        login_not_required(auth_views.LoginView.as_view(extra_context={"demo_hint": settings.DEBUG})),
        name="login",
    ),
    path("accounts/logout/", login_not_required(auth_views.LogoutView.as_view()), name="logout"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]

handler400 = "tracker.views.errors.bad_request"
