"""The IMAP edge: connect, log in, examine folders, search and fetch by UID, and
reconnect when the connection drops or times out (a bounded number of times).

Folders are opened read-only (EXAMINE) and bodies fetched with BODY.PEEK[], so
polling never marks a message as read for the people who use the mailbox.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import random
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from integrations.http import CallStats
from tracker.sources import AuthError, SourceError

log = logging.getLogger(__name__)

# what a dropped, reset or stalled connection looks like from IMAPClient
DROPPED = (imaplib.IMAP4.abort, OSError, EOFError)


class MailboxError(SourceError):
    """The mailbox could not be read (unreachable, a missing folder, a refused command)."""


class FolderError(MailboxError):
    """One configured folder cannot be opened (missing, misspelt, no permission)."""


class MailboxAuthError(AuthError):
    """The server refused the credentials: a person has to fix them; retrying will not."""


class UidValidityChanged(Exception):
    def __init__(self, folder: str, old: int, new: int):
        self.folder, self.old, self.new = folder, old, new
        super().__init__(f"UIDVALIDITY of {folder} changed from {old} to {new}")


@dataclass
class ImapSettings:
    host: str
    port: int
    username: str
    password: str | None
    tls: bool = True
    starttls: bool = False
    timeout: float = 30.0
    ssl_context: ssl.SSLContext | None = None


@dataclass
class Fetched:
    uid: int
    raw: bytes
    internal_date: datetime | None


class Mailbox:
    def __init__(
        self,
        source: str,
        settings: ImapSettings,
        *,
        retries: int = 3,
        sleep: Callable[[float], None],
        stats: CallStats | None = None,
    ):
        self.source = source
        self.settings = settings
        self.retries = retries
        self.sleep = sleep
        self.stats = stats or CallStats()
        self.client: IMAPClient | None = None
        self.folder: str | None = None
        self.validity: int | None = None
        self.reconnects = 0

    # -- connection ---------------------------------------------------------------------------
    def _where(self) -> str:
        return f"{self.settings.username}@{self.settings.host}:{self.settings.port}"

    def _connect(self) -> IMAPClient:
        s = self.settings
        if s.password is None:
            raise MailboxAuthError(
                self.source, "no IMAP password: set password_env or password_file", permanent=True
            )
        context = s.ssl_context or ssl.create_default_context()
        client = IMAPClient(
            s.host,
            port=s.port,
            ssl=s.tls,
            ssl_context=context if s.tls else None,
            timeout=s.timeout,
        )
        try:
            if s.starttls and not s.tls:
                client.starttls(context)
            client.login(s.username, s.password)
        except LoginError as exc:
            _close(client)
            detail = _text(exc)
            if "[UNAVAILABLE]" in detail.upper():
                # RFC 5530: the server's own trouble (its user database is down): retry
                raise ConnectionError(f"login unavailable ({detail})") from None
            raise MailboxAuthError(
                self.source,
                f"IMAP login as {s.username} at {s.host}:{s.port} was refused ({detail}); "
                "check username and password_env/password_file",
                permanent=True,
            ) from None
        except BaseException:
            _shutdown(client)  # the connection may be dead: no polite LOGOUT
            raise
        self.stats.calls += 1
        return client

    def close(self) -> None:
        if self.client is not None:
            _close(self.client)
        self.client = None
        self.folder = None

    def __enter__(self) -> Mailbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, what: str, action: Callable[[IMAPClient], Any]) -> Any:
        """Run one command, reconnecting (and re-opening the folder) after a drop."""
        attempt = 0
        while True:
            try:
                if self.client is None:
                    self.client = self._connect()
                    if self.folder is not None:
                        self._examine(self.folder, expect=self.validity)
                result = action(self.client)
                self.stats.calls += 1
                return result
            except ssl.SSLCertVerificationError as exc:
                self._drop()
                raise MailboxError(
                    self.source,
                    f"the TLS certificate of {self.settings.host}:{self.settings.port} is not "
                    f"trusted ({exc.verify_message or _text(exc)}); install its CA in the system "
                    "store or point SSL_CERT_FILE at it",
                    permanent=True,
                ) from None
            except DROPPED as exc:
                self._drop()
                attempt += 1
                if attempt > self.retries:
                    raise MailboxError(
                        self.source,
                        f"IMAP {what} on {self._where()} failed after {attempt} attempts: "
                        f"{type(exc).__name__}: {_text(exc)}",
                    ) from None
                self.stats.retries += 1
                self.reconnects += 1
                delay = min(30.0, 0.5 * 2 ** (attempt - 1)) * (0.5 + random.random() / 2)
                log.warning(
                    "IMAP connection dropped; reconnecting",
                    extra={"source": self.source, "command": what, "attempt": attempt},
                )
                self.stats.waited += delay
                self.sleep(delay)
            except imaplib.IMAP4.error as exc:
                raise MailboxError(
                    self.source, f"IMAP {what} on {self._where()} was refused: {_text(exc)}"
                ) from None

    def _drop(self) -> None:
        """Forget a broken connection (keeping the open folder, to re-open it)."""
        if self.client is not None:
            _shutdown(self.client)
        self.client = None

    # -- folders and messages -----------------------------------------------------------------
    def _examine(self, folder: str, expect: int | None) -> int:
        assert self.client is not None
        try:
            info = self.client.select_folder(folder, readonly=True)
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as exc:
            raise FolderError(
                self.source,
                f"folder {folder!r} cannot be opened on {self._where()}: {_text(exc)}",
                permanent=True,
            ) from None
        validity = int(info.get(b"UIDVALIDITY", 0))
        self.folder, self.validity = folder, validity
        if expect is not None and validity != expect:
            raise UidValidityChanged(folder, expect, validity)
        return validity

    def open(self, folder: str) -> int:
        """Examine `folder` (read-only); returns its UIDVALIDITY."""
        self.folder = None
        self.validity = None
        return self._call(f"EXAMINE {folder}", lambda _client: self._examine(folder, None))

    def uids_after(self, last_uid: int, since: date | None = None) -> tuple[list[int], int]:
        """(UIDs above `last_uid` to read, ascending; the highest UID above it, or `last_uid`).
        With `since`, only messages that arrived on or after that day are to be read."""
        criteria = ["UID", f"{last_uid + 1}:*"]
        found = self._call("UID SEARCH", lambda c: c.search(criteria))
        # "n:*" always matches the highest UID, even one below n
        every = sorted(int(uid) for uid in found if int(uid) > last_uid)
        highest = every[-1] if every else last_uid
        if since is None or not every:
            return every, highest
        recent = self._call("UID SEARCH SINCE", lambda c: c.search([*criteria, "SINCE", since]))
        return sorted(int(uid) for uid in recent if int(uid) > last_uid), highest

    def sizes(self, uids: Sequence[int]) -> dict[int, int]:
        """RFC822.SIZE of each UID still present."""
        if not uids:
            return {}
        data = self._call(
            f"UID FETCH {uids[0]}:{uids[-1]} RFC822.SIZE",
            lambda c: c.fetch(list(uids), ["RFC822.SIZE"]),
        )
        return {int(uid): int(item.get(b"RFC822.SIZE", 0)) for uid, item in data.items()}

    def fetch(self, uids: Sequence[int], first_bytes: int | None = None) -> dict[int, Fetched]:
        """The raw bytes of each UID still present (an expunged one is simply missing);
        with `first_bytes`, only that many from the start of each message."""
        if not uids:
            return {}
        part = f"BODY.PEEK[]<0.{first_bytes}>" if first_bytes else "BODY.PEEK[]"
        key = b"BODY[]<0>" if first_bytes else b"BODY[]"
        data = self._call(
            f"UID FETCH {uids[0]}:{uids[-1]}",
            lambda c: c.fetch(list(uids), [part, "INTERNALDATE"]),
        )
        found: dict[int, Fetched] = {}
        for uid, item in data.items():
            raw = item.get(key)
            if raw is None:
                continue
            when = item.get(b"INTERNALDATE")
            if isinstance(when, datetime):
                when = when.replace(tzinfo=when.tzinfo or UTC).astimezone(UTC)
            else:
                when = None
            found[int(uid)] = Fetched(int(uid), bytes(raw), when)
        return found


def _text(exc: BaseException) -> str:
    value = exc.args[0] if exc.args else str(exc)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value).split()) or type(exc).__name__


def _close(client: IMAPClient) -> None:
    try:
        client.logout()
    except Exception:
        _shutdown(client)


def _shutdown(client: IMAPClient) -> None:
    with contextlib.suppress(Exception):
        client.shutdown()
