"""`followthrough audit` of a large Zendesk history from the sandbox help desk.

For each size (default 5,000 and 20,000 tickets, six comments per ticket) it starts the
sandbox in its own process (`python -m helpdesk_sandbox --bulk N`, 1,000 items per
export page), then audits the last 14 days in a fresh worker process into a temporary
SQLite file, as `followthrough audit` does, and reports the whole audit's wall time
(read over HTTP + extraction + replay + report), the replay's share, and the worker's
peak resident memory next to its memory before (growth with tickets shows there).

The export budget is lifted for the run (the sandbox does not limit); at Zendesk's own
10 export requests a minute the budget, not the machine, sets the pace: the progress
line's estimate says how long.

Run:  python benchmarks/audit_bench.py [--tickets 5000 20000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.sync_bench import TOKEN, _kb, _sandbox  # noqa: E402


def worker(url: str, email: str, db_url: str) -> None:
    from tracker.audit.period import parse_period
    from tracker.audit.run import run_audit
    from tracker.config import Config, SourceConfig
    from tracker.db import make_engine, upgrade
    from tracker.durations import parse_duration

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
    source = SourceConfig("bench", "zendesk", parse_duration("2m"), parse_duration("1d"), options)
    rss_before = _kb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to now
    marks: dict[str, float] = {}
    cpu = time.process_time()
    started = time.perf_counter()

    def progress(p) -> None:
        marks.setdefault(p.stage, time.perf_counter() - started)

    period = parse_period(datetime.now(UTC).replace(microsecond=0), "14d")
    run = run_audit(
        engine, Config(sources=[source]), source, period, identity="bench", progress=progress
    )
    seconds = time.perf_counter() - started
    engine.dispose()
    total = run.report.total
    print(
        json.dumps(
            {
                "tickets": run.sync.tickets if run.sync else 0,
                "messages": run.sync.messages if run.sync else 0,
                "promises": total.made,
                "kept_on_time": total.kept_on_time,
                "broken": total.broken,
                "calls": run.sync.calls if run.sync else 0,
                "seconds": seconds,
                "cpu_seconds": time.process_time() - cpu,
                "replay_seconds": seconds - marks.get("replaying", seconds),
                "rss_before_mb": rss_before / 1024,
                "peak_mb": _kb("VmHWM") / 1024,
            }
        )
    )


def main() -> None:
    from integrations.registry import install

    install()  # as the CLI does: the core reads sources and tickets through the specs
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--comments-per-ticket", type=float, default=6.0)
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    print(f"audit benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for tickets in args.tickets:
            process, url, email = _sandbox(tickets, int(tickets * args.comments_per_ticket))
            try:
                db_url = f"sqlite:///{Path(tmp) / f'audit-{tickets}.db'}"
                out = subprocess.run(
                    [sys.executable, __file__, "--worker", url, email, db_url],
                    capture_output=True, text=True, check=True, cwd=ROOT,
                )  # fmt: skip
                rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            finally:
                process.terminate()
                process.wait(timeout=10)
    print(f"{'tickets':>8}{'messages':>9}{'promises':>9}{'calls':>7}{'seconds':>9}{'cpu s':>7}"
          f"{'replay s':>9}{'tickets/s':>10}{'rss MB':>8}{'peak MB':>9}")  # fmt: skip
    for f in rows:
        print(f"{f['tickets']:>8}{f['messages']:>9}{f['promises']:>9}{f['calls']:>7}"
              f"{f['seconds']:>9.1f}{f['cpu_seconds']:>7.1f}{f['replay_seconds']:>9.1f}"
              f"{f['tickets'] / f['seconds']:>10.0f}{f['rss_before_mb']:>8.0f}"
              f"{f['peak_mb']:>9.0f}")  # fmt: skip
    print("\nseconds = the whole audit: read over HTTP, extraction, replay and the report;"
          "\ncpu s = the audit's own CPU time (the sandbox answers in another process);"
          "\nreplay s = the lifecycle replay (sweep.decide) and the report.")  # fmt: skip


if __name__ == "__main__":
    main()
