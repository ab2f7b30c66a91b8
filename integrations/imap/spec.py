"""The mailbox connector as the registry sees it: `[[source]] type = "imap"`.

`imapclient` is imported only when a mailbox is built, so a missing optional dependency
of this connector never breaks the others."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tracker.config import SourceConfig
from tracker.sources import (
    ConnectorSpec,
    ExportReader,
    Option,
    OptionCheck,
    Poller,
    ReplyMailbox,
)


def _build(source: SourceConfig, **runtime: Any) -> Poller:
    from integrations.imap.connector import build

    return build(source, **runtime)


def _check(problems: OptionCheck, options: dict[str, Any]) -> None:
    problems.secret("password", required=True)
    for address in options.get("agent_addresses", []):
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address.strip()):
            problems.problem(
                "agent_addresses", f"{address!r} is not an e-mail address or a *@domain pattern"
            )
    if options.get("tls", True) and options.get("starttls"):
        problems.problem("starttls", "needs tls = false (STARTTLS upgrades a plain connection)")
    if "port" in options and not 0 < options["port"] < 65536:
        problems.problem("port", "must be between 1 and 65535")
    if "batch_size" in options and options["batch_size"] < 1:
        problems.problem("batch_size", "must be at least 1")
    if "folders" in options and not [f for f in options["folders"] if f.strip()]:
        problems.problem("folders", 'must name at least one folder (e.g. "INBOX")')


def _open_mbox(name: str, path: Path, **options: Any) -> Poller:
    from integrations.imap.export import open_mbox

    return open_mbox(name, path, **options)


def _open_maildir(name: str, path: Path, **options: Any) -> Poller:
    from integrations.imap.export import open_maildir

    return open_maildir(name, path, **options)


def _replies(source: SourceConfig) -> ReplyMailbox:
    from integrations.imap.replies import ReplyReader

    return ReplyReader(source)


SPEC = ConnectorSpec(
    type="imap",
    label="IMAP mailbox",
    options=(
        Option("host", required=True, help="the IMAP server"),
        Option("port", int, help="993 with tls, else 143"),
        Option("tls", bool, default=True, help="implicit TLS"),
        Option("starttls", bool, default=False, help="upgrade a plain connection (tls = false)"),
        Option("username", required=True, help="the mailbox login"),
        Option("password", required=True, secret=True, help="the mailbox password"),
        Option("folders", list, default=["INBOX"], help="folders to read, sent mail included"),
        Option("agent_addresses", list, required=True, help="addresses or *@domain of agents"),
        Option("batch_size", int, default=100, help="messages per page"),
        Option("timeout", (int, float), default=30, help="seconds per command"),
    ),
    build=_build,
    writer=None,  # a mailbox has no ticket to write on: escalate by e-mail
    derives_handoffs=False,  # hand-offs are emitted explicitly, from who answered
    ticket_channel=False,
    check=_check,
    exports=(ExportReader("mbox", _open_mbox), ExportReader("maildir", _open_maildir)),
    replies=_replies,
    example={
        "host": "imap.acme.example",
        "username": "support@acme.example",
        "password_env": "SUPPORT_MAILBOX_PASSWORD",
        "agent_addresses": ["*@acme.example"],
    },
    docs="docs/mailbox.md",
)
