"""The weekly chart is plain SVG drawn on the server."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

from tracker.web.charts import weekly_chart
from tracker.web.stats import Week


def test_the_chart_stacks_each_weeks_outcomes_to_scale():
    weeks = [Week(date(2026, 11, 2), 3, 1, 0), Week(date(2026, 11, 9), 0, 0, 0),
             Week(date(2026, 11, 16), 1, 0, 2)]  # fmt: skip
    svg = str(weekly_chart(weeks, "Tier <1>"))
    root = ET.fromstring(svg)  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    bars = [r for r in root.iter(f"{ns}rect") if "bar" in r.get("class", "")]
    assert [(b.get("class"), b.get("data-count")) for b in bars] == [
        ("bar on_time", "3"), ("bar late", "1"), ("bar on_time", "1"), ("bar broken", "2"),
    ]  # fmt: skip
    heights = [float(b.get("height")) for b in bars]
    assert heights[0] == 3 * heights[1] and heights[3] == 2 * heights[2]
    first_top = float(bars[0].get("y"))
    assert float(bars[1].get("y")) + heights[1] == first_top  # stacked, not overlapping
    assert "Tier &lt;1&gt;" in svg
    assert len(re.findall(r">\d\d (Nov)<", svg)) == 3


def test_an_empty_chart_still_draws_its_axes():
    svg = str(weekly_chart([Week(date(2026, 11, 16))]))
    ET.fromstring(svg)
    assert 'class="bar' not in svg and ">16 Nov<" in svg
