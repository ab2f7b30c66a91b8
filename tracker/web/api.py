"""The JSON API under /api/ (interfaces.md, "Web API").

Every POST needs the session's CSRF token in the `X-CSRF-Token` header; a signed-in
client learns it from `GET /api/session` or the header of the same name on any
`GET /api/…` answer.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request
from sqlmodel import Session

from tracker.promise_json import promise_json
from tracker.queries import STATES, promise_rows
from tracker.web.acting import ActionError, BadInput, Forbidden, NotFound, act
from tracker.web.auth import (
    CSRF_HEADER,
    api_login_required,
    csrf_token,
    current_viewer,
    signed_in_viewer,
)
from tracker.web.context import web
from tracker.web.rows import visible_rows

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.after_request
def _csrf_header(response: Any) -> Any:
    if request.method == "GET" and current_viewer() is not None:
        response.headers[CSRF_HEADER] = csrf_token()
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/session")
@api_login_required
def whoami() -> Any:
    viewer = signed_in_viewer()
    role = "admin" if viewer.is_admin else "lead" if viewer.is_lead else "agent"
    return jsonify(email=viewer.email, role=role, time_zone=viewer.time_zone)


@bp.get("/promises")
@api_login_required
def list_promises() -> Any:
    ctx = web()
    state = request.args.get("state") or None
    if state is not None and state not in STATES:
        return jsonify(error=f"state must be one of {', '.join(STATES)}"), 400
    with Session(ctx.engine) as db:
        rows = visible_rows(
            db,
            signed_in_viewer(),
            ctx.now(),
            state=state,
            team=request.args.get("team") or None,
            agent=request.args.get("agent") or None,
        )
    return jsonify([promise_json(row) for row in rows])


@bp.post("/promises/<id:promise_id>/<action>")
@api_login_required
def promise_action(promise_id: int, action: str) -> Any:
    ctx = web()
    payload = request.get_json(silent=True)
    if payload is None:
        payload = {}
    if not isinstance(payload, dict):
        return jsonify(error="the body must be a JSON object"), 400
    now = ctx.now()
    try:
        with Session(ctx.engine) as db:
            act(db, ctx.config, signed_in_viewer(), promise_id, action, payload, now)
            db.commit()
            row = promise_json(promise_rows(db, ids=[promise_id], now=now)[0])
    except NotFound as exc:
        return jsonify(error=str(exc)), 404
    except Forbidden as exc:
        return jsonify(error=str(exc)), 403
    except BadInput as exc:
        return jsonify(error=str(exc)), 400
    except ActionError as exc:
        return jsonify(error=str(exc)), 409
    return jsonify(row)
