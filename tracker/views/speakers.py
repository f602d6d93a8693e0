"""Speaker list and pages; alias management and merges (editors, checked here on the server)."""

from __future__ import annotations

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from tracker import selectors_speakers as selectors
from tracker.forms_search import quote_query_from
from tracker.models import Language, Speaker, SpeakerAlias, SpeakerMerge
from tracker.search import SearchPaginator, quote_search
from tracker.selectors_facts import speaker_gender_suggestion
from tracker.services.speaker_facts import speaker_facts_set
from tracker.services.speakers import (
    SpeakerChangeRefused,
    speaker_alias_create,
    speaker_alias_remove,
    speaker_alias_restore,
    speaker_duplicates_suggest,
    speaker_find,
    speaker_merge,
    speaker_merge_undo,
)
from tracker.views.params import bad_parameters_are_400
from tracker.views.search import export_response

# Editors manage aliases and merges (tracker/roles.py); the server checks it on every request.
MANAGE_PERMISSION = "tracker.change_speakeralias"
MERGE_PERMISSION = "tracker.change_speaker"
FACTS_PERMISSION = "tracker.change_quote"  # editors set kind, gender and Wikidata id


def can_manage(user) -> bool:
    return user.is_authenticated and user.has_perm(MANAGE_PERMISSION)


def editor_required(permission: str):
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied("Only editors manage speakers.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class AliasForm(forms.Form):
    alias = forms.CharField(max_length=300, widget=forms.TextInput(attrs={"dir": "auto"}))
    language = forms.ChoiceField(required=False, choices=[("", "—"), *Language.choices])


class FactsForm(forms.Form):
    kind = forms.ChoiceField(choices=Speaker.Kind.choices)
    gender = forms.ChoiceField(choices=Speaker.Gender.choices, required=False)
    wikidata_id = forms.CharField(
        max_length=200,
        required=False,
        label="Wikidata id",
        widget=forms.TextInput(attrs={"dir": "ltr", "placeholder": "Q42"}),
    )


class MergeForm(forms.Form):
    """The speaker to merge in: picked in the typeahead (``source``) or, without JavaScript,
    typed by any of its names (``source_name``)."""

    source = forms.ModelChoiceField(queryset=Speaker.objects.all(), required=False, widget=forms.HiddenInput)
    source_name = forms.CharField(
        max_length=300,
        required=False,
        label="Speaker to merge into this one",
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off", "placeholder": "Any of its names"}),
    )

    def clean(self):
        data = super().clean()
        if not data.get("source"):
            data["source"] = speaker_find(name=data.get("source_name") or "")
        if data["source"] is None:
            raise forms.ValidationError("Choose the speaker to merge from the suggestions (type any of its names).")
        return data


def _next(request, fallback: str) -> str:
    """Where to go back to: a page of this site the form named, or ``fallback``."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@require_GET
def speaker_list(request):
    q, kind = request.GET.get("q", "")[:300], request.GET.get("kind", "")
    page = Paginator(selectors.speaker_list(q=q, kind=kind), 50).get_page(request.GET.get("page"))
    context = {"page": page, "q": q, "kind": kind, "kinds": Speaker.Kind.choices}
    if can_manage(request.user):
        context["duplicates"] = speaker_duplicates_suggest(limit=20)
    template = "speakers/list.html#speaker-table" if request.htmx and not request.htmx.boosted else "speakers/list.html"
    return render(request, template, context)


@require_GET
@bad_parameters_are_400
def speaker_detail(request, speaker_id: int):
    speaker = get_object_or_404(Speaker.objects.prefetch_related("aliases"), pk=speaker_id)
    form, query = quote_query_from(request.GET, speaker=speaker.pk)
    page = SearchPaginator(query, 20).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    manage = can_manage(request.user)
    context = {
        "speaker": speaker,
        "form": form,
        "page": page,
        "q": query.q,
        "querystring": params.urlencode(),
        "quote_count": selectors.speaker_quotes(speaker=speaker).count(),
        "timeline": selectors.speaker_timeline(speaker=speaker),
        "outlets": selectors.speaker_outlets(speaker=speaker),
        "can_manage": manage,
        "alias_form": AliasForm(),
        "merge_form": MergeForm(),
        "merges": selectors.speaker_merges(speaker=speaker),
        "duplicates": speaker_duplicates_suggest(speaker=speaker, limit=10) if manage else [],
        "added": speaker.aliases.filter(pk=_int(request.GET.get("added"))).first(),
        "removed": _int(request.GET.get("removed")),
        "can_edit_facts": request.user.has_perm(FACTS_PERMISSION),
        "facts_form": FactsForm(
            initial={"kind": speaker.kind, "gender": speaker.gender, "wikidata_id": speaker.wikidata_id}
        ),
        "gender_hint": speaker_gender_suggestion(speaker=speaker) if speaker.kind == Speaker.Kind.PERSON else None,
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "speakers/detail.html#speaker-quotes", context)
    return render(request, "speakers/detail.html", context)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_GET
@bad_parameters_are_400
def speaker_export(request, speaker_id: int):
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    _, query = quote_query_from(request.GET, speaker=speaker.pk)
    return export_response(
        request, quote_search(query), name=f"speaker-{speaker.pk}", title=speaker.name, subtitle="Quote sheet"
    )


@require_POST
@editor_required(MANAGE_PERMISSION)
def speaker_alias_create_view(request, speaker_id: int):
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    form = AliasForm(request.POST)
    if not form.is_valid():
        messages.error(request, "An alias needs letters in it.")
        return redirect("speaker-detail", speaker_id=speaker.pk)
    try:
        alias = speaker_alias_create(
            speaker=speaker, alias=form.cleaned_data["alias"], language=form.cleaned_data["language"], user=request.user
        )
    except SpeakerChangeRefused as exc:
        messages.error(request, str(exc))
        return redirect("speaker-detail", speaker_id=speaker.pk)
    return redirect(f"{reverse('speaker-detail', args=[speaker.pk])}?added={alias.pk}")


@require_POST
@editor_required(MANAGE_PERMISSION)
def speaker_alias_delete(request, speaker_id: int, alias_id: int):
    alias = get_object_or_404(SpeakerAlias, pk=alias_id, speaker_id=speaker_id)
    try:
        history_id = speaker_alias_remove(alias=alias, user=request.user)
    except SpeakerChangeRefused as exc:
        messages.error(request, str(exc))
        return redirect(_next(request, reverse("speaker-detail", args=[speaker_id])))
    if request.POST.get("next"):
        messages.success(request, f"“{alias.alias}” is no longer a name of {alias.speaker.name}.")
        return redirect(_next(request, reverse("speaker-detail", args=[speaker_id])))
    return redirect(f"{reverse('speaker-detail', args=[speaker_id])}?removed={history_id}")


@require_POST
@editor_required(MANAGE_PERMISSION)
def speaker_alias_restore_view(request, speaker_id: int, history_id: int):
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    try:
        alias = speaker_alias_restore(speaker=speaker, history_id=history_id, user=request.user)
    except SpeakerChangeRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Alias “{alias.alias}” is back.")
    return redirect("speaker-detail", speaker_id=speaker_id)


@require_POST
@editor_required(MERGE_PERMISSION)
def speaker_merge_view(request, speaker_id: int):
    target = get_object_or_404(Speaker, pk=speaker_id)
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(_next(request, reverse("speaker-detail", args=[target.pk])))
    source = form.cleaned_data["source"]
    try:
        speaker_merge(source=source, target=target, user=request.user)
    except SpeakerChangeRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{source.name}” merged into “{target.name}”. You can undo it on this page.")
    return redirect(_next(request, reverse("speaker-detail", args=[target.pk])))


@require_POST
@editor_required(MERGE_PERMISSION)
def speaker_merge_undo_view(request, merge_id: int):
    merge = get_object_or_404(SpeakerMerge, pk=merge_id)
    try:
        source = speaker_merge_undo(merge=merge, user=request.user)
    except SpeakerChangeRefused as exc:
        messages.error(request, str(exc))
        return redirect(_next(request, reverse("speaker-detail", args=[merge.target_id])))
    messages.success(request, f"Merge undone: “{source.name}” is a speaker of its own again.")
    return redirect(_next(request, reverse("speaker-detail", args=[source.pk])))


@require_POST
@permission_required(FACTS_PERMISSION, raise_exception=True)
def speaker_facts(request, speaker_id: int):
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    form = FactsForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a kind and a gender from the lists.")
        return redirect("speaker-detail", speaker_id=speaker.pk)
    try:
        speaker_facts_set(speaker=speaker, user=request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Speaker facts saved.")
    return redirect("speaker-detail", speaker_id=speaker.pk)
