"""The report's numbers for scripts and spreadsheets: one JSON object, or CSV files."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from tracker.audit.report import AuditReport

COUNT_COLUMNS = (
    "promises",
    "kept_on_time",
    "kept_late",
    "broken",
    "open",
    "overdue",
    "dismissed",
    "kept_on_time_rate",
    "broken_rate",
    "median_hours_to_keep",
)


def to_json(report: AuditReport) -> str:
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False)


def _write(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(["" if v is None else v for v in row] for row in rows)


def write_csv(report: AuditReport, directory: Path) -> list[Path]:
    """summary.csv (one row per headline number), weeks.csv, teams.csv, agents.csv,
    kinds.csv and oldest.csv in `directory` (created if missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    data = report.as_dict()
    written = []
    summary = directory / "summary.csv"
    keys = ["source", "from", "to", "judged_at", "tickets", "messages", *COUNT_COLUMNS]
    keys += ["handed_off", "handed_off_kept"]
    _write(summary, ["metric", "value"], [[k, data[k]] for k in keys])
    written.append(summary)
    for name, key, first in (
        ("weeks", "weeks", "week"),
        ("teams", "by_team", "name"),
        ("agents", "by_agent", "name"),
        ("kinds", "by_kind", "name"),
    ):
        path = directory / f"{name}.csv"
        columns = [first, *COUNT_COLUMNS]
        _write(path, columns, [[row[c] for c in columns] for row in data[key]])
        written.append(path)
    path = directory / "oldest.csv"
    columns = ["ticket", "ticket_url", "quote", "kind", "made_at", "due_at", "outcome"]
    columns += ["owner", "maker", "late_by_hours"]
    _write(path, columns, [[row[c] for c in columns] for row in data["oldest"]])
    written.append(path)
    return written
