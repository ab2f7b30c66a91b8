"""Session versions: signing out, or a change of role, ends every copy of a cookie.

A session cookie is signed, not stored, so a copy of it would otherwise work until it
expires. Each address has a version in `web_session`; a cookie carries the version it
was issued under and counts only while the two agree. Signing out bumps the version;
so does a change in what the address may do (admin, lead, agent), noticed on the next
request that carries a cookie for it.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from tracker.access import Viewer
from tracker.models import WebSession

VERSION_KEY = "sv"


def roles_of(viewer: Viewer) -> str:
    roles = (("admin", viewer.is_admin), ("lead", viewer.is_lead), ("agent", viewer.person_ids))
    return ",".join(name for name, held in roles if held)


def _row(db: Session, email: str, roles: str, now: datetime) -> WebSession:
    row = db.get(WebSession, email)
    if row is None:
        db.add(WebSession(email=email, version=0, roles=roles, updated_at=now))
        try:
            db.commit()
        except IntegrityError:  # another request made it first
            db.rollback()
        row = db.get(WebSession, email)
        assert row is not None
    return row


def current_version(db: Session, viewer: Viewer, now: datetime) -> int:
    """The version a cookie for `viewer` must carry; bumped first when the roles changed."""
    roles = roles_of(viewer)
    row = _row(db, viewer.email, roles, now)
    if row.roles != roles:
        # compare-and-set, so that two requests noticing the change bump it once
        db.execute(
            sa.update(WebSession)
            .where(col(WebSession.email) == viewer.email, col(WebSession.roles) == row.roles)
            .values(version=WebSession.version + 1, roles=roles, updated_at=now)
        )
        db.commit()
        db.refresh(row)
    return row.version


def end_sessions(db: Session, viewer: Viewer, now: datetime) -> None:
    """Sign-out: every cookie issued so far for this address stops working."""
    _row(db, viewer.email, roles_of(viewer), now)
    db.execute(
        sa.update(WebSession)
        .where(col(WebSession.email) == viewer.email)
        .values(version=WebSession.version + 1, updated_at=now)
    )
    db.commit()
