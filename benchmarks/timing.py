"""Shared by the sync benchmarks: how long a connector spends producing its pages."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any


def time_pages(connector: Any) -> list[float]:
    """Wrap `connector.pages` so the returned one-item list accumulates the seconds spent
    inside the connector (HTTP, the server answering, mapping), not in ingest."""
    fetching = [0.0]
    pages = connector.pages

    def timed_pages(cursor: Any, now: Any) -> Iterator[Any]:
        iterator = pages(cursor, now)
        while True:
            begun = time.perf_counter()
            try:
                batch = next(iterator)
            except StopIteration:
                return
            finally:
                fetching[0] += time.perf_counter() - begun
            yield batch

    connector.pages = timed_pages
    return fetching
