"""Each language's word lists, kept as data a linguist can read and extend: lexicons/<language>.toml.

Words are folded as the rules match them (text.fold: Arabic letter variants, diacritics, case), so
a lexicon may be written in ordinary spelling. Lists become lists; tables keep their keys (folded)
and values.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from .text import fold

FOLDER = Path(__file__).with_name("lexicons")


def _folded(value):
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, list):
        return [_folded(v) for v in value]
    if isinstance(value, dict):
        return {fold(k): v for k, v in value.items()}
    return value


@cache
def load(language: str) -> dict:
    with (FOLDER / f"{language}.toml").open("rb") as f:
        data = tomllib.load(f)
    # Table values other than words (categories, genders, flags) are not folded.
    out = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out[key] = {fold(k): (_folded(v) if key in _WORD_VALUED else v) for k, v in value.items()}
        else:
            out[key] = _folded(value)
    return out


# Tables whose values are words too: a verb's imperfect stem or preposition (ar), an irregular
# verb's forms or a title spelled out (en).
_WORD_VALUED = {
    "verbs",
    "masdar_verbs",
    "masdar_optional_preps",
    "participle_verbs",
    "irregular_verbs",
    "title_abbreviations",
}
