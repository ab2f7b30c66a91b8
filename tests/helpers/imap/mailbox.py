"""Test mailboxes on the session's Dovecot: an account per test, a connector and a
configuration for it, and the pieces tests compare batches with."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from imapclient import IMAPClient

from integrations.imap.client import ImapSettings
from integrations.imap.connector import ImapConnector
from tests.helpers.imap.dovecot import Dovecot
from tests.helpers.imap.seed import AGENTS, support_week
from tracker.config import Config, SourceConfig
from tracker.durations import parse_duration
from tracker.ingest.records import Batch

PASSWORD = "s3cret-for-tests"


ACCOUNTS = [f"support{i}@acme.example" for i in range(80)]


@dataclass
class Account:
    server: Dovecot
    username: str
    password: str = PASSWORD

    def settings(self, port: int | None = None, timeout: float = 5.0) -> ImapSettings:
        return ImapSettings(
            host="127.0.0.1",
            port=port or self.server.port,
            username=self.username,
            password=self.password,
            tls=False,
            timeout=timeout,
        )

    def client(self) -> IMAPClient:
        client = IMAPClient("127.0.0.1", port=self.server.port, ssl=False, timeout=5)
        client.login(self.username, self.password)
        return client

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        with self.client() as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            client.append(folder, raw)

    def append_many(
        self, messages: list[bytes], folder: str = "INBOX", arrived: datetime | None = None
    ) -> None:
        """APPEND each message; `arrived` sets their INTERNALDATE (default: now)."""
        with self.client() as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            for raw in messages:
                client.append(folder, raw, msg_time=arrived or datetime.now(UTC))


def unique(prefix: str = "m") -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def mailbox_config(account: Account, folders: list[str], **extra: object) -> Config:
    source = SourceConfig(
        name="mailbox",
        type="imap",
        poll_every=parse_duration("2m"),
        backfill=parse_duration("30d"),
        options={
            "name": "mailbox",
            "type": "imap",
            "host": "127.0.0.1",
            "port": account.server.port,
            "tls": False,
            "username": account.username,
            "password_env": "FT_TEST_IMAP_PASSWORD",
            "folders": folders,
            "agent_addresses": AGENTS,
            "batch_size": 3,
            "timeout": 5,
            **extra,
        },
    )
    return Config(sources=[source])


def connector(account: Account, batch_size: int = 2, **kwargs) -> ImapConnector:
    return ImapConnector(
        "mailbox",
        account.settings(kwargs.pop("port", None), kwargs.pop("timeout", 5.0)),
        folders=kwargs.pop("folders", ["INBOX", "Sent"]),
        agent_addresses=AGENTS,
        batch_size=batch_size,
        sleep=lambda _seconds: None,
        **kwargs,
    )


def seeded(account: Account) -> str:
    tag = unique("t")
    inbox, sent = support_week(tag)
    account.append_many(inbox, "INBOX")
    account.append_many(sent, "Sent")
    return tag


def messages(batches: list[Batch]) -> dict[str, object]:
    found = {}
    for batch in batches:
        for message in batch.messages:
            assert message.external_id not in found, "a message was delivered twice"
            found[message.external_id] = message
    return found
