"""Pruning benchmark: N promises with two history rows each (an event and an outbox row),
90 % of them closed before the retention cutoff, on SQLite (and PostgreSQL with --db pg).

Prints the load time, then how long `tracker.retention.prune` takes and the rows it
removed, and how long a second (idle) run takes.

    python benchmarks/prune_bench.py                       # 1,000,000 promises, SQLite
    python benchmarks/prune_bench.py --promises 100000 --db pg
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker.db import make_engine, upgrade
from tracker.retention import prune

NOW = datetime(2027, 6, 1, tzinfo=UTC)
KEEP = timedelta(days=180)
CHUNK = 20_000


def load(engine: sa.Engine, count: int) -> None:
    def at(moment: datetime) -> object:
        return moment.replace(tzinfo=None) if engine.dialect.name == "sqlite" else moment

    old, recent = at(NOW - timedelta(days=400)), at(NOW - timedelta(days=10))
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO source (id, name, type) VALUES (1, 'desk', 'imap')"))
        conn.execute(sa.text("INSERT INTO ticket (id, source_id, external_id, subject, status) "
                             "VALUES (1, 1, 't1', '', 'open')"))  # fmt: skip
        conn.execute(
            sa.text("INSERT INTO message (id, source_id, external_id, ticket_id, author_role, "
                    "public, channel, is_call, is_own_note, sent_at, text, body_hash) VALUES "
                    "(1, 1, 'm1', 1, 'agent', true, '', false, false, :at, '', '')"),
            {"at": old},
        )  # fmt: skip
    promise = sa.text(
        'INSERT INTO promise (id, message_id, ticket_id, start, "end", quote, kind, due_at, '
        "due_is_default, state, made_at, closed_at, created_at, updated_at) VALUES (:id, 1, 1, "
        ":id, :id, 'I will call', 'callback', :at, false, :state, :at, :closed, :at, :at)"
    )
    event = sa.text("INSERT INTO promise_event (promise_id, at, event, detail) "
                    "VALUES (:id, :at, 'made', '{}')")  # fmt: skip
    outbox = sa.text(
        "INSERT INTO escalation (promise_id, step, channel, recipient, status, due_at, "
        "attempts, created_at) VALUES (:id, 'overdue', 'email', 'a@x', 'sent', :at, 1, :at)"
    )
    for start in range(1, count + 1, CHUNK):
        rows = []
        for i in range(start, min(start + CHUNK, count + 1)):
            closed = i % 10 != 0
            when = old if closed else recent
            rows.append({"id": i, "at": when, "state": "kept" if closed else "open",
                         "closed": when if closed else None})  # fmt: skip
        with engine.begin() as conn:
            conn.execute(promise, rows)
            conn.execute(event, rows)
            conn.execute(outbox, rows)


def main() -> None:
    from integrations.registry import install

    install()  # as the CLI does: the core reads sources and tickets through the specs
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--promises", type=int, default=1_000_000)
    parser.add_argument("--db", choices=("sqlite", "pg"), default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.db == "sqlite":
            url = f"sqlite:///{Path(tmp) / 'prune.db'}"
        else:
            name = f"ft_bench_{uuid.uuid4().hex[:8]}"
            admin = sa.create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test",
                                     isolation_level="AUTOCOMMIT")  # fmt: skip
            with admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
            url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        try:
            upgrade(url)
            engine = make_engine(url)
            started = time.perf_counter()
            load(engine, args.promises)
            print(f"{args.db}: loaded {args.promises:,} promises with an event and an outbox "
                  f"row each in {time.perf_counter() - started:.1f}s")  # fmt: skip
            started = time.perf_counter()
            report = prune(engine, now=NOW, keep=KEEP)
            took = time.perf_counter() - started
            print(f"{args.db}: pruned {report.promises:,} promises, {report.events:,} events, "
                  f"{report.escalations:,} outbox rows in {took:.1f}s "
                  f"({report.promises / took:,.0f} promises/s)")  # fmt: skip
            started = time.perf_counter()
            prune(engine, now=NOW, keep=KEEP)
            print(f"{args.db}: a second run with nothing to prune: "
                  f"{time.perf_counter() - started:.2f}s")  # fmt: skip
            engine.dispose()
        finally:
            if args.db == "pg":
                with admin.connect() as conn:
                    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
