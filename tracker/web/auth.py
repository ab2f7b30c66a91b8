"""Sign-in by a one-time e-mailed link or a trusted reverse-proxy header; sessions; CSRF.

Only the SHA-256 of a link's token is stored. A link works once (claimed by a
compare-and-set UPDATE, so two clicks racing cannot both win) and expires after
15 minutes. Opening the link shows a button; the POST it sends is what signs in,
so a mail scanner that fetches links cannot use one up.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import (
    Blueprint,
    abort,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from sqlmodel import Session, col

from tracker.access import Viewer, load_viewer, normalise_email
from tracker.db import rowcount
from tracker.models import SignInAttempt, SignInToken
from tracker.web.context import web
from tracker.web.sessions import VERSION_KEY, current_version, end_sessions

log = logging.getLogger(__name__)
bp = Blueprint("auth", __name__)

LINK_LIFETIME = timedelta(minutes=15)
MAX_LIVE_LINKS = 5  # per address: more requests within 15 minutes send nothing
MAX_REQUESTS_PER_CLIENT = 10  # per client address within ATTEMPT_WINDOW, any addresses
ATTEMPT_WINDOW = timedelta(minutes=15)
TOO_MANY = "Too many sign-in requests from your network address. Try again in 15 minutes."
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SENT_MESSAGE = (
    "If that address may use Follow-through, a sign-in link is on its way. "
    "It works once, within 15 minutes."
)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# -- who is asking ----------------------------------------------------------------------
def load_current_viewer() -> None:
    """Sets g.viewer (None when nobody with access is signed in)."""
    ctx = web()
    g.viewer = None
    email: str | None = None
    from_cookie = False
    header = ctx.config.web.trusted_header
    if (
        header
        and request.headers.get(header)
        and ctx.config.web.is_trusted_proxy(request.remote_addr)
    ):
        email = normalise_email(request.headers[header])
    elif session.get("email"):
        email, from_cookie = session["email"], True
    if not email:
        return
    with Session(ctx.engine) as db:
        viewer = load_viewer(db, ctx.config, email)
        if from_cookie and session.get(VERSION_KEY) != current_version(db, viewer, ctx.now()):
            session.clear()  # signed out elsewhere, or the roles changed since
            return
    if viewer.may_sign_in:
        g.viewer = viewer


def current_viewer() -> Viewer | None:
    return g.get("viewer")


def signed_in_viewer() -> Viewer:
    """The viewer inside a view behind `page_login_required` or `api_login_required`."""
    viewer = current_viewer()
    if viewer is None:
        raise RuntimeError("a view that needs a viewer is missing its login_required")
    return viewer


def page_login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if current_viewer() is None:
            return redirect(url_for("auth.signin", next=request.path))
        return view(*args, **kwargs)

    return wrapper


def api_login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if current_viewer() is None:
            return jsonify(error="sign in first"), 401
        return view(*args, **kwargs)

    return wrapper


# -- CSRF -------------------------------------------------------------------------------
def csrf_token() -> str:
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return session[CSRF_FIELD]


def check_csrf() -> Any:
    """Before every POST: the session's token must come back in the form or the header."""
    if request.method != "POST":
        return None
    if request.path.startswith("/api/") and current_viewer() is None:
        return jsonify(error="sign in first"), 401
    expected = session.get(CSRF_FIELD)
    given = request.headers.get(CSRF_HEADER) or request.form.get(CSRF_FIELD)
    if expected and given and hmac.compare_digest(expected, given):
        return None
    if request.path.startswith("/api/"):
        return jsonify(error=f"missing or wrong CSRF token (send the {CSRF_HEADER} header)"), 400
    abort(400, description="The form had expired. Go back, reload the page and try again.")


# -- pages ------------------------------------------------------------------------------
def safe_next(target: str | None, default: str | None = None) -> str:
    """`target` when it is a path on this site, else `default` (the home page).

    Browsers drop tabs and newlines from URLs and read a backslash as a slash, so
    `/\t/evil.example` would become `//evil.example`, another site: refuse any control
    character or backslash, and anything with a scheme or an authority.
    """
    fallback = default or url_for("views.home")
    if not target or len(target) > 2000 or not target.startswith("/"):
        return fallback
    if any(ord(c) < 32 or ord(c) == 127 or c == "\\" for c in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return fallback
    return target


@bp.get("/signin")
def signin() -> Any:
    if current_viewer() is not None:
        return redirect(safe_next(request.args.get("next")))
    return render_template(
        "signin.html", can_mail=web().mailer is not None, next=request.args.get("next", "")
    )


@bp.post("/signin")
def request_link() -> Any:
    ctx = web()
    address = normalise_email(request.form.get("email", ""))
    if "@" not in address or len(address) > 320:
        flash("Enter your work e-mail address.", "error")
        return redirect(url_for("auth.signin"))
    if ctx.mailer is None or ctx.mail_queue is None:
        abort(503, description="E-mail sign-in is not configured here ([notify.email]).")
    now = ctx.now()
    token = secrets.token_urlsafe(32)
    client = client_address()
    with Session(ctx.engine) as db:
        if not _count_attempt(db, client, now):
            db.commit()
            log.info("sign-in request refused: over %d from one client", MAX_REQUESTS_PER_CLIENT)
            abort(429, description=TOO_MANY)
        db.execute(
            sa.delete(SignInToken).where(col(SignInToken.expires_at) < now - timedelta(days=1))
        )
        viewer = load_viewer(db, ctx.config, address)
        live = db.execute(
            sa.select(sa.func.count())
            .select_from(SignInToken)
            .where(col(SignInToken.email) == address, col(SignInToken.expires_at) > now)
        ).scalar_one()
        send = viewer.may_sign_in and live < MAX_LIVE_LINKS
        if send:
            db.add(
                SignInToken(
                    token_hash=token_hash(token),
                    email=address,
                    created_at=now,
                    expires_at=now + LINK_LIFETIME,
                )
            )
        db.commit()
    if send:
        link = f"{ctx.config.web.base_url.rstrip('/')}{url_for('auth.open_link', token=token)}"
        body = (
            "Someone (we hope you) asked to sign in to Follow-through with this address.\n\n"
            f"Open this link within 15 minutes to sign in (it works once):\n{link}\n\n"
            "If it was not you, ignore this message.\n"
        )
        ctx.mail_queue.put(address, "Your Follow-through sign-in link", body)
    else:
        log.info("sign-in link not sent: no access, or %d links already live", MAX_LIVE_LINKS)
    flash(SENT_MESSAGE, "info")
    return redirect(url_for("auth.signin"))


def client_address() -> str:
    """The requesting client: the peer, or behind a trusted proxy the address that proxy
    saw (the last entry of X-Forwarded-For, the only one it vouches for)."""
    peer = request.remote_addr or "unknown"
    if web().config.web.is_trusted_proxy(peer):
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
        if forwarded:
            peer = forwarded
    return peer[:64]


def _count_attempt(db: Session, client: str, now: Any) -> bool:
    """Record one sign-in request from `client`; False when it is over the limit."""
    db.execute(sa.delete(SignInAttempt).where(SignInAttempt.at < now - timedelta(days=1)))
    recent = db.execute(
        sa.select(sa.func.count())
        .select_from(SignInAttempt)
        .where(col(SignInAttempt.client) == client, col(SignInAttempt.at) > now - ATTEMPT_WINDOW)
    ).scalar_one()
    if recent >= MAX_REQUESTS_PER_CLIENT:
        return False
    db.add(SignInAttempt(client=client, at=now))
    return True


def _valid_token(db: Session, token: str, now: Any) -> SignInToken | None:
    row = db.scalars(
        sa.select(SignInToken).where(col(SignInToken.token_hash) == token_hash(token))
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= now:
        return None
    return row


@bp.get("/signin/<token>")
def open_link(token: str) -> Any:
    ctx = web()
    with Session(ctx.engine) as db:
        row = _valid_token(db, token, ctx.now())
    if row is None:
        return render_template("link_invalid.html"), 410
    return render_template("confirm.html", token=token, email=row.email)


@bp.post("/signin/<token>")
def use_link(token: str) -> Any:
    ctx = web()
    now = ctx.now()
    with Session(ctx.engine) as db:
        claimed = db.execute(
            sa.update(SignInToken)
            .where(
                col(SignInToken.token_hash) == token_hash(token),
                col(SignInToken.used_at).is_(None),
                col(SignInToken.expires_at) > now,
            )
            .values(used_at=now)
        )
        email = db.scalars(
            sa.select(col(SignInToken.email)).where(
                col(SignInToken.token_hash) == token_hash(token)
            )
        ).first()
        db.commit()
    if rowcount(claimed) != 1 or email is None:
        return render_template("link_invalid.html"), 410
    with Session(ctx.engine) as db:
        version = current_version(db, load_viewer(db, ctx.config, email), now)
    session.clear()
    session.permanent = True
    session["email"] = email
    session[VERSION_KEY] = version
    csrf_token()
    return redirect(url_for("views.home"))


@bp.post("/signout")
def signout() -> Any:
    viewer = current_viewer()
    if viewer is not None and session.get("email") == viewer.email:
        ctx = web()
        with Session(ctx.engine) as db:
            end_sessions(db, viewer, ctx.now())
    session.clear()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.signin"))
