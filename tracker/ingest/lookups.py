"""Bulk lookups for ingest: which of many (source, external id) rows are stored."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Session, SQLModel, select

from tracker.ingest.records import Batch

M = TypeVar("M", bound=SQLModel)


def existing(
    session: Session, model: type[M], source_id: int, external_ids: Iterable[str]
) -> dict[str, M]:
    ids = sorted(set(external_ids))
    found: dict[str, M] = {}
    # Every model asked about has source_id and external_id; SQLModel has no type for that.
    column = model.external_id  # type: ignore[attr-defined]
    # PostgreSQL: join the ids as one array parameter (`unnest`), so each is an index probe
    # on (source_id, external_id). An IN list of hundreds of parameters costs the driver a
    # parse and the server a plan per size, and on tables filling faster than autovacuum
    # analyses them (a first sync) the planner filters every row of the source instead.
    postgres = session.get_bind().dialect.name == "postgresql"
    size = 5000 if postgres else 500
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        query = select(model)
        if postgres:
            array = sa.bindparam(None, chunk, type_=ARRAY(sa.String))
            wanted = sa.func.unnest(array).table_valued("external_id").render_derived(name="wanted")
            on = sa.and_(model.source_id == source_id, column == wanted.c.external_id)  # type: ignore[attr-defined]
            query = query.join(wanted, on)
        else:
            query = query.where(model.source_id == source_id, column.in_(chunk))  # type: ignore[attr-defined]
        for row in session.exec(query):
            found[row.external_id] = row  # type: ignore[attr-defined]
    return found


def people_named(batch: Batch) -> list[str | None]:
    """Every person external id a batch names."""
    ids: list[str | None] = [p.external_id for p in batch.people]
    for t in batch.tickets:
        ids += [t.requester_external_id, t.assignee_external_id]
    for a in batch.assignments:
        ids += [a.to_assignee_external_id, a.from_assignee_external_id]
    ids += [m.author_external_id for m in batch.messages]
    return ids


def groups_named(batch: Batch) -> list[str | None]:
    """Every group external id a batch names."""
    ids: list[str | None] = [g.external_id for g in batch.groups]
    ids += [t.group_external_id for t in batch.tickets]
    for a in batch.assignments:
        ids += [a.to_group_external_id, a.from_group_external_id]
    return ids
