"""Throughput of a full Zendesk sync against the sandbox help desk, on SQLite and PostgreSQL.

For each size (default 5,000 and 20,000 tickets, five comments per ticket) it starts the
sandbox in its own process (`python -m helpdesk_sandbox --bulk N`, rate limiting
off, 1,000 items per export page), then runs one first-time sync per database in a fresh
worker process and reports:

- tickets/second and messages/second of the whole pass (HTTP + mapping + ingest +
  extraction of every agent reply);
- API calls per 1,000 changed tickets (and what the real 10-a-minute export budget
  would make of them);
- peak resident memory of the worker during the sync, next to its resident memory just
  before (imports and an empty database), so growth with the number of tickets shows.

The client-side export budget is lifted for the run (the sandbox does not limit); with
Zendesk's 10 export requests a minute the wall time is bounded by the export calls instead.

Run:  python benchmarks/sync_bench.py [--tickets 5000 20000] [--db sqlite postgresql]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PG_ADMIN_URL = os.environ.get(
    "FOLLOWTHROUGH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
TOKEN = "bench-token"


def _kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def worker(url: str, email: str, db_url: str) -> None:
    """One first-time sync into `db_url`; prints a JSON line of figures."""
    from integrations.registry import install
    from integrations.zendesk.connector import build
    from tracker.config import Config, SourceConfig
    from tracker.db import make_engine, upgrade
    from tracker.durations import parse_duration
    from tracker.ingest.sync import sync_source

    install()

    upgrade(db_url)
    engine = make_engine(db_url)
    os.environ["BENCH_TOKEN"] = TOKEN
    options = {
        "url": url,
        "email": email,
        "token_env": "BENCH_TOKEN",
        "export_requests_per_minute": 1_000_000,
        "requests_per_minute": 1_000_000,
    }
    source = SourceConfig("bench", "zendesk", parse_duration("2m"), parse_duration("14d"), options)
    connector = build(source)
    from benchmarks.timing import time_pages

    fetching = time_pages(connector)  # seconds inside the connector
    rss_before = _kb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to now
    started = time.perf_counter()
    report = sync_source(
        engine, Config(sources=[source]), source, now=datetime.now(UTC), connector=connector
    )
    seconds = time.perf_counter() - started
    engine.dispose()
    print(
        json.dumps(
            {
                "error": report.error,
                "tickets": report.tickets,
                "messages": report.messages,
                "promises": report.promises,
                "pages": report.pages,
                "calls": report.calls,
                "seconds": seconds,
                "fetch_seconds": fetching[0],
                "rss_before_mb": rss_before / 1024,
                "peak_mb": _kb("VmHWM") / 1024,
            }
        )
    )


def _sandbox(tickets: int, comments: int) -> tuple[subprocess.Popen, str, str]:
    env = {**os.environ, "SANDBOX_TOKEN": TOKEN, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "helpdesk_sandbox", "--port", "0", "--bulk",
               str(tickets), "--comments", str(comments), "--page-size", "1000"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    url = email = ""
    assert process.stdout is not None
    for line in process.stdout:
        if m := re.search(r"on (http://127\.0\.0\.1:\d+)", line):
            url = m[1]
        if m := re.match(r'email = "(.+)"', line):
            email = m[1]
            break
    if not url or not email:
        process.kill()
        raise SystemExit("the sandbox did not start")
    return process, url, email


def _database(kind: str, tmp: Path) -> tuple[str, Callable[[], None]]:
    if kind == "sqlite":
        path = tmp / f"bench-{uuid.uuid4().hex[:8]}.db"
        return f"sqlite:///{path}", (lambda: path.unlink(missing_ok=True))
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    name = f"ft_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--comments-per-ticket", type=float, default=5.0)
    parser.add_argument("--db", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument(
        "--worker", nargs=3, metavar=("URL", "EMAIL", "DB_URL"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    print(f"sync benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    header = (f"{'db':<11}{'tickets':>8}{'messages':>9}{'promises':>9}{'calls':>7}"
              f"{'seconds':>9}{'fetch s':>8}{'tickets/s':>10}{'msgs/s':>8}{'calls/1k':>9}"
              f"{'rss MB':>8}{'peak MB':>9}")  # fmt: skip
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for tickets in args.tickets:
            comments = int(tickets * args.comments_per_ticket)
            process, url, email = _sandbox(tickets, comments)
            try:
                for kind in args.db:
                    db_url, cleanup = _database(kind, Path(tmp))
                    try:
                        out = subprocess.run(
                            [sys.executable, __file__, "--worker", url, email, db_url],
                            capture_output=True, text=True, check=True, cwd=ROOT,
                        )  # fmt: skip
                    finally:
                        cleanup()
                    figures = json.loads(out.stdout.strip().splitlines()[-1])
                    if figures["error"]:
                        raise SystemExit(f"sync failed: {figures['error']}")
                    rows.append((kind, figures))
            finally:
                process.terminate()
                process.wait(timeout=10)
    print(header)
    for kind, f in rows:
        per_k = f["calls"] * 1000 / max(1, f["tickets"])
        print(f"{kind:<11}{f['tickets']:>8}{f['messages']:>9}{f['promises']:>9}{f['calls']:>7}"
              f"{f['seconds']:>9.1f}{f['fetch_seconds']:>8.1f}{f['tickets'] / f['seconds']:>10.0f}"
              f"{f['messages'] / f['seconds']:>8.0f}{per_k:>9.1f}"
              f"{f['rss_before_mb']:>8.0f}{f['peak_mb']:>9.0f}")  # fmt: skip
    print(
        "\nfetch s = time inside the connector (HTTP, the sandbox answering, mapping); the rest"
        "\nof `seconds` is ingest (database writes and promise extraction)."
        "\ncalls/1k = API calls per 1,000 changed tickets (exports + users/show_many + directory);"
        "\nat Zendesk's 10 export requests a minute a first sync of N tickets with 1,000 tickets"
        "\nand 500 events per page takes about (N/1000 + events/500) / 10 minutes."
    )


if __name__ == "__main__":
    main()
