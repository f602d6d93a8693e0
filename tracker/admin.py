from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tracker.attribution.text import normalize_name
from tracker.models import Article, Outlet, Quote, Speaker, SpeakerAlias


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "language"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "outlet", "language", "published", "status"]
    list_filter = ["language", "status", "outlet"]
    search_fields = ["title", "url", "outlet__name"]
    date_hierarchy = "published"
    # The text is the reference for every stored offset: it is never edited after import.
    readonly_fields = ["title", "body", "content_hash", "language", "created_by", "created_at", "updated_at"]
    raw_id_fields = ["outlet"]


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 1
    fields = ["alias", "language", "normalized"]
    readonly_fields = ["normalized"]


@admin.register(Speaker)
class SpeakerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "description", "wikidata_id"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__alias", "aliases__normalized", "description"]
    inlines = [SpeakerAliasInline]

    def get_search_results(self, request, queryset, search_term):
        # Arabic-insensitive: also look the term up by its normalised alias form.
        qs, distinct = super().get_search_results(request, queryset, search_term)
        key = normalize_name(search_term)
        if key:
            qs = qs | queryset.filter(aliases__normalized__contains=key)
            distinct = True
        return qs, distinct

    def save_formset(self, request, form, formset, change):
        for alias in formset.save(commit=False):
            alias.normalized = normalize_name(alias.alias)
            alias.save()
        for obj in formset.deleted_objects:
            obj.delete()


@admin.register(SpeakerAlias)
class SpeakerAliasAdmin(SimpleHistoryAdmin):
    list_display = ["alias", "speaker", "language", "normalized"]
    search_fields = ["alias", "normalized", "speaker__name"]
    readonly_fields = ["normalized"]
    raw_id_fields = ["speaker"]

    def save_model(self, request, obj, form, change):
        obj.normalized = normalize_name(obj.alias)
        super().save_model(request, obj, form, change)


@admin.register(Quote)
class QuoteAdmin(SimpleHistoryAdmin):
    list_display = ["quote_text", "speaker", "kind", "status", "origin", "confidence", "article"]
    list_filter = ["kind", "status", "origin", "article__language"]
    search_fields = ["quote_text", "speaker__name", "speaker__aliases__normalized", "article__title"]
    raw_id_fields = ["article", "speaker", "via", "reviewed_by"]
    readonly_fields = ["document_length", "version", "created_at", "updated_at"]
