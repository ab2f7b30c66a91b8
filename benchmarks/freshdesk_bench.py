"""Freshdesk sync throughput against the sandbox's Freshdesk face over real HTTP.

    python benchmarks/freshdesk_bench.py [--tickets 20000] [--comments N] [--changed 1000]
                                         [--db-url URL]

The sandbox runs in a child process (so the peak memory printed is the syncing process's
own). Prints: tickets per second for the backfill, API calls and credits per 1,000 changed
tickets (credits as the server's X-RateLimit-Used-CurrentRequest headers count them), the
same for an incremental pass after `--changed` tickets got a new reply, and peak RSS.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KEY = "bench-freshdesk-key"


def serve(conn, tickets: int, comments: int) -> None:  # the child: sandbox + face
    from helpdesk_sandbox.freshdesk_face import FreshdeskFace
    from helpdesk_sandbox.seed import bulk
    from helpdesk_sandbox.server import SandboxServer

    now = datetime.now(UTC)
    started = time.perf_counter()
    seeded = bulk(now, tickets, comments)
    seeded.store.clock = lambda: datetime.now(UTC)
    # no simulated account limit: the client obeys X-RateLimit-Total/Remaining, and this
    # measures throughput, not the plan (the credits per 1,000 tickets give the plan's cost)
    face = FreshdeskFace(
        seeded.store, api_user=seeded.api_user, api_key=KEY, credits_per_minute=10**9
    )
    server = SandboxServer(face).start()
    conn.send((server.url, time.perf_counter() - started))
    rng = random.Random(11)
    while True:
        command = conn.recv()
        if command[0] == "touch":
            ids = rng.sample(sorted(seeded.store.tickets), command[1])
            agent = seeded.agents["amy"]
            for tid in ids:
                seeded.store.add_comment(tid, agent, "I'll call you back tomorrow morning.")
            conn.send(len(ids))
        else:
            server.stop()
            conn.send("bye")
            return


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=20_000)
    parser.add_argument("--comments", type=int, default=None, help="default 2 × tickets")
    parser.add_argument("--changed", type=int, default=1_000)
    parser.add_argument("--db-url", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    comments = args.comments if args.comments is not None else 2 * args.tickets

    from integrations.freshdesk.connector import build
    from integrations.registry import install
    from tracker.config import load_config
    from tracker.db import make_engine, upgrade
    from tracker.ingest.sync import sync_source

    install()

    parent, child = mp.get_context("fork").Pipe()
    process = mp.get_context("fork").Process(
        target=serve, args=(child, args.tickets, comments), daemon=True
    )
    process.start()
    url, seeded_in = parent.recv()
    print(f"sandbox: {args.tickets} tickets, {comments} further comments ({seeded_in:.1f}s)")

    workdir = Path(tempfile.mkdtemp(prefix="fd-bench-"))
    db_url = args.db_url or f"sqlite:///{workdir / 'bench.db'}"
    upgrade(db_url)
    engine = make_engine(db_url)
    os.environ["FT_BENCH_FD_KEY"] = KEY
    config_path = workdir / "followthrough.toml"
    config_path.write_text(
        f'[[source]]\nname = "fd"\ntype = "freshdesk"\nurl = "{url}"\n'
        'api_key_env = "FT_BENCH_FD_KEY"\nrequests_per_minute = 1000000\nbackfill = "30d"\n'
    )
    config = load_config(config_path)
    source = config.source("fd")
    rss_before = peak_rss_mb()

    def one_pass(label: str, now: datetime) -> None:
        connector = build(source)
        from benchmarks.timing import time_pages

        fetching = time_pages(connector)  # seconds inside the connector
        started = time.perf_counter()
        report = sync_source(engine, config, source, now=now, connector=connector)
        seconds = time.perf_counter() - started
        if not report.ok:
            raise SystemExit(f"{label}: sync failed: {report.error}")
        stats = connector.http_stats
        per_k = 1000 / max(1, report.tickets)
        print(
            f"{label}: {report.tickets} tickets, {report.messages} messages, "
            f"{report.promises} promises in {seconds:.1f}s = "
            f"{report.tickets / seconds:.0f} tickets/s; {stats.calls} calls, "
            f"{stats.server_credits} credits = {stats.calls * per_k:.0f} calls and "
            f"{stats.server_credits * per_k:.0f} credits per 1,000 changed tickets; "
            f"{fetching[0]:.1f}s in the connector, {seconds - fetching[0]:.1f}s storing"
        )

    one_pass("backfill", datetime.now(UTC))
    parent.send(("touch", args.changed))
    parent.recv()
    time.sleep(1.5)  # let the second of the last change end, as it would between polls
    one_pass(f"incremental ({args.changed} changed)", datetime.now(UTC) + timedelta(seconds=2))
    print(
        f"peak RSS of the syncing process: {peak_rss_mb():.0f} MB "
        f"({rss_before:.0f} MB before the first pass)"
    )
    parent.send(("stop",))
    parent.recv()
    process.join(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
