"""Sweep benchmark: N promises (10 % open) on SQLite and PostgreSQL.

Prints: bulk-load time; one sweep when nothing is due; one when 10,000 promises
become due at once (decision time, then e-mails delivered per second to a local
aiosmtpd server); and the query plans of the due-promise query.

    python benchmarks/sweep_bench.py                       # 1,000,000 promises, both DBs
    python benchmarks/sweep_bench.py --promises 50000 --db sqlite
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from integrations.notify import transports_for
from tracker.config import Config, EmailConfig, EscalationConfig, TeamConfig
from tracker.db import make_engine, upgrade
from tracker.durations import parse_duration
from tracker.models import Source
from tracker.promises.candidates import candidates_by_ticket, due_query
from tracker.sweep import decide, deliver, run_sweep

PG_ADMIN = os.environ.get("FOLLOWTHROUGH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1/test")
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # a Tuesday
AGENTS = 100


SMTP_SERVER = """
import sys
from aiosmtpd.controller import Controller

class Counting:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        Counting.count += 1
        return "250 OK"

controller = Controller(Counting(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
print(Counting.count, flush=True)
"""


class SmtpProcess:
    """aiosmtpd in its own process, so the server does not share our GIL."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-c", SMTP_SERVER, str(self.port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready"

    def stop(self) -> int:
        """Stop the server; returns how many messages it received."""
        out, _ = self.process.communicate("", timeout=60)
        return int(out.strip() or 0)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def config_for(url: str, port: int) -> Config:
    config = Config()
    config.database_url = url
    config.teams = [
        TeamConfig(
            name="Bench",
            timezone="UTC",
            leads=["lead@acme.example"],
            members=[f"agent{i}@acme.example" for i in range(AGENTS)],
        )
    ]
    config.escalation = EscalationConfig(
        remind_before=parse_duration("1h"),
        grace=parse_duration("2h"),
        managers=["boss@acme.example"],
        digest_at="23:59",
    )
    config.email = EmailConfig(smtp_host="127.0.0.1", smtp_port=port, sender="ft@acme.example")
    return config


# -- bulk load ---------------------------------------------------------------------------------
def rows(n: int, open_every: int):
    """Tickets (two promises each), messages (one per promise) and promises."""
    rng = random.Random(7)
    made = NOW - timedelta(days=30)
    tickets, messages, promises = [], [], []
    for i in range(1, n // 2 + 1):
        agent = 2 + (i % AGENTS)
        is_open = ((2 * i - 1) % open_every) == 0 or ((2 * i) % open_every) == 0
        tickets.append((i, 1, str(i), f"Ticket {i}", 1, agent, "open" if is_open else "solved"))
    for pid in range(1, n + 1):
        ticket = (pid + 1) // 2
        agent = 2 + (ticket % AGENTS)
        sent = made + timedelta(minutes=pid % 40000)
        messages.append(
            (pid, 1, f"m{pid}", ticket, agent, "agent", True, False, False, sent, "", "", "")
        )
        if pid % open_every == 0:
            due = NOW + timedelta(days=1 + rng.random() * 20)
            state, kept, nxt = "open", None, due - timedelta(hours=1)
        else:
            due = sent + timedelta(days=1)
            state, kept, nxt = "kept", due - timedelta(hours=2), None
        promises.append(
            (pid, pid, ticket, 0, 30, "I'll call you back tomorrow", "callback", due, False,
             agent, agent, state, sent, kept, nxt, sent, sent)
        )  # fmt: skip
    return tickets, messages, promises


TICKET_COLS = "id, source_id, external_id, subject, requester_id, assignee_id, status"
MESSAGE_COLS = (
    "id, source_id, external_id, ticket_id, author_id, author_role, public, is_call, "
    "is_own_note, sent_at, channel, text, body_hash"
)
PROMISE_COLS = (
    'id, message_id, ticket_id, start, "end", quote, kind, due_at, due_is_default, maker_id, '
    "owner_id, state, made_at, kept_at, next_action_at, created_at, updated_at"
)


def load(engine: sa.Engine, n: int, open_every: int) -> float:
    started = time.perf_counter()
    tickets, messages, promises = rows(n, open_every)
    people = [(1, 1, "c1", "", "customer@example.com", "customer", None)] + [
        (2 + i, 1, f"a{i}", f"Agent {i}", f"agent{i}@acme.example", "agent", 1)
        for i in range(AGENTS)
    ]
    with engine.begin() as conn:
        # Synced up to NOW: escalations are not held back waiting for the source's data.
        conn.execute(sa.insert(Source).values(id=1, name="desk", type="imap", last_success_at=NOW))
        conn.exec_driver_sql(
            "INSERT INTO team (id, name, timezone, working_hours, working_days, leads) "
            "VALUES (1, 'Bench', 'UTC', '09:00-17:00', 'Mon-Fri', '[\"lead@acme.example\"]')"
        )
        raw: Any = conn.connection.dbapi_connection  # psycopg's COPY or sqlite3's executemany
        tables = [
            ("person", "id, source_id, external_id, name, email, role, team_id", people),
            ("ticket", TICKET_COLS, tickets),
            ("message", MESSAGE_COLS, messages),
            ("promise", PROMISE_COLS, promises),
        ]
        if engine.dialect.name == "postgresql":
            with raw.cursor() as cursor:
                for table, cols, data in tables:
                    with cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                        for row in data:
                            copy.write_row(row)
                for table in ("person", "ticket", "message", "promise"):
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
        else:
            cursor = raw.cursor()
            for table, cols, data in tables:
                marks = ", ".join("?" * len(data[0]))
                cursor.executemany(
                    f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                    (tuple(_sqlite(v) for v in row) for row in data),
                )
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


def _sqlite(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


# -- plans -------------------------------------------------------------------------------------
def plans(engine: sa.Engine) -> str:
    out = []
    for state in ("open", "snoozed"):
        query = due_query(state, NOW, 500)
        dialect = postgresql.dialect() if engine.dialect.name == "postgresql" else sqlite.dialect()
        sql = str(query.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
        if engine.dialect.name == "sqlite":
            # SQLite stores these columns as text: compare with the stored format.
            sql = sql.replace(NOW.isoformat(sep=" "), _sqlite(NOW))
        prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
        with engine.connect() as conn:
            result = conn.exec_driver_sql(prefix + sql).all()
        text = "\n".join(
            "  " + (str(row[-1]) if engine.dialect.name == "sqlite" else row[0]) for row in result
        )
        out.append(f"{' '.join(sql.split())}\n{text}")
    return "\n".join(out)


def smtp_ceiling(port: int, count: int) -> float:
    """Messages per second one client gets from the server alone: the yardstick."""
    from integrations.notify import Notice
    from integrations.notify.email import EmailTransport

    transport = EmailTransport("127.0.0.1", port, "ft@acme.example")
    notice = Notice(subject="ceiling", text="text", html="<p>text</p>", slack="text")
    started = time.perf_counter()
    for _ in range(count):
        transport.send(notice, "ceiling@acme.example")
    transport.close()
    return count / (time.perf_counter() - started)


# -- the run -----------------------------------------------------------------------------------
def bench(url: str, n: int, due: int) -> None:
    engine = make_engine(url)
    upgrade(url)
    smtp = SmtpProcess()
    received = None
    try:
        config = config_for(url, smtp.port)
        loaded = load(engine, n, 10)
        name = engine.dialect.name
        print(f"\n== {name}: {n:,} promises ({n // 10:,} open), loaded in {loaded:.1f}s")
        first = run_sweep(engine, config, transports=transports_for(config), now=NOW)
        print(f"first sweep after the load (watermark from 0): {first.seconds:.2f}s")
        with Session(engine) as session:
            checks = []
            for _ in range(3):
                started = time.perf_counter()
                candidates_by_ticket(session)
                checks.append(time.perf_counter() - started)
        print(
            f"full ticket check (closed/reassigned; once every 10 minutes): median "
            f"{statistics.median(checks) * 1000:.0f} ms"
        )
        idle = []
        for _ in range(5):
            report = run_sweep(engine, config, transports=transports_for(config), now=NOW)
            assert report.examined == 0, report
            idle.append(report.seconds)
        print(f"sweep with nothing due: median {statistics.median(idle) * 1000:.1f} ms "
              f"(runs: {', '.join(f'{s * 1000:.0f}' for s in idle)} ms)")  # fmt: skip

        with engine.begin() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    sa.text("SELECT id FROM promise WHERE state = 'open' ORDER BY id LIMIT :n"),
                    {"n": due},
                )
            ]
            past = NOW - timedelta(minutes=1)
            for start in range(0, len(ids), 5000):
                conn.execute(
                    sa.text(
                        "UPDATE promise SET due_at = :t, next_action_at = :t WHERE id IN "
                        f"({', '.join(str(i) for i in ids[start : start + 5000])})"
                    ),
                    {"t": _sqlite(past) if name == "sqlite" else past},
                )
        decided = decide(engine, config, now=NOW)
        print(
            f"{len(ids):,} due at once: decided in {decided.seconds:.2f}s "
            f"({decided.examined / decided.seconds:,.0f} promises/s, "
            f"{decided.escalations_created:,} outbox rows)"
        )
        started = time.perf_counter()
        delivered = deliver(
            engine, config, transports=transports_for(config), now=NOW, limit=10 * due + 100
        )
        took = time.perf_counter() - started
        print(
            f"delivered {delivered.delivered:,} e-mails to aiosmtpd in {took:.1f}s "
            f"({delivered.delivered / took:,.0f}/s); failed {delivered.failed}"
        )
        ceiling = smtp_ceiling(smtp.port, min(2000, max(1, delivered.delivered)))
        print(
            f"the same SMTP server straight from one client, no database: {ceiling:,.0f}/s "
            f"(delivery reached {delivered.delivered / took / ceiling:.0%} of it)"
        )
        after = run_sweep(engine, config, transports=transports_for(config), now=NOW)
        print(f"next sweep (nothing due again): {after.seconds * 1000:.1f} ms, "
              f"examined {after.examined}")  # fmt: skip
        print("due-promise query plans:")
        print(plans(engine))
    finally:
        received = smtp.stop()
        engine.dispose()
    print(f"the SMTP server received {received:,} messages (with the yardstick's)")


def main() -> None:
    from integrations.registry import install

    install()  # as the CLI does: the core reads sources and tickets through the specs
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--promises", type=int, default=1_000_000)
    parser.add_argument("--due", type=int, default=10_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    if args.db in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            bench(f"sqlite:///{tmp}/bench.db", args.promises, args.due)
    if args.db in ("postgresql", "both"):
        name = f"ft_bench_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            bench(make_url(PG_ADMIN).set(database=name).render_as_string(False), args.promises,
                  args.due)  # fmt: skip
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()


if __name__ == "__main__":
    main()
