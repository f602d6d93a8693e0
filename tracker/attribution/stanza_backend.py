"""stanza as an optional source of named entities for the rules.

The only module that imports stanza, and only inside functions: importing stanza pulls in
torch (seconds, hundreds of MB), which the rules-only path must never pay for. The model
folder is an argument because this package knows nothing of Django settings.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from .types import Entity

PROCESSORS = ("tokenize", "mwt", "ner")

# Words stanza splits off the front (Arabic و ف ل ب ك س) or back (English 's) of a token:
# an entity "وكيربي" names كيربي, "Kirby's" names Kirby.
_PROCLITICS = frozenset({"و", "ف", "ل", "ب", "ك", "س"})
_ENCLITICS = frozenset({"'s", "’s", "'", "’"})

_pipelines: dict[tuple[str, str], object] = {}
_lock = threading.Lock()  # guards building pipelines
_run_lock = threading.Lock()  # one stanza run at a time per process: pipelines are not thread-safe
_resources: dict[str, tuple[int, dict]] = {}


# Model files (no stanza import) -------------------------------------------------------------------


def load_resources(model_dir: str | Path) -> dict | None:
    """stanza's resources.json in ``model_dir``, or None when absent or unreadable. Kept while
    the file is unchanged: it is a megabyte or two, and /health asks on every call."""
    path = Path(model_dir) / "resources.json"
    try:
        stamp = path.stat().st_mtime_ns
        cached = _resources.get(str(path))
        if cached is not None and cached[0] == stamp:
            return cached[1]
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    _resources[str(path)] = (stamp, data)
    return data


def _language(resources: dict, lang: str) -> tuple[str, dict] | None:
    seen = set()
    while lang in resources and isinstance(resources[lang], dict) and "alias" in resources[lang]:
        if lang in seen:
            return None
        seen.add(lang)
        lang = resources[lang]["alias"]
    entry = resources.get(lang)
    return (lang, entry) if isinstance(entry, dict) else None


def processors_for(resources: dict, lang: str) -> tuple[str, ...]:
    """The processors to load for ``lang``: mwt only where the language has it."""
    found = _language(resources, lang)
    if found is None:
        return ()
    _lang, entry = found
    return tuple(p for p in PROCESSORS if p != "mwt" or "mwt" in _default_packages(entry))


def _default_packages(entry: dict) -> dict:
    return entry.get("packages", {}).get("default") or entry.get("default_processors") or {}


def required_models(resources: dict, lang: str) -> list[tuple[str, str]] | None:
    """(processor, package) pairs the default pipeline for ``lang`` loads, dependencies included
    (pretrained embeddings, character language models), as stanza resolves them; None when
    resources.json does not know the language or lacks one of the processors."""
    found = _language(resources, lang)
    if found is None:
        return None
    _lang, entry = found
    default = _default_packages(entry)
    needed: list[tuple[str, str]] = []
    for processor in processors_for(resources, lang):
        packages = default.get(processor)
        if not packages:
            return None
        for package in [packages] if isinstance(packages, str) else packages:
            needed.append((processor, package))
            for dep in entry.get(processor, {}).get(package, {}).get("dependencies", []):
                needed.append((dep["model"], dep["package"]))
    return list(dict.fromkeys(needed))


def missing_models(model_dir: str | Path, lang: str) -> list[str]:
    """What is missing for ``lang`` in ``model_dir``, as paths relative to it; [] when ready."""
    resources = load_resources(model_dir)
    if resources is None:
        return ["resources.json"]
    needed = required_models(resources, lang)
    if needed is None:
        return [f"{lang} in resources.json"]
    real_lang = _language(resources, lang)[0]
    paths = [f"{real_lang}/{processor}/{package}.pt" for processor, package in needed]
    return [p for p in paths if not (Path(model_dir) / p).is_file()]


def models_present(model_dir: str | Path, lang: str) -> bool:
    return not missing_models(model_dir, lang)


# stanza itself (imported lazily) -------------------------------------------------------------------


def pipeline(model_dir: str | Path, lang: str):
    """The stanza Pipeline for ``lang``, built once per process; never downloads anything."""
    key = (str(model_dir), lang)
    with _lock:
        if key not in _pipelines:
            import stanza

            resources = load_resources(model_dir) or {}
            _pipelines[key] = stanza.Pipeline(
                lang,
                dir=str(model_dir),
                processors=",".join(processors_for(resources, lang)),
                download_method=None,
                use_gpu=False,
                logging_level="WARN",
            )
        return _pipelines[key]


def entities(text: str, lang: str, *, model_dir: str | Path) -> list[Entity]:
    """Named entities in ``text`` with offsets into it. Raises whatever stanza raises."""
    nlp = pipeline(model_dir, lang)
    with _run_lock:
        doc = nlp(text)
    return document_entities(doc, text)


def _trimmed(ent, start: int, end: int, text: str) -> tuple[int, int]:
    tokens = list(getattr(ent, "tokens", None) or [])
    if tokens and len(tokens[0].words) > 1:
        for word in tokens[0].words[:-1]:
            if word.text in _PROCLITICS and text.startswith(word.text, start) and start + len(word.text) < end:
                start += len(word.text)
            else:
                break
    if tokens and len(tokens[-1].words) > 1:
        last = tokens[-1].words[-1].text
        if last in _ENCLITICS and text.endswith(last, start, end) and end - len(last) > start:
            end -= len(last)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def document_entities(doc, text: str | None = None) -> list[Entity]:
    """A stanza ``Document``'s entities as ``Entity`` with character offsets into ``text``
    (the string the pipeline ran on; ``doc.text`` by default). Entities are rebuilt from the
    tokens' NER tags when the document has none yet (a document read from CoNLL-U)."""
    text = doc.text if text is None else text
    ents = doc.ents or doc.build_ents()
    out: list[Entity] = []
    for ent in ents:
        start, end = ent.start_char, ent.end_char
        if start is None or end is None:
            continue
        if text is None:
            out.append(Entity(start, end, ent.text, ent.type))
            continue
        if text[start:end] != ent.text:
            # Offsets that do not fit the text (another string was parsed): look the entity up
            # close by rather than point at the wrong words.
            found = text.find(ent.text, max(0, start - 50))
            if found < 0 or not ent.text:
                continue
            start, end = found, found + len(ent.text)
        start, end = _trimmed(ent, start, end, text)
        if start < end:
            out.append(Entity(start, end, text[start:end], ent.type))
    return out


def download(lang: str, *, model_dir: str | Path, resources_url: str | None = None) -> list[str]:
    """Fetch the models ``pipeline`` needs for ``lang`` into ``model_dir``; returns the
    processors fetched. Raises whatever stanza or the network raises."""
    import stanza
    from stanza.resources.common import DEFAULT_RESOURCES_URL, download_resources_json

    Path(model_dir).mkdir(parents=True, exist_ok=True)
    url = resources_url or DEFAULT_RESOURCES_URL
    # resources.json first, so that mwt is asked for only where the language has it.
    download_resources_json(str(model_dir), resources_url=url)
    processors = processors_for(load_resources(model_dir) or {}, lang)
    if not processors:
        raise ValueError(f"stanza has no models for language {lang!r}")
    stanza.download(
        lang,
        model_dir=str(model_dir),
        processors=",".join(processors),
        resources_url=url,
        download_json=False,
        logging_level="WARN",
    )
    return list(processors)
