"""Fixtures for the Freshdesk connector: the documented API played by `responses`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import responses

from integrations.freshdesk.connector import FreshdeskConnector, build
from tests.freshdesk.fake_api import BASE, KEY, FakeFreshdesk
from tracker.config import SourceConfig
from tracker.durations import parse_duration

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def source_config(name: str = "freshdesk-acme", **options: Any) -> SourceConfig:
    opts = {"name": name, "type": "freshdesk", "url": BASE, "api_key_env": "FT_TEST_FD_KEY"}
    opts.update(options)
    return SourceConfig(name, "freshdesk", parse_duration("2m"), parse_duration("14d"), opts)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeFreshdesk]:
    monkeypatch.setenv("FT_TEST_FD_KEY", KEY)
    api = FakeFreshdesk()
    api.now = lambda: NOW  # type: ignore[method-assign]
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        api.install(mock)
        api.mock = mock  # type: ignore[attr-defined]
        yield api


@pytest.fixture
def slept() -> list[float]:
    return []


@pytest.fixture
def make_connector(slept: list[float]) -> Callable[..., FreshdeskConnector]:
    def make(**options: Any) -> FreshdeskConnector:
        clock = [0.0]

        def sleep(seconds: float) -> None:
            slept.append(seconds)
            clock[0] += seconds

        return build(source_config(**options), sleep=sleep, clock=lambda: clock[0])

    return make
