"""What the core asks of a help desk or mailbox connector, and the registry it asks through.

The core defines these shapes; `integrations/` implements them (each connector package
exports one `ConnectorSpec`), and the program's entry point wires the two together with
`install(registry)` (tracker.cli, tests/conftest.py). The core never imports a connector.

- `Poller`: pages of plain records with their cursor (tracker.ingest.sync).
- `TicketWriter`: an internal note, tags and a due-time field on a ticket (the outbox's
  ticket transport, and replies to help-desk commands); only specs with `writer` have one.
- `ConnectorSpec`: a type name, its `[[source]]` options, how to build the poller and
  the writer, and what the core must know about its tickets.
- `ExportReader`: a history file the audit reads (`followthrough audit --from-file`).
- `ReplyMailbox`: replies to notices, read from the `[notify.email] reply_mailbox`
  (tracker.corrections.replies).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from tracker.config import SourceConfig
    from tracker.ingest.records import Batch


# -- errors --------------------------------------------------------------------------------------


class SourceError(Exception):
    """A source could not be read. Its text is ours (never a secret or a record's text),
    so it is shown in full (tracker.errors). `permanent`: a person has to act (bad
    credentials, a rejected request); retrying will not help."""

    def __init__(self, source: str, message: str, *, permanent: bool = False):
        self.source = source
        self.permanent = permanent
        super().__init__(f"{source}: {message}")


class AuthError(SourceError):
    """The source refused the credentials (or the role): a person has to fix them."""


class UnknownSourceType(ValueError):
    pass


class WriteBackError(Exception):
    """A note, tag or field could not be written to the ticket.

    `permanent`: retrying will not help (closed or deleted ticket, no permission); the
    outbox should mark the row failed instead of trying again. `reason` is one line for
    people, naming the source and the ticket, never a secret.
    """

    def __init__(self, reason: str, *, permanent: bool = False, status: int | None = None):
        self.reason = reason
        self.permanent = permanent
        self.status = status
        super().__init__(reason)


# -- what a connector offers ---------------------------------------------------------------------


class CallCounts(Protocol):
    """Calls a connector made (HTTP requests, IMAP commands), for the sync report."""

    calls: int
    rate_limited: int
    waited: float


@runtime_checkable
class Poller(Protocol):
    """One configured help desk or mailbox, read page by page.

    `pages(cursor, now)` yields `Batch`es in order; each carries the cursor to store
    after it (`None` = keep the stored one). The runner commits every batch before asking
    for the next, so a generator must never raise past a page whose batch it has already
    yielded: a failure surfaces on the *next* `next()` and the committed cursor stays valid.

    `stats`: what the connector counts of its calls, or None when it counts nothing.
    A poller may also be a `Refetcher`.
    """

    name: str

    @property
    def stats(self) -> CallCounts | None: ...

    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]: ...


@runtime_checkable
class Refetcher(Protocol):
    """A poller that can fetch one record set aside again, by its id (tracker.ingest.retry):
    a batch with it (a ticket with its messages), or None when it cannot be fetched alone."""

    def refetch(
        self, kind: str, external_id: str, *, cursor: str | None = None, now: datetime | None = None
    ) -> Batch | None: ...


@runtime_checkable
class TicketWriter(Protocol):
    """Write-back to one help desk's tickets; failures raise `WriteBackError`."""

    def add_note(self, ticket_external_id: str, body: str) -> str | None:
        """An internal (private) note, never a public reply; the note's id when the help
        desk reports one."""

    def has_note(self, ticket_external_id: str, marker: str) -> bool:
        """The ticket already has a note carrying `marker` (written just before a crash)."""

    def change_tags(
        self, ticket_external_id: str, add: Sequence[str], remove: Sequence[str]
    ) -> Sequence[str] | None:
        """The tags as the help desk then holds them, when it says."""

    def set_due_field(self, ticket_external_id: str, due: datetime | None) -> bool:
        """Write the promise's due time into the configured field; False when none is."""


# -- history files and replies to notices -------------------------------------------------------


class FileInputError(ValueError):
    """A file that cannot be read as the given type; one line naming it and the line or
    item, never its content."""

    shown_in_full = True


@dataclass(frozen=True)
class ExportReader:
    """A kind of export file (`followthrough audit --from-file PATH --type TYPE`).

    `open(name, path, *, agent_addresses, backfill, link_base)` is a `Poller` over the
    file whose pages carry a `{"offset": n, …}` cursor, and that says how far it has read
    with `fraction()`; a file that cannot be read raises `FileInputError`.
    """

    type: str
    open: Callable[..., Poller]


@dataclass(frozen=True)
class MailReply:
    """One reply to a notice, as the reply mailbox holds it."""

    uid: int
    sender: str  # the From address, lower-cased
    addresses: tuple[str, ...]  # To, Cc, Delivered-To, lower-cased
    in_reply_to: tuple[str, ...]  # In-Reply-To and References message ids
    text: str  # the plain-text body (quoted history included; the parser reads line one)


class ReplyMailbox(Protocol):
    """The reply mailbox: pages of replies after `cursor`, each with the cursor to store
    after it; `close()` when done."""

    def pages(self, cursor: dict[str, Any]) -> Iterator[tuple[list[MailReply], dict[str, Any]]]: ...

    def close(self) -> None: ...


# -- the spec each connector package exports ----------------------------------------------------

OptionType = type | tuple[type, ...]


@dataclass(frozen=True)
class Option:
    """One `[[source]]` key. A `secret` option is written as the pair `<key>_env` /
    `<key>_file` (an environment variable or a file holding it), never as a value.
    `default` is what the connector uses when the key is absent (documentation: the
    options are stored exactly as written)."""

    key: str
    type: OptionType = str
    required: bool = False
    default: Any = None
    secret: bool = False
    help: str = ""

    def written_as(self) -> tuple[str, ...]:
        return (f"{self.key}_env", f"{self.key}_file") if self.secret else (self.key,)


class OptionCheck(Protocol):
    """What a spec's `check` may do while a `[[source]]` table is validated."""

    def problem(self, key: str, message: str) -> None: ...

    def secret(self, key: str, *, required: bool) -> None:
        """Check secret `key` (`<key>_env` set / `<key>_file` exists), or that one is given."""


Builder = Callable[..., Poller]  # build(source, *, sleep, clock) -> Poller


@dataclass(frozen=True)
class ConnectorSpec:
    """One kind of source, as its package declares it.

    - `build(source, *, sleep, clock)`: the poller for one configured source;
    - `writer(poller)`: the ticket writer that goes with a built poller (often the poller
      itself), None when the source has no tickets to write on (a mailbox);
    - `derives_handoffs`: the API has no assignment history, so ingest records a hand-off
      whenever a ticket snapshot's assignee or group changes;
    - `ticket_channel`: overdue promises are also announced on the ticket itself (an
      internal note and tags), when `[notify.ticket]` asks for it;
    - `check(problems, options)`: rules across options (one of two keys, a range); None:
      every secret option is checked, required ones must be given.
    - `example`: the smallest table that validates, for docs and tests.
    - `history_budget`: the option (its value, or its default) that bounds the requests
      per minute of a read of history (tracker.audit.progress); None: unbounded.
    - `exports`: the export files of this help desk the audit can read instead of the API.
    - `replies(source)`: the reply mailbox when a source of this type is one.
    """

    type: str
    label: str
    options: tuple[Option, ...]
    build: Builder
    writer: Callable[[Any], TicketWriter] | None = None
    derives_handoffs: bool = False
    ticket_channel: bool = False
    check: Callable[[OptionCheck, dict[str, Any]], None] | None = None
    # The smallest `[[source]]` table that validates (besides `name` and `type`), secrets
    # by name; tests/test_connector_registry.py proves it valid and minimal.
    example: dict[str, Any] = field(default_factory=dict)
    docs: str = ""  # the page that describes it (tests check that it names the type)
    history_budget: str | None = None
    exports: tuple[ExportReader, ...] = ()
    replies: Callable[[SourceConfig], ReplyMailbox] | None = None

    def __post_init__(self) -> None:
        if self.ticket_channel and self.writer is None:
            raise ValueError(f"{self.type}: a ticket channel needs a writer")

    @property
    def writes_tickets(self) -> bool:
        return self.writer is not None

    def schema(self) -> dict[str, tuple[OptionType, bool]]:
        """key -> (type, required) for every key a `[[source]]` table of this type may hold;
        a secret's pair is required as a pair, which `check` sees to."""
        out: dict[str, tuple[OptionType, bool]] = {}
        for option in self.options:
            for key in option.written_as():
                out[key] = (option.type, option.required and not option.secret)
        return out

    def validate(self, problems: OptionCheck, options: dict[str, Any]) -> None:
        if self.check is not None:
            self.check(problems, options)
            return
        for option in self.options:
            given = any(key in options for key in option.written_as())
            if option.secret and (option.required or given):
                problems.secret(option.key, required=option.required)


@dataclass(frozen=True)
class ConnectorRegistry:
    """The connectors a program knows, in the order they are listed."""

    specs: tuple[ConnectorSpec, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        seen = [s.type for s in self.specs]
        if len(seen) != len(set(seen)):
            raise ValueError(f"a connector type is registered twice: {seen}")

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(s.type for s in self.specs)

    def get(self, kind: str) -> ConnectorSpec | None:
        return next((s for s in self.specs if s.type == kind), None)

    def spec_for(self, source: SourceConfig) -> ConnectorSpec:
        spec = self.get(source.type)
        if spec is None:
            known = ", ".join(sorted(self.types))
            raise UnknownSourceType(
                f"{source.name}: source type {source.type!r} has no connector (known: {known})"
            )
        return spec

    def build(self, source: SourceConfig, **runtime: Any) -> Poller:
        """The poller for `source` (`runtime`: `sleep`, `clock` for the connector)."""
        return self.spec_for(source).build(source, **runtime)

    @property
    def export_types(self) -> tuple[str, ...]:
        return tuple(e.type for s in self.specs for e in s.exports)

    def export(self, kind: str) -> ExportReader | None:
        return next((e for s in self.specs for e in s.exports if e.type == kind), None)

    def with_specs(self, extra: Iterable[ConnectorSpec]) -> ConnectorRegistry:
        return ConnectorRegistry((*self.specs, *extra))


_installed: list[ConnectorRegistry] = []


def install(registry: ConnectorRegistry) -> None:
    """Make `registry` the one the core uses when it is not handed one (the entry point's job)."""
    _installed[:] = [registry]


def installed() -> ConnectorRegistry:
    if not _installed:
        raise RuntimeError(
            "no connectors are installed: the program's entry point must call "
            "integrations.registry.install() (or tracker.sources.install(registry))"
        )
    return _installed[0]
