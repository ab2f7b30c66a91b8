"""The sandbox's HTTP server: stdlib ThreadingHTTPServer in a thread, loopback only.

A face turns a `Request` into a `Reply`; the server adds what every API shares:
optional rate limiting (429 + Retry-After) and a request log for tests.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
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
    ):
        self.face = face
        self.rate_limit = rate_limit
        self.log: list[tuple[str, str]] = []  # (method, path?query) of every request
        self.log_lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # or every reply waits ~40 ms for a delayed ACK

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                return

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                with server.log_lock:
                    server.log.append((self.command, self.path))
                if server.rate_limit is not None and not server.rate_limit.allow():
                    reply = Reply(
                        429,
                        "Too Many Requests",
                        {"Retry-After": server.rate_limit.retry_after},
                    )
                else:
                    request = Request(
                        self.command,
                        parts.path,
                        parse_qs(parts.query, keep_blank_values=True),
                        {k.lower(): v for k, v in self.headers.items()},
                        body,
                    )
                    try:
                        reply = server.face.handle(request)
                    except Exception as exc:  # a sandbox bug must show, not hang the client
                        reply = Reply(500, {"error": "InternalError", "description": repr(exc)})
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                if isinstance(reply.body, str):
                    payload = reply.body.encode()
                    kind = "text/plain; charset=utf-8"
                else:
                    payload = json.dumps(reply.body).encode() if reply.body is not None else b""
                    kind = "application/json; charset=utf-8"
                self.send_response(reply.status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(payload)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_PUT = do_POST = do_DELETE = _serve

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.thread: threading.Thread | None = None

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
