"""The dashboard's SVG charts: escaped labels, right-to-left labels anchored at the bars, sizes."""

from tracker.charts import columns, hbar, is_rtl, stacked
from tracker.selectors_dashboard import Row


def test_labels_are_escaped_and_rtl_labels_end_at_the_bars():
    svg = hbar([Row("<script>x</script>", 3), Row("جون كيربي", 2), Row("Kirby", 0)], title='A "title"')
    assert "<script>" not in svg and "&lt;script&gt;" in svg and 'aria-label="A &quot;title&quot;"' in svg
    # Right-to-left text ends on its left edge: anchored "start" at the same x as LTR's "end".
    assert 'text-anchor="start" direction="rtl">جون كيربي</text>' in svg
    assert 'text-anchor="end" direction="ltr">Kirby</text>' in svg
    assert is_rtl("«جون»") and not is_rtl("Kirby جون") and not is_rtl("123")


def test_bars_scale_to_the_largest_and_percent_to_one():
    svg = hbar([Row("a", 10), Row("b", 5)], title="t")
    widths = [
        float(part.split('"')[0]) for part in svg.split('<rect x="170" y="')[1:] for part in [part.split('width="')[1]]
    ]
    assert widths[0] == 2 * widths[1]
    assert "50%" in hbar([Row("a", 0.5)], title="t", percent=True)


def test_empty_charts_say_so():
    assert "No data" in hbar([], title="t") and "No data" in columns([], title="t")
    assert "No data" in stacked([], title="t", keys=[("accepted", "Accepted")])


def test_columns_label_only_what_fits():
    rows = [Row(f"2024-01-{i:02d}", i) for i in range(1, 31)]
    svg = columns(rows, title="t", width=600)
    assert svg.count("<rect") == 30
    assert 0 < svg.count('class="axis axis-x" text-anchor="middle"') < 30
