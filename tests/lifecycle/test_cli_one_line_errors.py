"""Broken databases and out-of-range times: one line naming the cause, exit 2, never a
traceback."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlmodel import Session

from tests.helpers.promise_world import World, utc
from tracker.cli import cli
from tracker.db import make_engine, upgrade

NEWER = "this database was upgraded by a newer version"


def _config(tmp_path, url: str) -> str:
    path = tmp_path / "followthrough.toml"
    path.write_text(
        f'[database]\nurl = "{url}"\n'
        '[[source]]\nname = "zd"\ntype = "zendesk"\nurl = "http://127.0.0.1:9"\n'
        'email = "ops@acme.example"\ntoken_env = "FT_TEST_ONE_LINE_TOKEN"\n'
        '[[team]]\nname = "Tier 1"\nleads = ["lead@acme.example"]\n'
        "[web]\nenabled = true\n"
    )
    return str(path)


def one_line(config: str, *args: str, code: int = 2) -> str:
    result = CliRunner().invoke(cli, ["--config", config, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
    )
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == code, (args, result.output)
    assert len(lines) == 1 and lines[0].startswith("followthrough: "), (args, result.output)
    return lines[0]


@pytest.fixture(autouse=True)
def _token(monkeypatch):
    monkeypatch.setenv("FT_TEST_ONE_LINE_TOKEN", "t")


COMMANDS = (
    ("promises",),
    ("sync",),
    ("sweep",),
    ("promise", "done", "1"),
    ("promise", "snooze", "1", "--until", "2030-01-01T09:00Z"),
    ("promise", "dismiss", "1"),
    ("run",),
    ("web",),
)


def test_every_command_on_a_database_never_upgraded_says_so_in_one_line(db_url, tmp_path):
    config = _config(tmp_path, db_url)
    for args in COMMANDS:
        assert "followthrough db upgrade" in one_line(config, *args), args


def test_every_command_refuses_a_database_upgraded_by_a_newer_version(db_url, tmp_path):
    upgrade(db_url)
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'f00d_from_the_future'"))
    engine.dispose()
    config = _config(tmp_path, db_url)
    for args in (*COMMANDS, ("db", "upgrade")):
        line = one_line(config, *args)
        assert NEWER in line and "f00d_from_the_future" in line, (args, line)


def test_an_unreachable_database_or_an_unknown_driver_is_one_line(tmp_path):
    unreachable = _config(tmp_path, "postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    assert "does not answer" in one_line(unreachable, "promises")
    unknown = _config(tmp_path, "nosuchdriver://somewhere/db")
    for args in (("promises",), ("sync",), ("db", "upgrade"), ("run",)):
        assert "nosuchdriver" in one_line(unknown, *args), args


def test_times_out_of_range_are_refused_in_one_line(engine, db_url, tmp_path):
    with Session(engine, expire_on_commit=False) as session:
        world = World(session)
        ticket = world.ticket(assignee=world.amy)
        promise = world.promise(ticket, world.amy, utc(2026, 11, 23, 10), utc(2026, 11, 24, 11))
        session.commit()
    config = _config(tmp_path, db_url)
    line = one_line(config, "sweep", "--now", "9999-12-31T23:59:59Z")
    assert "--now" in line and "out of range" in line
    line = one_line(config, "promise", "snooze", str(promise.id), "--until", "9999-12-31T23:59:59Z")
    assert "--until" in line and "out of range" in line
    edge = CliRunner().invoke(cli, ["--config", config, "sweep", "--now", "8999-12-31T23:59Z"])
    assert edge.exception is None or isinstance(edge.exception, SystemExit), repr(edge.exception)
    assert one_line(config, "promise", "done", "99999999999999999999999", code=1).endswith(
        "promise 99999999999999999999999 does not exist"
    )


def test_acting_as_someone_needs_a_known_person_and_records_the_os_user(engine, db_url, tmp_path):
    import getpass
    import json

    from tracker.models import Promise

    with Session(engine, expire_on_commit=False) as session:
        world = World(session)
        ticket = world.ticket(assignee=world.amy)
        first = world.promise(ticket, world.amy, utc(2026, 11, 23, 10), utc(2026, 11, 24, 11))
        second = world.promise(ticket, world.amy, utc(2026, 11, 23, 10), utc(2026, 11, 24, 11))
        session.commit()
    config = _config(tmp_path, db_url)
    for stranger in ("mallory@evil.example", "cat@customer.example", "anything at all"):
        line = one_line(config, "promise", "done", str(first.id), "--as", stranger)
        assert "--as" in line and "not a known person" in line, line
    with Session(engine) as session:
        assert session.get(Promise, first.id).state == "open"

    result = CliRunner().invoke(
        cli, ["--config", config, "promise", "done", str(first.id), "--as", "AMY@acme.example"]
    )
    assert result.exit_code == 0, result.output
    lead = CliRunner().invoke(  # a configured lead need not be a help-desk person
        cli, ["--config", config, "promise", "dismiss", str(second.id), "--as", "lead@acme.example",
              "--json"]
    )  # fmt: skip
    assert lead.exit_code == 0, lead.output
    with Session(engine) as session:
        history = {p.id: _history(session, p.id) for p in (first, second)}
    [done] = [e for e in history[first.id] if e["event"] == "done"]
    assert done["actor"] == "amy@acme.example"
    assert done["detail"]["os_user"] == getpass.getuser()
    [dismissed] = [e for e in history[second.id] if e["event"] == "dismissed"]
    assert dismissed["actor"] == "lead@acme.example"
    assert dismissed["detail"]["os_user"] == getpass.getuser()
    assert json.loads(lead.output)["state"] == "dismissed"


def _history(session, promise_id):
    from tracker.queries import promise_history

    return [
        {"at": e.at.isoformat(), "event": e.event, "actor": e.actor, "detail": e.detail}
        for e in promise_history(session, promise_id)
    ]
