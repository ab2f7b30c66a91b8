"""History from files, for teams that cannot give API access yet: connectors that read an
mbox file or a Maildir folder (a mailbox export), or a Zendesk or Freshdesk JSON export,
and yield the same plain records as the live connectors, through the same mapping code.

Each yields pages of records with a cursor `{"offset": n, …}` (items already stored), so
an interrupted audit continues where it stopped, like an API read. Nothing is written
anywhere: the write-back methods refuse.

Shapes accepted (docs/audit.md):
- mbox: one file; Maildir: a folder with cur/ and new/. Mail is threaded into tickets
  exactly as the IMAP connector does; `agent_addresses` says who the agents are.
- zendesk-export: Zendesk's full JSON export (one JSON object per line), or a JSON
  array, or `{"tickets": […], "users": […]}`; PATH may be a folder of such files. A
  ticket carries its `comments` (or `audits` with their events); user objects (with a
  `role`) say who is an agent; without them, a ticket's assignees are taken as agents.
- freshdesk-export: tickets as `GET /api/v2/tickets/{id}?include=conversations,requester`
  returns them (one per line, an array, or `{"tickets": […], "agents": […]}`).
"""

from __future__ import annotations

import json
import mailbox
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from integrations.base import dump_cursor, load_cursor
from tracker.ingest.records import Batch
from tracker.sources import WriteBackError

FILE_TYPES = ("mbox", "maildir", "zendesk-export", "freshdesk-export")
PAGE = 200


class FileInputError(ValueError):
    """A file that cannot be read as the given type; one line naming it and the line or
    item, never its content."""

    shown_in_full = True


class _FileConnector:
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


# -- mail -----------------------------------------------------------------------------------


class MailFileConnector(_FileConnector):
    """An mbox file or a Maildir folder, threaded as the IMAP connector threads."""

    def __init__(
        self, name: str, path: Path, kind: str, agent_addresses: Sequence[str], backfill: Any
    ):
        super().__init__(name, path)
        if not agent_addresses:
            raise FileInputError(
                f"{path}: reading mail needs the agents' addresses (--agent-address, "
                "e.g. '*@acme.example')"
            )
        from integrations.imap.connector import AgentMatcher

        self.kind = kind
        self.is_agent = AgentMatcher(agent_addresses)
        self.backfill = backfill

    def _box(self) -> mailbox.Mailbox:
        if self.kind == "mbox":
            if not self.path.is_file():
                raise FileInputError(f"{self.path}: not an mbox file")
            return mailbox.mbox(self.path, create=False)
        if not (self.path / "cur").is_dir() and not (self.path / "new").is_dir():
            raise FileInputError(f"{self.path}: not a Maildir folder (no cur/ or new/)")
        return mailbox.Maildir(self.path, factory=None, create=False)

    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        from integrations.imap.mailthread import ThreadBuilder
        from integrations.imap.parsing import BrokenMessage, parse_message
        from integrations.imap.threads import ThreadIndex

        state = load_cursor(cursor)
        offset = int(state.get("offset") or 0)
        index = ThreadIndex.load(state.get("threads"))
        box = self._box()
        try:
            keys = list(box.keys())
            if self.kind == "maildir":
                keys.sort()  # Maildir names begin with the delivery time
            self.total = max(len(keys), 1)
            self.done = offset
            oldest = now - self.backfill if self.backfill else None
            skipped = 0
            for start in range(offset, len(keys), PAGE):
                builder = ThreadBuilder(index, self.is_agent)
                for key in keys[start : start + PAGE]:
                    try:
                        mail = parse_message(box.get_bytes(key))
                    except (BrokenMessage, ValueError, LookupError):
                        skipped += 1
                        continue
                    if oldest is not None and mail.date is not None and mail.date < oldest:
                        continue  # older than the period
                    # an export the operator hands us: its agents' mail needs no proof
                    builder.add(mail, now, sent_folder=True)
                batch = builder.batch()
                self.done = min(start + PAGE, len(keys))
                batch.cursor = dump_cursor({"offset": self.done, "threads": index.dump()})
                batch.stats = {"stage": "mail", "skipped": skipped}
                yield batch
        finally:
            box.close()


# -- JSON exports ---------------------------------------------------------------------------


def _json_files(path: Path) -> list[Path]:
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


def _objects(path: Path) -> Iterator[tuple[dict[str, Any], int]]:
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


class _ExportConnector(_FileConnector):
    def __init__(self, name: str, path: Path, link_base: str | None = None):
        super().__init__(name, path)
        self.files = _json_files(path)
        self.total = float(sum(p.stat().st_size for p in self.files)) or 1.0
        self.link_base = (link_base or "").rstrip("/") or None

    def _items(self) -> Iterator[dict[str, Any]]:
        before = 0
        for path in self.files:
            for item, read in _objects(path):
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


class ZendeskExportConnector(_ExportConnector):
    def __init__(self, name: str, path: Path, link_base: str | None = None):
        super().__init__(name, path, link_base)
        self.roles: dict[str, str] = {}

    def _link_base(self, ticket: dict[str, Any]) -> str:
        if self.link_base:
            return self.link_base
        url = ticket.get("url")
        if isinstance(url, str) and "/api/v2/" in url:
            return url.split("/api/v2/")[0]
        return ""

    def add(self, item: dict[str, Any], batch: Batch, replay: bool) -> None:
        from integrations.zendesk import mapping

        if "role" in item and "comments" not in item and "audits" not in item:
            record = mapping.person_record(item)
            self.roles[record.external_id] = item.get("role") or record.role
            if not replay:
                batch.people.append(record)
            return
        if "id" not in item:
            return
        tid = str(item["id"])
        assignees = {mapping._id(item.get("assignee_id"))}
        events = self._events(item, tid)
        for event in events:
            for child in event["child_events"]:
                if child.get("event_type") == "Change" and "assignee_id" in child:
                    assignees |= {mapping._id(child.get("assignee_id"))}
                    assignees |= {mapping._id(child.get("previous_value"))}
        for person in assignees:
            if person is not None:
                self.roles.setdefault(person, "agent")
        if replay:
            return
        ticket = mapping.ticket_record(item, self._link_base(item))
        if not ticket.url or not ticket.url.startswith("http"):
            ticket = _with_url(ticket, None)
        batch.tickets.append(ticket)
        for event in events:
            found = mapping.event_records(event, self.roles, None)
            batch.messages += found.messages
            batch.assignments += found.assignments

    @staticmethod
    def _events(ticket: dict[str, Any], tid: str) -> list[dict[str, Any]]:
        """The ticket's history as ticket events (the shape the live connector maps):
        one per audit when the export has audits, else one holding the comments."""
        audits = ticket.get("audits")
        if isinstance(audits, list) and audits:
            events = []
            for audit in audits:
                if not isinstance(audit, dict):
                    continue
                children = []
                for event in audit.get("events") or []:
                    if not isinstance(event, dict):
                        continue
                    kind = event.get("type")
                    if kind in ("Comment", "VoiceComment"):
                        children.append(
                            {"event_type": kind, "created_at": audit.get("created_at"), **event}
                        )
                    elif kind == "Change" and event.get("field_name") in (
                        "assignee_id",
                        "group_id",
                    ):
                        children.append(
                            {
                                "event_type": "Change",
                                event["field_name"]: event.get("value"),
                                "previous_value": event.get("previous_value"),
                            }
                        )
                events.append(
                    {
                        "id": f"audit:{audit.get('id')}",
                        "ticket_id": tid,
                        "created_at": audit.get("created_at"),
                        "child_events": children,
                    }
                )
            return events
        comments = [c for c in ticket.get("comments") or [] if isinstance(c, dict)]
        if not comments:
            return []
        return [
            {
                "id": f"export:{tid}",
                "ticket_id": tid,
                "created_at": ticket.get("created_at") or ticket.get("updated_at"),
                "child_events": [{"event_type": c.get("type") or "Comment", **c} for c in comments],
            }
        ]


def _with_url(record: Any, url: str | None) -> Any:
    import dataclasses

    return dataclasses.replace(record, url=url)


class FreshdeskExportConnector(_ExportConnector):
    # One snapshot per ticket: a ticket seen twice shows the change (the freshdesk spec's
    # `derives_handoffs`, as for the live connector).

    def add(self, item: dict[str, Any], batch: Batch, replay: bool) -> None:
        from integrations.freshdesk import mapping

        if isinstance(item.get("contact"), dict):  # an agent (GET /api/v2/agents)
            if not replay and (record := mapping.agent_record(item)) is not None:
                batch.people.append(record)
            return
        if "id" not in item or replay:
            return
        ticket = mapping.ticket_record(item, self.link_base or "")
        if not self.link_base:
            ticket = _with_url(ticket, None)
        batch.tickets.append(ticket)
        tid = ticket.external_id
        if (requester := mapping.requester_record(item)) is not None:
            batch.people.append(requester)
        if (description := mapping.description_record(item)) is not None:
            batch.messages.append(description)
        for conversation in item.get("conversations") or []:
            if isinstance(conversation, dict):
                batch.messages.append(mapping.conversation_record(conversation, tid, None))


def file_connector(
    kind: str,
    path: Path,
    *,
    name: str,
    agent_addresses: Sequence[str] = (),
    backfill: Any = None,
    link_base: str | None = None,
) -> _FileConnector:
    if kind in ("mbox", "maildir"):
        return MailFileConnector(name, path, kind, agent_addresses, backfill)
    if kind == "zendesk-export":
        return ZendeskExportConnector(name, path, link_base)
    if kind == "freshdesk-export":
        return FreshdeskExportConnector(name, path, link_base)
    raise FileInputError(f"--type {kind!r} is not one of {', '.join(FILE_TYPES)}")
