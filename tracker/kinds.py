"""The closed sets of values stored in string columns, declared once as `Literal` types.

A dependency-free leaf: the extractor, the lifecycle and the models all import it. The
tuples are read from the types, so a value added to a type is in its tuple too.
"""

from __future__ import annotations

from typing import Literal, get_args

PromiseState = Literal["open", "kept", "broken", "dismissed", "snoozed"]
# Most customer-facing first: a sentence with several commitments takes the first of
# these that any of them has (tracker.extraction).
PromiseKind = Literal["callback", "update", "send", "fix", "escalate", "check"]
# An outbox row (escalation or digest): waiting, delivered, given up, or no longer wanted.
OutboxStatus = Literal["pending", "sent", "failed", "cancelled"]

PROMISE_STATES: tuple[PromiseState, ...] = get_args(PromiseState)
PROMISE_KINDS: tuple[PromiseKind, ...] = get_args(PromiseKind)
OUTBOX_STATUSES: tuple[OutboxStatus, ...] = get_args(OutboxStatus)
