"""One ticket with very many promises: the sweep must stay linear (issue 14, item 3).

Builds one ticket holding N open promises (20 per message, the extractor's cap per
message; the messages are private notes, so none keeps another's promise), all overdue
and all handed off to a new assignee at once, then times one decision pass. Prints the
seconds and promises per second for each N, and the ratio of the largest to the
smallest per promise (about 1 when the work is linear).

    python benchmarks/one_ticket_bench.py                      # 2,000 and 50,000, SQLite
    python benchmarks/one_ticket_bench.py --promises 2000 50000 --db postgresql
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.sweep_bench import MESSAGE_COLS, NOW, PG_ADMIN, PROMISE_COLS, TICKET_COLS, _sqlite
from tracker.config import Config, EmailConfig, EscalationConfig, TeamConfig
from tracker.db import make_engine, upgrade
from tracker.durations import parse_duration
from tracker.models import Source
from tracker.sweep import decide

PER_MESSAGE = 20


def config_for(url: str) -> Config:
    config = Config()
    config.database_url = url
    config.teams = [
        TeamConfig(
            name="Bench",
            timezone="UTC",
            leads=["lead@acme.example"],
            members=["amy@acme.example", "ben@acme.example"],
        )
    ]
    config.escalation = EscalationConfig(
        remind_before=parse_duration("1h"),
        grace=parse_duration("2h"),
        managers=["boss@acme.example"],
        digest_at="23:59",
    )
    # decide only queues the notices; nothing is sent, so no server needs to listen
    config.email = EmailConfig(smtp_host="127.0.0.1", smtp_port=25, sender="ft@acme.example")
    return config


def load(engine: sa.Engine, n: int) -> None:
    made = NOW - timedelta(days=3)
    people = [
        (1, 1, "c1", "Carla", "carla@example.com", "customer", None),
        (2, 1, "a1", "Amy", "amy@acme.example", "agent", 1),
        (3, 1, "a2", "Ben", "ben@acme.example", "agent", 1),
    ]
    ticket = [(1, 1, "1", "One busy ticket", 1, 3, "open")]  # now Ben's: a hand-off for all
    messages: list[tuple[Any, ...]] = []
    promises: list[tuple[Any, ...]] = []
    for m in range(1, n // PER_MESSAGE + 1):
        sent = made + timedelta(seconds=m)
        messages.append((m, 1, f"m{m}", 1, 2, "agent", False, False, False, sent, "", "", ""))
        for k in range(PER_MESSAGE):
            pid = (m - 1) * PER_MESSAGE + k + 1
            due = NOW - timedelta(hours=3)
            promises.append(
                (pid, m, 1, k * 10, k * 10 + 9, "I'll update you", "update", due, False,
                 2, 2, "open", sent, None, due - timedelta(hours=1), sent, sent)
            )  # fmt: skip
    with engine.begin() as conn:
        conn.execute(sa.insert(Source).values(id=1, name="desk", type="imap", last_success_at=NOW))
        conn.exec_driver_sql(
            "INSERT INTO team (id, name, timezone, working_hours, working_days, leads) "
            "VALUES (1, 'Bench', 'UTC', '00:00-23:59', 'Mon-Sun', '[\"lead@acme.example\"]')"
        )
        tables: list[tuple[str, str, list[tuple[Any, ...]]]] = [
            ("person", "id, source_id, external_id, name, email, role, team_id", people),
            ("ticket", TICKET_COLS, ticket),
            ("message", MESSAGE_COLS, messages),
            ("promise", PROMISE_COLS, promises),
        ]
        for table, cols, data in tables:
            marks = ", ".join([f":p{i}" for i in range(len(data[0]))])
            conn.execute(
                sa.text(f"INSERT INTO {table} ({cols}) VALUES ({marks})"),
                [
                    {f"p{i}": (_sqlite(v) if engine.dialect.name == "sqlite" else v)
                     for i, v in enumerate(row)}
                    for row in data
                ],
            )  # fmt: skip
        handed = NOW - timedelta(hours=2)  # the hand-off as ingest records it
        conn.exec_driver_sql(
            "INSERT INTO assignment (source_id, external_id, ticket_id, from_assignee_id, "
            "to_assignee_id, changed_at) VALUES (1, 'h1', 1, 2, 3, ?)"
            if engine.dialect.name == "sqlite"
            else "INSERT INTO assignment (source_id, external_id, ticket_id, from_assignee_id, "
            "to_assignee_id, changed_at) VALUES (1, 'h1', 1, 2, 3, %s)",
            (_sqlite(handed) if engine.dialect.name == "sqlite" else handed,),
        )
        if engine.dialect.name == "postgresql":
            for table in ("person", "ticket", "message", "promise"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )


def database(kind: str, workdir: Path) -> tuple[str, tuple[sa.Engine, str] | None]:
    if kind == "sqlite":
        return f"sqlite:///{workdir / f'bench-{uuid.uuid4().hex[:6]}.db'}", None
    name = f"ft_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    return make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False), (
        admin,
        name,
    )


def drop(handle: tuple[sa.Engine, str] | None) -> None:
    if handle is None:
        return
    admin, name = handle
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def run(kind: str, n: int, workdir: Path) -> float:
    url, handle = database(kind, workdir)
    try:
        upgrade(url)
        engine = make_engine(url)
        load(engine, n)
        started = time.perf_counter()
        report = decide(engine, config_for(url), now=NOW)
        seconds = time.perf_counter() - started
        engine.dispose()
    finally:
        drop(handle)
    assert report.examined == n and report.handoffs == n, report
    print(
        f"{kind:10} {n:>7,} promises on one ticket: decide {seconds:7.2f} s, "
        f"{n / seconds:8,.0f} promises/s, {report.escalations_created:,} notices queued",
        flush=True,
    )
    return seconds


def main() -> None:
    from integrations.registry import install

    install()  # as the CLI does: the core reads sources and tickets through the specs
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--promises", type=int, nargs="+", default=[2000, 50000])
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="sqlite")
    args = parser.parse_args()
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    with tempfile.TemporaryDirectory() as workdir:
        for kind in kinds:
            sizes = sorted(args.promises)
            per = {n: run(kind, n, Path(workdir)) / n for n in sizes}
            small, large = sizes[0], sizes[-1]
            print(
                f"{kind:10} seconds per promise at {large:,} / at {small:,}: "
                f"{per[large] / per[small]:.2f} (1.0 = linear)",
                flush=True,
            )


if __name__ == "__main__":
    main()
