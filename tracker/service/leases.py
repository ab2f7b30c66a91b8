"""Named leases in the `lease` table: at most one holder at a time, by compare-and-set.

A worker takes a lease with an UPDATE … WHERE until < now (or an INSERT when the row
does not exist yet), renews it while it works, and deletes it when done. A worker that
dies simply stops renewing, so its lease runs out and another worker takes over. No
database locks are held between statements, so this works the same on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from tracker.models import Lease
from tracker.service.logs import event

log = logging.getLogger(__name__)

# SQLModel does not declare `__table__` on table classes (it is there at run time)
_table = Lease.__table__  # type: ignore[attr-defined]


def new_worker_id(configured: str | None = None) -> str:
    """`configured`, or host:pid:random (the pid lets a worker on the same host tell
    whether the holder of a lease is still alive)."""
    if configured:
        return configured
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def acquire(engine: Engine, name: str, owner: str, *, now: datetime, length: timedelta) -> bool:
    """Take lease `name` for `owner` until now + length; False when someone else holds it.

    The same owner re-acquiring its own lease extends it.
    """
    until = now + length
    with engine.begin() as conn:
        taken = conn.execute(
            sa.update(_table)
            .where(_table.c.name == name)
            .where(sa.or_(_table.c.until < now, _table.c.owner == owner))
            .values(owner=owner, until=until)
        )
        if taken.rowcount == 1:
            return True
    try:
        with engine.begin() as conn:
            conn.execute(sa.insert(_table).values(name=name, owner=owner, until=until))
        return True
    except IntegrityError:  # the row exists and is held by someone else
        return False


def renew(engine: Engine, name: str, owner: str, *, now: datetime, length: timedelta) -> bool:
    """Extend a lease we hold; False when it is no longer ours (it ran out and was taken)."""
    with engine.begin() as conn:
        result = conn.execute(
            sa.update(_table)
            .where(_table.c.name == name, _table.c.owner == owner)
            .values(until=now + length)
        )
        return result.rowcount == 1


def release(engine: Engine, name: str, owner: str) -> bool:
    with engine.begin() as conn:
        result = conn.execute(
            sa.delete(_table).where(_table.c.name == name, _table.c.owner == owner)
        )
        return result.rowcount == 1


def holder(engine: Engine, name: str) -> tuple[str, datetime] | None:
    """(owner, until) of lease `name`, or None."""
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(_table.c.owner, _table.c.until).where(_table.c.name == name)
        ).first()
    return (row[0], row[1]) if row else None


def owner_is_alive(owner: str) -> bool | None:
    """True/False when `owner` is a process on this host (by pid), None when we cannot tell."""
    parts = owner.split(":")
    if len(parts) < 2 or parts[0] != socket.gethostname() or not parts[1].isdigit():
        return None
    try:
        os.kill(int(parts[1]), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class HeldLease:
    """A lease renewed in a background thread every third of its length until released.

    `lost` is set when a renewal finds the lease taken by someone else (this worker
    stalled longer than the lease); the work in hand should stop as soon as it can.
    """

    def __init__(
        self,
        engine: Engine,
        name: str,
        owner: str,
        length: timedelta,
        clock: Callable[[], datetime],
    ):
        self.engine = engine
        self.name = name
        self.owner = owner
        self.length = length
        self.clock = clock
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> HeldLease:
        self._thread = threading.Thread(
            target=self._renew_loop, name=f"lease:{self.name}", daemon=True
        )
        self._thread.start()
        return self

    def _renew_loop(self) -> None:
        interval = max(self.length.total_seconds() / 3, 0.2)
        while not self._stop.wait(interval):
            try:
                now = self.clock()
                if not renew(self.engine, self.name, self.owner, now=now, length=self.length):
                    event(log, "lease.lost", level=logging.WARNING, lease=self.name)
                    self.lost.set()
                    return
            except Exception as exc:  # the database is down: keep trying until it runs out
                event(log, "lease.renew_failed", level=logging.WARNING, lease=self.name, error=exc)

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        try:
            release(self.engine, self.name, self.owner)
        except Exception as exc:  # it will expire on its own
            event(log, "lease.release_failed", level=logging.WARNING, lease=self.name, error=exc)


def try_hold(
    engine: Engine,
    name: str,
    owner: str,
    length: timedelta,
    clock: Callable[[], datetime],
) -> HeldLease | None:
    """Acquire lease `name` and keep it renewed; None when another worker holds it."""
    if not acquire(engine, name, owner, now=clock(), length=length):
        return None
    return HeldLease(engine, name, owner, length, clock).start()
