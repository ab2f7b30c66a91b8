"""Every connector this program knows: one line per connector package.

Each package exports one `SPEC` (tracker.sources.ConnectorSpec) whose `build` imports
the connector itself lazily, so a missing optional dependency of one connector never
breaks the others. The program's entry points call `install()`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from integrations.freshdesk.spec import SPEC as FRESHDESK
from integrations.imap.spec import SPEC as IMAP
from integrations.zendesk.spec import SPEC as ZENDESK
from tracker.config import SourceConfig
from tracker.sources import ConnectorRegistry, Poller, UnknownSourceType
from tracker.sources import install as install_registry

REGISTRY = ConnectorRegistry(
    (
        ZENDESK,
        FRESHDESK,
        IMAP,
    )
)

__all__ = ["REGISTRY", "UnknownSourceType", "connector_for", "install"]


def install() -> ConnectorRegistry:
    """Make these connectors the ones the core uses (tracker.sources.installed)."""
    install_registry(REGISTRY)
    return REGISTRY


def connector_for(
    source: SourceConfig,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Poller:
    return REGISTRY.build(source, sleep=sleep, clock=clock)
