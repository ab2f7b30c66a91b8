"""The Zendesk connector as the registry sees it: `[[source]] type = "zendesk"`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tracker.config import SourceConfig
from tracker.sources import ConnectorSpec, ExportReader, Option, OptionCheck, Poller


def _build(source: SourceConfig, **runtime: Any) -> Poller:
    from integrations.zendesk.connector import build

    return build(source, **runtime)


def _check(problems: OptionCheck, options: dict[str, Any]) -> None:
    if not (options.get("subdomain") or options.get("url")):
        problems.problem("subdomain", "is required (or url)")
    if "oauth_token_env" in options or "oauth_token_file" in options:
        problems.secret("oauth_token", required=True)
    else:
        if "email" not in options:
            problems.problem("email", "is required for API-token authentication")
        problems.secret("token", required=True)
    retries = options.get("retries")
    if isinstance(retries, int) and retries < 0:
        problems.problem("retries", "must be 0 or more")


def _open_export(name: str, path: Path, **options: Any) -> Poller:
    from integrations.zendesk.export import open_export

    return open_export(name, path, **options)


SPEC = ConnectorSpec(
    type="zendesk",
    label="Zendesk",
    options=(
        Option("subdomain", help="acme for acme.zendesk.com (or url)"),
        Option("url", help="the full base URL instead of subdomain (http:// or https://)"),
        Option("email", help="the agent the API token belongs to"),
        Option("token", secret=True, help="an API token (with email)"),
        Option("oauth_token", secret=True, help="an OAuth access token instead of email/token"),
        Option("requests_per_minute", int, default=200, help="the request budget"),
        Option("export_requests_per_minute", int, default=10, help="the export budget"),
        Option("due_field_id", int, help="a custom ticket field for the promise's due time"),
        Option("timeout", (int, float), default=30, help="seconds per request"),
        Option("retries", int, default=4, help="retries of a failed request, backing off"),
    ),
    build=_build,
    writer=lambda connector: connector,
    derives_handoffs=False,  # ticket events carry every assignee and group change
    ticket_channel=True,
    check=_check,
    exports=(ExportReader("zendesk-export", _open_export),),
    history_budget="export_requests_per_minute",
    example={"subdomain": "acme", "email": "ops@acme.example", "token_env": "ZENDESK_TOKEN"},
    docs="docs/configuration.md",
)
