"""The one outbound HTTP client: timeouts, retries with backoff and jitter,
`Retry-After`, a per-source request budget, and no secret in any message."""

from __future__ import annotations

import email.utils
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests

from tracker.sources import AuthError, SourceError

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRY_AFTER = 60.0


class HttpError(SourceError):
    """A call failed. `permanent` ones (bad credentials, a rejected request) need a person."""

    def __init__(
        self, source: str, message: str, status: int | None = None, permanent: bool = False
    ):
        self.status = status
        super().__init__(source, message, permanent=permanent)


class HttpAuthError(HttpError, AuthError):
    """401 or 403: an `AuthError` (tracker.sources) that is also an `HttpError`."""


class RateLimited(HttpError):
    """The API asked us to wait longer than we are willing to within one pass."""


class MalformedResponse(HttpError):
    pass


@dataclass
class CallStats:
    calls: int = 0
    credits: int = 0
    rate_limited: int = 0
    retries: int = 0
    waited: float = 0.0
    by_status: dict[int, int] = field(default_factory=dict)
    server_credits: int = 0  # what the API says the calls cost (X-RateLimit-Used-CurrentRequest)
    remaining: int | None = None  # the API's last X-RateLimit-Remaining


class Budget:
    """At most `per_minute` credits in any sliding minute; `acquire` sleeps until there is room."""

    def __init__(self, per_minute: int, clock: Callable[[], float], sleep: Callable[[float], None]):
        self.per_minute = per_minute
        self.clock = clock
        self.sleep = sleep
        self.spent: deque[tuple[float, int]] = deque()
        self.lock = threading.Lock()

    def acquire(self, cost: int = 1) -> float:
        waited = 0.0
        while True:
            with self.lock:
                now = self.clock()
                while self.spent and now - self.spent[0][0] >= 60:
                    self.spent.popleft()
                used = sum(c for _, c in self.spent)
                if used + cost <= self.per_minute or not self.spent:
                    self.spent.append((now, cost))
                    return waited
                delay = 60 - (now - self.spent[0][0]) + 0.01
            self.sleep(delay)
            waited += delay

    def exhaust(self) -> None:
        """The API says nothing is left: wait a full minute before the next call."""
        with self.lock:
            self.spent.append((self.clock(), self.per_minute))

    def lower(self, per_minute: int) -> None:
        """The account's real limit is below the configured one: use the real one."""
        with self.lock:
            self.per_minute = max(1, min(self.per_minute, per_minute))


def _int_header(headers: Any, *names: str) -> int | None:
    for name in names:
        value = headers.get(name)
        if value is not None:
            try:
                return int(float(value))
            except ValueError:
                return None
    return None


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: integer, fractional or an HTTP date."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds or seconds < 0:  # NaN or in the past
        return 0.0
    return seconds


class HttpClient:
    def __init__(
        self,
        source: str,
        base_url: str,
        *,
        auth: tuple[str, str] | None = None,
        headers: dict[str, str] | None = None,
        secrets: Iterable[str] = (),
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = 4,
        max_wait: float = 120.0,
        budgets: dict[str, int] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        session: requests.Session | None = None,
    ):
        self.source = source
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_wait = max_wait
        self.sleep = sleep
        self.session = session or requests.Session()
        self.session.auth = auth
        self.session.headers.update({"Accept": "application/json", **(headers or {})})
        self.session.headers.setdefault("User-Agent", "followthrough/0.1")
        header = self.session.headers.get("Authorization")
        if isinstance(header, bytes):
            header = header.decode("latin-1")
        self._secrets = [s for s in secrets if s] + [v for v in (header,) if v]
        if auth:
            self._secrets += [s for s in auth if s and len(s) > 3]
        self.budgets = {key: Budget(limit, clock, sleep) for key, limit in (budgets or {}).items()}
        self.stats = CallStats()

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[secret]")
        return text

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else f"{self.base_url}{path}"

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        budget: str | None = None,
        cost: int = 1,
        ok: Iterable[int] = (),
    ) -> requests.Response:
        """Send one call, retrying what is worth retrying.

        Returns the response for 2xx and for any status listed in `ok`; raises HttpError
        (AuthError, RateLimited) otherwise.
        """
        attempt = 0
        url = self.url(path)
        while True:
            if budget and budget in self.budgets:
                self.stats.waited += self.budgets[budget].acquire(cost)
            if "default" in self.budgets and budget != "default":
                self.stats.waited += self.budgets["default"].acquire(cost)
            self.stats.calls += 1
            self.stats.credits += cost
            try:
                response = self.session.request(
                    method, url, params=params, json=json, timeout=self.timeout
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                attempt += 1
                if attempt > self.max_retries:
                    reason = type(exc).__name__
                    raise HttpError(self.source, f"{method} {path} failed: {reason}") from None
                self._backoff(attempt)
                continue
            self._observe_rate_headers(response, budget)
            status = response.status_code
            self.stats.by_status[status] = self.stats.by_status.get(status, 0) + 1
            if 200 <= status < 300 or status in ok:
                return response
            if status == 429:
                self.stats.rate_limited += 1
                attempt += 1
                wait = parse_retry_after(response.headers.get("Retry-After"))
                wait = DEFAULT_RETRY_AFTER if wait is None else wait
                if wait > self.max_wait or attempt > self.max_retries:
                    raise RateLimited(
                        self.source, f"rate limited on {path}; retry after {wait:.0f}s", 429
                    )
                self.sleep(wait)
                self.stats.waited += wait
                continue
            if status >= 500:
                attempt += 1
                if attempt > self.max_retries:
                    raise HttpError(self.source, f"{method} {path} answered {status}", status)
                self._backoff(attempt)
                continue
            if status in (401, 403):
                what = "credentials were refused" if status == 401 else "access is forbidden"
                raise HttpAuthError(
                    self.source,
                    f"{what} ({status} on {path}); check the source's credentials and role",
                    status,
                    permanent=True,
                )
            body = self.redact(response.text[:300])
            raise HttpError(
                self.source, f"{method} {path} answered {status}: {body}", status, permanent=True
            )

    def _observe_rate_headers(self, response: requests.Response, budget: str | None) -> None:
        """Obey the API's own rate headers (Freshdesk X-RateLimit-*, Zendesk X-Rate-Limit*)."""
        headers = response.headers
        used = _int_header(headers, "X-RateLimit-Used-CurrentRequest")
        if used is not None:
            self.stats.server_credits += used
        total = _int_header(headers, "X-RateLimit-Total", "X-Rate-Limit")
        remaining = _int_header(headers, "X-RateLimit-Remaining", "X-Rate-Limit-Remaining")
        touched = [self.budgets[k] for k in {budget or "default", "default"} if k in self.budgets]
        if total is not None and total > 0:
            for bucket in touched:
                bucket.lower(total)
        if remaining is not None:
            self.stats.remaining = remaining
            if remaining <= 0 and response.status_code != 429:
                for bucket in touched:
                    bucket.exhaust()

    def _backoff(self, attempt: int) -> None:
        delay = min(30.0, 0.5 * 2 ** (attempt - 1)) * random.uniform(0.5, 1.5)
        self.stats.retries += 1
        self.stats.waited += delay
        self.sleep(delay)

    def get_json(self, path: str, **kwargs: Any) -> Any:
        return self.decode(self.request("GET", path, **kwargs), path)

    def decode(self, response: requests.Response, path: str) -> Any:
        try:
            return response.json()
        except ValueError:
            snippet = self.redact(response.text[:80])
            raise MalformedResponse(
                self.source, f"{path} returned malformed JSON: {snippet!r}", response.status_code
            ) from None
