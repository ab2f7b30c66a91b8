"""`/healthz`, `/metrics` and (with `[web] enabled`) the web pages, on one listener.

Health is read from the database, so every worker of a deployment gives the same
answer about the sources: unhealthy (503) when the database does not answer or when
a source has not synced successfully for longer than three of its polling intervals
(counted from this worker's start when it never has).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from tracker.config import Config, parse_listen
from tracker.models import Escalation, Source
from tracker.service.logs import event
from tracker.service.metrics import CONTENT_TYPE, Metrics

log = logging.getLogger(__name__)

STALE_AFTER_INTERVALS = 3

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def health(
    engine: Engine, config: Config, *, now: datetime, started_at: datetime
) -> tuple[bool, dict[str, Any]]:
    """(healthy, body) as of `now`."""
    body: dict[str, Any] = {"status": "ok", "checked_at": now.isoformat()}
    try:
        sources, backlog = _read(engine, now)
    except Exception as exc:
        body["status"] = "failing"
        body["database"] = {"ok": False, "error": f"{type(exc).__name__}: {_first_line(exc)}"}
        body["sources"] = [{"name": s.name, "ok": None} for s in config.sources]
        return False, body
    body["database"] = {"ok": True}
    healthy = True
    listed = []
    for source in config.sources:
        row = sources.get(source.name, {})
        last = row.get("last_success_at")
        interval = source.poll_every.delta.total_seconds()
        since = last if last is not None and last > started_at else started_at
        age = max((now - since).total_seconds(), 0.0)
        ok = age <= STALE_AFTER_INTERVALS * interval
        healthy = healthy and ok
        listed.append(
            {
                "name": source.name,
                "ok": ok,
                "last_success_at": last.isoformat() if last else None,
                "age_seconds": round((now - last).total_seconds(), 1) if last else None,
                "poll_every_seconds": interval,
                "last_sync_at": _iso(row.get("last_sync_at")),
                "last_error": row.get("last_error"),
            }
        )
    body["sources"] = listed
    body["delivery_backlog"] = backlog
    if not healthy:
        body["status"] = "failing"
    return healthy, body


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _first_line(exc: BaseException) -> str:
    text = str(exc)
    return text.splitlines()[0] if text else ""


def _read(engine: Engine, now: datetime) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    # SQLModel does not declare `__table__` on table classes (it is there at run time)
    source = Source.__table__  # type: ignore[attr-defined]
    outbox = Escalation.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        sources = {
            row.name: dict(row._mapping)
            for row in conn.execute(
                sa.select(
                    source.c.name,
                    source.c.last_success_at,
                    source.c.last_sync_at,
                    source.c.last_error,
                )
            )
        }
        pending, oldest = conn.execute(
            sa.select(sa.func.count(), sa.func.min(outbox.c.due_at)).where(
                outbox.c.status == "pending"
            )
        ).one()
        failed = conn.execute(
            sa.select(sa.func.count()).where(outbox.c.status == "failed")
        ).scalar_one()
    if oldest is not None and oldest.tzinfo is None:  # SQLite aggregates lose the column type
        oldest = datetime.fromisoformat(str(oldest)).replace(tzinfo=now.tzinfo)
    elif isinstance(oldest, str):
        oldest = datetime.fromisoformat(oldest).replace(tzinfo=now.tzinfo)
    backlog = {
        "pending": pending,
        "failed": failed,
        "oldest_pending_age_seconds": (
            round(max((now - oldest).total_seconds(), 0.0), 1) if oldest is not None else None
        ),
    }
    return sources, backlog


def make_app(
    engine: Engine,
    config: Config,
    metrics: Metrics,
    *,
    clock: Callable[[], datetime],
    started_at: datetime,
    web_app: WsgiApp | None = None,
) -> WsgiApp:
    """The WSGI application of the service's listener."""

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            ok, body = health(engine, config, now=clock(), started_at=started_at)
            data = json.dumps(body, indent=1).encode()
            status = "200 OK" if ok else "503 Service Unavailable"
            start_response(status, [("Content-Type", "application/json"), _length(data)])
            return [data]
        if path == "/metrics":
            data = metrics.render()
            start_response("200 OK", [("Content-Type", CONTENT_TYPE), _length(data)])
            return [data]
        if web_app is not None:
            return web_app(environ, start_response)
        data = b"not found: this listener serves /healthz and /metrics\n"
        start_response("404 Not Found", [("Content-Type", "text/plain"), _length(data)])
        return [data]

    return app


def _length(data: bytes) -> tuple[str, str]:
    return ("Content-Length", str(len(data)))


def split_listen(listen: str) -> tuple[str, int]:
    """(host, port) of `[service] listen`; the same check as `config check`."""
    return parse_listen(listen)


def cannot_listen(address: str, exc: OSError) -> str:
    """The one line `web` and `run` print when the listen address cannot be had."""
    if exc.errno == errno.EADDRINUSE:
        return f"cannot listen on {address}: the address is already in use by another process"
    return f"cannot listen on {address}: {exc.strerror or exc}"


class Listener:
    """The WSGI app served by waitress in a background thread."""

    def __init__(self, app: WsgiApp, listen: str):
        from waitress.server import create_server

        host, port = split_listen(listen)
        self.server = create_server(app, host=host, port=port, threads=4, ident="followthrough")
        self.address = f"{host}:{self.server.effective_port}"
        self.thread = threading.Thread(target=self._serve, name="listener", daemon=True)

    def _serve(self) -> None:
        with contextlib.suppress(OSError):  # closed while stopping
            self.server.run()

    def start(self) -> Listener:
        self.thread.start()
        event(log, "listener.started", address=self.address)
        return self

    def stop(self) -> None:
        try:
            self.server.close()
        except Exception as exc:
            event(log, "listener.stop_failed", level=logging.WARNING, error=exc)
