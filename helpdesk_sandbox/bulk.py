"""Many generated tickets and comments for benchmarks (deterministic for a seed)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from helpdesk_sandbox.directory import Seeded, directory
from helpdesk_sandbox.store import MovableClock, Store, Ticket

PROMISES = (
    "I'll call you back tomorrow.",
    "I will send you the logs by end of day.",
    "I'll get back to you with an update on Monday.",
    "Let me check with the team and I'll follow up tomorrow morning.",
)
REPLIES = (
    "Thanks for the details, looking into it now.",
    "Could you send us a screenshot of the error?",
    "That should be fixed now; please try again.",
    "Happy to help! Let us know if anything else comes up.",
)
ASKS = (
    "Hi, I cannot log in since this morning.",
    "The report export fails with an error.",
    "Any update on this?",
    "Thanks, that worked.",
)


def bulk(
    now: datetime,
    n_tickets: int,
    n_comments: int,
    *,
    seed: int = 7,
    store: Store | None = None,
) -> Seeded:
    """`n_tickets` tickets and `n_comments` further comments spread over the week before
    `now` (ending 10 minutes before it), a tenth of agent replies carrying a promise."""
    rng = random.Random(seed)
    clock = MovableClock(now)
    store = store or Store(clock)
    store.clock = clock
    start = now - timedelta(days=7)
    span = (timedelta(days=7) - timedelta(minutes=10)).total_seconds()
    api_user, groups, agents = directory(store, start - timedelta(days=30))
    out = Seeded(store, clock, api_user, agents, groups)
    team = list(agents.values())
    customers = [
        store.add_customer(f"Customer {i}", f"customer{i}@example.net", at=start)
        for i in range(max(1, n_tickets // 2))
    ]
    created = sorted(rng.random() * span * 0.8 for _ in range(n_tickets))
    actions: list[tuple[float, int, int]] = []  # (offset, kind 0=create 1=comment, index)
    actions += [(offset, 0, i) for i, offset in enumerate(created)]
    for _ in range(n_comments):
        i = rng.randrange(n_tickets)
        actions.append((created[i] + rng.random() * (span - created[i]), 1, i))
    actions.sort()
    tickets: list[Ticket | None] = [None] * n_tickets
    for offset, kind, i in actions:
        when = start + timedelta(seconds=offset)
        if kind == 0:
            agent = team[i % len(team)]
            tickets[i] = store.create_ticket(
                f"Ticket {i}",
                customers[i % len(customers)],
                ASKS[i % len(ASKS)],
                assignee=agent,
                group=groups["Tier 1"] if i % 2 else groups["Tier 2"],
                at=when,
            )
            continue
        made = tickets[i]
        assert made is not None
        if rng.random() < 0.5:
            text = rng.choice(PROMISES) if rng.random() < 0.1 else rng.choice(REPLIES)
            author = store.people[made.assignee_id] if made.assignee_id else team[0]
            store.add_comment(made.id, author, text, at=when)
        else:
            store.add_comment(made.id, made.requester_id, rng.choice(ASKS), at=when)
    out.tickets = {str(t.id): t for t in tickets if t is not None}
    return out
