"""Fixtures for the mailbox tests: one real Dovecot per test session, a fresh account
per test (so tests never see each other's mail), and helpers to seed it over IMAP."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from imapclient import IMAPClient

from integrations.imap.client import ImapSettings
from tests.imap.dovecot import Dovecot, unavailable
from tests.imap.proxy import Proxy

PASSWORD = "s3cret-for-tests"
ACCOUNTS = [f"support{i}@acme.example" for i in range(80)]


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    reason = unavailable()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Dovecot is required in CI: {reason}")
        pytest.skip(f"IMAP tests skipped: {reason}")
    # not under pytest's tmp dir: that is private to root, and Dovecot's users need to enter
    directory = Path(tempfile.mkdtemp(prefix="ft-dovecot-"))
    server = Dovecot(directory, {account: PASSWORD for account in ACCOUNTS})
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


_used: list[str] = []


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


@pytest.fixture
def mailbox_account(dovecot: Dovecot) -> Account:
    """A support mailbox nobody else uses in this session."""
    free = [a for a in ACCOUNTS if a not in _used]
    if not free:
        pytest.fail("more IMAP tests than test accounts: add accounts in tests/imap/conftest.py")
    _used.append(free[0])
    return Account(dovecot, free[0])


_addresses = iter(range(20, 250))


@pytest.fixture
def own_address_proxy(mailbox_account: Account) -> Iterator[Proxy]:
    """A proxy to Dovecot whose connections come from a loopback address of their own."""
    front = Proxy(mailbox_account.server.port, source_ip=f"127.0.0.{next(_addresses)}")
    try:
        yield front
    finally:
        front.close()


def unique(prefix: str = "m") -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"
