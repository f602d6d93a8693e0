"""The dashboard: who is quoted, where, and how review and detection go (tracker.selectors_dashboard)."""

from __future__ import annotations

from django import forms
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tracker import charts
from tracker import selectors_dashboard as selectors
from tracker.models import Language, Outlet

REVIEW_KEYS = [("accepted", "Accepted"), ("corrected", "Corrected"), ("rejected", "Rejected")]


class DashboardForm(forms.Form):
    date_from = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}))
    outlet = forms.ModelChoiceField(queryset=Outlet.objects.all(), required=False, empty_label="All outlets")
    language = forms.ChoiceField(required=False, choices=[("", "All languages"), *Language.choices])

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError("The start date is after the end date.")
        return data


def _filters(form: DashboardForm) -> selectors.DashboardFilters:
    if not form.is_valid():
        return selectors.DashboardFilters()
    data = form.cleaned_data
    return selectors.DashboardFilters(
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        outlet_id=data["outlet"].pk if data.get("outlet") else None,
        language=data.get("language") or None,
    )


@require_GET
def dashboard(request):
    form = DashboardForm(request.GET or None)
    filters = _filters(form)
    period, over_time = selectors.quotes_over_time(filters)
    speakers = selectors.top_speakers(filters)
    kinds = selectors.speakers_by_kind(filters)
    gender = selectors.quotes_by_gender(filters)
    outlets = selectors.outlets_by_quotes(filters)
    review = selectors.review_progress(filters)
    precision = selectors.detection_precision(filters)
    context = {
        "form": form,
        "summary": selectors.dashboard_summary(filters),
        "period": period,
        "over_time": over_time,
        "over_time_svg": charts.columns(over_time, title=f"Quotes per {period}"),
        "speakers": speakers,
        "speakers_svg": charts.hbar(speakers, title="Top speakers by quotes"),
        "kinds": kinds,
        "kinds_svg": charts.hbar([k for k in kinds if k.key != "none"], title="Speakers quoted, by kind"),
        "gender": gender,
        "gender_svg": charts.hbar(gender["rows"], title="Quotes of people, by gender", colour_key=lambda r: r.key),
        "outlets": outlets,
        "outlets_svg": charts.hbar(outlets, title="Outlets by quotes"),
        "review": review,
        "status_svg": charts.hbar(review["statuses"], title="Quotes by review status", colour_key=lambda r: r.key),
        "editors_svg": charts.stacked(review["editors"], title="Review decisions per editor", keys=REVIEW_KEYS),
        "days_svg": charts.stacked(review["days"], title="Review decisions per day", keys=REVIEW_KEYS),
        "precision": precision,
        "rules_svg": charts.hbar(precision["rules"], title="Accepted unchanged, by rule", percent=True),
        "languages_svg": charts.hbar(precision["languages"], title="Accepted unchanged, by language", percent=True),
    }
    return render(request, "dashboard/page.html", context)
