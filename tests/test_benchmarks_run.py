"""Every benchmark still runs, at a size that takes seconds: the figures README quotes come
from these scripts, so a refactor that breaks one is caught here, not at the next
measurement. (The figures themselves are not asserted: performance is measured, not
tested.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

RUNS = {
    "extract": ["extract_bench.py", "--messages", "300", "--baseline-sample", "10"],
    "sync": ["sync_bench.py", "--tickets", "100", "--db", "sqlite"],
    "freshdesk": ["freshdesk_bench.py", "--tickets", "100", "--changed", "10"],
    "sweep": ["sweep_bench.py", "--promises", "2000", "--due", "50", "--db", "sqlite"],
    "one_ticket": ["one_ticket_bench.py", "--promises", "100"],
    "prune": ["prune_bench.py", "--promises", "2000"],
    "audit": ["audit_bench.py", "--tickets", "100"],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(RUNS))
def test_the_benchmark_runs(name: str) -> None:
    script, *args = RUNS[name]
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    assert done.stdout.strip(), "a benchmark prints its figures"


def test_every_benchmark_script_is_run_here() -> None:
    scripts = {p.name for p in (ROOT / "benchmarks").glob("*_bench.py")}
    covered = {run[0] for run in RUNS.values()} | {"imap_bench.py"}  # loaded only: below
    assert scripts == covered


def test_the_imap_benchmark_loads() -> None:
    """Only its imports and arguments: its parsing phase times 5 x 2,220 messages whatever
    the size asked (25 s), and it needs Dovecot; README's figure comes from a full run."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "imap_bench.py"), "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    assert "--messages" in done.stdout
