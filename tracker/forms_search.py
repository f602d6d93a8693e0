"""The one query form behind search, exports, speaker pages and the API's query string."""

from __future__ import annotations

from django import forms

from tracker.models import Language, Outlet, Quote
from tracker.search import QuoteQuery

# Ids are 64-bit on both databases (BigAutoField); a larger number overflows SQLite's integers.
ID_MAX = 2**63 - 1
# Query parameters that name a row by id: checked before any query so that a bad one is a 400.
ID_PARAMS = ("speaker", "outlet")


class BadParameter(ValueError):
    """A query parameter that cannot be used; the message says which and why."""


def id_params_check(params, names=ID_PARAMS) -> None:
    """Raise BadParameter unless each of ``names`` present in ``params`` is an id (1 to ID_MAX)."""
    for name in names:
        raw = params.get(name)
        if raw in (None, ""):
            continue
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = None
        if value is None or not 1 <= value <= ID_MAX:
            raise BadParameter(f"“{name}” must be a whole number from 1 to {ID_MAX}.")


SORT_CHOICES = [("relevance", "Relevance"), ("-date", "Newest first"), ("date", "Oldest first")]
EXPORT_FORMATS = ("csv", "xlsx", "json", "pdf")
# One review filter: by default what a reporter can use (nothing rejected); "accepted" means
# accepted or corrected by an editor, as the old "Accepted only" box (``accepted=1``) did.
STATUS_CHOICES = [
    ("", "All but rejected"),
    ("accepted", "Accepted or corrected"),
    ("pending", "Pending review"),
    ("rejected", "Rejected only"),
    ("any", "Any, rejected too"),
]


class QuoteSearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=500,
        label="Search",
        widget=forms.SearchInput(attrs={"dir": "auto", "placeholder": 'Words, a speaker, "a phrase", -exclude'}),
    )
    speaker = forms.IntegerField(required=False, min_value=1, max_value=ID_MAX, widget=forms.HiddenInput)
    outlet = forms.ModelChoiceField(queryset=Outlet.objects.all(), required=False, empty_label="All outlets")
    language = forms.ChoiceField(required=False, choices=[("", "All languages"), *Language.choices])
    kind = forms.ChoiceField(required=False, choices=[("", "All kinds"), *Quote.Kind.choices])
    status = forms.ChoiceField(required=False, choices=STATUS_CHOICES, label="Review")
    date_from = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}))
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES)
    accepted = forms.BooleanField(required=False, widget=forms.HiddenInput)  # links made before the filter

    def to_query(self, **overrides) -> QuoteQuery:
        """The query; call after is_valid(). Invalid fields are dropped rather than failing the page."""
        data = {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v not in (None, "")}
        if isinstance(data.get("outlet"), Outlet):
            data["outlet"] = data["outlet"].pk
        if data.get("status") == Quote.Status.ACCEPTED:
            data.pop("status")
            data["accepted"] = True
        data.update(overrides)
        return QuoteQuery(**data)


def quote_query_from(params, **overrides) -> tuple[QuoteSearchForm, QuoteQuery]:
    """The form and its query. Raises BadParameter for an id parameter out of range."""
    id_params_check(params)
    form = QuoteSearchForm(params)
    if not form.is_valid():
        # Keep what is valid: a bad date must not blank the whole search.
        form.cleaned_data = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    return form, form.to_query(**overrides)
