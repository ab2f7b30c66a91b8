"""Named leases: one holder at a time, renewed while held, taken over once expired."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.helpers.db import create_pg_database, drop_pg_database
from tests.helpers.waiting import wait_until
from tracker.db import make_engine, upgrade
from tracker.service import leases

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
FIVE_MIN = timedelta(minutes=5)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_engine(request, tmp_path_factory):
    """One database per back end for the whole module (creating one per test costs more
    than the tests); `engine` empties the lease table before each test."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('leases') / 'ft.db'}"
    else:
        url = create_pg_database()
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()
    if request.param == "postgresql":
        drop_pg_database(url)


@pytest.fixture
def engine(shared_engine):
    with shared_engine.begin() as conn:
        conn.execute(sa.text("delete from lease"))
    return shared_engine


def test_it_gives_a_free_lease_to_the_first_worker_only(engine):
    assert leases.acquire(engine, "sync:zendesk", "amy-worker", now=T0, length=FIVE_MIN)
    assert not leases.acquire(engine, "sync:zendesk", "bob-worker", now=T0, length=FIVE_MIN)
    assert leases.holder(engine, "sync:zendesk")[0] == "amy-worker"


def test_the_holder_can_take_its_own_lease_again_and_extends_it(engine):
    assert leases.acquire(engine, "sync:zendesk", "amy-worker", now=T0, length=FIVE_MIN)
    later = T0 + timedelta(minutes=4)
    assert leases.acquire(engine, "sync:zendesk", "amy-worker", now=later, length=FIVE_MIN)
    assert leases.holder(engine, "sync:zendesk")[1] == later + FIVE_MIN


def test_an_expired_lease_goes_to_the_next_worker_and_the_old_holder_cannot_renew_it(engine):
    assert leases.acquire(engine, "sync:zendesk", "amy-worker", now=T0, length=FIVE_MIN)
    after = T0 + FIVE_MIN + timedelta(seconds=1)
    assert leases.acquire(engine, "sync:zendesk", "bob-worker", now=after, length=FIVE_MIN)
    assert not leases.renew(engine, "sync:zendesk", "amy-worker", now=after, length=FIVE_MIN)
    assert not leases.release(engine, "sync:zendesk", "amy-worker")
    assert leases.holder(engine, "sync:zendesk")[0] == "bob-worker"


def test_a_released_lease_is_free_at_once(engine):
    assert leases.acquire(engine, "sync:zendesk", "amy-worker", now=T0, length=FIVE_MIN)
    assert leases.release(engine, "sync:zendesk", "amy-worker")
    assert leases.holder(engine, "sync:zendesk") is None
    assert leases.acquire(engine, "sync:zendesk", "bob-worker", now=T0, length=FIVE_MIN)


def test_leases_with_different_names_do_not_interfere(engine):
    assert leases.acquire(engine, "sync:zendesk", "amy-worker", now=T0, length=FIVE_MIN)
    assert leases.acquire(engine, "sync:freshdesk", "bob-worker", now=T0, length=FIVE_MIN)


def test_many_workers_racing_for_one_lease_give_it_to_exactly_one(engine):
    winners: list[str] = []
    barrier = threading.Barrier(6)

    def race(owner: str) -> None:
        barrier.wait()
        if leases.acquire(engine, "sync:zendesk", owner, now=T0, length=FIVE_MIN):
            winners.append(owner)

    threads = [threading.Thread(target=race, args=(f"w{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1
    assert leases.holder(engine, "sync:zendesk")[0] == winners[0]


def test_a_held_lease_is_renewed_in_the_background_until_released(engine):
    clock_now = [datetime.now(UTC)]
    held = leases.try_hold(
        engine, "sync:zendesk", "amy-worker", timedelta(seconds=0.6), lambda: clock_now[0]
    )
    assert held is not None
    first_until = leases.holder(engine, "sync:zendesk")[1]
    clock_now[0] += timedelta(seconds=1)
    # one renewal (every third of the length, at least 0.2 s)
    wait_until(lambda: leases.holder(engine, "sync:zendesk")[1] > first_until, 1, "a renewal")
    assert leases.holder(engine, "sync:zendesk")[1] > first_until
    held.release()
    assert leases.holder(engine, "sync:zendesk") is None


def test_a_worker_that_lost_its_lease_is_told_so(engine):
    now = [T0]
    held = leases.try_hold(
        engine, "sync:zendesk", "amy-worker", timedelta(seconds=0.6), lambda: now[0]
    )
    assert held is not None
    now[0] = T0 + timedelta(seconds=5)  # amy stalled past its lease; bob takes it
    assert leases.acquire(engine, "sync:zendesk", "bob-worker", now=now[0], length=FIVE_MIN)
    assert held.lost.wait(timeout=2)
    held.release()
    assert leases.holder(engine, "sync:zendesk")[0] == "bob-worker"


def test_a_worker_id_names_this_host_and_process_so_liveness_can_be_checked():
    worker = leases.new_worker_id()
    assert leases.owner_is_alive(worker) is True
    host = worker.split(":")[0]
    assert leases.owner_is_alive(f"{host}:999999999:abc") is False
    assert leases.owner_is_alive("configured-name") is None
    assert leases.new_worker_id("ops-1") == "ops-1"
