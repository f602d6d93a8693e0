"""Forms of the review page: each validates one action's input before a service sees it."""

from django import forms

from tracker.models import Quote, Speaker
from tracker.services.speakers import speaker_find


class VersionForm(forms.Form):
    """Every change to a quote carries the version the editor saw."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class RejectForm(VersionForm):
    reason = forms.ChoiceField(choices=Quote.RejectReason.choices)


class KindForm(VersionForm):
    kind = forms.ChoiceField(choices=Quote.Kind.choices)


class SpanForm(VersionForm):
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)

    def clean(self):
        data = super().clean()
        if data.get("start") is not None and data.get("end") is not None and data["start"] >= data["end"]:
            raise forms.ValidationError("Select some text in the article first.")
        return data


class QuoteNewForm(SpanForm):
    version = None
    kind = forms.ChoiceField(choices=Quote.Kind.choices, initial=Quote.Kind.DIRECT)


class SpeakerForm(VersionForm):
    """A speaker chosen from the typeahead (``speaker``), a new one (``new`` with the typed name),
    or, without JavaScript, the typed name of a known speaker."""

    speaker = forms.ModelChoiceField(queryset=Speaker.objects.all(), required=False)
    speaker_name = forms.CharField(max_length=300, required=False, strip=True)
    new = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        name = data.get("speaker_name") or ""
        if data.get("speaker") or self.errors:
            return data
        if data.get("new"):
            if not name:
                raise forms.ValidationError("Type the new speaker's name.")
            return data
        if not name:
            raise forms.ValidationError("Type a speaker's name and choose one of the suggestions.")
        data["speaker"] = speaker_find(name=name)
        if data["speaker"] is None:
            raise forms.ValidationError(f"No speaker is called “{name}”; choose “create new speaker” to add one.")
        return data


class ViaForm(VersionForm):
    """Like SpeakerForm; ``clear`` (or an empty name) removes the relay."""

    via = forms.ModelChoiceField(queryset=Speaker.objects.all(), required=False)
    via_name = forms.CharField(max_length=300, required=False, strip=True)
    new = forms.BooleanField(required=False)
    clear = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        name = data.get("via_name") or ""
        if self.errors or data.get("via") or data.get("clear") or not name or data.get("new"):
            return data
        data["via"] = speaker_find(name=name)
        if data["via"] is None:
            raise forms.ValidationError(f"No speaker is called “{name}”; choose “create new speaker” to add one.")
        return data


class SuggestForm(forms.Form):
    speaker_name = forms.CharField(max_length=300, required=False)
    via_name = forms.CharField(max_length=300, required=False)
    source_name = forms.CharField(max_length=300, required=False)
    quote = forms.IntegerField(required=False, min_value=1)
    exclude = forms.IntegerField(required=False, min_value=1)


class AliasForm(forms.Form):
    """Another name for a card's speaker, typed in its speaker box."""

    alias = forms.CharField(max_length=300, strip=True)


class MergeIntoForm(forms.Form):
    into = forms.ModelChoiceField(queryset=Speaker.objects.all())


class AcceptAllForm(forms.Form):
    """Accept every pending quote, or those at or above a confidence the editor chose."""

    min_confidence = forms.FloatField(required=False, min_value=0, max_value=1)


class RejectRuleForm(forms.Form):
    rule = forms.CharField(max_length=100)
    reason = forms.ChoiceField(choices=Quote.RejectReason.choices, required=False)

    def clean_reason(self):
        return self.cleaned_data.get("reason") or Quote.RejectReason.NOT_A_QUOTE
