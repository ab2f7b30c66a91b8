"""The words of each notification: one Notice per outbox row, for every channel."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime, timedelta

from tracker.outbox.transport import Notice
from tracker.time_text import local_time

NOTE_MARK = "[Follow-through]"  # connectors recognise our own notes by it
OPEN_TAG, OVERDUE_TAG = "promise_open", "promise_overdue"


def slack_escape(text: str) -> str:
    """Slack's three control characters; everything else is literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class PromiseView:
    """What a notice says about a promise, loaded by the delivery loop."""

    promise_id: int
    quote: str
    kind: str
    due_at: datetime
    source: str
    source_type: str
    ticket: str
    ticket_subject: str
    ticket_url: str | None
    owner: str | None
    maker: str | None
    timezone: str = "UTC"
    # The start of the source's last complete pass (None: none yet), and whether that is
    # older than one poll interval at sending time: the notice then says so.
    synced_to: datetime | None = None
    stale: bool = False


def humanize(delta: timedelta) -> str:
    seconds = int(abs(delta.total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [f"{days}d"] if days else []
    if hours:
        parts.append(f"{hours}h")
    if minutes and not days:
        parts.append(f"{minutes}m")
    return " ".join(parts) or "under a minute"


_HEADLINES = {
    "remind": "Reminder: your promise on ticket {t} is due {due}",
    "overdue": "Overdue: your promise on ticket {t} was due {due} ({late} ago)",
    "lead": "Escalated: {owner}'s promise on ticket {t} is {late} overdue",
    "manager": "Escalated to management: {owner}'s promise on ticket {t} is {late} overdue",
    "handoff": "Handed to you: a promise on ticket {t}, due {due}",
    "broken": "Broken: {owner}'s promise on ticket {t} was not kept",
}


def compose(step: str, view: PromiseView, now: datetime) -> Notice:
    """The notice for one ladder step (or hand-off, or tag change) of one promise."""
    ticket_label = f"#{view.ticket}"
    if step == "tag-open":
        return _tags(view, add=(OPEN_TAG,), due=view.due_at)
    if step == "tag-clear":
        return _tags(view, remove=(OPEN_TAG, OVERDUE_TAG))
    kind = "handoff" if step.startswith("handoff-") else step
    due = local_time(view.due_at, view.timezone)
    late = humanize(now - view.due_at) if now > view.due_at else None
    headline = _HEADLINES[kind].format(
        t=ticket_label, due=due, late=late or "not yet", owner=view.owner or "nobody"
    )
    facts = [
        ("Promise", f"\u201c{view.quote}\u201d ({view.kind})"),
        ("Due", due + (f", {late} late" if late else "")),
        ("Ticket", f"{ticket_label} {view.ticket_subject}".strip()),
        ("Owner", view.owner or "nobody"),
    ]
    if kind == "broken":
        facts.insert(0, ("Broken", "the ticket was solved or closed with no reply after it"))
    if view.maker and view.maker != view.owner:
        facts.append(("Made by", view.maker))
    if view.ticket_url:
        facts.append(("Link", view.ticket_url))
    if view.stale:
        facts.append(("Data", stale_warning(view, now)))
    text = "\n".join([headline, "", *(f"{k}: {v}" for k, v in facts)])
    rows = "".join(
        f"<tr><th align=left>{html.escape(k)}</th><td>{_html_value(k, v)}</td></tr>"
        for k, v in facts
    )
    page = f"<p><strong>{html.escape(headline)}</strong></p><table>{rows}</table>"
    link = f"<{view.ticket_url}|{slack_escape(ticket_label)}>" if view.ticket_url else ticket_label
    slack = (
        f"*{slack_escape(headline)}*\n>{slack_escape(view.quote)}\n"
        f"Due {slack_escape(due)} · owner {slack_escape(view.owner or 'nobody')} · {link}"
    )
    add = (OVERDUE_TAG,) if kind in ("overdue", "lead", "manager") else ()
    return Notice(
        subject=headline,
        text=f"{NOTE_MARK} {text}",
        html=page,
        slack=slack,
        source=view.source,
        ticket=view.ticket,
        add_tags=add,
        headers={"X-Followthrough-Promise": str(view.promise_id)},
    )


def stale_warning(view: PromiseView, now: datetime) -> str:
    """The line a notice carries when it was decided on data older than one poll."""
    if view.synced_to is None:
        return (
            f"{view.source} has not completed a sync yet; "
            "a reply that keeps this promise may not be read yet"
        )
    return (
        f"{view.source} was last synced completely {humanize(now - view.synced_to)} ago "
        f"({local_time(view.synced_to, view.timezone)}); "
        "a reply since then may not be read yet"
    )


def _html_value(key: str, value: str) -> str:
    if key == "Link":
        return f'<a href="{html.escape(value, quote=True)}">{html.escape(value)}</a>'
    return html.escape(value)


def _tags(
    view: PromiseView,
    add: tuple[str, ...] = (),
    remove: tuple[str, ...] = (),
    due: datetime | None = None,
) -> Notice:
    words = f"tags on ticket #{view.ticket}: +{list(add)} -{list(remove)}"
    return Notice(
        subject=words,
        text=words,
        html=html.escape(words),
        slack=slack_escape(words),
        source=view.source,
        ticket=view.ticket,
        add_tags=add,
        remove_tags=remove,
        note=False,
        due=due,
    )
