"""Hostile text, times and addresses for the fuzz tests of every connector, and how
to read back what a source stored."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from tracker.config import SourceConfig
from tracker.durations import parse_duration
from tracker.models import Source

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


FUZZ = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


hostile_text = st.one_of(
    st.text(st.characters(blacklist_categories=()), max_size=60),
    st.sampled_from(["\x00", "ends in NUL\x00", "\r\nBcc: x@evil.example", "\ud800 alone"]),
    st.builds(lambda n: "N" * n, st.integers(190, 700)),
)


hostile_time = st.sampled_from(
    [
        "2026-11-23T10:15:18Z",
        "9999-12-31T23:00Z",
        "0001-01-01T00:00:00+01:00",
        "1969-07-20T20:17:00Z",
        "not a time",
        "",
        None,
        253402300799999,
    ]
)


hostile_email = st.one_of(
    st.none(),
    st.just("carl@acme.example\r\nBcc: everyone@evil.example"),
    st.just("carla@example.com"),
    hostile_text,
)


record_ids = itertools.count(1_000_000)


def fuzz_source(kind: str, **options: object) -> SourceConfig:
    name = f"{kind}-{uuid.uuid4().hex[:8]}"  # one source per example: examples share a database
    return SourceConfig(name, kind, parse_duration("2m"), parse_duration("14d"), options)


def stored_ids(engine, source: SourceConfig, model: type) -> set[str]:
    with Session(engine) as session:
        query = select(model.external_id).join(Source, Source.id == model.source_id)
        return set(session.exec(query.where(Source.name == source.name)))
