from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.shortcuts import redirect
from simple_history.admin import SimpleHistoryAdmin

from tracker.attribution.text import normalize_name
from tracker.models import Article, Outlet, Quote, Speaker, SpeakerAlias
from tracker.roles import ADMIN, EDITOR, ROLES, VIEWER
from tracker.services import quotes as quote_services
from tracker.services.users import user_role_set

User = get_user_model()
ROLE_LABELS = {
    VIEWER: "Viewer: reads",
    EDITOR: "Editor: also imports and reviews",
    ADMIN: "Admin: also manages speakers and users",
}
ROLE_CHOICES = [(role, ROLE_LABELS[role]) for role in ROLES]


def _role_field() -> forms.ChoiceField:
    # One required choice instead of the groups box: saving a form cannot drop a role by omission.
    return forms.ChoiceField(choices=ROLE_CHOICES, widget=forms.RadioSelect, help_text="Exactly one role.")


def _current_role(user) -> str | None:
    if user is None or user.pk is None:
        return None
    return user.groups.filter(name__in=ROLES).values_list("name", flat=True).first()


class RoleChangeForm(UserChangeForm):
    role = _role_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].initial = _current_role(self.instance)


class RoleCreationForm(AdminUserCreationForm):
    role = _role_field()


admin.site.unregister(User)


@admin.register(User)
class RoleUserAdmin(UserAdmin):
    """Users get exactly one role, set through tracker.services.users.user_role_set. Nobody can
    give more than they hold: only superusers grant superuser status or single permissions, or
    change a superuser's account (its password included)."""

    form = RoleChangeForm
    add_form = RoleCreationForm
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Personal info", {"fields": ("first_name", "last_name", "email")}),
        ("Role", {"fields": ("role", "is_active", "is_staff", "is_superuser", "user_permissions")}),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "usable_password", "password1", "password2", "role")}),
    )
    filter_horizontal = ("user_permissions",)

    def get_readonly_fields(self, request, obj=None):
        readonly = ["is_staff", "last_login", "date_joined"]  # staff follows the role
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user_role_set(user=form.instance, role=form.cleaned_data["role"])


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


class QuoteAdminForm(forms.ModelForm):
    # The version the admin saw: a quote saved by someone else meanwhile is not overwritten.
    seen_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Quote
        fields = list(quote_services.ADMIN_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and cleaned.get("seen_version") != self.instance.version:
            raise forms.ValidationError(
                f"Someone changed this quote after you opened it (it is now at version {self.instance.version}): "
                "reload the page to see their change."
            )
        return cleaned


@admin.register(Quote)
class QuoteAdmin(SimpleHistoryAdmin):
    """Quotes are created by detection and the review page; here an admin corrects the kind,
    speaker, via or status. The text and the spans are read-only: they index the article."""

    form = QuoteAdminForm
    list_display = ["quote_text", "speaker", "kind", "status", "origin", "confidence", "article"]
    list_filter = ["kind", "status", "origin", "article__language"]
    search_fields = ["quote_text", "speaker__name", "speaker__aliases__normalized", "article__title"]
    raw_id_fields = ["article", "speaker", "via", "reviewed_by"]
    fields = [
        "article",
        "quote_text",
        "quote_start",
        "quote_end",
        *quote_services.ADMIN_FIELDS,
        "seen_version",
        "speaker_text",
        "cue_text",
        "rule",
        "origin",
        "reviewed_by",
        "reviewed_at",
        "version",
        "created_at",
        "updated_at",
    ]
    readonly_fields = [
        "article",
        "quote_text",
        "quote_start",
        "quote_end",
        "speaker_text",
        "cue_text",
        "rule",
        "origin",
        "reviewed_by",
        "reviewed_at",
        "version",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        try:
            quote_services.quote_admin_update(
                quote=obj,
                expected_version=form.cleaned_data["seen_version"],
                user=request.user,
                fields=form.changed_data,
            )
        except quote_services.Conflict as exc:
            request._quote_conflict = exc  # someone saved between the form's check and this write

    def response_change(self, request, obj):
        conflict = getattr(request, "_quote_conflict", None)
        if conflict is not None:
            messages.error(
                request, f"Not saved: someone changed this quote first (now version {conflict.current.version})."
            )
            return redirect(request.path)
        return super().response_change(request, obj)
