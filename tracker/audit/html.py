"""The audit report as one self-contained HTML page: inline CSS and SVG, no script, no
font or image fetched from anywhere; readable offline, on a phone, and on paper."""

from __future__ import annotations

from datetime import timedelta

from markupsafe import Markup, escape

from tracker.audit.report import AuditReport, Counts

SERIES = (
    ("kept_on_time", "kept on time", "#2e7d32"),
    ("kept_late", "kept late", "#f9a825"),
    ("broken", "broken", "#c62828"),
)

CSS = """
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;
 margin:0;background:#f6f6f4}
main{max-width:1040px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.15em;margin:32px 0 8px}
.sub{color:#555;margin:0 0 20px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px}
.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px}
.card .n{font-size:1.9em;font-weight:650;display:block}
.card .l{color:#555;font-size:.9em}
.card.good .n{color:#2e7d32}.card.late .n{color:#a66d00}.card.bad .n{color:#c62828}
.card.rate{border-color:#2e7d32;border-width:2px}
.scroll{overflow-x:auto;background:#fff;border:1px solid #ddd;border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:.93em}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid #eee;vertical-align:top}
th{background:#fafafa;font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;white-space:nowrap}
tr:last-child td{border-bottom:0}
.quote{font-style:italic}
.chart{width:100%;height:auto;background:#fff;border:1px solid #ddd;border-radius:8px}
.note{background:#fff8e1;border:1px solid #f0d58c;border-radius:8px;padding:12px 14px}
.muted{color:#666}code{background:#eee;padding:1px 4px;border-radius:4px}
a{color:#0b57d0}
@media (max-width:600px){body{font-size:14px}.card .n{font-size:1.5em}
 th,td{padding:6px 7px}}
@media print{body{background:#fff}main{max-width:none;padding:0}
 .card,.scroll,.chart,.note{border-color:#999}a{color:inherit;text-decoration:none}
 h2{break-after:avoid}tr{break-inside:avoid}}
"""


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _hours(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f} h" if value < 48 else f"{value / 24:.1f} d"


def _late(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours <= 0:
        return "not yet due" if delta == timedelta(0) else "–"
    return _hours(hours)


def _card(metric: str, value: object, label: str, cls: str = "") -> str:
    return (
        f'<div class="card {cls}" data-metric="{metric}"><span class="n">{escape(value)}</span>'
        f'<span class="l">{escape(label)}</span></div>'
    )


def _chart(report: AuditReport) -> str:
    weeks = sorted(report.weeks.items())
    width, height, left, bottom, top = 720, 240, 36, 30, 28
    plot_w, plot_h = width - left - 10, height - top - bottom
    peak = max([c.kept_on_time + c.kept_late + c.broken for _, c in weeks] + [1])
    step = max(1, -(-peak // 4))
    scale = step * 4
    slot = plot_w / max(len(weeks), 1)
    bar = min(slot * 0.65, 48)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" '
        'role="img" aria-label="Promises per week: kept on time, kept late, broken">'
    ]
    for tick in range(0, scale + 1, step):
        y = top + plot_h - plot_h * tick / scale
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
            f'<text x="{left - 5}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#666">{tick}</text>'
        )
    every = max(1, round(len(weeks) / 12))
    for i, (week, counts) in enumerate(weeks):
        x = left + i * slot + (slot - bar) / 2
        y = top + plot_h
        for key, label, colour in SERIES:
            count = getattr(counts, key)
            if not count:
                continue
            h = plot_h * count / scale
            y -= h
            tip = f"week of {week:%d %b}: {count} {label}"
            parts.append(
                f'<rect class="{key}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour}"><title>{escape(tip)}</title></rect>'
            )
        if i % every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                f'font-size="11" fill="#666">{week:%d %b}</text>'
            )
    x = left
    for _key, label, colour in SERIES:
        parts.append(
            f'<rect x="{x}" y="8" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="18" font-size="12" fill="#333">{label}</text>'
        )
        x += 24 + 7 * len(label)
    parts.append("</svg>")
    return "".join(parts)


def _people_table(title: str, table: dict[str, Counts], css_id: str) -> str:
    rows = sorted(table.items(), key=lambda kv: (-kv[1].made, kv[0]))
    body = "".join(
        f"<tr><td>{escape(name)}</td><td class=num>{c.made}</td>"
        f"<td class=num>{_pct(c.kept_on_time_rate)}</td>"
        f"<td class=num>{_hours(c.median_hours_to_keep)}</td>"
        f"<td class=num>{c.kept_late}</td><td class=num>{c.broken}</td>"
        f"<td class=num>{c.open}</td></tr>"
        for name, c in rows
    )
    return (
        f'<h2 id="{css_id}">{escape(title)}</h2><div class="scroll"><table>'
        f"<tr><th>{'Team' if css_id == 'teams' else 'Agent'}</th><th class=num>made</th>"
        "<th class=num>kept on time</th><th class=num>median time to keep</th>"
        "<th class=num>kept late</th><th class=num>broken</th><th class=num>still open</th></tr>"
        f"{body or '<tr><td colspan=7 class=muted>no promises</td></tr>'}</table></div>"
    )


def _kinds(report: AuditReport) -> str:
    rows = sorted(report.kinds.items(), key=lambda kv: (-(kv[1].broken_rate or 0), -kv[1].made))
    body = "".join(
        f"<tr><td>{escape(kind)}</td><td class=num>{c.made}</td><td class=num>{c.broken}</td>"
        f"<td class=num>{_pct(c.broken_rate)}</td><td class=num>{_pct(c.kept_on_time_rate)}</td>"
        "</tr>"
        for kind, c in rows
    )
    worst = next((k for k, c in rows if c.broken), None)
    lead = (
        f"<p><b>{escape(worst)}</b> promises are broken most often.</p>"
        if worst
        else "<p class=muted>No kind of promise was broken.</p>"
    )
    return (
        '<h2 id="kinds">Kinds of promise</h2>'
        + lead
        + '<div class="scroll"><table><tr><th>kind</th><th class=num>made</th>'
        "<th class=num>broken</th><th class=num>broken share</th><th class=num>kept on time</th>"
        f"</tr>{body}</table></div>"
    )


def _handoffs(report: AuditReport) -> str:
    c = report.handed_off
    if not c.made:
        return '<h2 id="handoffs">Hand-offs</h2><p class=muted>No promise changed hands.</p>'
    return (
        '<h2 id="handoffs">Hand-offs</h2>'
        f"<p>{c.made} promise{'s' if c.made != 1 else ''} changed hands before being kept "
        f"(another agent was given the ticket). Of these, <b>{c.kept_on_time}</b> were kept on "
        f"time, {c.kept_late} late, <b>{c.broken}</b> broken and {c.open} are still open "
        f"(kept on time: {_pct(c.kept_on_time_rate)}, against "
        f"{_pct(report.total.kept_on_time_rate)} overall).</p>"
    )


def _oldest(report: AuditReport) -> str:
    if not report.oldest:
        return (
            '<h2 id="oldest">Oldest broken or open promises</h2>'
            "<p class=muted>None: every promise was kept.</p>"
        )
    body = []
    for row in report.oldest:
        p = row.promise
        ticket = escape(p.ticket)
        link = f'<a href="{escape(p.ticket_url)}">#{ticket}</a>' if p.ticket_url else f"#{ticket}"
        outcome = {"broken": "broken", "overdue": "open, overdue", "open": "open"}[row.outcome]
        body.append(
            f"<tr><td>{p.due_at:%Y-%m-%d %H:%M}</td><td class=quote>“{escape(p.quote)}”</td>"
            f"<td>{link}</td><td>{escape(p.owner)}</td><td>{outcome}</td>"
            f"<td class=num>{_late(row.late_by)}</td></tr>"
        )
    return (
        f'<h2 id="oldest">The {len(report.oldest)} oldest broken or open promises</h2>'
        '<div class="scroll"><table><tr><th>due (UTC)</th><th>promise</th><th>ticket</th>'
        "<th>owner</th><th>state</th><th class=num>late by</th></tr>"
        + "".join(body)
        + "</table></div>"
    )


def _caveat(report: AuditReport) -> str:
    confirmed = ""
    if report.precision is not None:
        k, n = report.precision
        confirmed = (
            f' <b data-metric="sample_precision">A person checked {n} findings of this audit and '
            f"confirmed {k} ({k / n:.0%}).</b>"
        )
    return (
        '<h2 id="precision">How far to trust these numbers</h2><div class="note">'
        "Promises are found by an automatic extractor. On the project's held-out corpora at "
        "least 95 in 100 of its findings are real promises, but your team's wording may differ: "
        "some findings may not be promises, and some promises may be missed."
        f"{confirmed} "
        '<a href="#checking-a-sample">How to check a sample</a>.</div>'
        '<ol id="checking-a-sample" class="muted">'
        "<li>Run the same audit again with <code>--sample 50</code>: it prints 50 findings "
        "picked at random, each with its ticket and the words found.</li>"
        "<li>For each, decide whether the agent really promised something.</li>"
        "<li>Run it once more with <code>--confirmed K/50</code> (K: the real ones): this "
        "section then shows the precision you measured. More in docs/audit.md.</li></ol>"
    )


def render(report: AuditReport) -> str:
    t = report.total
    period = f"{report.start:%d %b %Y} – {report.last_day:%d %b %Y}"
    title = f"Promise audit: {report.source}, {period}"
    cards = "".join(
        [
            _card("promises", f"{t.made:,}", "promises made"),
            _card("kept_on_time", f"{t.kept_on_time:,}", "kept on time", "good"),
            _card("kept_late", f"{t.kept_late:,}", "kept late", "late"),
            _card("broken", f"{t.broken:,}", "broken", "bad"),
            _card("open", f"{t.open:,}", f"still open ({t.overdue:,} overdue)"),
            _card("kept_on_time_rate", _pct(t.kept_on_time_rate), "kept on time", "rate"),
        ]
    )
    html = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title><style>{CSS}</style></head>
<body><main>
<h1>How often did we keep our word?</h1>
<p class="sub">{escape(report.source)} · promises made {escape(period)} · judged at
{report.now:%Y-%m-%d %H:%M} UTC · {report.tickets:,} tickets, {report.messages:,} messages read</p>
<section class="cards" id="headline">{cards}</section>
<p class="muted">Share kept on time: of the {t.judged:,} promises already kept, broken or past
due. Kept: a later public reply by any agent (or a logged call for a callback). Broken: the
ticket was solved or closed with no reply.</p>
<h2 id="weekly">Week by week</h2>
{_chart(report)}
{_people_table("By team", report.teams, "teams")}
{_people_table("By agent (who made the promise)", report.agents, "agents")}
{_handoffs(report)}
{_kinds(report)}
{_oldest(report)}
{_caveat(report)}
<p class="muted">Made by <code>followthrough audit</code>, read-only: nothing was written to
the help desk and nothing was sent.</p>
</main></body></html>
"""
    return str(Markup(html))
