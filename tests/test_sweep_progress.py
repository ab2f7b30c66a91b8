"""The sweep's progress lives in typed columns of `sweep_progress` (migration 0008), not
as strings in the lease table; upgrading moves the old lease rows over, downgrading puts
them back."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from tests.helpers.promise_world import World
from tracker.db import downgrade, make_engine, upgrade
from tracker.models import Assignment, Lease, Message, SweepProgress
from tracker.sweep import FULL_CHECK_EVERY, decide

AT = datetime(2026, 11, 24, 12, tzinfo=UTC)
FULL_CHECK_AT = datetime(2026, 11, 24, 12, 10, tzinfo=UTC)
OLD_ROWS = [
    ("sweep:message-watermark", "1234", AT),
    ("sweep:assignment-watermark", "56", AT),
    ("sweep:full-check", "sweep", FULL_CHECK_AT),
    ("sync:desk", "worker-1", AT),  # a real lease: stays where it is
]


def _leases(engine: sa.Engine) -> list[tuple[str, str, datetime]]:
    with Session(engine) as session:
        return sorted((r.name, r.owner, r.until) for r in session.exec(select(Lease)))


def _add_leases(engine: sa.Engine, rows: list[tuple[str, str, datetime]]) -> None:
    with Session(engine) as session:
        for name, owner, until in rows:
            session.add(Lease(name=name, owner=owner, until=until))
        session.commit()


def test_upgrading_moves_the_watermarks_out_of_the_lease_table_and_back(db_url):
    upgrade(db_url, "0004")
    engine = make_engine(db_url)
    _add_leases(engine, OLD_ROWS)
    upgrade(db_url, "0008")
    with Session(engine) as session:
        progress = session.exec(select(SweepProgress)).one()
        assert (progress.id, progress.message_watermark, progress.assignment_watermark) == (
            1,
            1234,
            56,
        )
        assert progress.full_check_at == FULL_CHECK_AT
        assert progress.updated_at == FULL_CHECK_AT  # the latest of the old rows
    assert _leases(engine) == [("sync:desk", "worker-1", AT)]

    downgrade(db_url, "0004")
    back = dict((name, owner) for name, owner, _ in _leases(engine))
    assert back == {
        "sweep:message-watermark": "1234",
        "sweep:assignment-watermark": "56",
        "sweep:full-check": "sweep",
        "sync:desk": "worker-1",
    }
    assert "sweep_progress" not in sa.inspect(engine).get_table_names()
    engine.dispose()


def test_a_watermark_that_was_not_a_number_counts_as_zero(db_url):
    upgrade(db_url, "0004")
    engine = make_engine(db_url)
    _add_leases(engine, [("sweep:message-watermark", "garbage", AT)])
    upgrade(db_url, "0008")
    with Session(engine) as session:
        progress = session.exec(select(SweepProgress)).one()
        assert (progress.message_watermark, progress.assignment_watermark) == (0, 0)
        assert progress.full_check_at is None
    engine.dispose()


def test_a_database_with_no_sweep_yet_gets_no_progress_row(db_url):
    upgrade(db_url, "0008")
    engine = make_engine(db_url)
    with Session(engine) as session:
        assert session.exec(select(SweepProgress)).all() == []
    engine.dispose()


def test_a_sweep_records_its_progress_as_numbers_and_a_time(engine):
    with Session(engine, expire_on_commit=False) as session:
        world = World(session)
        ticket = world.ticket()
        world.promise(ticket, world.amy, AT, AT, kind="update")
        world.reassign(ticket, world.bob, AT)
        session.commit()
        newest_message = session.exec(select(sa.func.max(Message.id))).one()
        newest_assignment = session.exec(select(sa.func.max(Assignment.id))).one()
    decide(engine, world.config, now=AT)
    with Session(engine) as session:
        progress = session.exec(select(SweepProgress)).one()
        assert progress.message_watermark == newest_message
        assert progress.assignment_watermark == newest_assignment
        assert progress.full_check_at == AT + FULL_CHECK_EVERY
        assert progress.updated_at == AT
        names = [lease.name for lease in session.exec(select(Lease))]
        assert not [name for name in names if name.startswith("sweep:")]
