"""`followthrough sweep`, `promises` and `promise done|snooze|dismiss`, run in-process."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlmodel import Session

from tests.helpers.promise_world import World, utc
from tests.helpers.smtp_sink import smtp_fixture  # noqa: F401
from tracker.cli import cli

MADE = utc(2026, 11, 23, 10)
DUE = utc(2026, 11, 24, 11)


@pytest.fixture
def setup(engine, db_url, tmp_path, smtp):
    config = tmp_path / "followthrough.toml"
    config.write_text(
        f"""
[database]
url = "{db_url}"

[[team]]
name = "Tier 1"
timezone = "Europe/London"
leads = ["lead@acme.example"]
members = ["amy@acme.example", "bob@acme.example"]

[escalation]
grace = "2h"
managers = ["boss@acme.example"]
digest_at = "23:59"

[notify.email]
smtp_host = "127.0.0.1"
smtp_port = {smtp.port}
from = "ft@acme.example"
"""
    )
    with Session(engine, expire_on_commit=False) as session:
        world = World(session)
        ticket = world.ticket(assignee=world.amy)
        world.promise(ticket, world.amy, MADE, DUE, quote="I'll call you back tomorrow")
        world.promise(world.ticket(assignee=world.bob), world.bob, MADE, utc(2026, 11, 25, 9))
        session.commit()
    return world, str(config), smtp


def run(config: str, *args: str):
    return CliRunner().invoke(cli, ["--config", config, *args])


def test_sweep_escalates_and_promises_lists_what_was_sent(setup):
    _, config, smtp = setup
    result = run(config, "sweep", "--now", "2026-11-24T13:00Z", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["delivered"] == 2 and summary["failed"] == 0
    assert len(smtp.sink.messages) == 2

    listed = run(config, "promises", "--agent", "amy@acme.example", "--json")
    assert listed.exit_code == 0, listed.output
    [row] = json.loads(listed.output)
    assert row["quote"] == "I'll call you back tomorrow"
    assert {(e["step"], e["recipient"]) for e in row["escalations"]} == {
        ("overdue", "amy@acme.example"),
        ("lead", "lead@acme.example"),
    }
    table = run(config, "promises")
    assert table.exit_code == 0
    assert "I'll call you back tomorrow" in table.output and "2 promise(s)" in table.output


def test_an_agent_snoozes_dismisses_and_marks_done(setup):
    _, config, _ = setup
    first, second = (p["id"] for p in json.loads(run(config, "promises", "--json").output))
    too_long = run(config, "promise", "snooze", str(first), "--until", "2099-01-01T09:00Z",
                   "--now", "2026-11-24T09:00Z")  # fmt: skip
    assert too_long.exit_code == 1 and "at most 14d" in too_long.output
    snoozed = run(config, "promise", "snooze", str(first), "--until", "2026-12-01T09:00Z",
                  "--now", "2026-11-24T09:00Z", "--as", "amy@acme.example", "--json")  # fmt: skip
    assert snoozed.exit_code == 0, snoozed.output
    assert json.loads(snoozed.output)["state"] == "snoozed"
    dismissed = run(config, "promise", "dismiss", str(second), "--reason", "not a promise")
    assert dismissed.exit_code == 0 and "is now dismissed" in dismissed.output
    listed = run(config, "promises", "--state", "dismissed")
    assert "1 dismissed as not promises" in listed.output
    done = run(config, "promise", "done", str(first), "--as", "lead@acme.example")
    assert done.exit_code == 0 and "is now kept" in done.output
    again = run(config, "promise", "done", str(first))
    assert again.exit_code == 1
    assert f"promise {first} is kept" in again.output


def test_bad_input_is_named_and_exits_2_or_1(setup):
    _, config, _ = setup
    bad_time = run(config, "sweep", "--now", "next tuesday")
    assert bad_time.exit_code == 2 and "--now 'next tuesday' is not an ISO 8601 time" in (
        bad_time.output
    )
    missing = run(config, "promise", "done", "424242")
    assert missing.exit_code == 1 and "promise 424242 does not exist" in missing.output
    bad_until = run(config, "promise", "snooze", "1", "--until", "soon")
    assert bad_until.exit_code == 2


def test_a_permanent_delivery_failure_makes_the_sweep_exit_1_and_says_which(setup):
    _, config, smtp = setup
    smtp.sink.refuse.add("lead@acme.example")
    result = run(config, "sweep", "--now", "2026-11-24T13:00Z")
    assert result.exit_code == 1
    assert "delivered 1, failed 1" in result.output
    assert "failed: promise 1 lead email lead@acme.example: SMTP 127.0.0.1:" in result.output
    assert "refused lead@acme.example: 550" in result.output
