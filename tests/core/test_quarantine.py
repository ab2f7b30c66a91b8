"""A record the database or the extractor still refuses after cleaning is set aside in
`rejected`; the rest of its page and the cursor are stored (issue 14, item 1)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy.exc
from sqlmodel import Session, select

import tracker.extraction
from integrations.http import CallStats
from tracker.config import Config, SourceConfig
from tracker.durations import parse_duration
from tracker.ingest.records import Batch, MessageRecord, PersonRecord, TicketRecord
from tracker.ingest.sync import sync_source
from tracker.models import Message, Promise, Rejected, Source

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
T0 = NOW - timedelta(hours=3)
SOURCE = SourceConfig("desk", "zendesk", parse_duration("2m"), parse_duration("14d"), {})


class Pages:
    """A connector that hands over prepared pages (the input under test)."""

    name = "desk"

    def __init__(self, *pages: Batch):
        self.stats = CallStats()
        self.pages_ = pages

    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        yield from self.pages_


def page(cursor: str, *texts: str) -> Batch:
    return Batch(
        cursor=cursor,
        people=[PersonRecord("a1", "agent", "Amy", "amy@acme.example")],
        tickets=[TicketRecord("100", "Fence", "open", None, "a1", None, None, T0, T0)],
        messages=[
            MessageRecord(f"m{n}", "100", T0 + timedelta(minutes=n), text, "a1", "agent")
            for n, text in enumerate(texts)
        ],
    )


@pytest.fixture
def crashing_extractor(monkeypatch):
    """A bug in the extractor met by one odd message: the fault this path exists for."""
    real = tracker.extraction.extract

    def extract(text, *args, **kwargs):
        if "BOOM" in text:
            raise OverflowError("date value out of range")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(tracker.extraction, "extract", extract)


def test_a_record_that_still_fails_is_rejected_and_the_rest_of_the_page_is_stored(
    engine, crashing_extractor
):
    connector = Pages(
        page("c1", "I'll call you back tomorrow.", "BOOM I'll call you today.", "I'll email you.")
    )
    report = sync_source(engine, Config(sources=[SOURCE]), SOURCE, now=NOW, connector=connector)
    assert report.error is None and report.rejected == 1 and report.messages == 2
    with Session(engine) as session:
        assert sorted(m.external_id for m in session.exec(select(Message))) == ["m0", "m2"]
        assert len(session.exec(select(Promise)).all()) == 2
        rejected = session.exec(select(Rejected)).one()
        assert (rejected.kind, rejected.external_id, rejected.error) == (
            "message",
            "m1",
            "OverflowError",
        )
        assert session.exec(select(Source)).one().cursor == "c1"


def test_a_rejected_record_stored_by_a_later_pass_leaves_the_rejected_table(
    engine, crashing_extractor, monkeypatch
):
    config = Config(sources=[SOURCE])
    sync_source(engine, config, SOURCE, now=NOW, connector=Pages(page("c1", "BOOM")))
    sync_source(engine, config, SOURCE, now=NOW, connector=Pages(page("c1", "BOOM")))
    with Session(engine) as session:
        assert session.exec(select(Rejected)).one().attempts == 2
    monkeypatch.undo()  # the extractor is fixed
    later = NOW + timedelta(minutes=2)
    report = sync_source(engine, config, SOURCE, now=later, connector=Pages(page("c2", "BOOM")))
    assert report.rejected == 0
    with Session(engine) as session:
        assert session.exec(select(Rejected)).all() == []
        assert session.exec(select(Message)).one().external_id == "m0"


def test_a_database_that_stops_answering_stops_the_pass_and_rejects_nothing(engine, monkeypatch):
    import tracker.ingest.quarantine

    def unreachable(*args, **kwargs):
        raise sqlalchemy.exc.OperationalError("INSERT …", {"text": "secret body"}, OSError("gone"))

    monkeypatch.setattr(tracker.ingest.quarantine, "_settle", unreachable)
    connector = Pages(page("c1", "hello"))
    report = sync_source(engine, Config(sources=[SOURCE]), SOURCE, now=NOW, connector=connector)
    assert report.error == "desk: OperationalError (OSError)"
    assert report.rejected == 0
    with Session(engine) as session:
        assert session.exec(select(Rejected)).all() == []
        assert session.exec(select(Source)).one().cursor is None


def test_rejected_records_are_listed_by_the_cli_and_counted_in_the_metrics(
    engine, db_url, tmp_path, crashing_extractor
):
    from click.testing import CliRunner

    from tracker.cli import cli
    from tracker.service.metrics import Metrics

    config = Config(sources=[SOURCE])
    sync_source(engine, config, SOURCE, now=NOW, connector=Pages(page("c1", "ok", "BOOM secret")))
    path = tmp_path / "followthrough.toml"
    path.write_text(f'[database]\nurl = "{db_url}"\n')
    result = CliRunner().invoke(cli, ["--config", str(path), "rejected", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {
            "source": "desk",
            "kind": "message",
            "external_id": "m1",
            "error": "OverflowError",
            "first_seen_at": NOW.isoformat(),
            "last_seen_at": NOW.isoformat(),
            "attempts": 1,
        }
    ]
    table = CliRunner().invoke(cli, ["--config", str(path), "rejected"])
    assert table.exit_code == 0 and "desk  message m1  OverflowError" in table.output
    assert "secret" not in table.output
    metrics = Metrics(engine, config, lambda: NOW).render().decode()
    assert 'followthrough_rejected_records{source="desk"} 1.0' in metrics
