import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

# Invented article: one quote right, one with the gold naming someone else, one optional,
# and one gold quote that is nowhere in the text.
GOLD = {
    "id": "invented-health-1",
    "language": "ar",
    "outlet": "صحيفة تجريبية",
    "published": "2024-01-02",
    "title": "وزارة الصحة تطمئن المواطنين",
    "text": (
        'قالت وزيرة الصحة، ليلى منصور، إنّ "المخزون يكفي ثلاثة أشهر".\n'
        'وأضاف المتحدث باسم الوزارة، سامي عيسى، أنّ "الطواقم تعمل بلا توقف".\n'
        'وقال عيسى إنّ "اللقاحات وصلت إلى المستشفيات".'
    ),
    "quotes": [
        {"text": "المخزون يكفي ثلاثة أشهر", "speaker": "ليلى منصور", "aliases": ["منصور"], "kind": "direct"},
        {"text": "الطواقم تعمل بلا توقف", "speaker": "ليلى منصور", "kind": "direct"},
        {"text": "اللقاحات وصلت إلى المستشفيات", "speaker": "سامي عيسى", "kind": "direct", "optional": True},
        {"text": "المعارضة تطالب بتحقيق مستقل", "speaker": "حزب المعارضة", "kind": "indirect"},
    ],
    "not_quotes": [],
}
PREDICTION_KEYS = {"text", "speaker", "kind", "start", "end", "via", "confidence", "rule"}


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold" / "ar_invented.json"
    path.parent.mkdir()
    path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return path


def _run(*args) -> list[str]:
    out = StringIO()
    call_command("evaluate_attribution", *map(str, args), stdout=out)
    return out.getvalue().splitlines()


def test_report_figures_and_last_line(gold_file):
    lines = _run(gold_file, "--verbose")
    assert lines[0] == "backend: ar rules"
    assert lines[1].startswith("ar_invented.json: quotes P 1.000 R 0.667 F1 0.800 | speaker acc 0.500")
    assert "  MISS  [indirect] حزب المعارضة: المعارضة تطالب بتحقيق مستقل" in lines
    assert any(line.startswith("  WRONG [direct] want ليلى منصور, got سامي عيسى") for line in lines)
    assert not any("EXTRA" in line for line in lines), "the optional quote's match is neither hit nor extra"
    assert lines[-1] == "end-to-end F1: 0.400"


def test_json_figures(gold_file):
    lines = _run(gold_file, "--json")
    assert lines[-1] == "end-to-end F1: 0.400"
    figures = json.loads("\n".join(lines[:-1]))
    assert figures["backends"] == {"ar": "rules"}
    assert figures["overall"]["e2e_precision"] == 0.5
    assert figures["overall"]["gold"] == 3 and figures["overall"]["predicted"] == 2
    assert figures["by_language"]["ar"]["quote_recall"] == pytest.approx(2 / 3)
    assert figures["by_kind"]["indirect"]["gold"] == 1
    assert set(figures["files"]) == {"ar_invented.json"}


def test_predictions_file_one_line_per_article(gold_file, tmp_path):
    second = dict(GOLD, id="", title="", text='قال سامي عيسى إنّ "الأدوية متوفرة".', quotes=[])
    (gold_file.parent / "ar_second.json").write_text(json.dumps(second, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "predictions.jsonl"
    _run(gold_file.parent, "--predictions", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["invented-health-1", "ar_second"]  # a file without id: its name
    document = GOLD["title"] + "\n" + GOLD["text"]
    for row, doc in zip(rows, [document, second["text"]], strict=True):
        assert row["quotes"]
        for quote in row["quotes"]:
            assert set(quote) == PREDICTION_KEYS
            assert doc[quote["start"] : quote["end"]] == quote["text"]
    assert [q["text"] for q in rows[1]["quotes"]] == ["الأدوية متوفرة"]


def test_missing_gold_path_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        _run(tmp_path / "nope.json")
    with pytest.raises(CommandError, match=r"no \.json gold files"):
        _run(tmp_path)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(CommandError, match="cannot read the gold files"):
        _run(tmp_path)


def test_dev_gold_output_format(gold_dev, tmp_path):
    out = tmp_path / "dev.jsonl"
    lines = _run(gold_dev, "--predictions", out)
    files = sorted(p.name for p in gold_dev.glob("*.json"))
    assert re.fullmatch(r"backend: (\w\w \w+)(, \w\w \w+)*", lines[0])
    n = r"\d\.\d{3}"
    figure = rf"quotes P {n} R {n} F1 {n} \| speaker acc {n} \| e2e P {n} R {n} F1 {n}"
    for name, line in zip(files, lines[1:], strict=False):
        assert re.fullmatch(rf"{re.escape(name)}: {figure} \| pred \d+ gold \d+", line)
    assert any(line.startswith("language ar: quotes P") for line in lines)
    assert any(line.startswith("overall: quotes P") for line in lines)
    assert re.fullmatch(r"end-to-end F1: [01]\.\d{3}", lines[-1])
    ids = [json.loads(p.read_text(encoding="utf-8"))["id"] for p in sorted(gold_dev.glob("*.json"))]
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ids
