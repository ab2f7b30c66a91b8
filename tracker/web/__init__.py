"""The web pages and the JSON API: `create_app(config, engine)` builds the Flask app.

Mounted by `followthrough run` when `[web] enabled`, and served alone by
`followthrough web`.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask, Response, request
from sqlalchemy.engine import Engine
from werkzeug.routing import IntegerConverter

from tracker.config import Config, ConfigError, Problem, secret_key_problem
from tracker.web.context import EXTENSION, WebContext
from tracker.web.mail import Mailer, MailQueue, smtp_mailer

log = logging.getLogger(__name__)
SESSION_LIFETIME = timedelta(days=7)


class RowId(IntegerConverter):
    """`<id:name>`: a row id either database can hold; a larger number matches no route
    (404) instead of overflowing the database driver (500)."""

    def __init__(self, url_map: Any) -> None:
        super().__init__(url_map, min=1, max=2**63 - 1)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def create_app(
    config: Config,
    engine: Engine,
    *,
    clock: Callable[[], datetime] | None = None,
    mailer: Mailer | None = None,
) -> Flask:
    """The Flask app. `clock` returns aware UTC (default: the real clock); `mailer`
    sends the sign-in e-mail (default: SMTP per `[notify.email]`, or none)."""
    from tracker.web import api, auth, corrections, views
    from tracker.web.formatting import register_filters

    app = Flask(__name__)
    app.url_map.converters["id"] = RowId
    secret_key = config.web.secret_key()
    if not secret_key:
        log.warning(
            "[web] secret_key_env / secret_key_file is not set: using a random key, so "
            "sessions end when the process restarts and cannot be shared between workers"
        )
        secret_key = secrets.token_urlsafe(48)
    elif reason := secret_key_problem(secret_key):
        raise ConfigError([Problem(str(config.path or "configuration"), "web.secret_key", reason)])
    app.config.update(
        SECRET_KEY=secret_key,
        SESSION_COOKIE_NAME="followthrough_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=config.web.base_url.startswith("https://"),
        PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
        MAX_CONTENT_LENGTH=64 * 1024,
        JSON_SORT_KEYS=False,
    )
    if mailer is None:
        mailer = smtp_mailer(config)
    app.extensions[EXTENSION] = WebContext(
        config, engine, clock or _utcnow, mailer, MailQueue(mailer) if mailer else None
    )

    app.before_request(auth.load_current_viewer)
    app.before_request(auth.check_csrf)
    app.register_blueprint(auth.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(corrections.bp)
    register_filters(app)

    @app.context_processor
    def _common() -> dict:
        return {"viewer": auth.current_viewer(), "csrf_token": auth.csrf_token}

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.endpoint != "static":
            # pages carry customer text and sign-in tokens: no shared or browser cache
            response.headers["Cache-Control"] = "no-store"
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
        )
        return response

    return app
