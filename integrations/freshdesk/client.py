"""A thin Freshdesk API v2 client on the shared HttpClient.

Every call goes through integrations.http (timeouts, backoff on 5xx, Retry-After, the
per-source credit budget). Freshdesk charges 1 credit per call plus 2 per `include`, so
the budget is charged the same way.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import requests

from integrations.http import CallStats, HttpClient, HttpError, MalformedResponse

API = "/api/v2"
PER_PAGE = 100
DEFAULT_REQUESTS_PER_MINUTE = 50  # a trial account's limit; paid plans set more in config
MAX_LISTING_PAGES = 1000  # 100,000 agents, groups or conversations of one ticket


def base_url_for(domain: str | None, url: str | None) -> str:
    """`https://{domain}.freshdesk.com`, or the configured `url` as written (sandbox, proxy)."""
    if url:
        return url.rstrip("/")
    if not domain:
        raise ValueError("a Freshdesk source needs `domain` or `url`")
    domain = domain.strip()
    if domain.endswith(".freshdesk.com"):
        domain = domain[: -len(".freshdesk.com")]
    return f"https://{domain}.freshdesk.com"


def credits_for(includes: Sequence[str]) -> int:
    return 1 + 2 * len(includes)


def _date(response: requests.Response) -> datetime | None:
    value = response.headers.get("Date")
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class FreshdeskClient:
    def __init__(
        self,
        source: str,
        base_url: str,
        api_key: str,
        *,
        requests_per_minute: int = DEFAULT_REQUESTS_PER_MINUTE,
        timeout: float = 30.0,
        max_wait: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.source = source
        self.base_url = base_url.rstrip("/")
        self.per_page = PER_PAGE  # the API's maximum; tests lower it to get many pages
        self.max_pages = MAX_LISTING_PAGES
        # Freshdesk: the API key is the Basic-auth user name, the password is ignored ("X").
        self.http = HttpClient(
            source,
            self.base_url,
            auth=(api_key, "X"),
            secrets=[api_key],
            timeout=timeout,
            max_wait=max_wait,
            budgets={"default": requests_per_minute},
            sleep=sleep,
            clock=clock,
        )

    @property
    def stats(self) -> CallStats:
        return self.http.stats

    # ---- plumbing -----------------------------------------------------------
    def _checked_next(self, link: str | None, path: str) -> str | None:
        """The `rel="next"` URL, refused when it points anywhere but our API host
        (following it would send the API key to whoever the header names)."""
        if not link:
            return None
        ours, theirs = urlsplit(self.base_url), urlsplit(link)
        if theirs.scheme and (theirs.scheme, theirs.netloc) != (ours.scheme, ours.netloc):
            raise MalformedResponse(
                self.source, f"{path}: Link header points to another host ({theirs.netloc})"
            )
        return link

    def get(
        self,
        path: str,
        params: dict[str, Any] | None = None,
        includes: Sequence[str] = (),
        ok: Sequence[int] = (),
    ) -> tuple[Any, str | None, int]:
        """One GET: (decoded body, next-page URL or None, HTTP status)."""
        data, next_url, status, _ = self._get(path, params, includes, ok)
        return data, next_url, status

    def _get(
        self,
        path: str,
        params: dict[str, Any] | None,
        includes: Sequence[str],
        ok: Sequence[int],
    ) -> tuple[Any, str | None, int, datetime | None]:
        params = dict(params or {})
        if includes:
            params["include"] = ",".join(includes)
        response = self.http.request("GET", path, params=params, cost=credits_for(includes), ok=ok)
        if response.status_code in ok and not 200 <= response.status_code < 300:
            return None, None, response.status_code, None
        data = self.http.decode(response, path)
        link = response.links.get("next", {}).get("url")
        return data, self._checked_next(link, path), response.status_code, _date(response)

    def _array(self, data: Any, path: str) -> list[dict[str, Any]]:
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise MalformedResponse(
                self.source, f"{path}: expected a JSON array of objects, got {type(data).__name__}"
            )
        return data

    def _object(self, data: Any, path: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise MalformedResponse(
                self.source, f"{path}: expected a JSON object, got {type(data).__name__}"
            )
        return data

    def all_pages(
        self, path: str, params: dict[str, Any] | None = None, ok: Sequence[int] = ()
    ) -> Iterator[list[dict[str, Any]]]:
        """Follow `Link: <…>; rel="next"` until there is none. A link to a page already
        read, or more than `max_pages` pages, is an error: a server that keeps naming a
        next page would otherwise keep the pass going for ever."""
        first = {"per_page": self.per_page, **(params or {})}
        data, next_url, status = self.get(path, first, ok=ok)
        if data is None and status in ok:
            return
        yield self._array(data, path)
        seen: set[str] = set()
        while next_url:
            if next_url in seen:
                raise MalformedResponse(
                    self.source, f"{path}: the Link header names the same page again; stopped"
                )
            if len(seen) + 1 >= self.max_pages:
                raise MalformedResponse(
                    self.source, f"{path}: more than {self.max_pages} pages; stopped"
                )
            seen.add(next_url)
            data, next_url, _ = self.get(next_url)
            yield self._array(data, path)

    # ---- reads ----------------------------------------------------------------
    def tickets_page(
        self, params: dict[str, Any], includes: Sequence[str] = ()
    ) -> tuple[list[dict[str, Any]], bool, datetime | None]:
        """One page of `GET /tickets` (a bare array), whether `Link` announces another, and
        the server's time of the answer (its `Date` header) when it sent one."""
        path = f"{API}/tickets"
        query = {"per_page": self.per_page, **params}
        data, next_url, _, served = self._get(path, query, includes, ())
        return self._array(data, path), next_url is not None, served

    def conversations(self, ticket_id: int | str) -> list[dict[str, Any]]:
        """Every conversation of a ticket; a ticket deleted meanwhile (404) has none."""
        path = f"{API}/tickets/{ticket_id}/conversations"
        return [item for page in self.all_pages(path, ok=(404,)) for item in page]

    def agents(self) -> list[dict[str, Any]]:
        return [item for page in self.all_pages(f"{API}/agents") for item in page]

    def groups(self) -> list[dict[str, Any]]:
        return [item for page in self.all_pages(f"{API}/groups") for item in page]

    def me(self) -> dict[str, Any]:
        path = f"{API}/agents/me"
        return self._object(self.get(path)[0], path)

    def ticket(self, ticket_id: int | str) -> dict[str, Any]:
        path = f"{API}/tickets/{ticket_id}"
        return self._object(self.get(path)[0], path)

    # ---- writes (errors are interpreted by writeback.py) -------------------------
    def send(self, method: str, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        """A write: (status, decoded body or None). 400/404/409/422 come back to the caller."""
        response = self.http.request(method, path, json=body, ok=(400, 404, 409, 422))
        if not response.content:
            return response.status_code, None
        try:
            return response.status_code, response.json()
        except ValueError:
            if 200 <= response.status_code < 300:
                raise MalformedResponse(
                    self.source, f"{method} {path} returned malformed JSON", response.status_code
                ) from None
            return response.status_code, None


__all__ = ["FreshdeskClient", "HttpError", "MalformedResponse", "base_url_for", "credits_for"]
