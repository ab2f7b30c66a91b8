"""A corpus kept as two files: texts that may not be copied into the project (the real
support tweets in ../shared, whose licence keeps them out) and our labels for them by id.

Texts are JSONL rows with `id`, `author_role`, `created_at` and `text`; labels are
JSONL rows with `id` and `promises` (each `quote`, `kind`, `due`). Only labelled rows
are scored; a label whose id or quote is not in the texts is an error, not a skip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tracker.evaluation import Case, CorpusError, parse_case, read_objects


def _rows(path: Path) -> list[tuple[str, dict[str, Any]]]:
    rows = read_objects(path)
    for where, raw in rows:
        if "id" not in raw:
            raise CorpusError(f"{where}: a JSON object with no id")
    return rows


def load_labelled(texts: str | Path, labels: str | Path, timezone: str = "UTC") -> list[Case]:
    """The labelled rows of `texts` (a JSONL file, or a folder of them) as cases."""
    texts = Path(texts)
    files = sorted(texts.glob("*.jsonl")) if texts.is_dir() else [texts]
    by_id = {raw["id"]: raw for path in files for _, raw in _rows(path)}
    cases = []
    for where, label in _rows(Path(labels)):
        row = by_id.get(label["id"])
        if row is None:
            raise CorpusError(f"{where}: no text with id {label['id']!r} in {texts}")
        raw = {
            "id": label["id"],
            "author_role": row.get("author_role", "agent"),
            "sent_at": row.get("sent_at") or row.get("created_at"),
            "timezone": row.get("timezone") or timezone,
            "text": row["text"],
            "promises": label.get("promises") or [],
        }
        cases.append(parse_case(raw, where))
    return cases
