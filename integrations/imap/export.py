"""Mail files for an audit of history: an mbox file or a Maildir folder (a mailbox
export), threaded into tickets exactly as the IMAP connector does; `agent_addresses`
says who the agents are."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from integrations.base import dump_cursor, load_cursor
from integrations.exports import PAGE, FileConnector
from integrations.imap.connector import AgentMatcher
from integrations.imap.mailthread import ThreadBuilder
from integrations.imap.parsing import BrokenMessage, parse_message
from integrations.imap.threads import ThreadIndex
from tracker.ingest.records import Batch
from tracker.sources import FileInputError


class MailFileConnector(FileConnector):
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


def open_mbox(
    name: str, path: Path, *, agent_addresses: Sequence[str] = (), backfill: Any = None,
    link_base: str | None = None,
) -> MailFileConnector:  # fmt: skip
    return MailFileConnector(name, path, "mbox", agent_addresses, backfill)


def open_maildir(
    name: str, path: Path, *, agent_addresses: Sequence[str] = (), backfill: Any = None,
    link_base: str | None = None,
) -> MailFileConnector:  # fmt: skip
    return MailFileConnector(name, path, "maildir", agent_addresses, backfill)
