"""Engines, sessions and migrations for SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy.engine import CursorResult, Engine, Result
from sqlmodel import Session

import migrations

MIGRATIONS_DIR = Path(migrations.__file__).parent
SQLITE_LOCK_WAIT_SECONDS = 30  # how long a writer waits for another process's lock


def make_engine(url: str, **kwargs: object) -> Engine:
    """An engine with the settings we rely on: SQLite enforces foreign keys and waits on locks."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_LOCK_WAIT_SECONDS}, **kwargs)

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: object) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True, **kwargs)


def rowcount(result: Result[Any]) -> int:
    """The rows an UPDATE or DELETE matched. `Session.execute` is typed as returning a plain
    `Result`; for those statements it is a `CursorResult`, which has the count."""
    return cast(CursorResult[Any], result).rowcount


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back if it raises."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def alembic_config(url: str) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(url), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


class DatabaseUnusable(Exception):
    """The database cannot be used by this version: one line says why and what to do."""


def known_revisions() -> tuple[set[str], set[str]]:
    """(every revision this code knows, the newest ones)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    return {s.revision for s in scripts.walk_revisions()}, set(scripts.get_heads())


def refuse_newer_schema(url: str, engine: Engine | None = None) -> None:
    """Raises DatabaseUnusable when the database was upgraded by a newer version of
    Follow-through (a revision this code does not know): older code must not write to it."""
    own = engine is None
    engine = engine or make_engine(url)
    try:
        current = _revision(engine)
    finally:
        if own:
            engine.dispose()
    known, heads = known_revisions()
    if current is not None and current not in known:
        raise DatabaseUnusable(
            f"this database was upgraded by a newer version of Follow-through (revision "
            f"{current}; this version knows up to {', '.join(sorted(heads))}): run the newer "
            "version, or restore a backup taken before the upgrade"
        )


def check_schema(engine: Engine) -> None:
    """Raises DatabaseUnusable unless the database answers and is at this code's newest
    migration."""
    refuse_newer_schema("", engine)
    current = _revision(engine)
    _, heads = known_revisions()
    if current not in heads:
        raise DatabaseUnusable(
            f"the database is at revision {current or 'none'}, this version needs "
            f"{', '.join(sorted(heads))}: run `followthrough db upgrade` first"
        )


def _revision(engine: Engine) -> str | None:
    try:
        return current_revision(engine)
    except Exception as exc:  # any driver's failure to connect or to read
        raise DatabaseUnusable(f"the database does not answer: {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
