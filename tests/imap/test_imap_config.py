"""Mailbox sources in the configuration file: what `config check` says about them."""

from __future__ import annotations

import pytest

from tracker.config import ConfigError, load_config

GOOD = """\
[[source]]
name = "mailbox"
type = "imap"
host = "imap.acme.example"
username = "support@acme.example"
password_env = "FT_TEST_MAILBOX_PASSWORD"
folders = ["INBOX", "Sent"]
agent_addresses = ["support@acme.example", "*@acme.example"]
"""


def test_a_mailbox_source_loads_with_its_defaults(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FT_TEST_MAILBOX_PASSWORD", "x")
    path = tmp_path / "followthrough.toml"
    path.write_text(GOOD)
    source = load_config(path).source("mailbox")
    assert source.type == "imap" and source.secret("password") == "x"
    assert source.backfill.text == "14d"


def test_every_mailbox_mistake_is_named_with_its_line(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FT_TEST_MAILBOX_PASSWORD", "x")
    path = tmp_path / "followthrough.toml"
    path.write_text(
        GOOD.replace('"*@acme.example"', '"acme.example"')
        + "starttls = true\nport = 99999\nbatch_size = 0\n"
    )
    with pytest.raises(ConfigError) as failure:
        load_config(path)
    problems = {p.key: (p.where, p.message) for p in failure.value.problems}
    assert problems["source[0].agent_addresses"] == (
        f"{path}:8",
        "'acme.example' is not an e-mail address or a *@domain pattern",
    )
    assert problems["source[0].starttls"][1].startswith("needs tls = false")
    assert problems["source[0].port"] == (f"{path}:10", "must be between 1 and 65535")
    assert problems["source[0].batch_size"][1] == "must be at least 1"
    assert len(problems) == 4


def test_a_mailbox_needs_a_folder_and_a_password(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("FT_TEST_MAILBOX_PASSWORD", raising=False)
    path = tmp_path / "followthrough.toml"
    path.write_text(GOOD.replace('folders = ["INBOX", "Sent"]', "folders = []"))
    with pytest.raises(ConfigError) as failure:
        load_config(path)
    messages = sorted(str(p) for p in failure.value.problems)
    assert messages == [
        f"{path}:6: source[0].password_env: "
        "environment variable FT_TEST_MAILBOX_PASSWORD is not set",
        f'{path}:7: source[0].folders: must name at least one folder (e.g. "INBOX")',
    ]
