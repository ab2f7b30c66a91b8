"""It learns: a team's corrections refit the decision model, validated before it is used."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta

from click.testing import CliRunner
from sqlmodel import Session, select

from tests.helpers.promise_world import make_config, utc
from tracker.cli import cli
from tracker.config import LearningConfig
from tracker.ingest.records import Batch, MessageRecord, PersonRecord, TicketRecord
from tracker.ingest.sync import sync_source
from tracker.learning import store
from tracker.learning.running import learn_now, status_now
from tracker.models import Promise
from tracker.promises.actions import dismiss

IDIOM = "We'll look after things from our side."
REAL = "I'll call you back tomorrow at 3pm with the engineer's answer."
OPENINGS = (
    "Thanks for your patience with order #{n}.",
    "Sorry to hear the app crashed again on Monday (case {n}).",
    "I can see the payment of £{n} went through.",
    "The engineers deployed version 2.{n} this morning.",
)
START = utc(2026, 11, 2, 10)


class Desk:
    """A help desk's pages of agent replies, as a connector hands them to sync."""

    name = "desk"
    stats = None  # counts no calls

    def __init__(self, texts: list[tuple[str, str]], sent_at: datetime):
        self.texts, self.sent_at = texts, sent_at

    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        people = [PersonRecord("amy", "agent", "Amy", "amy@acme.example")]
        tickets = [TicketRecord(key, assignee_external_id="amy") for key, _ in self.texts]
        messages = [
            MessageRecord(f"m-{key}", key, self.sent_at, text, "amy", "agent")
            for key, text in self.texts
        ]
        yield Batch(cursor=now.isoformat(), people=people, tickets=tickets, messages=messages)


def _config(tmp_path):  # type: ignore[no-untyped-def]
    config = make_config(email_port=None)
    config.learning = LearningConfig(models_dir=str(tmp_path / "models"))
    return config


def _sync(engine, config, texts: list[tuple[str, str]], at: datetime) -> None:  # type: ignore[no-untyped-def]
    report = sync_source(engine, config, config.sources[0], now=at, connector=Desk(texts, at))
    assert report.ok, report.error


def _quotes(engine, ticket_prefix: str) -> list[str]:  # type: ignore[no-untyped-def]
    from tracker.models import Ticket

    with Session(engine) as session:
        query = select(Promise.quote).join(Ticket, Ticket.id == Promise.ticket_id)
        return list(session.exec(query.where(Ticket.external_id.startswith(ticket_prefix))))


def _message(n: int, *sentences: str) -> str:
    return "Hi Sam,\n\n" + " ".join([OPENINGS[n % 4].format(n=100 + n), *sentences]) + "\n\nAmy"


def _team_dismisses_the_idiom(engine, config) -> None:  # type: ignore[no-untyped-def]
    """Twelve replies over two weeks say the team's idiom; Amy dismisses each promise."""
    for n in range(12):
        at = START + timedelta(days=n)
        _sync(engine, config, [(f"t{n}", _message(n, IDIOM))], at)
        with Session(engine) as session:
            promise = session.exec(select(Promise).order_by(Promise.id.desc())).first()
            assert promise is not None and "look after things" in promise.quote
            dismiss(session, promise.id, "amy@acme.example", "our sign-off",
                    at + timedelta(hours=1), channel="note")  # fmt: skip
            session.commit()


def test_a_teams_dismissed_idiom_is_learned_without_losing_score_on_the_shipped_test_corpus(
    engine, tmp_path
):
    config = _config(tmp_path)
    _team_dismisses_the_idiom(engine, config)
    # Before: the rules decide, and report the idiom as a promise again.
    assert store.decision_in_use(config).name == "rules"
    _sync(engine, config, [("before", _message(1, IDIOM, REAL))], utc(2026, 11, 16, 9))
    assert len(_quotes(engine, "before")) == 2

    outcome = learn_now(engine, config, now=utc(2026, 11, 16, 12))

    held = outcome.scores["held-back corrections"]
    test = outcome.scores["shipped test corpus"]
    for name, pair in outcome.scores.items():
        for who, s in pair.items():
            print(f"{name:>22} {who:>9}: P {s.precision:.4f} R {s.recall:.4f} "
                  f"({s.matched} of {s.predicted} found right, {s.gold} to find)")  # fmt: skip
    print(outcome.reason)
    assert (outcome.corrections, outcome.trained_on, outcome.held_back) == (12, 9, 3)
    assert outcome.switched, outcome.reason
    assert (held["in use"].precision, held["in use"].predicted) == (0.0, 3)
    assert (held["candidate"].precision, held["candidate"].predicted) == (1.0, 0)
    assert test["candidate"].precision >= test["in use"].precision
    assert test["candidate"].recall >= test["in use"].recall
    assert test["in use"].gold == test["candidate"].gold == 155

    # After: sync uses the local model; the idiom is left alone, the real promise is found.
    decider = store.decision_in_use(config)
    assert decider.name == "local model" and decider.file == outcome.candidate
    _sync(engine, config, [("after", _message(2, IDIOM, REAL))], utc(2026, 11, 17, 9))
    assert _quotes(engine, "after") == [
        "I'll call you back tomorrow at 3pm with the engineer's answer"
    ]

    status = status_now(engine, config, now=utc(2026, 11, 17, 12))
    assert status["in_use"]["decision"] == "local model"
    assert status["in_use"]["created_at"] == "2026-11-16T12:00:00+00:00"
    assert status["in_use"]["validation"]["shipped test corpus"]["candidate"]["gold"] == 155


# Call-backs in the wordings real replies use: a refit that learns to veto them all also
# vetoes the real call-backs of the shipped test corpus.
CALLBACKS = (
    "I'll call you back tomorrow.",
    "I'll ring you this afternoon.",
    "I'll give you a call on Monday.",
    "We'll call you back within the hour.",
)


def test_a_refit_worse_on_the_shipped_test_corpus_is_written_but_not_switched_to(engine, tmp_path):
    config = _config(tmp_path)
    for n in range(12):  # a team that dismisses every call-back, however it is worded
        at = START + timedelta(days=n)
        _sync(engine, config, [(f"t{n}", _message(n, CALLBACKS[n % len(CALLBACKS)]))], at)
        with Session(engine) as session:
            promise = session.exec(select(Promise).order_by(Promise.id.desc())).first()
            dismiss(session, promise.id, "amy@acme.example", None, at, channel="slack")
            session.commit()
    outcome = learn_now(engine, config, now=utc(2026, 11, 16, 12))
    print(outcome.reason)
    assert not outcome.switched
    assert "shipped test corpus" in outcome.reason
    assert (tmp_path / "models" / outcome.candidate).exists()
    assert not (tmp_path / "models" / store.CURRENT).exists()
    assert store.decision_in_use(config).name == "rules"


def test_learn_status_shows_live_precision_per_team_and_kind_and_the_rules_in_use(
    engine, db_url, tmp_path
):
    config = _config(tmp_path)
    _team_dismisses_the_idiom(engine, config)
    _sync(engine, config, [("x", _message(3, REAL))], utc(2026, 11, 14, 9))
    path = tmp_path / "followthrough.toml"
    path.write_text(f'[database]\nurl = "{db_url}"\n[learning]\nmodels_dir = "{tmp_path}/m"\n')
    result = CliRunner().invoke(
        cli, ["--config", str(path), "learn", "--status", "--json", "--now", "2026-11-20T12:00Z"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["in_use"]["decision"] == "rules"
    rows = {(r["team"], r["kind"]): r for r in report["live"]}
    assert rows["Tier 1", "callback"] == {"team": "Tier 1", "kind": "callback", "found": 1,
                                          "dismissed": 0, "added": 0, "precision": 1.0}  # fmt: skip
    idiom = [r for r in report["live"] if r["dismissed"]]
    assert len(idiom) == 1 and idiom[0]["found"] == 12 and idiom[0]["precision"] == 0.0
    text = CliRunner().invoke(cli, ["--config", str(path), "learn", "--status",
                                    "--now", "2026-11-20T12:00Z"])  # fmt: skip
    assert "in use: rules" in text.output and "precision 0.00" in text.output


def test_learn_with_too_few_corrections_switches_nothing_and_exits_1(engine, db_url, tmp_path):
    path = tmp_path / "followthrough.toml"
    path.write_text(f'[database]\nurl = "{db_url}"\n[learning]\nmodels_dir = "{tmp_path}/m"\n')
    result = CliRunner().invoke(cli, ["--config", str(path), "learn", "--now", "2026-11-20T12:00Z"])
    assert result.exit_code == 1
    assert "0 corrections: at least 4 are needed" in result.output
    assert not (tmp_path / "m").exists()
