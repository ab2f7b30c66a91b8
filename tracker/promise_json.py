"""The JSON form of a listed promise: `promises --json`, `promise … --json` and the web API.

Made only at those edges; everything else reads the typed rows of tracker.queries.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from tracker.queries import EscalationRow, PromiseRow, promise_rows


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def escalation_json(row: EscalationRow) -> dict[str, Any]:
    return {
        "step": row.step,
        "channel": row.channel,
        "recipient": row.recipient,
        "sent_at": _iso(row.sent_at),
        "status": row.status,
        "attempts": row.attempts,
        "error": row.error,
    }


def promise_json(row: PromiseRow) -> dict[str, Any]:
    """One promise as a JSON object; the keys and their order are the documented shape."""
    return {
        "id": row.id,
        "source": row.source,
        "ticket": row.ticket,
        "quote": row.quote,
        "kind": row.kind,
        "state": row.state,
        "due": _iso(row.due),
        "due_is_default": row.due_is_default,
        "due_text": row.due_text,
        "maker": row.maker,
        "owner": row.owner,
        "team": row.team,
        "made_at": _iso(row.made_at),
        "kept_at": _iso(row.kept_at),
        "closed_at": _iso(row.closed_at),
        "snoozed_until": _iso(row.snoozed_until),
        "overdue": row.overdue,
        "late_by_seconds": int(row.late_by.total_seconds()) if row.late_by else None,
        "ticket_subject": row.ticket_subject,
        "ticket_url": row.ticket_url,
        "ticket_status": row.ticket_status,
        "inherited": row.inherited,
        "acted_by": row.acted_by,
        "reason": row.reason,
        "escalations": [escalation_json(e) for e in row.escalations],
    }


def promise_json_rows(session: Session, **filters: Any) -> list[dict[str, Any]]:
    """`tracker.queries.promise_rows(session, **filters)`, each as its JSON object."""
    return [promise_json(row) for row in promise_rows(session, **filters)]
