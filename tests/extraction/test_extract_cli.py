"""`extract` and `eval` from the command line, invoked in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.extract import eval_command, extract_command

SENT = ["--sent-at", "2026-11-20T16:30:00+00:00", "--timezone", "Europe/London"]
CASE = {
    "id": "t-1",
    "author_role": "agent",
    "sent_at": "2026-11-20T16:30:00+00:00",
    "timezone": "Europe/London",
    "text": "Hi Jo, I'll call you back tomorrow. Cheers",
    "promises": [{"quote": "I'll call you back tomorrow", "kind": "callback", "due": "2026-11-21"}],
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    missed = dict(CASE, id="t-2", text="Let me know if you need anything.")
    missed["promises"] = [{"quote": "Let me know", "kind": "update", "due": None}]
    path.write_text(json.dumps(CASE) + "\n\n" + json.dumps(missed) + "\n")
    return path


def test_extract_prints_the_promises_in_json(runner: CliRunner) -> None:
    result = runner.invoke(extract_command, [*SENT, "--json", "I'll call you back tomorrow."])
    assert result.exit_code == 0
    (promise,) = json.loads(result.output)
    assert promise == {
        "start": 0,
        "end": 27,
        "quote": "I'll call you back tomorrow",
        "kind": "callback",
        "due": "2026-11-21T17:00:00+00:00",
        "due_is_default": False,
        "due_text": "tomorrow",
    }


def test_extract_gives_the_due_in_the_requested_zone(runner: CliRunner) -> None:
    args = ["--sent-at", "2026-11-20T09:00:00", "--timezone", "America/New_York", "--json"]
    result = runner.invoke(extract_command, [*args, "I'll call you at 3pm today."])
    assert json.loads(result.output)[0]["due"] == "2026-11-20T15:00:00-05:00"


def test_extract_reads_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(extract_command, [*SENT, "--json"], input="We'll keep you posted.")
    (promise,) = json.loads(result.output)
    assert promise["due_is_default"] is True and promise["due_text"] is None


def test_extract_prints_a_readable_line_without_json(runner: CliRunner) -> None:
    result = runner.invoke(extract_command, [*SENT, "I'll email you the label by 5pm today."])
    assert result.exit_code == 0
    assert "send" in result.output and "2026-11-20T17:00" in result.output


def test_extract_says_when_there_is_nothing(runner: CliRunner) -> None:
    result = runner.invoke(extract_command, [*SENT, "Thanks for your patience."])
    assert result.exit_code == 0 and "no promises" in result.output


def test_extract_corpus_prints_one_json_line_per_case(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(extract_command, ["--corpus", str(corpus)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["id"] for line in lines] == ["t-1", "t-2"]
    assert lines[0]["promises"][0]["due"] == "2026-11-21T17:00:00+00:00"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--sent-at", "yesterday-ish", "x"], "--sent-at"),
        (["--timezone", "Mars/Olympus", "x"], "--timezone"),
        (["--corpus", "/no/such/corpus.jsonl"], "/no/such/corpus.jsonl"),
    ],
)
def test_extract_bad_usage_exits_2_with_one_line_naming_the_input(
    runner: CliRunner, args: list[str], named: str
) -> None:
    result = runner.invoke(extract_command, args)
    assert result.exit_code == 2
    assert named in result.output and len(result.output.strip().splitlines()) == 1


def test_eval_json_has_every_field_of_the_interface(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(eval_command, [str(corpus), "--json"])
    assert result.exit_code == 0
    scores = json.loads(result.output)
    assert set(scores) == {
        "messages", "gold", "predicted", "matched", "precision", "recall", "f1", "due_accuracy",
        "kind_accuracy", "follow_through_accuracy", "seconds", "messages_per_second",
        "agent_messages", "false_per_100_agent_messages",  # added in 0.2 (CHANGELOG)
    }  # fmt: skip
    assert (scores["gold"], scores["matched"], scores["recall"]) == (2, 1, 0.5)


def test_eval_lists_each_miss_with_its_case_id(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(eval_command, [str(corpus)])
    assert result.exit_code == 0
    assert "F1" in result.output and "follow-through accuracy" in result.output
    assert "miss        t-2" in result.output


def test_eval_names_a_bad_corpus_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(CASE) + "\n{not json\n")
    result = runner.invoke(eval_command, [str(bad)])
    assert result.exit_code == 2 and f"{bad}:2" in result.output


def test_eval_of_a_missing_corpus_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(eval_command, ["/no/such.jsonl"]).exit_code == 2


@pytest.mark.parametrize("command", [extract_command, eval_command])
def test_each_command_documents_itself_with_an_example(command, runner: CliRunner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(command, ["--help"])
    assert (
        result.exit_code == 0 and "Example:" in result.output and "followthrough" in result.output
    )


def test_eval_says_why_a_promise_was_missed(runner: CliRunner, tmp_path: Path) -> None:
    case = dict(CASE, text="If it fails, I'll call you back tomorrow.")
    path = tmp_path / "why.jsonl"
    path.write_text(json.dumps(case) + "\n")
    result = runner.invoke(eval_command, [str(path)])
    assert "rule self: condition (a conditional or offer)" in result.output


def test_eval_says_which_rule_found_a_false_promise(runner: CliRunner, tmp_path: Path) -> None:
    case = dict(CASE, promises=[])
    path = tmp_path / "fp.jsonl"
    path.write_text(json.dumps(case) + "\n")
    result = runner.invoke(eval_command, [str(path), "--explain"])
    assert "no promise in the corpus here: rule self: kept" in result.output
    assert 'case t-1:\n  found     rule self (callback): "I\'ll call you back tomorrow."' in (
        result.output
    )


def test_extract_explain_shows_each_candidate_with_its_rule_and_check(runner: CliRunner) -> None:
    text = "If it breaks, I'll call you. I'll send you a fix tomorrow.\n> We'll ship it.\n"
    result = runner.invoke(extract_command, [*SENT, "--explain", text])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("send      due 2026-11-21")
    assert "masked    quoted history or signature, characters 59-75" in lines
    assert (
        'rejected  rule self (callback): condition (a conditional or offer): "I\'ll call you."'
        in lines
    )
    assert 'found     rule self (send): "I\'ll send you a fix tomorrow."' in lines


def test_extract_explain_in_json_lists_the_decisions(runner: CliRunner) -> None:
    result = runner.invoke(
        extract_command, [*SENT, "--explain", "--json", "We'll be happy to help."]
    )
    out = json.loads(result.output)
    assert out["promises"] == []
    (decision,) = out["decisions"]
    assert (decision["rule"], decision["check"], decision["kept"]) == ("self", "courtesy", False)
