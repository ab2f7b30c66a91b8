"""Fixtures for the mailbox tests: one real Dovecot per test session, a fresh account
per test (so tests never see each other's mail), and helpers to seed it over IMAP."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.imap.dovecot import Dovecot, unavailable
from tests.helpers.imap.mailbox import ACCOUNTS, PASSWORD, Account
from tests.helpers.imap.proxy import Proxy


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
