"""The kinds of promise, declared once: the extractor, the tables and the types read them here."""

from __future__ import annotations

from typing import Literal, get_args

# Most customer-facing first: a sentence with several commitments takes the first of
# these that any of them has (tracker.extraction).
PromiseKind = Literal["callback", "update", "send", "fix", "escalate", "check"]
PROMISE_KINDS: tuple[PromiseKind, ...] = get_args(PromiseKind)
