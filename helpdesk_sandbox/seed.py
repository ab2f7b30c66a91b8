"""A deterministic, realistic week of support, relative to a given `now`, and a bulk
generator for benchmarks.

The week (two teams, four agents, ~12 tickets) covers what Follow-through must tell
apart: promises kept on time, kept late, broken after a hand-off, a ticket solved
without the promised follow-through, courtesy text, a customer's own "I will call you
tomorrow", internal notes, a trigger's automatic reply, and a callback kept by a logged
call.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from helpdesk_sandbox.bulk import bulk
from helpdesk_sandbox.directory import API_EMAIL, Seeded, directory
from helpdesk_sandbox.store import MovableClock, Person, Store, Ticket

__all__ = ["API_EMAIL", "Seeded", "bulk", "seed_week"]


def week_start(now: datetime) -> datetime:
    """Midnight UTC seven days before `now`'s date: the week's times of day ("09:00") are
    the same whatever time of day `now` is, so each case tells the same story. Its last
    fixed event is day 6 at 08:01, at least 15 hours before `now`."""
    return now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(
        days=7
    )


def seed_week(now: datetime, store: Store | None = None) -> Seeded:
    """The demo week, ending an hour before `now` (outside every export's exclusion window)."""
    clock = MovableClock(now)
    store = store or Store(clock)
    store.clock = clock
    week = week_start(now)
    api_user, groups, agents = directory(store, week - timedelta(days=30))
    out = Seeded(store, clock, api_user, agents, groups)
    names = [
        "Olivia Park",
        "Raj Patel",
        "Sofia Rossi",
        "Tom Nguyen",
        "Uma Shah",
        "Victor Lee",
        "Wendy Cho",
        "Xavier Diaz",
        "Yara Haddad",
        "Zoe Martin",
        "Liam Kelly",
        "Mia Novak",
    ]
    for name in names:
        first = name.split()[0].lower()
        out.customers[first] = store.add_customer(name, f"{first}@customer.example", at=week)
    c, a, g = out.customers, agents, groups

    def at(days: float, hours: float = 0) -> datetime:
        moment = week + timedelta(days=days, hours=hours)
        assert moment <= now - timedelta(hours=1), "the seeded week must end before now"
        return moment

    def ticket(
        key: str, subject: str, who: Person, body: str, when: datetime, agent: Person
    ) -> Ticket:
        group = g["Tier 1"] if agent in (a["amy"], a["ben"]) else g["Tier 2"]
        made = store.create_ticket(subject, who, body, assignee=agent, group=group, at=when)
        out.tickets[key] = made
        return made

    # 1. kept on time: Amy promises the invoice today and sends it three hours later
    t = ticket(
        "kept_on_time",
        "Wrong VAT on invoice",
        c["olivia"],
        "Hi, the VAT on invoice 4411 is wrong. Can you fix it?",
        at(0, 9),
        a["amy"],
    )
    store.add_comment(
        t.id,
        a["amy"],
        "Sorry about that, Olivia. I'll send you the corrected invoice by end of day today.",
        status="pending",
        at=at(0, 10),
    )
    store.add_comment(
        t.id,
        a["amy"],
        "Here is the corrected invoice 4411-B, attached.",
        status="solved",
        at=at(0, 13),
    )

    # 2. kept late: Ben promises an update tomorrow and writes three days later
    t = ticket(
        "kept_late",
        "Export stuck at 90%",
        c["raj"],
        "My CSV export has been stuck at 90% since this morning.",
        at(0, 11),
        a["ben"],
    )
    store.add_comment(
        t.id,
        a["ben"],
        "Thanks Raj. I will get back to you with an update by tomorrow.",
        status="pending",
        at=at(0, 12),
    )
    store.add_comment(t.id, c["raj"], "Any news on this?", status="open", at=at(2, 10))
    store.add_comment(
        t.id,
        a["ben"],
        "Apologies for the wait: the export is fixed now, please try again.",
        status="pending",
        at=at(3, 15),
    )

    # 3. broken after a hand-off: Amy promises Friday, the ticket moves to Chen, nobody writes
    t = ticket(
        "broken_after_handoff",
        "API returns 502 on bulk upload",
        c["sofia"],
        "Bulk upload fails with a 502 every time.",
        at(1, 9),
        a["amy"],
    )
    store.add_comment(
        t.id,
        a["amy"],
        "I'll check with our engineers and get back to you by Friday.",
        status="open",
        at=at(1, 10),
    )
    store.add_comment(
        t.id, a["amy"], "Engineering owns this one; handing to Tier 2.", public=False, at=at(1, 11)
    )
    store.assign(
        t.id,
        a["chen"],
        group=g["Tier 2"],
        actor=a["amy"],
        at=at(
            1,
            11,
        )
        + timedelta(minutes=5),
    )

    # 4. solved without follow-through: Ben promises a label, then the ticket is solved
    t = ticket(
        "solved_without_followthrough",
        "Return label missing",
        c["tom"],
        "I never received the return label for order 8812.",
        at(1, 14),
        a["ben"],
    )
    store.add_comment(
        t.id,
        a["ben"],
        "I'll email you the replacement shipping label tomorrow.",
        status="pending",
        at=at(1, 15),
    )
    store.set_status(t.id, "solved", actor=a["ben"], at=at(3, 9))

    # 5. courtesy text is not a promise
    t = ticket(
        "courtesy",
        "Thanks for the help",
        c["uma"],
        "All working now, thank you!",
        at(2, 9),
        a["dana"],
    )
    store.add_comment(
        t.id,
        a["dana"],
        "Thanks for reaching out! Let us know if there is anything else we can help with.",
        status="solved",
        at=at(2, 10),
    )

    # 6. the customer promises to call: not ours to keep
    t = ticket(
        "customer_promise",
        "Question about my plan",
        c["victor"],
        "I have a question about upgrading. I will call you tomorrow.",
        at(2, 11),
        a["dana"],
    )
    store.add_comment(t.id, a["dana"], "Sounds good, Victor, talk to you then.", at=at(2, 12))

    # 7. internal notes: a note to a colleague is not a promise to the customer
    t = ticket(
        "internal_note",
        "Double charge",
        c["wendy"],
        "I was charged twice this month.",
        at(3, 9),
        a["chen"],
    )
    store.add_comment(
        t.id,
        a["chen"],
        "Billing, I'll need you to refund the second charge tomorrow.",
        public=False,
        at=at(3, 10),
    )
    store.add_comment(
        t.id,
        a["chen"],
        "The duplicate charge has been refunded; you should see it within 5 days.",
        status="solved",
        at=at(3, 16),
    )

    # 8. a callback kept by a logged call
    t = ticket(
        "callback_kept_by_call",
        "Call me about the contract",
        c["xavier"],
        "Could someone call me about renewing our contract?",
        at(4, 13),
        a["dana"],
    )
    store.add_comment(
        t.id,
        a["dana"],
        "Of course. I'll call you back this afternoon.",
        status="pending",
        at=at(4, 14),
    )
    store.add_comment(
        t.id,
        a["dana"],
        "Outbound call to Xavier, discussed renewal terms.",
        public=False,
        call=True,
        channel="voice",
        at=at(4, 17),
    )

    # 9. a trigger's automatic reply, then a real promise still open
    t = ticket(
        "open_promise",
        "Dashboard is slow",
        c["yara"],
        "The dashboard takes a minute to load.",
        at(6, 8),
        a["amy"],
    )
    store.add_comment(
        t.id,
        a["dana"],
        "Your request has been received and is being reviewed "
        "by our support staff. We will get back to you soon.",
        channel="rule",
        at=at(6, 8) + timedelta(minutes=1),
    )
    store.add_comment(
        t.id,
        a["amy"],
        "I'll get back to you by tomorrow noon with what we find.",
        status="open",
        at=now - timedelta(hours=3),
    )

    # 10. a closed ticket: write-back must be refused (422)
    t = ticket(
        "closed", "Password reset", c["zoe"], "I cannot reset my password.", at(0, 8), a["ben"]
    )
    store.add_comment(
        t.id, a["ben"], "I have reset it for you; please try again.", status="solved", at=at(0, 9)
    )
    store.set_status(t.id, "closed", at=at(4, 9))

    # 11. a ticket deleted (spam)
    t = ticket(
        "deleted", "WIN A PRIZE", c["liam"], "Click here to claim your prize.", at(5, 9), a["chen"]
    )
    store.delete_ticket(t.id, at=at(5, 10))

    # 12. an unassigned new ticket, picked up by Ben from the queue
    t = store.create_ticket(
        "Feature request: dark mode",
        c["mia"],
        "Do you plan a dark mode?",
        group=g["Tier 1"],
        at=at(5, 12),
    )
    out.tickets["picked_from_queue"] = t
    store.assign(t.id, a["ben"], actor=a["ben"], at=at(5, 13))
    store.add_comment(
        t.id,
        a["ben"],
        "It's on our roadmap; I'll let you know when it ships.",
        status="pending",
        at=at(5, 14),
    )
    return out
