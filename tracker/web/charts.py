"""A small stacked bar chart drawn on the server as SVG: no JavaScript, no images."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from tracker.web.stats import Week

SERIES = (
    ("on_time", "kept on time", "#2e7d32"),
    ("late", "kept late", "#f9a825"),
    ("broken", "broken", "#c62828"),
)
WIDTH, HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 32, 8, 24, 28


def weekly_chart(weeks: Sequence[Week], title: str = "Promises per week") -> Markup:
    """Stacked bars of kept on time / kept late / broken, one bar per week."""
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    peak = max([w.on_time + w.late + w.broken for w in weeks] + [1])
    scale = _nice_ceiling(peak)
    slot = plot_w / max(len(weeks), 1)
    bar = slot * 0.6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="chart" role="img" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for tick in (0, scale // 2, scale):
        y = TOP + plot_h - plot_h * tick / scale
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="10" '
            f'fill="#555">{tick}</text>'
        )
    for i, week in enumerate(weeks):
        x = LEFT + i * slot + (slot - bar) / 2
        y = TOP + plot_h
        for key, label, colour in SERIES:
            count = getattr(week, key)
            if not count:
                continue
            h = plot_h * count / scale
            y -= h
            parts.append(
                f'<rect class="bar {key}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}" fill="{colour}" data-count="{count}">'
                f"<title>{escape(f'week of {week.start:%d %b}: {count} {label}')}</title></rect>"
            )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle" '
            f'font-size="10" fill="#555">{week.start:%d %b}</text>'
        )
    legend_x = LEFT
    for _key, label, colour in SERIES:
        parts.append(
            f'<rect x="{legend_x}" y="6" width="10" height="10" fill="{colour}"/>'
            f'<text x="{legend_x + 14}" y="15" font-size="11" fill="#333">{escape(label)}</text>'
        )
        legend_x += 24 + 7 * len(label)
    parts.append("</svg>")
    return Markup("".join(parts))


def _nice_ceiling(value: int) -> int:
    """The smallest even number >= value (so the middle tick is a whole number)."""
    return value + (value % 2)
