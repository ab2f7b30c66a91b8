"""The Zendesk client: auth, base URL and budgets on top of the shared HttpClient."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from integrations.http import HttpClient, HttpError, MalformedResponse
from tracker.config import SourceConfig

EXPORT = "export"  # the incremental-export budget (10 requests a minute by default)
MAX_LISTING_PAGES = 1000  # 100,000 users or groups


class ConfigurationError(HttpError):
    """The source is not configured well enough to call the API."""


def base_url(source: SourceConfig) -> str:
    url = source.get("url")
    if url:
        return str(url).rstrip("/")
    return f"https://{source.get('subdomain')}.zendesk.com"


def make_client(
    source: SourceConfig,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> HttpClient:
    """API-token auth (`{email}/token`) or an OAuth bearer token, from env vars or files."""
    oauth = source.secret("oauth_token")
    headers: dict[str, str] = {}
    auth: tuple[str, str] | None = None
    if oauth:
        headers["Authorization"] = f"Bearer {oauth}"
    else:
        token = source.secret("token")
        email = source.get("email")
        if not token or not email:
            missing = "email" if not email else (source.get("token_env") or "token_file")
            raise ConfigurationError(
                source.name, f"no API credentials: {missing} is not set", permanent=True
            )
        auth = (f"{email}/token", token)
    budgets = {
        "default": int(source.get("requests_per_minute", 200)),
        EXPORT: int(source.get("export_requests_per_minute", 10)),
    }
    return HttpClient(
        source.name,
        base_url(source),
        auth=auth,
        headers=headers,
        secrets=[oauth or ""],
        timeout=float(source.get("timeout", 30)),
        max_retries=int(source.get("retries", 4)),
        budgets=budgets,
        sleep=sleep,
        clock=clock,
    )


def cursor_pages(
    client: HttpClient,
    path: str,
    key: str,
    params: dict[str, Any],
    *,
    max_pages: int = MAX_LISTING_PAGES,
) -> Iterator[Any]:
    """Items of a cursor-paginated list endpoint (`page[size]`, `meta.after_cursor`).
    An `after_cursor` already followed, or more than `max_pages` pages, is an error: an
    answer that keeps saying `has_more` would otherwise keep the pass going for ever."""
    query = {**params, "page[size]": 100}
    followed: set[str] = set()
    while True:
        data = client.get_json(path, params=query)
        items = data.get(key) if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise MalformedResponse(client.source, f"{path} has no {key!r} list")
        yield from items
        meta = data.get("meta") or {}
        after = meta.get("after_cursor") if isinstance(meta, dict) else None
        if not isinstance(meta, dict) or not meta.get("has_more") or not after:
            return
        if str(after) in followed:
            raise MalformedResponse(client.source, f"{path} repeats the same after_cursor")
        if len(followed) + 1 >= max_pages:
            raise MalformedResponse(client.source, f"{path}: more than {max_pages} pages")
        followed.add(str(after))
        query = {**params, "page[size]": 100, "page[after]": after}
