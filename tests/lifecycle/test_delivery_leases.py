"""A claim made late in a long delivery pass holds its rows for the full lease from the
moment it is made, not from the pass's start (else a second worker could take and send
them again while the first is still working through its batch)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from tests.helpers.promise_world import World, make_config, utc
from tracker.config import SlackConfig, parse_duration
from tracker.models import Escalation
from tracker.outbox import delivery
from tracker.outbox.delivery import Deliverer
from tracker.outbox.transport import Notice
from tracker.sweep import decide

MADE = utc(2026, 11, 23, 10)
DUE = utc(2026, 11, 24, 11)
NOW = utc(2026, 11, 24, 13)
STEP = timedelta(minutes=4)


class SlowSlack:
    """A transport whose every send takes four minutes on the pass's clock; it notes how
    long the row it is sending is still leased to this worker when the send starts."""

    def __init__(self, engine, clock):
        self.engine, self.clock = engine, clock
        self.lease_left: list[timedelta] = []
        self.sending: int | None = None

    def send(self, notice: Notice, recipient: str) -> None:
        with Session(self.engine) as session:
            query = select(Escalation.lease_until).where(Escalation.lease_owner == "w1")
            leased = [until for until in session.exec(query) if until is not None]
        wall = NOW + timedelta(seconds=self.clock.seconds)
        self.lease_left.append(min(until.replace(tzinfo=NOW.tzinfo) for until in leased) - wall)
        self.clock.seconds += STEP.total_seconds()


class PassClock:
    def __init__(self):
        self.seconds = 0.0

    def __call__(self) -> float:
        return self.seconds


def test_each_claim_holds_its_rows_for_the_whole_lease(engine, monkeypatch):
    rows = 3
    config = make_config(email_port=None)
    config.service.lease = parse_duration("5m")
    config.service.channel_time = parse_duration("1h")
    monkeypatch.setenv("FT_TEST_SLACK", "https://hooks.slack.com/services/T0/B0/X")
    config.slack = SlackConfig(options={"webhook_url_env": "FT_TEST_SLACK"})
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, config)
        for _ in range(rows):
            world.promise(world.ticket(assignee=world.amy), world.amy, MADE, DUE)
        session.commit()
    decide(engine, config, now=NOW)
    monkeypatch.setattr(delivery, "CLAIM_BATCH", 1)  # one row per claim: a claim per send
    clock = PassClock()
    slack = SlowSlack(engine, clock)
    deliverer = Deliverer(engine, config, NOW, "w1", {"slack": slack}, clock=clock)
    deliverer.run(Escalation, limit=100)
    assert len(slack.lease_left) >= rows
    # Every row sent 4, 8 … minutes into the pass still had its whole 5-minute lease.
    assert all(left == timedelta(minutes=5) for left in slack.lease_left), slack.lease_left
