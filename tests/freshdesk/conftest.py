"""Fixtures for the Freshdesk connector: the sandbox help desk's Freshdesk face over real
HTTP, and connectors pointed at it whose waiting is recorded instead of slept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from integrations.freshdesk.connector import FreshdeskConnector, build
from tests.helpers.freshdesk import KEY, NOW, FreshdeskDesk, source_config


@pytest.fixture
def desk(monkeypatch: pytest.MonkeyPatch) -> Iterator[FreshdeskDesk]:
    monkeypatch.setenv("FT_TEST_FD_KEY", KEY)
    with FreshdeskDesk(NOW) as desk:
        yield desk


@pytest.fixture
def slept() -> list[float]:
    return []


@pytest.fixture
def make_connector(desk: FreshdeskDesk, slept: list[float]) -> Callable[..., FreshdeskConnector]:
    def make(**options: Any) -> FreshdeskConnector:
        clock = [0.0]

        def sleep(seconds: float) -> None:
            slept.append(seconds)
            clock[0] += seconds

        return build(source_config(desk.url, **options), sleep=sleep, clock=lambda: clock[0])

    return make
