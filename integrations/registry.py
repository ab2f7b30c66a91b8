"""Which connector serves which `type` of source. Factories are imported lazily, so a
missing optional dependency of one connector never breaks the others.

A factory is `build(source: SourceConfig, *, sleep, clock) -> Connector`.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable

from integrations.base import Connector
from tracker.config import SourceConfig

FACTORIES: dict[str, str] = {
    "zendesk": "integrations.zendesk.connector:build",
    "freshdesk": "integrations.freshdesk.connector:build",
    "imap": "integrations.imap.connector:build",
}


class UnknownSourceType(ValueError):
    pass


def connector_for(
    source: SourceConfig,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Connector:
    target = FACTORIES.get(source.type)
    if target is None:
        known = ", ".join(sorted(FACTORIES))
        raise UnknownSourceType(
            f"{source.name}: source type {source.type!r} has no connector (known: {known})"
        )
    module_name, _, attribute = target.partition(":")
    factory = getattr(importlib.import_module(module_name), attribute)
    return factory(source, sleep=sleep, clock=clock)
