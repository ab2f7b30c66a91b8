"""The sandbox's HTTP server: stdlib ThreadingHTTPServer in a thread, loopback only.

A face turns a `Request` into a `Reply`; the server adds what every API shares:
optional rate limiting (429 + Retry-After), scripted replies (a failure, a malformed
page: what a real help desk sends now and then), a `Date` header from a clock of the
caller's choosing, and a log of the requests for tests.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = b""

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default

    def json(self) -> Any:
        if not self.body:
            return {}
        return json.loads(self.body)


@dataclass
class Reply:
    status: int
    body: Any = None  # dict/list → JSON; str → text
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Scripted:
    """`reply` instead of the face's answer to requests matching `pattern` (a regular
    expression over "METHOD /path" or "METHOD /path?query"), for the next `left` of them."""

    pattern: str
    reply: Reply
    left: int = 1

    def matches(self, method: str, target: str) -> bool:
        path = target.split("?", 1)[0]
        forms = (f"{method} {path}", f"{method} {target}")
        return self.left > 0 and any(re.fullmatch(self.pattern, form) for form in forms)


class Face(Protocol):
    def handle(self, request: Request) -> Reply: ...


class RateLimit:
    """At most `per_minute` requests in a sliding minute; then 429 with `retry_after`."""

    def __init__(
        self, per_minute: int, retry_after: str = "1", clock: Callable[[], float] = time.monotonic
    ):
        self.per_minute = per_minute
        self.retry_after = retry_after
        self.clock = clock
        self.times: deque[float] = deque()
        self.lock = threading.Lock()

    def allow(self) -> bool:
        with self.lock:
            now = self.clock()
            while self.times and now - self.times[0] >= 60:
                self.times.popleft()
            if len(self.times) >= self.per_minute:
                return False
            self.times.append(now)
            return True


class SandboxServer:
    def __init__(
        self,
        face: Face,
        *,
        port: int = 0,
        rate_limit: RateLimit | None = None,
        date_clock: Callable[[], datetime] | None = None,
    ):
        self.face = face
        self.rate_limit = rate_limit
        self.date_clock = date_clock  # the `Date` header's time; None: the real clock
        self.log: list[tuple[str, str]] = []  # (method, path?query) of every request
        self.requests: list[Request] = []  # every request, with its headers and body
        self.scripted: list[Scripted] = []
        self.log_lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # or every reply waits ~40 ms for a delayed ACK

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                return

            def date_time_string(self, timestamp: float | None = None) -> str:
                if server.date_clock is None or timestamp is not None:
                    return super().date_time_string(timestamp)
                return format_datetime(server.date_clock(), usegmt=True)

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(
                    self.command,
                    parts.path,
                    parse_qs(parts.query, keep_blank_values=True),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
                reply = server.answer(request, self.path)
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                if isinstance(reply.body, str):
                    payload = reply.body.encode()
                    kind = "text/plain; charset=utf-8"
                else:
                    payload = json.dumps(reply.body).encode() if reply.body is not None else b""
                    kind = "application/json; charset=utf-8"
                headers = {"Content-Type": kind, **reply.headers}  # a reply may name its own
                self.send_response(reply.status)
                self.send_header("Content-Length", str(len(payload)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_PUT = do_POST = do_DELETE = _serve

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.thread: threading.Thread | None = None

    def answer(self, request: Request, target: str) -> Reply:
        """A scripted reply if one matches, else 429 past the rate limit, else the face's."""
        with self.log_lock:
            self.log.append((request.method, target))
            self.requests.append(request)
            script = next((s for s in self.scripted if s.matches(request.method, target)), None)
            if script is not None:
                script.left -= 1
        if script is not None:
            return script.reply
        if self.rate_limit is not None and not self.rate_limit.allow():
            return Reply(429, "Too Many Requests", {"Retry-After": self.rate_limit.retry_after})
        try:
            return self.face.handle(request)
        except Exception as exc:  # a sandbox bug must show, not hang the client
            return Reply(500, {"error": "InternalError", "description": repr(exc)})

    def script(self, pattern: str, reply: Reply, times: int = 1) -> Scripted:
        """Answer the next `times` requests matching `pattern` with `reply` (see `Scripted`);
        the returned script's `left` counts down as it is used."""
        scripted = Scripted(pattern, reply, times)
        with self.log_lock:
            self.scripted.append(scripted)
        return scripted

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> SandboxServer:
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self.thread is not None:
            self.thread.join(timeout=5)

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
