"""The lead page's "Corrections in the last 30 days" (who, what, the quote) and the
button that overrules one. Only a lead of the correction's team, or an admin, may."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, url_for
from sqlmodel import Session

from tracker.corrections.examples import recent_corrections
from tracker.corrections.overrule import OverruleError, overrule
from tracker.models import Correction
from tracker.web.auth import page_login_required, signed_in_viewer
from tracker.web.context import web

bp = Blueprint("corrections", __name__)
ACTION_WORDS = {
    "dismissed": "marked not a promise",
    "added": "added a promise",
    "kind_changed": "changed the kind",
    "due_changed": "changed the due time",
}


@bp.app_context_processor
def _helpers() -> dict[str, Any]:
    def team_corrections(team_id: int) -> list[Correction]:
        ctx = web()
        with Session(ctx.engine, expire_on_commit=False) as db:
            return recent_corrections(db, ctx.now(), [team_id])

    return {"team_corrections": team_corrections, "correction_words": ACTION_WORDS}


@bp.post("/corrections/<int:correction_id>/overrule")
@page_login_required
def overrule_correction(correction_id: int) -> Any:
    ctx = web()
    viewer = signed_in_viewer()
    with Session(ctx.engine) as db:
        row = db.get(Correction, correction_id)
        if row is None:
            abort(404)
        if not (
            viewer.is_admin or (row.team_id is not None and row.team_id in viewer.lead_team_ids)
        ):
            abort(403, description="Only a lead of the promise's team may overrule a correction.")
        try:
            overrule(db, correction_id, viewer.email, ctx.now())
            db.commit()
        except OverruleError as exc:
            flash(str(exc), "error")
        else:
            flash(f"Correction {correction_id} overruled.", "info")
    return redirect(url_for("views.lead") + f"#correction-{correction_id}", code=303)
