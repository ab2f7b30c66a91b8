"""The demo's closing summary: what was found, what happened to it, who was told."""

from __future__ import annotations

import shutil
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tracker.demo.run import DemoResult
from tracker.queries import PromiseRow

OUTCOMES = ("kept", "kept late", "broken", "open", "other")


def outcome(row: PromiseRow) -> str:
    if row.state == "kept":
        return "kept late" if row.late_by else "kept"
    if row.state in ("broken", "open"):
        return row.state
    return "other"  # dismissed or snoozed


def summary_lines(result: DemoResult, cwd: Path | None = None) -> list[str]:
    lines: list[str] = []
    by_agent: dict[str, Counter[str]] = defaultdict(Counter)
    for row in result.rows:
        by_agent[row.maker or "(unknown)"][outcome(row)] += 1
    total: Counter[str] = Counter()
    lines.append("Promises found, by the agent who made them:")
    header = f"  {'agent':<24}{'found':>6}" + "".join(f"{o:>11}" for o in OUTCOMES)
    lines.append(header)
    for agent in sorted(by_agent):
        counts = by_agent[agent]
        total.update(counts)
        lines.append(
            f"  {agent:<24}{sum(counts.values()):>6}"
            + "".join(f"{counts[o]:>11}" for o in OUTCOMES)
        )
    lines.append(
        f"  {'all agents':<24}{sum(total.values()):>6}"
        + "".join(f"{total[o]:>11}" for o in OUTCOMES)
    )

    sent: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in result.rows:
        for esc in row.escalations:
            if esc.sent_at:
                who = esc.recipient
                if esc.channel == "ticket":
                    who = "the ticket (tags)" if esc.step.startswith("tag") else "the ticket (note)"
                sent[(esc.step, who)].append(f"ticket {row.ticket}")
    lines.append("")
    count = sum(len(v) for v in sent.values())
    lines.append(f"Escalations sent (e-mails, ticket notes and tags): {count}")
    for (step, who), tickets in sorted(sent.items()):
        lines.append(f"  {step:<16} to {who:<32} {', '.join(sorted(set(tickets)))}")
    lines.append("")
    lines.append(
        f"Delivered: {len(result.emails)} e-mails saved in {_show(result.directory / 'mail', cwd)}"
        f" (a Maildir), {result.notes} internal notes, tags on {result.tickets_tagged} tickets"
        " of the help desk."
    )
    config = _show(result.config_path, cwd)
    command = _command(cwd)
    python = "python" if command == "followthrough" else _show(Path(sys.executable), cwd)
    lines += [
        "",
        "Look further (the database stays in place):",
        f"  {command} --config {config} promises --state open",
        f"  {command} --config {config} promises --state broken --json",
        f"  {command} --config {config} promises --agent amy@acme.example",
        f"  ls {_show(result.directory / 'mail' / 'new', cwd)}    # one file per e-mail",
        f"  {python} -m helpdesk_sandbox --port 8090    # the help desk, to run the service on",
    ]
    return lines


def _command(cwd: Path | None) -> str:
    """How to call followthrough from here: plain when it is on PATH, else the venv's script."""
    installed = Path(sys.executable).with_name("followthrough")
    on_path = shutil.which("followthrough")
    if on_path and Path(on_path).resolve() == installed.resolve():
        return "followthrough"
    if installed.exists():
        return _show(installed, cwd)
    return f"{_show(Path(sys.executable), cwd)} -m tracker"


def _show(path: Path, cwd: Path | None) -> str:
    cwd = cwd or Path.cwd()
    try:
        return str(path.absolute().relative_to(cwd.absolute()))
    except ValueError:
        return str(path.absolute())
