"""The stanza adapter on real stanza Documents read from CoNLL-U (no model needed)."""

import json
import re
import subprocess
import sys

import pytest
from stanza.utils.conll import CoNLL

from tests.conftest import FAKE_STANZA_RESOURCES, REPO
from tracker.attribution import stanza_backend
from tracker.attribution.types import Entity


def conllu(text: str, tokens: list[tuple[str, str] | tuple[str, str, list[str]]]) -> str:
    """One CoNLL-U sentence over ``text``: each token (form, ner[, words of a multi-word
    token]) with start_char/end_char found in ``text`` left to right, as stanza writes them."""
    lines, pos, index = ["# text = " + text.replace("\n", " ")], 0, 1
    for form, ner, *split in tokens:
        start = text.index(form, pos)
        pos = end = start + len(form)
        misc = f"start_char={start}|end_char={end}|ner={ner}"
        words = split[0] if split else None
        if words:
            last = index + len(words) - 1
            lines.append(f"{index}-{last}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
            lines.extend(f"{index + i}\t{w}\t_\t_\t_\t_\t0\t_\t_\t_" for i, w in enumerate(words))
            index = last + 1
        else:
            lines.append(f"{index}\t{form}\t_\t_\t_\t_\t0\t_\t_\t{misc}")
            index += 1
    return "\n".join(lines) + "\n\n"


def test_english_entities_keep_offsets_into_the_whole_document():
    title = "Pentagon weighs in"
    body = "John Kirby, a spokesman for the Pentagon, said the talks in Doha would go on."
    document = f"{title}\n{body}"
    sentence = conllu(
        document,
        [
            ("Pentagon", "S-ORG"),
            ("weighs", "O"),
            ("in", "O"),
            ("John", "B-PERSON"),
            ("Kirby", "E-PERSON"),
            (",", "O"),
            ("a", "O"),
            ("spokesman", "O"),
            ("for", "O"),
            ("the", "O"),
            ("Pentagon", "S-ORG"),
            (",", "O"),
            ("said", "O"),
            ("the", "O"),
            ("talks", "O"),
            ("in", "O"),
            ("Doha", "S-GPE"),
        ],
    )
    doc = CoNLL.conll2doc(input_str=sentence)
    found = stanza_backend.document_entities(doc, document)
    assert found == [
        Entity(0, 8, "Pentagon", "ORG"),
        Entity(19, 29, "John Kirby", "PERSON"),
        Entity(document.index("Pentagon,"), document.index("Pentagon,") + 8, "Pentagon", "ORG"),
        Entity(document.index("Doha"), document.index("Doha") + 4, "Doha", "GPE"),
    ]
    assert all(document[e.start : e.end] == e.text for e in found)


def test_bio_tags_and_possessive_split_off_by_mwt():
    text = "Kirby's deputy met Lloyd Austin."
    sentence = conllu(
        text,
        [
            ("Kirby's", "B-PER", ["Kirby", "'s"]),
            ("deputy", "O"),
            ("met", "O"),
            ("Lloyd", "B-PER"),
            ("Austin", "I-PER"),
            (".", "O"),
        ],
    )
    found = stanza_backend.document_entities(CoNLL.conll2doc(input_str=sentence), text)
    assert [(e.text, e.label, text[e.start : e.end]) for e in found] == [
        ("Kirby", "PER", "Kirby"),
        ("Lloyd Austin", "PER", "Lloyd Austin"),
    ]


def test_arabic_entities_drop_attached_conjunctions_and_prepositions():
    title = "واشنطن: لا نريد توسع الحرب"
    body = "وقال جون كيربي إنّ الخارجية الأميركية لا ترغب في ذلك، وأضاف لكيربي مصدر في البنتاغون."
    document = f"{title}\n{body}"
    sentence = conllu(
        document,
        [
            ("واشنطن", "S-LOC"),
            (":", "O"),
            ("لا", "O"),
            ("نريد", "O"),
            ("توسع", "O"),
            ("الحرب", "O"),
            ("وقال", "O", ["و", "قال"]),
            ("جون", "B-PER"),
            ("كيربي", "E-PER"),
            ("إنّ", "O"),
            ("الخارجية", "B-ORG"),
            ("الأميركية", "E-ORG"),
            ("لا", "O"),
            ("ترغب", "O"),
            ("في", "O"),
            ("ذلك", "O"),
            ("،", "O"),
            ("وأضاف", "O", ["و", "أضاف"]),
            ("لكيربي", "S-PER", ["ل", "كيربي"]),
            ("مصدر", "O"),
            ("في", "O"),
            ("البنتاغون", "S-ORG"),
        ],
    )
    found = stanza_backend.document_entities(CoNLL.conll2doc(input_str=sentence), document)
    assert [(e.text, e.label) for e in found] == [
        ("واشنطن", "LOC"),
        ("جون كيربي", "PER"),
        ("الخارجية الأميركية", "ORG"),
        ("كيربي", "PER"),  # ل stripped: the entity is the name alone
        ("البنتاغون", "ORG"),
    ]
    assert all(document[e.start : e.end] == e.text for e in found)
    assert found[3].start == document.index("لكيربي") + 1


def test_offsets_of_another_string_are_moved_to_where_the_entity_is():
    # The pipeline saw the body alone; the engine's offsets index title + "\n" + body.
    body = "قالت وزارة الخارجية إنّ المحادثات مستمرة."
    document = "عنوان\n" + body
    sentence = conllu(body, [("قالت", "O"), ("وزارة", "B-ORG"), ("الخارجية", "E-ORG"), ("إنّ", "O")])
    found = stanza_backend.document_entities(CoNLL.conll2doc(input_str=sentence), document)
    assert found == [Entity(document.index("وزارة"), document.index(" إنّ"), "وزارة الخارجية", "ORG")]


def test_document_with_no_entities():
    text = "Nothing here."
    doc = CoNLL.conll2doc(input_str=conllu(text, [("Nothing", "O"), ("here", "O"), (".", "O")]))
    assert stanza_backend.document_entities(doc, text) == []


def _write_resources(folder, resources=FAKE_STANZA_RESOURCES):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "resources.json").write_text(json.dumps(resources), encoding="utf-8")


def test_models_present_needs_resources_every_model_and_its_dependencies(tmp_path):
    assert not stanza_backend.models_present(tmp_path, "ar")
    assert stanza_backend.missing_models(tmp_path, "ar") == ["resources.json"]
    _write_resources(tmp_path)
    missing = stanza_backend.missing_models(tmp_path, "ar")
    assert missing == [
        "ar/tokenize/padt.pt",
        "ar/mwt/padt.pt",
        "ar/ner/aqmar_charlm.pt",
        "ar/pretrain/conll17.pt",
        "ar/forward_charlm/ccwiki.pt",
    ]
    for rel in missing:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"model")
    assert stanza_backend.models_present(tmp_path, "ar")
    assert stanza_backend.models_present(tmp_path, "arabic")  # an alias in resources.json
    assert not stanza_backend.models_present(tmp_path, "en")
    assert stanza_backend.missing_models(tmp_path, "xx") == ["xx in resources.json"]
    (tmp_path / "ar/forward_charlm/ccwiki.pt").unlink()
    assert stanza_backend.missing_models(tmp_path, "ar") == ["ar/forward_charlm/ccwiki.pt"]


def test_mwt_only_where_the_language_has_it(tmp_path):
    assert stanza_backend.processors_for(FAKE_STANZA_RESOURCES, "ar") == ("tokenize", "mwt", "ner")
    assert stanza_backend.processors_for(FAKE_STANZA_RESOURCES, "en") == ("tokenize", "ner")
    assert stanza_backend.processors_for(FAKE_STANZA_RESOURCES, "xx") == ()


def test_unreadable_resources_json_means_no_models(tmp_path):
    (tmp_path / "resources.json").write_text("{not json", encoding="utf-8")
    assert not stanza_backend.models_present(tmp_path, "ar")


def test_broken_model_files_raise_and_are_not_retried_silently(fake_stanza_models):
    # Empty files: stanza itself refuses them. The Django layer turns this into a fallback.
    with pytest.raises(Exception):  # noqa: B017 - whatever stanza raises for a corrupt model
        stanza_backend.entities("قال كيربي إنّ المحادثات مستمرة.", "ar", model_dir=fake_stanza_models)


def test_importing_the_engine_and_nlp_does_not_import_stanza():
    code = (
        "import sys, django; django.setup();"
        "import tracker.attribution, tracker.attribution.engine, tracker.attribution.stanza_backend;"
        "import tracker.nlp, tracker.services.detection;"
        "from tracker.nlp import current_backend; current_backend('ar');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('stanza', 'torch')))"
    )
    env = {"DJANGO_SETTINGS_MODULE": "tracker.settings", "DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin"}
    env["STANZA_DIR"] = str(REPO / "var" / "no-stanza-here")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_no_other_module_imports_stanza():
    offenders = []
    for path in (REPO / "tracker").rglob("*.py"):
        if path.name == "stanza_backend.py":
            continue
        if re.search(r"^\s*(import stanza\b|from stanza[ .])", path.read_text(encoding="utf-8"), re.MULTILINE):
            offenders.append(str(path.relative_to(REPO)))
    assert offenders == []
