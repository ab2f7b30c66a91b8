"""History from files, for teams that cannot give API access yet: an mbox file or a
Maildir folder (a mailbox export), or a Zendesk or Freshdesk JSON export, read by the
connectors' export readers (`ExportReader`s in their specs, integrations/*/export.py),
which yield the same plain records as the live connectors, through the same mapping code.

Each yields pages of records with a cursor `{"offset": n, …}` (items already stored), so
an interrupted audit continues where it stopped, like an API read. Nothing is written
anywhere: the write-back methods refuse. Shapes accepted: docs/audit.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tracker.sources import ConnectorRegistry, FileInputError, Poller, installed

__all__ = ["FileInputError", "file_connector"]


def file_connector(
    kind: str,
    path: Path,
    *,
    name: str,
    agent_addresses: Sequence[str] = (),
    backfill: Any = None,
    link_base: str | None = None,
    registry: ConnectorRegistry | None = None,
) -> Poller:
    """The reader of an export file of type `kind` (registered by a connector's spec)."""
    known = registry or installed()
    reader = known.export(kind)
    if reader is None:
        raise FileInputError(f"--type {kind!r} is not one of {', '.join(known.export_types)}")
    return reader.open(
        name, path, agent_addresses=agent_addresses, backfill=backfill, link_base=link_base
    )
