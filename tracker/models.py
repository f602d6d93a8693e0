"""Data model. Offsets on quotes index ``Article.document`` (title + "\\n" + body), which never
changes after import."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords


class Language(models.TextChoices):
    ARABIC = "ar", "Arabic"
    ENGLISH = "en", "English"
    OTHER = "xx", "Other"


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True)
    language = models.CharField(max_length=8, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OutletAlias(models.Model):
    """Another name of an outlet ("الميادين" for Al Mayadeen), matched by its folded form, so that
    one outlet written in two scripts is one outlet (tracker.services.outlets.outlet_resolve)."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        verbose_name_plural = "outlet aliases"
        ordering = ["alias"]
        constraints = [models.CheckConstraint(condition=~Q(normalized=""), name="outlet_alias_normalized_not_empty")]

    def __str__(self) -> str:
        return self.alias


class Article(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        DETECTED = "detected", "Detected"
        IN_REVIEW = "in_review", "In review"
        REVIEWED = "reviewed", "Reviewed"

    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles")
    url = models.URLField(max_length=2000, null=True, blank=True, unique=True)
    title = models.CharField(max_length=1000)
    byline = models.CharField(max_length=500, blank=True)
    published = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=8, choices=Language.choices)
    body = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW)

    class Detection(models.TextChoices):
        IDLE = "idle", "Not queued"
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    detection_backend = models.CharField(max_length=100, blank=True)
    detection_note = models.CharField(max_length=500, blank=True)
    detection_state = models.CharField(max_length=10, choices=Detection.choices, default=Detection.IDLE)
    detection_attempts = models.PositiveSmallIntegerField(default=0)
    detection_error = models.TextField(blank=True)
    # When the current (or last) run claimed the article: a run still "running" long after it
    # (settings.TRACKER_DETECTION_LEASE) lost its worker and is recovered.
    detection_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The address the article was fetched from, when it differs from its canonical ``url``
    # (redirects, tracking parameters); imports by URL look both up.
    source_url = models.URLField(max_length=2000, blank=True, db_index=True)
    # The work queue (tracker.services.queue): an editor the article is assigned to, and a soft
    # lock "Next article" takes so that two editors are not sent to the same article.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_articles",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    locked_until = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["locked_by", "locked_until"])

    class Meta:
        ordering = ["-published", "-created_at"]
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["detection_state"]),
            models.Index(fields=["language", "-published"]),
            models.Index(fields=["status", "assigned_to", "created_at"]),
        ]
        permissions = [("assign_article", "Can assign articles to editors")]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def document(self) -> str:
        """The string every offset refers to."""
        return f"{self.title}\n{self.body}"

    @property
    def is_rtl(self) -> bool:
        return self.language in {"ar", "fa", "ur", "he"}


class Speaker(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        MEDIA = "media", "Media outlet"
        GOVERNMENT = "government", "Government body"
        GROUP = "group", "Group"
        UNNAMED = "unnamed", "Unnamed source"

    class Gender(models.TextChoices):
        UNKNOWN = "", "Not known"
        FEMALE = "female", "Woman"
        MALE = "male", "Man"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PERSON)
    # Set by editors (tracker.services.speaker_facts); the speaker page suggests one from the
    # articles (Arabic verb agreement, English pronouns) but never sets it on its own.
    gender = models.CharField(max_length=8, choices=Gender.choices, default=Gender.UNKNOWN, blank=True)
    description = models.CharField(max_length=500, blank=True)
    wikidata_id = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="speaker_name_not_empty"),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=r"^Q[0-9]+$"), name="speaker_wikidata_id_format"
            ),
            models.CheckConstraint(
                condition=Q(gender__in=["", "female", "male", "other"]), name="speaker_gender_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SpeakerAlias(models.Model):
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)
    # Arabic-insensitive, case-insensitive key (tracker.attribution.text.normalize_name).
    normalized = models.CharField(max_length=300, db_index=True, editable=False)
    language = models.CharField(max_length=8, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "speaker aliases"
        ordering = ["alias"]
        constraints = [
            models.UniqueConstraint(fields=["speaker", "normalized"], name="alias_unique_per_speaker"),
            models.CheckConstraint(condition=~Q(normalized=""), name="alias_normalized_not_empty"),
        ]

    def __str__(self) -> str:
        return self.alias


class Quote(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct"
        MIXED = "mixed", "Mixed"
        INDIRECT = "indirect", "Indirect"
        HEADLINE = "headline", "Headline"
        EMBED = "embed", "Embedded post"

    class Origin(models.TextChoices):
        DETECTED = "detected", "Detected"
        EDITOR = "editor", "Editor"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        CORRECTED = "corrected", "Corrected"
        REJECTED = "rejected", "Rejected"

    class RejectReason(models.TextChoices):
        NOT_A_QUOTE = "not_a_quote", "Not a quote"
        WRONG_SPAN = "wrong_span", "Wrong span"
        DUPLICATE = "duplicate", "Duplicate"
        OTHER = "other", "Other"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    # Length of article.document when the quote was written; the text never changes, so the
    # constraints below keep every span inside it at the database level.
    document_length = models.PositiveIntegerField(editable=False)
    quote_start = models.PositiveIntegerField()
    quote_end = models.PositiveIntegerField()
    quote_text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind.choices)

    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    speaker_text = models.CharField(max_length=300, blank=True)
    speaker_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_end = models.PositiveIntegerField(null=True, blank=True)
    cue_text = models.CharField(max_length=300, blank=True)
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    via = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="relayed_quotes")

    confidence = models.FloatField(default=1.0)
    rule = models.CharField(max_length=100, blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.DETECTED)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reject_reason = models.CharField(max_length=12, choices=RejectReason.choices, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Derived for search (tracker.search): folded quote text + speaker name and aliases, and the
    # PostgreSQL text-search configuration for the article's language. Written only by
    # tracker.services.search.quote_search_text_refresh (called by the services that write quotes
    # and aliases); not kept in history since it is recomputed from the fields above.
    search_text = models.TextField(blank=True, default="", editable=False)
    search_config = models.CharField(max_length=10, blank=True, default="simple", editable=False)
    # The article's publication date, copied by the same service so that search can sort and
    # filter by date on this table alone (an index scan instead of a join over every article).
    article_published = models.DateField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_text", "search_config", "article_published"])

    class Meta:
        ordering = ["article", "quote_start", "quote_end"]
        indexes = [models.Index(fields=["article", "status"]), models.Index(fields=["speaker", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(quote_start__lt=F("quote_end")) & Q(quote_end__lte=F("document_length")),
                name="quote_span_inside_text",
            ),
            models.CheckConstraint(
                condition=(Q(speaker_start__isnull=True) & Q(speaker_end__isnull=True))
                | (
                    Q(speaker_start__isnull=False, speaker_end__isnull=False)
                    & Q(speaker_start__lt=F("speaker_end"))
                    & Q(speaker_end__lte=F("document_length"))
                ),
                name="quote_speaker_span_inside_text",
            ),
            models.CheckConstraint(
                condition=(Q(cue_start__isnull=True) & Q(cue_end__isnull=True))
                | (
                    Q(cue_start__isnull=False, cue_end__isnull=False)
                    & Q(cue_start__lt=F("cue_end"))
                    & Q(cue_end__lte=F("document_length"))
                ),
                name="quote_cue_span_inside_text",
            ),
            models.CheckConstraint(condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="quote_confidence_0_1"),
            models.CheckConstraint(
                condition=Q(kind__in=["direct", "mixed", "indirect", "headline", "embed"]), name="quote_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "accepted", "corrected", "rejected"]), name="quote_status_valid"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="quote_version_positive"),
        ]

    def __str__(self) -> str:
        return self.quote_text[:80]

    @property
    def touched(self) -> bool:
        """Editors' work that re-detection must keep."""
        return self.origin == self.Origin.EDITOR or self.status != self.Status.PENDING


class SpeakerMerge(models.Model):
    """One merge of ``source`` into ``target`` (tracker.services.speakers.speaker_merge), with what
    is needed to undo it: the source speaker's fields, and which quotes and aliases moved."""

    target = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="merges_in")
    source_id = models.PositiveBigIntegerField()
    source_name = models.CharField(max_length=300)
    source_data = models.JSONField(default=dict)  # kind, description, wikidata_id, created_at
    moved_quote_ids = models.JSONField(default=list)
    moved_via_ids = models.JSONField(default=list)
    moved_alias_ids = models.JSONField(default=list)
    dropped_aliases = models.JSONField(default=list)  # aliases the target already had: [alias, language]
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_name} → {self.target}"


class ApiToken(models.Model):
    """A bearer token for the API. Only a SHA-256 digest of the secret is stored; the token
    works while it is neither revoked nor expired and the user's password is the one it was made
    under (``password_fingerprint``), so changing the password ends every token."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, editable=False)  # shown in lists to tell tokens apart
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    password_fingerprint = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="api_token_name_not_empty")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Feed(models.Model):
    """An RSS or Atom feed of an outlet; tracker.services.feeds fetches it and imports new items."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField(max_length=2000, unique=True)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    last_ok_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_new = models.PositiveIntegerField(default=0)  # articles the last fetch imported
    # Conditional GET: the server's validators from the last successful fetch.
    etag = models.CharField(max_length=500, blank=True)
    modified = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["outlet", "url"]

    def __str__(self) -> str:
        return self.url


class FeedItem(models.Model):
    """One entry seen in a feed, once: the key (a hash of its id or link) makes fetching idempotent."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=64)
    link = models.URLField(max_length=2000)
    title = models.CharField(max_length=1000, blank=True)
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    first_seen_at = models.DateTimeField(auto_now_add=True)
    fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-first_seen_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["feed", "key"], name="feed_item_once")]

    def __str__(self) -> str:
        return self.link
