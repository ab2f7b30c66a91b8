"""What the export-file readers share (integrations/*/export.py): a `Poller` over a file
that says how far it has read, refuses every write-back, and, for JSON exports, the
walk over one file or a folder of files, object by object.

Each reader yields pages of records with a cursor `{"offset": n, …}` (items already
stored), so an interrupted audit continues where it stopped, like an API read. Nothing
is written anywhere: the write-back methods refuse. The shapes accepted are in
docs/audit.md; the audit (tracker.audit) finds the readers in the connectors' specs.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from integrations.base import dump_cursor, load_cursor
from tracker.ingest.records import Batch
from tracker.sources import FileInputError, WriteBackError

PAGE = 200


class FileConnector:
    """A `Poller` over an export file (hand-offs as the source type's spec says), and a
    writer that refuses: an audit writes nothing."""

    stats = None  # no calls to count

    def __init__(self, name: str, path: Path):
        self.name = name
        self.path = path
        self.done = 0.0
        self.total = 1.0

    def fraction(self) -> float:
        return min(self.done / self.total, 1.0) if self.total else 1.0

    def _refuse(self, *args: Any) -> None:
        raise WriteBackError(f"{self.name}: an audit of a file writes nothing", permanent=True)

    add_note = change_tags = set_due_field = _refuse


def json_files(path: Path) -> list[Path]:
    if path.is_dir():
        found = [p for p in sorted(path.iterdir()) if p.suffix in (".json", ".jsonl", ".ndjson")]
        # people first (users.json, agents.json): their roles decide who is an agent
        found.sort(key=lambda p: (not re.search(r"user|agent|contact", p.name, re.I), p.name))
        if not found:
            raise FileInputError(f"{path}: no .json, .jsonl or .ndjson file in the folder")
        return found
    if not path.is_file():
        raise FileInputError(f"{path}: no such file or folder")
    return [path]


def json_objects(path: Path) -> Iterator[tuple[dict[str, Any], int]]:
    """Every JSON object of one export file with the bytes read so far: one object per
    line (streamed), or one document holding an array or arrays of objects."""
    with path.open("rb") as handle:
        head = handle.read(4096).lstrip()
        handle.seek(0)
        multi_line = head.startswith(b"{") and b"\n{" in head.replace(b"\r\n", b"\n")
        if head.startswith(b"[") or (head.startswith(b"{") and not multi_line):
            try:
                document = json.load(handle)
            except (ValueError, UnicodeDecodeError) as exc:
                raise FileInputError(f"{path}: not JSON: {exc}") from None
            size = handle.tell()
            if isinstance(document, dict):
                items = [v for value in document.values() if isinstance(value, list) for v in value]
                if not items:
                    items = [document]
            elif isinstance(document, list):
                items = document
            else:
                raise FileInputError(f"{path}: holds no JSON objects")
            for item in items:
                if isinstance(item, dict):
                    yield item, size
            return
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except (ValueError, UnicodeDecodeError) as exc:
                raise FileInputError(f"{path}:{number}: not a JSON line: {exc}") from None
            if isinstance(item, dict):
                yield item, handle.tell()


class JsonExportConnector(FileConnector):
    def __init__(self, name: str, path: Path, link_base: str | None = None):
        super().__init__(name, path)
        self.files = json_files(path)
        self.total = float(sum(p.stat().st_size for p in self.files)) or 1.0
        self.link_base = (link_base or "").rstrip("/") or None

    def _items(self) -> Iterator[dict[str, Any]]:
        before = 0
        for path in self.files:
            for item, read in json_objects(path):
                self.done = before + read
                yield item
            before += path.stat().st_size

    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        offset = int(load_cursor(cursor).get("offset") or 0)
        batch = Batch(cursor=None)
        count = seen = 0
        for seen, item in enumerate(self._items(), 1):
            try:
                self.add(item, batch, replay=seen <= offset)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise FileInputError(f"{self.path}: item {seen} cannot be read: {exc}") from None
            if seen <= offset:
                continue
            count += 1
            if count >= PAGE:
                batch.cursor = dump_cursor({"offset": seen})
                batch.stats = {"stage": "export"}
                yield batch
                batch, count = Batch(cursor=None), 0
        if count or not offset:
            batch.cursor = dump_cursor({"offset": max(seen, offset)})
            yield batch

    def add(self, item: dict[str, Any], batch: Batch, replay: bool) -> None:
        """Map one exported object into the batch; on `replay` (already stored before an
        interruption) only learn what later items need (who the agents are)."""
        raise NotImplementedError


def with_url(record: Any, url: str | None) -> Any:
    return dataclasses.replace(record, url=url)
