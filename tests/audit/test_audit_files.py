"""An audit from files: an mbox, a Maildir, a Zendesk and a Freshdesk JSON export, each
read by `followthrough audit --from-file` into its own database and judged with the
service's rules."""

from __future__ import annotations

import json
import mailbox
import shutil

import pytest
from click.testing import CliRunner

from tests.helpers.audit import FIXTURES
from tracker.cli import cli

PERIOD = ["--from", "2025-03-01", "--to", "2025-03-15", "--now", "2025-03-20T12:00:00Z"]
FIELDS = ("promises", "kept_on_time", "kept_late", "broken", "open", "overdue", "handed_off",
          "handed_off_kept")  # fmt: skip


def audit(tmp_path, *args: str) -> dict:
    result = CliRunner().invoke(
        cli,
        [
            "--config",
            str(tmp_path / "absent.toml"),
            "audit",
            *args,
            *PERIOD,
            "--json",
            "--database",
            f"sqlite:///{tmp_path / 'audit.db'}",
        ],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(autouse=True)
def no_config(monkeypatch, tmp_path):
    (tmp_path / "absent.toml").write_text("", encoding="utf-8")


def test_an_mbox_export_is_threaded_and_judged(tmp_path) -> None:
    found = audit(tmp_path, "--type", "mbox", "--from-file", str(FIXTURES / "support.mbox"),
                  "--agent-address", "*@acme.example")  # fmt: skip
    assert {k: found[k] for k in FIELDS} == {
        "promises": 3, "kept_on_time": 1, "kept_late": 1, "broken": 0, "open": 1,
        "overdue": 1, "handed_off": 1, "handed_off_kept": 1,
    }  # fmt: skip
    assert found["tickets"] == 3 and found["messages"] == 8
    assert [o["quote"] for o in found["oldest"]] == ["I will send you the invoice by Friday"]
    assert {a["name"] for a in found["by_agent"]} == {"Amy Archer", "Ben Brooks"}


def test_a_maildir_gives_the_same_numbers_as_the_mbox_it_was_made_from(tmp_path) -> None:
    maildir = mailbox.Maildir(tmp_path / "Maildir", create=True)
    for message in mailbox.mbox(FIXTURES / "support.mbox"):
        maildir.add(message)
    maildir.close()
    from_maildir = audit(tmp_path, "--type", "maildir", "--from-file", str(tmp_path / "Maildir"),
                         "--agent-address", "*@acme.example")  # fmt: skip
    shutil.rmtree(tmp_path / "Maildir")
    (tmp_path / "audit.db").unlink()
    from_mbox = audit(tmp_path, "--type", "mbox", "--from-file", str(FIXTURES / "support.mbox"),
                      "--agent-address", "*@acme.example")  # fmt: skip
    assert {k: from_maildir[k] for k in FIELDS} == {k: from_mbox[k] for k in FIELDS}
    assert from_maildir["promises"] == 3


def test_mail_without_agent_addresses_is_a_usage_error(tmp_path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "--config",
            str(tmp_path / "absent.toml"),
            "audit",
            "--type",
            "mbox",
            "--from-file",
            str(FIXTURES / "support.mbox"),
            *PERIOD,
        ],
    )
    assert result.exit_code == 2
    assert "--agent-address" in result.stderr


def test_a_zendesk_json_export_with_comments_and_audits_is_judged(tmp_path) -> None:
    found = audit(tmp_path, "--type", "zendesk-export", "--from-file", str(FIXTURES / "zendesk"))
    assert {k: found[k] for k in FIELDS} == {
        "promises": 3, "kept_on_time": 1, "kept_late": 1, "broken": 1, "open": 0,
        "overdue": 0, "handed_off": 1, "handed_off_kept": 1,
    }  # fmt: skip
    # the private note on 501 did not keep the callback; the reply a day late did
    broken = found["oldest"][0]
    assert broken["ticket_url"] == "https://acme.zendesk.com/agent/tickets/502"
    assert broken["outcome"] == "broken" and broken["owner"] == "Amy Archer"


def test_a_freshdesk_json_export_is_judged(tmp_path) -> None:
    found = audit(
        tmp_path,
        "--type", "freshdesk-export",
        "--from-file", str(FIXTURES / "freshdesk" / "tickets.json"),
        "--link-base", "https://acme.freshdesk.com",
    )  # fmt: skip
    assert {k: found[k] for k in FIELDS} == {
        "promises": 2, "kept_on_time": 1, "kept_late": 0, "broken": 0, "open": 1,
        "overdue": 1, "handed_off": 0, "handed_off_kept": 0,
    }  # fmt: skip
    assert found["oldest"][0]["ticket_url"] == "https://acme.freshdesk.com/a/tickets/42"
    assert found["by_agent"][0]["name"] == "Priya Shah"


def test_an_unreadable_export_line_names_the_file_and_item(tmp_path) -> None:
    bad = tmp_path / "tickets.json"
    bad.write_text('{"id": 1, "comments": []}\n{"id": 2, oops}\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "--config",
            str(tmp_path / "absent.toml"),
            "audit",
            "--type",
            "zendesk-export",
            "--from-file",
            str(bad),
            *PERIOD,
            "--database",
            f"sqlite:///{tmp_path / 'a.db'}",
        ],
    )
    assert result.exit_code == 1
    assert f"{bad}:2: not a JSON line" in result.stderr
