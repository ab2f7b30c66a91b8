"""Rows loaded in bulk are held for the batch, so looking them up again asks nothing."""

from __future__ import annotations

import gc

import sqlalchemy as sa
from sqlmodel import Session, select

from tracker.models import Team
from tracker.row_cache import RowCache


def _count_queries(engine: sa.Engine) -> list[str]:
    seen: list[str] = []

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _seen(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append(statement)

    return seen


def _teams(engine: sa.Engine, count: int) -> list[int]:
    with Session(engine) as session:
        teams = [Team(name=f"Team {n}") for n in range(count)]
        session.add_all(teams)
        session.commit()
        return [team.id for team in teams]


def test_held_rows_are_answered_from_memory(engine):
    ids = _teams(engine, 3)
    seen = _count_queries(engine)
    with Session(engine) as session, RowCache() as held:
        held.hold(session.exec(select(Team)))
        gc.collect()
        before = len(seen)
        assert [session.get(Team, i).name for i in ids] == ["Team 0", "Team 1", "Team 2"]
        assert len(seen) == before
        assert len(held) == 3


def test_rows_nobody_holds_are_loaded_again(engine):
    # Why the cache exists: the session's identity map alone does not keep them.
    ids = _teams(engine, 3)
    seen = _count_queries(engine)
    with Session(engine) as session:
        list(session.exec(select(Team)))
        gc.collect()
        before = len(seen)
        for team_id in ids:
            session.get(Team, team_id)
        assert len(seen) == before + 3


def test_the_cache_lets_go_when_its_block_ends():
    with RowCache() as held:
        assert held.hold(iter(["a", "b"])) == ["a", "b"]
        assert len(held) == 2
    assert len(held) == 0
