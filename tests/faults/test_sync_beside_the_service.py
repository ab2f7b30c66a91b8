"""`followthrough sync` run next to the service: it takes the source's lease or refuses,
naming the holder; a locked SQLite file gives one line, not a traceback."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.db import make_engine, upgrade
from tracker.service import leases

CONFIG = """
[database]
url = "{url}"

[[source]]
name = "desk"
type = "zendesk"
url = "http://127.0.0.1:9"
email = "ops@acme.example"
token_env = "FT_TEST_TOKEN"
"""


def run_sync(tmp_path, url, monkeypatch):
    monkeypatch.setenv("FT_TEST_TOKEN", "t")
    monkeypatch.delenv("FOLLOWTHROUGH_DATABASE_URL", raising=False)
    path = tmp_path / "ft.toml"
    path.write_text(CONFIG.format(url=url))
    return CliRunner().invoke(cli, ["--config", str(path), "sync"])


def test_sync_refuses_a_source_the_service_is_syncing_and_names_the_holder(
    db_url, tmp_path, monkeypatch
):
    upgrade(db_url)
    engine = make_engine(db_url)
    now = datetime.now(UTC)
    assert leases.acquire(engine, "sync:desk", "host:42:abc", now=now, length=timedelta(hours=1))
    result = run_sync(tmp_path, db_url, monkeypatch)
    assert result.exit_code == 1
    assert "desk is being synced by host:42:abc" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert leases.holder(engine, "sync:desk")[0] == "host:42:abc"  # left alone
    engine.dispose()


@pytest.mark.slow
def test_sync_on_a_locked_sqlite_file_says_so_in_one_line(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'locked.db'}"
    upgrade(url)
    # The real wait is 30 s; the message after it is what is under test, not its length.
    monkeypatch.setattr("tracker.db.SQLITE_LOCK_WAIT_SECONDS", 1)
    holder = sqlite3.connect(tmp_path / "locked.db")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run_sync(tmp_path, url, monkeypatch)
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code != 0
    assert result.stderr.strip() == "followthrough: database is locked by another process"
