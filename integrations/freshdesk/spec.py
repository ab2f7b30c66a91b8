"""The Freshdesk connector as the registry sees it: `[[source]] type = "freshdesk"`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tracker.config import SourceConfig
from tracker.sources import ConnectorSpec, ExportReader, Option, OptionCheck, Poller


def _build(source: SourceConfig, **runtime: Any) -> Poller:
    from integrations.freshdesk.connector import build

    return build(source, **runtime)


def _check(problems: OptionCheck, options: dict[str, Any]) -> None:
    if not (options.get("domain") or options.get("url")):
        problems.problem("domain", "is required (or url)")
    problems.secret("api_key", required=True)


def _open_export(name: str, path: Path, **options: Any) -> Poller:
    from integrations.freshdesk.export import open_export

    return open_export(name, path, **options)


SPEC = ConnectorSpec(
    type="freshdesk",
    label="Freshdesk",
    options=(
        Option("domain", help="acme for acme.freshdesk.com (or url)"),
        Option("url", help="the full base URL instead of domain (http:// or https://)"),
        Option("api_key", required=True, secret=True, help="an agent's API key"),
        Option("requests_per_minute", int, default=50, help="the plan's API rate limit"),
        Option("due_field", help="a custom ticket field for the due time (cf_promise_due)"),
        Option("page_cap", int, default=300, help="list pages per pass"),
        Option("timeout", (int, float), default=30, help="seconds per request"),
    ),
    build=_build,
    writer=lambda connector: connector,
    derives_handoffs=True,  # Freshdesk has no assignment history: compare snapshots
    ticket_channel=True,
    check=_check,
    exports=(ExportReader("freshdesk-export", _open_export),),
    history_budget="requests_per_minute",
    example={"domain": "acme", "api_key_env": "FRESHDESK_API_KEY"},
    docs="docs/freshdesk.md",
)
