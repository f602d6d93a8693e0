"""The review page of one article and its actions.

Each action validates a form, calls one service and answers with what changed: the quote's card
(the request's target), and out of band the paragraphs holding its highlight, the counters and,
when speakers changed, the whole text and its legend. Without htmx an action redirects back to
the page (post/redirect/get), so the forms work without JavaScript too.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import reswap, retarget, trigger_client_event

from tracker import selectors
from tracker.forms_review import (
    AcceptAllForm,
    AliasForm,
    KindForm,
    MergeIntoForm,
    QuoteNewForm,
    RejectForm,
    RejectRuleForm,
    SpanForm,
    SpeakerForm,
    SuggestForm,
    VersionForm,
    ViaForm,
)
from tracker.models import Article, Quote
from tracker.review_markup import document_html, mention_marks, paragraph_indexes, quote_marks, speaker_colours
from tracker.services import quotes as services
from tracker.services.detection_queue import article_detection_enqueue
from tracker.services.speakers import SpeakerChangeRefused, speaker_alias_create, speaker_merge

PAGE = "review/page.html"
KIND_LABELS = dict(Quote.Kind.choices)
# What each kind means, shown on hover: editors need not know the detector's vocabulary.
KIND_HELP = {
    Quote.Kind.DIRECT: "Direct: the speaker's own words, in quotation marks",
    Quote.Kind.MIXED: "Mixed: reported speech with some of the speaker's own words quoted",
    Quote.Kind.INDIRECT: "Indirect: reported speech, not the speaker's exact words",
    Quote.Kind.HEADLINE: "Headline: a statement in the title",
    Quote.Kind.EMBED: "Embedded post: a social-media post or caption shown in the article",
}
CONFLICT_MESSAGE = (
    "Not saved: someone else changed this quote first. Their version is on the card; “Apply mine” saves yours."
)
SORTS = {"position": ("quote_start", "quote_end"), "confidence": ("confidence", "quote_start")}
STATUS_LABELS = dict(Quote.Status.choices)
# The same four buttons on every card, built once rather than by a template loop per card.
REJECT_BUTTONS = format_html_join(
    "",
    '<button type="submit" name="reason" value="{}" class="reason">{} {}</button>',
    ((value, n, label) for n, (value, label) in enumerate(Quote.RejectReason.choices, start=1)),
)


# Reading ---------------------------------------------------------------------------------------


def _text(article: Article, quotes: list[Quote]) -> dict:
    """Highlights, mentions, colours and legend of the article's text."""
    speakers = selectors.article_speakers(quotes=quotes)
    colours = speaker_colours(s.pk for s in speakers)
    marks = quote_marks(quotes, colours) + mention_marks(article.document, quotes, speakers, colours)
    counts: dict[int, int] = {}
    for quote in quotes:
        quote.colour = colours.get(quote.speaker_id)
        # Labels made here: floatformat and get_FOO_display cost ~0.1 ms a card each on long articles.
        quote.confidence_label = f"{quote.confidence:.2f}"
        quote.kind_label = KIND_LABELS[quote.kind]
        quote.kind_help = KIND_HELP[quote.kind]
        # A cue that is only punctuation (the colon of a headline) says nothing to an editor.
        quote.cue_words = quote.cue_text if any(c.isalnum() for c in quote.cue_text) else ""
        quote.status_label = STATUS_LABELS[quote.status]
        if quote.speaker_id and quote.status != Quote.Status.REJECTED:
            counts[quote.speaker_id] = counts.get(quote.speaker_id, 0) + 1
    legend = [(s, colours[s.pk], counts.get(s.pk, 0)) for s in speakers]
    return {"marks": marks, "legend": legend}


def _counts(quotes: list[Quote]) -> dict[str, int]:
    counts = {"pending": 0, "accepted": 0, "rejected": 0, "total": len(quotes)}
    for quote in quotes:
        key = "accepted" if quote.status == Quote.Status.CORRECTED else quote.status
        counts[key] += 1
    return counts


def _sort(request) -> str:
    """The cards' order: from the address, or for htmx requests from the page's address."""
    sort = request.GET.get("sort")
    if sort is None and request.htmx and request.htmx.current_url:
        sort = QueryDict(urlsplit(request.htmx.current_url).query).get("sort")
    return sort if sort in SORTS else "position"


def _rules(quotes: list[Quote]) -> list[tuple[str, int]]:
    """Rules that found pending quotes here, with how many: the "reject all of one rule" menu."""
    counts: dict[str, int] = {}
    for quote in quotes:
        if quote.status == Quote.Status.PENDING and quote.rule and quote.origin == Quote.Origin.DETECTED:
            counts[quote.rule] = counts.get(quote.rule, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _context(request, article: Article, *, quotes: list[Quote] | None = None, only: set[int] | None = None) -> dict:
    """The page's context; ``only`` renders just those paragraphs, for out-of-band swaps."""
    if quotes is None:
        quotes = list(selectors.article_quotes(article=article))
    sort = _sort(request)
    if sort != "position":
        quotes = sorted(quotes, key=lambda q: tuple(getattr(q, f) for f in SORTS[sort]))
    text = _text(article, quotes)
    paragraphs = document_html(
        document=article.document, marks=text["marks"], rtl=article.is_rtl, only=only, oob=only is not None
    )
    return {
        "article": article,
        "quotes": quotes,
        "paragraphs": paragraphs,
        "legend": text["legend"],
        "counts": _counts(quotes),
        "can_edit": request.user.has_perm("tracker.change_quote"),
        "can_add": request.user.has_perm("tracker.add_quote"),
        "can_delete": request.user.has_perm("tracker.delete_quote"),
        "can_review_article": request.user.has_perm("tracker.change_article"),
        "kinds": Quote.Kind.choices,
        "reject_buttons": REJECT_BUTTONS,
        "suggest_url": reverse("speaker-suggest"),
        "edit_id": _int(request.GET.get("edit")),
        "sort": sort,
        "rules": _rules(quotes),
        "detecting": article.detection_state in (Article.Detection.QUEUED, Article.Detection.RUNNING),
    }


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _article(article_id: int) -> Article:
    return get_object_or_404(Article.objects.select_related("outlet"), pk=article_id)


def _quote(article_id: int, quote_id: int) -> Quote:
    try:
        return selectors.quote_get(quote_id=quote_id, article_id=article_id)
    except Quote.DoesNotExist as exc:
        if selectors.quote_existed(quote_id=quote_id, article_id=article_id):
            raise services.QuoteGone(quote_id) from exc
        raise Http404("No such quote in this article.") from exc


def _gone(request, article_id: int):
    """410: the quote the editor acted on was deleted (re-detection no longer found it)."""
    if not request.htmx:
        messages.error(request, services.QuoteGone.message)
        return _back(article_id)
    response = render(
        request, f"{PAGE}#flash", {"flash": services.QuoteGone.message, "flash_level": "error"}, status=410
    )
    return reswap(retarget(response, "#review-flash"), "innerHTML")


def gone_as_410(view):
    """A quote that vanished between the editor loading the page and acting on it: a clear 410."""

    @wraps(view)
    def wrapper(request, article_id: int, *args, **kwargs):
        try:
            return view(request, article_id, *args, **kwargs)
        except services.QuoteGone:
            return _gone(request, article_id)

    return wrapper


def article_review(request, article_id: int):
    article = _article(article_id)
    return render(request, PAGE, _context(request, article))


@require_GET
@gone_as_410
def quote_card(request, article_id: int, quote_id: int):
    """One card as stored now (used to drop a conflict and keep the other editor's change)."""
    quote = _quote(article_id, quote_id)
    if not request.htmx:
        return redirect(f"{reverse('article-detail', args=[article_id])}#card-{quote_id}")
    context = _context(request, quote.article, only=set())
    context["quote"] = next(q for q in context["quotes"] if q.pk == quote.pk)
    context["full"] = bool(request.GET.get("full"))
    return render(request, f"{PAGE}#card", context)


@require_GET
@permission_required("tracker.view_speaker", raise_exception=True)
def speaker_suggest(request):
    """Typeahead options. On a card's speaker box (``quote``), editors also get "add the typed
    name to this speaker" and "merge this speaker into that one"; on a speaker page's merge box
    (``source_name``), the speakers to merge in."""
    form = SuggestForm(request.GET)
    form.is_valid()
    field = next((f for f in ("via", "source") if f"{f}_name" in request.GET), "speaker")
    query = form.cleaned_data.get(f"{field}_name", "").strip()
    suggestions = selectors.speaker_suggest(query=query) if query else []
    context = {"suggestions": suggestions, "query": query, "field": field, "allow_new": field != "source"}
    quote = _suggest_quote(request, form.cleaned_data.get("quote"))
    if field == "source":
        context["suggestions"] = [(s, a) for s, a in suggestions if s.pk != form.cleaned_data.get("exclude")]
    elif field == "speaker" and quote is not None and quote.speaker_id:
        context["card_base"] = reverse("quote-card", args=[quote.article_id, quote.pk])
        context["merge_from"] = quote.speaker
        context["alias_ok"] = bool(query) and not any(s.pk == quote.speaker_id for s, _ in suggestions)
    return render(request, f"{PAGE}#suggestions", context)


def _suggest_quote(request, quote_id: int | None) -> Quote | None:
    if not quote_id or not request.user.has_perm("tracker.change_speakeralias"):
        return None
    return Quote.objects.select_related("speaker").filter(pk=quote_id).first()


# Answers ---------------------------------------------------------------------------------------


def _snippet(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(70)


def _said(verb: str, quote: Quote | None, extra: str = ""):
    """ "Accepted: «…»": the interface's words, the quote's own words isolated."""
    if quote is None:
        return verb
    return format_html('{}{}: «<bdi class="said">{}</bdi>»', verb, extra, _snippet(quote.quote_text))


def _back(article_id: int, quote_id: int | None = None):
    anchor = f"#card-{quote_id}" if quote_id else ""
    return redirect(f"{reverse('article-detail', args=[article_id])}{anchor}")


def _changed(
    request, article: Article, *, quote_id: int | None, spans=(), whole_text=False, status=200, flash="", **extra
):
    """The card of ``quote_id`` and, out of band, what else changed on the page: the paragraphs
    of ``spans`` and of the quote's span as it is now (or the whole text), the counters, and
    what happened, in the message box of the sticky bar."""
    if not request.htmx:
        if flash:
            messages.success(request, flash)
        return _back(article.pk, quote_id)
    article = _article(article.pk)  # its status may have moved on
    quotes = list(selectors.article_quotes(article=article))
    quote = next((q for q in quotes if q.pk == quote_id), None)
    if quote is not None:
        spans = [*spans, (quote.quote_start, quote.quote_end)]
    only = None if whole_text else paragraph_indexes(article.document, spans)
    context = _context(request, article, quotes=quotes, only=only)
    context.update(quote=quote, whole_text=whole_text, full=True, flash=flash, **extra)
    if callable(flash):
        context["flash"] = flash(quote)
    response = render(request, "review/changed.html", context, status=status)
    if quote is not None:
        trigger_client_event(response, "quote-changed", {"id": quote.pk})
    return response


def _body_changed(request, article_id: int, *, flash, select_id: int | None = None):
    """The whole review body again (after a change to many quotes), the bar and the message."""
    context = _context(request, _article(article_id))
    context["flash"] = flash
    response = render(request, "review/body_changed.html", context)
    response = reswap(retarget(response, "#review-body"), "outerHTML")
    if select_id:
        trigger_client_event(response, "review-select", {"id": select_id})
    return response


def _refused(request, article_id: int, message: str, quote_id: int | None = None):
    """A change that cannot be made: a message where the editor is looking."""
    if not request.htmx:
        messages.error(request, message)
        return _back(article_id, quote_id)
    response = render(request, f"{PAGE}#flash", {"flash": message, "flash_level": "error"}, status=400)
    return reswap(retarget(response, "#review-flash"), "innerHTML")


def _form_message(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _conflict(request, article: Article, exc: services.Conflict, yours: str):
    """409: the quote as stored now, what the editor tried, and a way to apply it again."""
    if not request.htmx:
        messages.error(request, f"Someone else changed this quote first; yours ({yours}) was not saved.")
        return _back(article.pk, exc.current.pk)
    resubmit = [(k, v) for k, v in request.POST.items() if k not in {"csrfmiddlewaretoken", "version"}]
    typed = {k: v for k, v in resubmit}
    conflict = {"yours": yours, "resubmit": resubmit, "action": request.path, "current": exc.current}
    return _changed(
        request,
        article,
        quote_id=exc.current.pk,
        status=409,
        conflict=conflict,
        typed=typed,
        flash=CONFLICT_MESSAGE,
        flash_level="error",
    )


def _quote_action(request, article_id: int, quote_id: int, form_class, call, describe, whole_text=False, flash=""):
    """The shape every card action shares: validate, call one service, answer with what changed."""
    quote = _quote(article_id, quote_id)
    form = form_class(request.POST)
    if not form.is_valid():
        return _refused(request, article_id, _form_message(form), quote_id)
    data = form.cleaned_data
    try:
        call(quote_id=quote.pk, expected_version=data["version"], user=request.user, data=data)
    except services.Conflict as exc:
        return _conflict(request, quote.article, exc, describe(data))
    except ValidationError as exc:
        return _refused(request, article_id, " ".join(exc.messages), quote_id)
    return _changed(
        request,
        quote.article,
        quote_id=quote.pk,
        spans=[(quote.quote_start, quote.quote_end)],
        whole_text=whole_text,
        flash=(lambda q: flash(data, q)) if flash else "",
    )


# Card actions ----------------------------------------------------------------------------------


@require_POST
@permission_required("tracker.change_quote", raise_exception=True)
@gone_as_410
def quote_accept(request, article_id: int, quote_id: int):
    def call(data, **kw):
        services.quote_accept(**kw)

    return _quote_action(
        request, article_id, quote_id, VersionForm, call, lambda d: "accept", flash=lambda d, q: _said("Accepted", q)
    )


@require_POST
@permission_required("tracker.change_quote", raise_exception=True)
@gone_as_410
def quote_reject(request, article_id: int, quote_id: int):
    def call(data, **kw):
        services.quote_reject(reason=data["reason"], **kw)

    label = dict(Quote.RejectReason.choices)
    return _quote_action(
        request,
        article_id,
        quote_id,
        RejectForm,
        call,
        lambda d: f"reject: {label[d['reason']]}",
        flash=lambda d, q: _said("Rejected", q, f" ({label[d['reason']].lower()})"),
    )


@require_POST
@permission_required("tracker.change_quote", raise_exception=True)
@gone_as_410
def quote_kind(request, article_id: int, quote_id: int):
    def call(data, **kw):
        services.quote_kind_set(kind=data["kind"], **kw)

    label = dict(Quote.Kind.choices)
    return _quote_action(
        request,
        article_id,
        quote_id,
        KindForm,
        call,
        lambda d: f"kind: {label[d['kind']]}",
        flash=lambda d, q: _said(f"Kind set to {label[d['kind']].lower()}", q),
    )


def _speaker_flash(word: str):
    def flash(data, quote):
        who = quote.via if word == "Via" else quote.speaker
        if who is None:
            return _said(f"{word} cleared", quote)
        return format_html(
            '{} set to <bdi>{}</bdi> for «<bdi class="said">{}</bdi>»', word, who.name, _snippet(quote.quote_text)
        )

    return flash


@require_POST
@permission_required("tracker.change_quote", raise_exception=True)
@gone_as_410
def quote_speaker(request, article_id: int, quote_id: int):
    if request.POST.get("new") and not request.user.has_perm("tracker.add_speaker"):
        return _refused(request, article_id, "You may not create speakers.", quote_id)

    def call(data, **kw):
        new_name = data["speaker_name"] if data.get("new") and not data.get("speaker") else ""
        services.quote_speaker_set(speaker=data.get("speaker"), new_speaker_name=new_name, **kw)

    def describe(data):
        return f"speaker: {data['speaker'].name if data.get('speaker') else data['speaker_name'] + ' (new)'}"

    return _quote_action(
        request, article_id, quote_id, SpeakerForm, call, describe, whole_text=True, flash=_speaker_flash("Speaker")
    )


@require_POST
@permission_required("tracker.change_quote", raise_exception=True)
@gone_as_410
def quote_via(request, article_id: int, quote_id: int):
    if request.POST.get("new") and not request.user.has_perm("tracker.add_speaker"):
        return _refused(request, article_id, "You may not create speakers.", quote_id)

    def call(data, **kw):
        if data.get("clear"):
            services.quote_via_set(via=None, **kw)
        else:
            new_name = data["via_name"] if data.get("new") and not data.get("via") else ""
            services.quote_via_set(via=data.get("via"), new_via_name=new_name, **kw)

    def describe(data):
        if data.get("clear") or not (data.get("via") or data.get("via_name")):
            return "clear via"
        return f"via: {data['via'].name if data.get('via') else data['via_name']}"

    return _quote_action(
        request, article_id, quote_id, ViaForm, call, describe, whole_text=True, flash=_speaker_flash("Via")
    )


@require_POST
@permission_required("tracker.change_quote", raise_exception=True)
@gone_as_410
def quote_span(request, article_id: int, quote_id: int):
    document = _article(article_id).document

    def call(data, **kw):
        services.quote_span_set(start=data["start"], end=data["end"], **kw)

    def describe(data):
        return f"span: “{document[data['start'] : data['end']][:120]}”"

    return _quote_action(
        request, article_id, quote_id, SpanForm, call, describe, flash=lambda d, q: _said("Span set", q)
    )


@require_POST
@permission_required("tracker.delete_quote", raise_exception=True)
@gone_as_410
def quote_delete(request, article_id: int, quote_id: int):
    quote = _quote(article_id, quote_id)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _refused(request, article_id, _form_message(form), quote_id)
    try:
        services.quote_delete(quote_id=quote.pk, expected_version=form.cleaned_data["version"], user=request.user)
    except services.Conflict as exc:
        return _conflict(request, quote.article, exc, "delete")
    except ValidationError as exc:
        return _refused(request, article_id, " ".join(exc.messages), quote_id)
    flash = format_html('Deleted: «<bdi class="said">{}</bdi>». Undo (u) brings it back.', _snippet(quote.quote_text))
    return _changed(request, quote.article, quote_id=None, whole_text=True, deleted_id=quote.pk, flash=flash)


def _undo_button(request, action: str, back: str, label: str = "Undo"):
    """A plain form (the page reloads) that takes back a speaker change and comes back here."""
    return format_html(
        '<form method="post" action="{}" class="inline undo-form"><input type="hidden" name="csrfmiddlewaretoken"'
        ' value="{}"><input type="hidden" name="next" value="{}"><button type="submit" class="link">{}</button></form>',
        action,
        get_token(request),
        back,
        label,
    )


@require_POST
@permission_required("tracker.change_speakeralias", raise_exception=True)
def quote_speaker_alias(request, article_id: int, quote_id: int):
    """The name typed in a card's speaker box becomes another name of the quote's speaker."""
    quote = _quote(article_id, quote_id)
    form = AliasForm(request.POST)
    if not form.is_valid() or quote.speaker is None:
        return _refused(request, article_id, "Type the other name first; the quote needs a speaker.", quote_id)
    try:
        alias = speaker_alias_create(
            speaker=quote.speaker, alias=form.cleaned_data["alias"], language=quote.article.language, user=request.user
        )
    except SpeakerChangeRefused as exc:
        return _refused(request, article_id, str(exc), quote_id)
    back = f"{reverse('article-detail', args=[article_id])}#card-{quote_id}"
    undo = _undo_button(request, reverse("speaker-alias-delete", args=[quote.speaker_id, alias.pk]), back)
    flash = format_html(
        "“<bdi>{}</bdi>” is now also a name of <bdi>{}</bdi>. {}", alias.alias, quote.speaker.name, undo
    )
    return _changed(request, quote.article, quote_id=quote.pk, whole_text=True, flash=flash)


@require_POST
@permission_required("tracker.change_speaker", raise_exception=True)
def quote_speaker_merge(request, article_id: int, quote_id: int):
    """The quote's speaker is the same as another one: merge it into that one, everywhere."""
    quote = _quote(article_id, quote_id)
    form = MergeIntoForm(request.POST)
    if not form.is_valid() or quote.speaker is None:
        return _refused(request, article_id, "Choose the speaker to merge into.", quote_id)
    source, target = quote.speaker, form.cleaned_data["into"]
    try:
        merge = speaker_merge(source=source, target=target, user=request.user)
    except SpeakerChangeRefused as exc:
        return _refused(request, article_id, str(exc), quote_id)
    back = f"{reverse('article-detail', args=[article_id])}#card-{quote_id}"
    undo = _undo_button(request, reverse("speaker-merge-undo", args=[merge.pk]), back, "Undo the merge")
    moved = services.plural(len(merge.moved_quote_ids), "quote")
    flash = format_html("Merged <bdi>{}</bdi> into <bdi>{}</bdi>: {} moved. {}", source.name, target.name, moved, undo)
    if not request.htmx:
        return _back(article_id, quote_id)
    return _body_changed(request, article_id, flash=flash, select_id=quote.pk)


# Article actions -------------------------------------------------------------------------------


@require_POST
@permission_required("tracker.add_quote", raise_exception=True)
def quote_new(request, article_id: int):
    article = _article(article_id)
    form = QuoteNewForm(request.POST)
    if not form.is_valid():
        return _refused(request, article_id, _form_message(form))
    data = form.cleaned_data
    try:
        quote = services.quote_create(
            article=article, user=request.user, start=data["start"], end=data["end"], kind=data["kind"]
        )
    except ValidationError as exc:
        return _refused(request, article_id, " ".join(exc.messages))
    following = article.quotes.filter(quote_start__gte=quote.quote_start).exclude(pk=quote.pk)
    following = following.order_by("quote_start", "quote_end").first()
    where = f"beforebegin:#card-{following.pk}" if following else "beforeend:#quote-cards"
    flash = lambda q: _said("Added as a quote", q, "; press s to name its speaker")  # noqa: E731
    return _changed(request, article, quote_id=quote.pk, whole_text=True, card_oob=where, flash=flash)


_UNDONE = {
    "accepted": "accept",
    "speaker": "speaker change",
    "via": "“via” change",
    "kind": "kind change",
    "span": "span change",
    "created": "added quote",
}


def _undone_label(reason: str) -> str:
    if reason.startswith(services.BATCH_PREFIX):
        reason = reason.split(":", 2)[2]
    if reason.startswith("rejected"):
        return "reject"
    return _UNDONE.get(reason, "change")


@require_POST
@permission_required("tracker.change_quote", raise_exception=True)
@gone_as_410
def article_undo(request, article_id: int):
    article = _article(article_id)
    try:
        result = services.article_undo(article=article, user=request.user)
    except services.Conflict as exc:
        message = "Someone else changed that quote after you; your change was not undone."
        if not request.htmx:
            return _refused(request, article_id, message, exc.current.pk)
        conflict = {"yours": "undo", "resubmit": [], "action": "", "current": exc.current, "message": message}
        return _changed(
            request,
            article,
            quote_id=exc.current.pk,
            whole_text=True,
            card_oob="true",
            conflict=conflict,
            flash=message,
            flash_level="error",
            status=409,
        )
    except ValidationError as exc:
        return _refused(request, article_id, " ".join(exc.messages))
    label = _undone_label(result.reason)
    if result.batch:
        first = result.restored[0].pk if result.restored else None
        flash = f"Undone: {label} of {services.plural(len(result.restored), 'quote')}, back to how they were."
        if not request.htmx:
            messages.success(request, flash)
            return _back(article_id, first)
        return _body_changed(request, article_id, flash=flash, select_id=first)
    if result.deleted:
        flash = f"Undone: {label}; the quote you added is gone."
        return _changed(request, article, quote_id=None, whole_text=True, deleted_id=result.deleted[0], flash=flash)
    quote = result.restored[0]
    response = _changed(
        request,
        article,
        quote_id=quote.pk,
        whole_text=True,
        card_oob="true",
        flash=lambda q: _said(f"Undone: {label}", q),
    )
    if request.htmx:
        trigger_client_event(response, "review-select", {"id": quote.pk})
    return response


def _batch_answer(request, article_id: int, flash: str):
    if not request.htmx:
        messages.success(request, flash)
        return _back(article_id)
    return _body_changed(request, article_id, flash=flash)


@require_POST
@permission_required("tracker.change_quote", raise_exception=True)
def article_accept_all(request, article_id: int):
    article = _article(article_id)
    form = AcceptAllForm(request.POST)
    if not form.is_valid():
        return _refused(request, article_id, _form_message(form))
    threshold = form.cleaned_data.get("min_confidence")
    result = services.article_accept_all(article=article, user=request.user, min_confidence=threshold)
    above = f" at or above {threshold:.2f} confidence" if threshold is not None else ""
    undo = " Undo (u) takes them all back." if result.count else ""
    return _batch_answer(request, article_id, f"Accepted {services.plural(result.count, 'quote')}{above}.{undo}")


@require_POST
@permission_required("tracker.change_quote", raise_exception=True)
def article_reject_rule(request, article_id: int):
    article = _article(article_id)
    form = RejectRuleForm(request.POST)
    if not form.is_valid():
        return _refused(request, article_id, _form_message(form))
    result = services.article_reject_rule(
        article=article, user=request.user, rule=form.cleaned_data["rule"], reason=form.cleaned_data["reason"]
    )
    undo = " Undo (u) takes them all back." if result.count else ""
    rule = form.cleaned_data["rule"]
    return _batch_answer(
        request, article_id, f"Rejected {services.plural(result.count, 'quote')} found by “{rule}”.{undo}"
    )


@require_POST
@permission_required("tracker.change_article", raise_exception=True)
def article_reviewed(request, article_id: int):
    article = _article(article_id)
    try:
        services.article_mark_reviewed(article=article, user=request.user)
    except ValidationError as exc:
        return _refused(request, article_id, " ".join(exc.messages))
    return _changed(request, article, quote_id=None, spans=(), flash="Article marked reviewed.")


@require_GET
def article_progress(request, article_id: int):
    """Polled while detection runs: the progress line, then, once it is done, the whole body."""
    article = _article(article_id)
    if not request.htmx:
        return _back(article_id)
    if article.detection_state in (Article.Detection.QUEUED, Article.Detection.RUNNING):
        return render(request, f"{PAGE}#progress", {"article": article, "detecting": True})
    if article.detection_state == Article.Detection.FAILED:
        flash = f"Detection failed: {article.detection_error[:200] or 'see the article list'}."
    else:
        flash = f"Detection finished: {services.plural(article.quotes.count(), 'quote')} to review."
    return _body_changed(request, article_id, flash=flash)


@require_POST
@permission_required("tracker.change_article", raise_exception=True)
def article_redetect(request, article_id: int):
    """Detection again; it keeps every quote an editor touched. The page polls until it is done."""
    article = _article(article_id)
    if article_detection_enqueue(article=article):
        flash, level = "Detection re-run: quotes you reviewed or added are kept.", "info"
    else:
        flash, level = "Detection is running on this article now; its results will show when it ends.", "warning"
    if not request.htmx:
        messages.add_message(request, messages.INFO if level == "info" else messages.WARNING, flash)
        return _back(article_id)
    return _body_changed(request, article_id, flash=flash)
