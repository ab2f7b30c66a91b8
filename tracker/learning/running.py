"""`followthrough learn` and the weekly job: read the corrections, refit, validate, switch."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine

from tracker.config import Config
from tracker.db import session_scope
from tracker.learning import refit, status, store
from tracker.learning.examples import load_corrections


def learn_now(engine: Engine, config: Config, *, now: datetime) -> refit.Outcome:
    """One refit of this deployment's decision model from its corrections."""
    with session_scope(engine) as session:
        items = load_corrections(session)
    in_use = store.decision_in_use(config)
    return refit.learn(
        items,
        in_use,
        store.models_dir(config),
        now=now,
        threshold=config.extraction.threshold,
    )


def status_now(engine: Engine, config: Config, *, now: datetime) -> dict[str, Any]:
    """Live precision per team and kind, and the decision in use."""
    with session_scope(engine) as session:
        rows = status.live_precision(session, now)
    try:
        decider = store.decision_in_use(config)
        problem = None
    except store.ModelStoreError as exc:
        decider, problem = store.decision_for_sync(config), str(exc)
    return {
        "since": (now - status.WINDOW).isoformat(timespec="seconds"),
        "until": now.isoformat(timespec="seconds"),
        "live": [r.as_dict() for r in rows],
        "in_use": {
            "decision": decider.name,
            "description": decider.describe(),
            "threshold": decider.threshold,
            "file": decider.file,
            "created_at": (decider.info or {}).get("created_at"),
            "validation": (decider.info or {}).get("validation"),
            "problem": problem,
        },
        "models_dir": str(store.models_dir(config)),
        "use_local_model": config.learning.use_local_model,
    }
