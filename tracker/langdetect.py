"""Language identification with lingua (models ship inside the wheel, nothing to download)."""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetectorBuilder

# A small candidate set keeps the detector fast and light; Arabic-script and Latin-script
# neighbours are included so that a Persian or French text is not forced into ar/en.
_CANDIDATES = [
    Language.ARABIC,
    Language.ENGLISH,
    Language.FRENCH,
    Language.SPANISH,
    Language.GERMAN,
    Language.PERSIAN,
    Language.URDU,
    Language.HEBREW,
    Language.TURKISH,
]


@cache
def _detector():
    # Low-accuracy mode loads only trigram models: a fraction of a second instead of several,
    # and articles are long enough that the higher n-grams add nothing.
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the main language of ``text``; "xx" when unsure."""
    sample = text[:4000]
    if not sample.strip():
        return "xx"
    # Mixed text (Arabic with Latin names or handles): the share of letters per script decides
    # between the two first-class languages before lingua weighs the rest.
    arabic = sum(1 for c in sample if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    language = _detector().detect_language_of(sample)
    if language is None:
        return "ar" if arabic > latin else ("en" if latin else "xx")
    code = language.iso_code_639_1.name.lower()
    if code not in {"ar", "fa", "ur"} and arabic > 2 * latin:
        return "ar"
    return code
