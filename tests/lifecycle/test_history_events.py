"""Every history event of a promise is made by one builder (tracker.promises.history)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from tracker.promises.history import SYSTEM_ACTOR, history_event
from tracker.promises.lifecycle import current_owner

ROOT = Path(__file__).resolve().parents[2]
AT = datetime(2026, 11, 24, 9, tzinfo=UTC)


def test_an_event_keeps_its_promise_time_actor_and_details_in_order():
    event = history_event(7, "snoozed", AT, "amy@acme.example", {"until": "x", "channel": "web"})
    assert (event.promise_id, event.event, event.at, event.actor) == (
        7,
        "snoozed",
        AT,
        "amy@acme.example",
    )
    assert event.detail == '{"until": "x", "channel": "web"}'


def test_details_json_cannot_hold_are_stored_as_text():
    event = history_event(7, "resumed", AT, SYSTEM_ACTOR, {"snoozed_until": AT})
    assert json.loads(event.detail) == {"snoozed_until": "2026-11-24 09:00:00+00:00"}
    assert event.actor == "followthrough"


def test_an_event_without_details_stores_an_empty_object():
    assert history_event(7, "kept", AT, None).detail == "{}"


def test_the_owner_is_the_assignee_else_the_maker():
    assert current_owner(3, 5) == 3
    assert current_owner(None, 5) == 5
    assert current_owner(None, None) is None


def test_no_module_but_the_builder_makes_a_history_row():
    made_here = re.compile(r"(?<!class )\bPromiseEvent\(")
    elsewhere = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "tracker").rglob("*.py"))
        if made_here.search(path.read_text(encoding="utf-8"))
        and path.relative_to(ROOT).as_posix() != "tracker/promises/history.py"
    ]
    assert elsewhere == []


def test_no_module_reimplements_the_owner_rule():
    # The rule's tell: an assignee falling back to the message's or maker's author.
    reimplemented = re.compile(r"assignee_id\s+(?:or|if\b[^\n]*\belse)\s+\w+\.(?:author_)?id")
    found = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "tracker").rglob("*.py"))
        if reimplemented.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
