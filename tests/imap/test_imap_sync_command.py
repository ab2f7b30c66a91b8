"""`followthrough sync` with a mailbox source in the configuration file, end to end."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlmodel import Session, func, select

from tests.helpers.imap.mailbox import Account, unique
from tests.helpers.imap.proxy import Proxy
from tests.helpers.imap.seed import NOW, support_week
from tracker.cli import cli
from tracker.db import make_engine, upgrade
from tracker.models import Message, Promise, Ticket


def test_the_sync_command_polls_the_mailbox_named_in_the_configuration(
    mailbox_account: Account,
    own_address_proxy: Proxy,
    tmp_path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, sent = support_week(unique("t"))
    mailbox_account.append_many(inbox, "INBOX", arrived=NOW)
    mailbox_account.append_many(sent, "Sent", arrived=NOW)
    url = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(url)
    monkeypatch.setenv("MAILBOX_PASSWORD", mailbox_account.password)
    monkeypatch.setenv("WRONG_PASSWORD", "not-it")
    config = tmp_path / "followthrough.toml"
    common = (
        'type = "imap"\nhost = "127.0.0.1"\ntls = false\n'
        f'username = "{mailbox_account.username}"\n'
        'folders = ["INBOX", "Sent"]\n'
        'agent_addresses = ["support@acme.example", "*@acme.example"]\n'
    )
    config.write_text(
        f'[database]\nurl = "{url}"\n\n'
        f'[[source]]\nname = "mailbox"\n{common}port = {mailbox_account.server.port}\n'
        'password_env = "MAILBOX_PASSWORD"\nbatch_size = 4\n\n'
        f'[[source]]\nname = "old-mailbox"\n{common}port = {own_address_proxy.port}\n'
        'password_env = "WRONG_PASSWORD"\n'
    )
    runner = CliRunner()
    at = ["--now", NOW.isoformat()]  # the mail arrived at NOW, whatever today is
    good = runner.invoke(cli, ["--config", str(config), "sync", "--source", "mailbox", *at])
    assert good.exit_code == 0, good.output + good.stderr
    report = json.loads(good.output.strip().splitlines()[-1])
    assert report["source"] == "mailbox" and report["messages"] == 10 and report["pages"] == 3

    engine = make_engine(url)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Ticket)).one() == 4
        assert session.exec(select(func.count()).select_from(Message)).one() == 10
        assert session.exec(select(func.count()).select_from(Promise)).one() >= 2
    engine.dispose()

    both = runner.invoke(cli, ["--config", str(config), "sync", *at])
    assert both.exit_code == 1
    errors = both.stderr.strip().splitlines()
    assert len(errors) == 1
    assert errors[0].startswith("followthrough: sync failed: old-mailbox: IMAP login as ")
    assert "not-it" not in errors[0]
    assert '"source": "mailbox"' in both.output  # the broken source stopped only itself
