"""A promise's history: every PromiseEvent row is made here, so all have one shape."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from tracker.models import PromiseEvent

SYSTEM_ACTOR = "followthrough"  # what the sweep does of itself


def history_event(
    promise_id: int,
    event: str,
    at: datetime,
    actor: str | None,
    detail: Mapping[str, object] | None = None,
) -> PromiseEvent:
    """One event of one promise. `detail` is stored as a JSON object; values JSON has no
    form for (a datetime) are stored as their `str`."""
    return PromiseEvent(
        promise_id=promise_id,
        at=at,
        event=event,
        actor=actor,
        detail=json.dumps(dict(detail or {}), default=str),
    )
