"""Rows loaded in bulk, held for one unit of work.

A SQLAlchemy session's identity map holds objects weakly: rows loaded in a few queries
and referenced nowhere else are collected at once, and every `session.get` of them then
queries again, one row at a time. Rows put in a `RowCache` stay until its block ends,
so those lookups are answered from memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType
from typing import TypeVar

T = TypeVar("T")


class RowCache:
    """Use as `with RowCache() as held: held.hold(rows)`; dropped when the block ends."""

    def __init__(self) -> None:
        self._rows: list[object] = []

    def hold(self, rows: Iterable[T]) -> list[T]:
        """Keep these rows for the cache's life; returns them as a list."""
        kept = list(rows)
        self._rows.extend(kept)
        return kept

    def __len__(self) -> int:
        return len(self._rows)

    def clear(self) -> None:
        self._rows.clear()

    def __enter__(self) -> RowCache:
        return self

    def __exit__(
        self,
        _kind: type[BaseException] | None,
        _error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.clear()
