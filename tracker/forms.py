from django import forms
from django.conf import settings

from tracker.models import Article, Language, Outlet


class ArticleForm(forms.Form):
    title = forms.CharField(max_length=1000)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 14, "dir": "auto"}))
    outlet = forms.CharField(max_length=200, required=False)
    url = forms.URLField(required=False, max_length=2000, assume_scheme="https")
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(required=False, choices=[("", "Detect automatically"), *Language.choices], initial="")


class UrlImportForm(forms.Form):
    url = forms.URLField(
        label="Article URL",
        max_length=2000,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"dir": "ltr", "placeholder": "https://", "autofocus": True}),
        help_text="The page is fetched by the server; text, title, date, byline and outlet come from it.",
    )
    outlet = forms.CharField(max_length=200, required=False, help_text="Leave empty to take the site's name.")
    language = forms.ChoiceField(required=False, choices=[("", "Detect automatically"), *Language.choices])


class UploadForm(forms.Form):
    file = forms.FileField(help_text="A .txt (first line is the title), .html or .jsonl file.")
    outlet = forms.CharField(max_length=200, required=False, help_text="Used when the file does not name one.")
    language = forms.ChoiceField(required=False, choices=[("", "Detect automatically"), *Language.choices])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.TRACKER_MAX_IMPORT_BYTES
        if upload.size > limit:
            raise forms.ValidationError(f"The file is {upload.size:,} bytes; the limit is {limit:,} bytes.")
        return upload


class ArticleFilterForm(forms.Form):
    language = forms.ChoiceField(required=False, choices=[("", "All languages"), *Language.choices])
    status = forms.ChoiceField(required=False, choices=[("", "All statuses"), *Article.Status.choices])
    outlet = forms.ModelChoiceField(queryset=Outlet.objects.all(), required=False, empty_label="All outlets")
    pending = forms.BooleanField(required=False, label="With pending quotes")
    queue = forms.ChoiceField(
        required=False,
        choices=[
            ("", "All"),
            ("mine", "Mine"),
            ("unassigned", "Unassigned"),
            ("in_review", "In review"),
            ("reviewed", "Reviewed"),
        ],
        widget=forms.HiddenInput,
    )
