"""The HTML pages: an agent's promises, a lead's teams, one promise, and the action forms."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from sqlmodel import Session, col, select

from tracker.access import may_see, visible_teams
from tracker.models import Message, Promise, Ticket, stored_id
from tracker.promises.lifecycle import LIVE_STATES
from tracker.queries import EscalationRow, HistoryEvent, promise_history, promise_rows
from tracker.web.acting import ActionError, BadInput, Forbidden, NotFound, act
from tracker.web.auth import page_login_required, safe_next, signed_in_viewer
from tracker.web.charts import weekly_chart
from tracker.web.context import web
from tracker.web.formatting import highlight, snooze_default
from tracker.web.rows import visible_rows
from tracker.web.stats import agent_rates, weekly_outcomes

bp = Blueprint("views", __name__)
BROKEN_SHOWN_FOR = timedelta(days=30)
EVENT_LABELS = {
    "made": "Made",
    "handed_off": "Handed off",
    "handoff": "Handed off",
    "reminded": "Owner reminded",
    "escalated": "Escalated",
    "kept": "Kept",
    "done": "Marked done",
    "snoozed": "Snoozed",
    "dismissed": "Marked not a promise",
    "broken": "Broken",
}


@bp.get("/")
@page_login_required
def home() -> Any:
    viewer = signed_in_viewer()
    if viewer.person_ids or not (viewer.is_lead or viewer.is_admin):
        return redirect(url_for("views.mine"))
    return redirect(url_for("views.lead"))


@bp.get("/me")
@page_login_required
def mine() -> Any:
    ctx = web()
    viewer = signed_in_viewer()
    now = ctx.now()
    with Session(ctx.engine) as db:
        rows = [
            row
            for row in visible_rows(db, viewer, now, mine_only=True)
            if row.state in LIVE_STATES and (row.owner or "").lower() == viewer.email
        ]
    return render_template(
        "mine.html",
        rows=rows,
        now=now,
        zone=viewer.zone,
        snooze_default=snooze_default(now, viewer.zone),
    )


@bp.get("/lead")
@page_login_required
def lead() -> Any:
    ctx = web()
    viewer = signed_in_viewer()
    now = ctx.now()
    sections = []
    with Session(ctx.engine) as db:
        teams = visible_teams(db, viewer)
        if not teams:
            abort(403, description="You do not lead a team.")
        for team in teams:
            overdue = visible_rows(db, viewer, now, team=team.name, state="overdue")
            since = now - BROKEN_SHOWN_FOR
            broken = [
                row
                for row in visible_rows(db, viewer, now, team=team.name, state="broken")
                if row.due >= since
            ]
            attention = sorted(overdue + broken, key=lambda r: (r.due, r.id))
            # Snoozed promises stay in sight: who silenced them, and until when.
            snoozed = [
                row
                for row in visible_rows(db, viewer, now, team=team.name, state="snoozed")
                if row.state == "snoozed"
            ]
            weeks = weekly_outcomes(db, stored_id(team), now, viewer.zone)
            sections.append(
                {
                    "team": team,
                    "rows": attention,
                    "snoozed": snoozed,
                    "rates": agent_rates(db, stored_id(team), now),
                    "chart": weekly_chart(weeks, f"{team.name}: promises per week"),
                    "weeks": weeks,
                }
            )
    return render_template("lead.html", sections=sections, now=now, zone=viewer.zone)


@bp.get("/promises/<id:promise_id>")
@page_login_required
def promise_page(promise_id: int) -> Any:
    ctx = web()
    viewer = signed_in_viewer()
    now = ctx.now()
    with Session(ctx.engine) as db:
        promise = db.get(Promise, promise_id)
        if promise is None:
            abort(404)
        if not may_see(db, ctx.config, viewer, promise):
            abort(403, description="This promise is not yours or your team's.")
        message = db.get(Message, promise.message_id)
        kept_by = (
            db.get(Message, promise.kept_by_message_id) if promise.kept_by_message_id else None
        )
        ticket = db.get(Ticket, promise.ticket_id)
        in_reply_to = _customer_message_before(db, message) if message else None
        row = promise_rows(db, ids=[promise_id], now=now)[0]
        history = _history(promise_history(db, promise_id), row.escalations)
    return render_template(
        "promise.html",
        promise=promise,
        row=row,
        ticket=ticket,
        message_html=highlight(message.text, promise.start, promise.end) if message else "",
        message=message,
        in_reply_to=in_reply_to,
        kept_by=kept_by,
        history=history,
        now=now,
        zone=viewer.zone,
        snooze_default=snooze_default(now, viewer.zone),
    )


def _customer_message_before(db: Session, message: Message) -> Message | None:
    """The customer's last public message before the promise, for context."""
    query = (
        select(Message)
        .where(
            Message.ticket_id == message.ticket_id,
            Message.author_role == "customer",
            Message.public,
            Message.sent_at <= message.sent_at,
            Message.id != message.id,
        )
        .order_by(col(Message.sent_at).desc(), col(Message.id).desc())
        .limit(1)
    )
    return db.exec(query).first()


def _history(events: list[HistoryEvent], escalations: list[EscalationRow]) -> list[dict]:
    """PromiseEvents and the notifications actually sent, oldest first."""
    items = [
        {
            "at": e.at,
            "label": EVENT_LABELS.get(e.event, e.event.replace("_", " ").capitalize()),
            "actor": e.actor,
            "detail": _detail(e.detail),
        }
        for e in events
    ]
    for e in escalations:
        if e.status == "sent" and e.sent_at:
            label = "Owner reminded" if e.step == "remind" else f"Escalated ({e.step})"
            items.append(
                {
                    "at": e.sent_at,
                    "label": label,
                    "actor": None,
                    "detail": [("to", f"{e.recipient} by {e.channel}")],
                }
            )
    return sorted(items, key=lambda item: item["at"])


def _detail(data: object) -> list[tuple[str, str]]:
    if not isinstance(data, dict):
        return []
    return [(str(k).replace("_", " "), str(v)) for k, v in data.items() if v not in (None, "")]


@bp.post("/promises/<id:promise_id>/<action>")
@page_login_required
def form_action(promise_id: int, action: str) -> Any:
    ctx = web()
    viewer = signed_in_viewer()
    payload = {"until": request.form.get("until"), "reason": request.form.get("reason")}
    try:
        with Session(ctx.engine) as db:
            act(db, ctx.config, viewer, promise_id, action, payload, ctx.now())
            db.commit()
    except NotFound:
        abort(404)
    except Forbidden as exc:
        abort(403, description=str(exc))
    except (BadInput, ActionError) as exc:
        flash(str(exc), "error")
    else:
        done = {"done": "marked done", "snooze": "snoozed", "dismiss": "marked not a promise"}
        flash(f"Promise {promise_id} {done[action]}.", "info")
    target = safe_next(request.form.get("next"), url_for("views.mine"))
    return redirect(target, code=303)


@bp.app_errorhandler(403)
@bp.app_errorhandler(404)
@bp.app_errorhandler(400)
@bp.app_errorhandler(405)
@bp.app_errorhandler(410)
@bp.app_errorhandler(413)
@bp.app_errorhandler(429)
@bp.app_errorhandler(503)
def error_page(error: Any) -> Any:
    if request.path.startswith("/api/"):
        return jsonify(error=error.description or error.name), error.code
    return render_template("error.html", error=error), error.code


@bp.app_errorhandler(500)
def server_error(error: Any) -> Any:
    """A bug: the log has the traceback; the answer has nothing from inside."""
    if request.path.startswith("/api/"):
        return jsonify(error="internal error; the service log has the details"), 500
    return render_template("error.html", error=error), 500
