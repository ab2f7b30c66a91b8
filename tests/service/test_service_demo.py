"""`followthrough demo` from a clean directory: the real flow, a summary, and a database
the usual commands can read afterwards."""

from __future__ import annotations

import json
import mailbox
import re
import time

from click.testing import CliRunner

from tracker.cli import cli


def _all_agents(output: str) -> list[int]:
    line = next(x for x in output.splitlines() if x.strip().startswith("all agents"))
    return [int(n) for n in line.split()[2:]]


def test_the_demo_runs_the_whole_flow_and_ends_with_a_summary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FOLLOWTHROUGH_CONFIG", raising=False)
    monkeypatch.delenv("FOLLOWTHROUGH_DATABASE_URL", raising=False)
    runner = CliRunner()
    started = time.monotonic()
    result = runner.invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 60
    out = result.output

    # Synced over HTTP, swept as time moved on, summarised.
    assert re.search(r"\d+ tickets, \d+ messages, [1-9]\d* promises", out)
    assert "Promises found, by the agent who made them:" in out
    found, kept, kept_late, broken, still_open, _other = _all_agents(out)
    assert found == kept + kept_late + broken + still_open + _other
    assert kept >= 1 and kept_late >= 1 and broken >= 1 and still_open >= 1
    assert "amy@acme.example" in out and "ben@acme.example" in out
    assert re.search(r"lead +to lena\.lead@acme\.example", out)
    assert re.search(r"manager +to head\.of\.support@acme\.example", out)
    assert "followthrough --config demo/followthrough.toml promises --state open" in out

    # The e-mails are in the Maildir, as many as the summary says and the outbox records.
    maildir = mailbox.Maildir(str(tmp_path / "demo" / "mail"), create=False)
    saved = len(maildir)
    digests = sum(1 for m in maildir if m["Subject"].startswith("Follow-through daily digest"))
    assert f"Delivered: {saved} e-mails saved in demo/mail" in out
    listed = runner.invoke(cli, ["--config", "demo/followthrough.toml", "promises", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert len(rows) == found
    sent = [e for r in rows for e in r["escalations"] if e["channel"] == "email" and e["sent_at"]]
    assert len(sent) == saved - digests  # the rest are the leads' daily digests
    customer_promise = [r for r in rows if "I will call you tomorrow" in r["quote"]]
    assert customer_promise == []  # the customer's own promise is not ours to keep

    # A second run starts afresh: same story, not twice the promises.
    again = runner.invoke(cli, ["demo"])
    assert again.exit_code == 0, again.output
    assert _all_agents(again.output)[0] == found
