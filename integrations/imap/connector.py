"""The mailbox as a source: each configured folder polled by UID, in batches, every
thread a ticket (see threads.py for how a thread's ticket key is chosen).

Cursor (JSON): {"folders": {name: {"uidvalidity": n, "last_uid": n}}, "threads": …}.
A folder read from its start (first pass, or a changed UIDVALIDITY) is read back to
the source's `backfill`; messages are keyed by Message-ID, so a resync adds only what
is really new. A batch's cursor never passes a UID whose message was neither stored
nor deliberately left out (older than the backfill, expunged, or broken: broken mail
is logged with its folder and UID and skipped; the rest of the batch goes on).

A mailbox has no ticket to write a note or tags on: escalations for it go by e-mail,
so the write-back methods refuse permanently.
"""

from __future__ import annotations

import fnmatch
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from integrations.base import dump_cursor, load_cursor
from integrations.http import CallStats
from integrations.imap.client import FolderError, ImapSettings, Mailbox, UidValidityChanged
from integrations.imap.mailthread import ThreadBuilder, sent_time
from integrations.imap.parsing import BrokenMessage, ParsedMail, parse_message
from integrations.imap.threads import ThreadIndex
from tracker.config import SourceConfig
from tracker.ingest.records import Batch, RejectedRecord

log = logging.getLogger(__name__)

DEFAULT_BATCH = 100
FULL_LIMIT = 8 * 1024 * 1024  # bigger messages are fetched in part (photos, videos, logs)
PARTIAL_BYTES = 1024 * 1024
FETCH_BUDGET = 16 * 1024 * 1024  # bytes per FETCH command, so memory stays bounded


@dataclass
class _Read:
    """One fetched message of a pass, waiting to be threaded in date order."""

    folder: str
    uid: int
    arrived: datetime  # the server's INTERNALDATE (or the pass's time)
    sent_at: datetime  # what the thread builder will store as its time
    truncated: bool = False
    mail: ParsedMail | None = None
    broken: str | None = None
    error: str | None = None  # the error's class, for the rejected table


SENT_NAMES = {"sent", "sent items", "sent messages", "sent mail"}


def is_sent_folder(folder: str) -> bool:
    """A Sent folder (`Sent`, `INBOX.Sent`, `[Gmail]/Sent Mail`, `Sent Items`): only the
    mailbox's own users put mail there, so an agent's address in it needs no proof."""
    last = folder.replace("\\", "/").replace(".", "/").rsplit("/", 1)[-1]
    return last.strip().lower() in SENT_NAMES


class AgentMatcher:
    """Exact addresses and `*@domain` patterns, case-insensitive."""

    def __init__(self, patterns: Sequence[str]):
        self.exact = {p.strip().lower() for p in patterns if "*" not in p and "?" not in p}
        self.globs = [p.strip().lower() for p in patterns if "*" in p or "?" in p]

    def __call__(self, address: str | None) -> bool:
        if not address:
            return False
        address = address.lower()
        return address in self.exact or any(fnmatch.fnmatchcase(address, g) for g in self.globs)


class ImapConnector:
    """A `Poller` (tracker.sources); a mailbox has no ticket to write on, so no writer.
    `stats` counts IMAP commands."""

    def __init__(
        self,
        name: str,
        settings: ImapSettings,
        *,
        folders: Sequence[str] = ("INBOX",),
        agent_addresses: Sequence[str] = (),
        batch_size: int = DEFAULT_BATCH,
        backfill: timedelta | None = None,
        retries: int = 3,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.name = name
        self.settings = settings
        self.folders = list(folders) or ["INBOX"]
        self.is_agent = AgentMatcher(agent_addresses)
        self.batch_size = max(1, batch_size)
        self.backfill = backfill
        self.retries = retries
        self.sleep = sleep
        self.stats = CallStats()
        self.skipped: list[tuple[str, int, str]] = []  # (folder, uid, why), this instance's
        self.full_limit = FULL_LIMIT
        self.partial_bytes = PARTIAL_BYTES
        self.fetch_budget = FETCH_BUDGET

    # -- one record again (tracker.ingest.retry) -------------------------------------------
    def refetch(
        self,
        kind: str,
        external_id: str,
        *,
        cursor: str | None = None,
        now: datetime | None = None,
    ) -> Batch | None:
        """A mail set aside (`folder:uid`), fetched again while its folder keeps the
        UIDVALIDITY the stored cursor knows (after a change, the UID names another mail or
        none; the folder's resync read it again). Threaded with the stored thread index;
        the batch carries the cursor with that index. None when it cannot be fetched."""
        folder, _, uid_text = external_id.rpartition(":")
        state = load_cursor(cursor)
        known = (state.get("folders") or {}).get(folder)
        if kind != "mail" or not uid_text.isdigit() or not isinstance(known, dict):
            return None
        uid = int(uid_text)
        with Mailbox(
            self.name, self.settings, retries=self.retries, sleep=self.sleep, stats=self.stats
        ) as mailbox:
            if mailbox.open(folder) != int(known.get("uidvalidity") or 0):
                return None
            sizes = mailbox.sizes([uid])
            if uid not in sizes:
                return None  # expunged
            first_bytes = self.partial_bytes if sizes[uid] > self.full_limit else None
            item = mailbox.fetch([uid], first_bytes).get(uid)
        if item is None:
            return None
        arrived = item.internal_date or now or datetime.min.replace(tzinfo=UTC)
        read = _Read(folder, uid, arrived, arrived, truncated=bool(first_bytes))
        try:
            read.mail = parse_message(item.raw)
            read.sent_at = sent_time(read.mail, arrived)
        except BrokenMessage as exc:
            read.broken, read.error = str(exc), exc.error
        except Exception as exc:  # one bad message must not stop the mailbox
            read.broken = read.error = type(exc).__name__
        index = ThreadIndex.load(state.get("threads"))
        batch = self._page([read], index)
        batch.cursor = dump_cursor({**state, "threads": index.dump()})
        return batch

    # -- polling --------------------------------------------------------------------------------
    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        """One pass: every folder's new mail is read first, then threaded in date order
        (a customer's reply in INBOX must not be threaded before the agent's message in
        Sent that it answers), in batches of `batch_size`."""
        state = load_cursor(cursor)
        folders: dict[str, dict[str, int]] = {}
        for name, value in (state.get("folders") or {}).items():
            if isinstance(value, dict):
                folders[name] = {
                    "uidvalidity": int(value.get("uidvalidity") or 0),
                    "last_uid": int(value.get("last_uid") or 0),
                }
        index = ThreadIndex.load(state.get("threads"))

        def current() -> str:
            return dump_cursor({"folders": folders, "threads": index.dump()})

        stored = current()
        broken: list[FolderError] = []
        items: list[_Read] = []
        highest: dict[str, int] = {}
        with Mailbox(
            self.name, self.settings, retries=self.retries, sleep=self.sleep, stats=self.stats
        ) as mailbox:
            for folder in self.folders:
                try:
                    found, highest[folder] = self._read_folder(mailbox, folder, folders, now)
                    items += found
                except FolderError as exc:
                    broken.append(exc)  # a misspelt folder must not stop the others
        order = {folder: n for n, folder in enumerate(self.folders)}
        items.sort(key=lambda i: (i.sent_at, order[i.folder], i.uid))
        unread = {folder: sorted(i.uid for i in items if i.folder == folder) for folder in highest}
        for offset in range(0, len(items), self.batch_size):
            chunk = items[offset : offset + self.batch_size]
            batch = self._page(chunk, index)
            for item in chunk:
                unread[item.folder].remove(item.uid)
            # every UID below a folder's oldest unread one is now stored or left out on
            # purpose (older than the backfill window, expunged, or broken)
            for folder, left in unread.items():
                folders[folder]["last_uid"] = left[0] - 1 if left else highest[folder]
            batch.cursor = current()
            stored = batch.cursor
            yield batch
        for folder in highest:
            folders[folder]["last_uid"] = highest[folder]
        if current() != stored:
            yield Batch(cursor=current())  # progress with nothing to store (all left out)
        if broken:
            raise broken[0]

    def _read_folder(
        self,
        mailbox: Mailbox,
        folder: str,
        folders: dict[str, dict[str, int]],
        now: datetime,
    ) -> tuple[list[_Read], int]:
        """The folder's new mail, parsed (broken mail kept as such), and its highest UID."""
        resyncs = 0
        while True:
            validity = mailbox.open(folder)
            known = folders.get(folder)
            since = None
            if known is None or known["uidvalidity"] != validity:
                if known is not None:
                    log.warning(
                        "UIDVALIDITY changed: reading the folder again",
                        extra={"source": self.name, "folder": folder},
                    )
                known = folders[folder] = {"uidvalidity": validity, "last_uid": 0}
                # a folder read from its start: only the backfill window, or a mailbox with
                # years of mail would flood the tracker with long-gone promises
                since = (now - self.backfill).date() if self.backfill else None
            try:
                uids, highest = mailbox.uids_after(known["last_uid"], since)
                found: list[_Read] = []
                for group, first_bytes in self._fetch_plan(uids, mailbox.sizes(uids)):
                    fetched = mailbox.fetch(group, first_bytes)
                    for uid in group:
                        item = fetched.pop(uid, None)
                        if item is None:
                            continue  # expunged between SEARCH and FETCH: nothing to store
                        arrived = item.internal_date or now
                        read = _Read(folder, uid, arrived, arrived, truncated=bool(first_bytes))
                        try:
                            read.mail = parse_message(item.raw)
                            read.sent_at = sent_time(read.mail, arrived)
                        except BrokenMessage as exc:
                            read.broken, read.error = str(exc), exc.error
                        except Exception as exc:  # one bad message must not stop the mailbox
                            read.broken = read.error = type(exc).__name__
                        found.append(read)
                return found, highest
            except UidValidityChanged:
                resyncs += 1
                if resyncs > 2:
                    raise
                folders.pop(folder, None)

    def _fetch_plan(
        self, uids: Sequence[int], sizes: dict[int, int]
    ) -> list[tuple[list[int], int | None]]:
        """Groups of UIDs to fetch together, in UID order: at most `fetch_budget` bytes per
        FETCH, and a message above `full_limit` alone with only its first `partial_bytes`
        (its headers and text come before the attachments that make it big)."""
        plan: list[tuple[list[int], int | None]] = []
        group: list[int] = []
        spent = 0
        for uid in uids:
            if uid not in sizes:
                continue  # expunged since SEARCH: nothing to store
            size = sizes[uid]
            if size > self.full_limit:
                if group:
                    plan.append((group, None))
                    group, spent = [], 0
                plan.append(([uid], self.partial_bytes))
                continue
            if group and spent + size > self.fetch_budget:
                plan.append((group, None))
                group, spent = [], 0
            group.append(uid)
            spent += size
        if group:
            plan.append((group, None))
        return plan

    def _page(self, chunk: Sequence[_Read], index: ThreadIndex) -> Batch:
        builder = ThreadBuilder(index, self.is_agent)
        skipped = len(self.skipped)
        rejected: list[RejectedRecord] = []
        for read in chunk:
            where = f"{read.folder}:{read.uid}"
            if read.mail is None:
                self._skip(read.folder, read.uid, read.broken or "unreadable")
                rejected.append(RejectedRecord("mail", where, read.error or "BrokenMessage"))
                continue
            try:
                builder.add(read.mail, read.arrived, sent_folder=is_sent_folder(read.folder))
            except Exception as exc:  # one bad message must not stop the mailbox
                self._skip(read.folder, read.uid, type(exc).__name__)
                rejected.append(RejectedRecord("mail", where, type(exc).__name__))
        batch = builder.batch()
        batch.rejected = rejected
        batch.stats = {
            "folder": ",".join(dict.fromkeys(read.folder for read in chunk)),
            "fetched": len(chunk),
            "truncated": sum(read.truncated for read in chunk),
            "skipped": len(self.skipped) - skipped,
        }
        return batch

    def _skip(self, folder: str, uid: int, why: str) -> None:
        self.skipped.append((folder, uid, why))
        log.warning(
            "skipped a broken message",
            extra={"source": self.name, "folder": folder, "uid": uid, "reason": why},
        )


def settings_from(source: SourceConfig) -> ImapSettings:
    tls = bool(source.get("tls", True))
    port = source.get("port") or (993 if tls else 143)
    return ImapSettings(
        host=source.get("host"),
        port=int(port),
        username=source.get("username"),
        password=source.secret("password"),
        tls=tls,
        starttls=bool(source.get("starttls", False)),
        timeout=float(source.get("timeout", 30)),
    )


def build(
    source: SourceConfig,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    **overrides: Any,
) -> ImapConnector:
    """The connector for one `type = "imap"` source."""
    return ImapConnector(
        source.name,
        overrides.pop("settings", None) or settings_from(source),
        folders=source.get("folders") or ["INBOX"],
        agent_addresses=source.get("agent_addresses") or [],
        batch_size=int(source.get("batch_size") or DEFAULT_BATCH),
        backfill=source.backfill.delta,
        sleep=sleep,
        **overrides,
    )
