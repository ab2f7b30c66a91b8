from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import Session, SQLModel, select

from tracker.db import downgrade, make_engine, upgrade
from tracker.models import Source, Ticket


def _differences(url: str) -> list:
    engine = make_engine(url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    return diff


def test_models_and_migrations_agree_at_head(db_url):
    upgrade(db_url)
    assert _differences(db_url) == []


def test_downgrade_to_base_and_upgrade_again_works(db_url):
    upgrade(db_url)
    downgrade(db_url, "base")
    engine = make_engine(db_url)
    assert sa.inspect(engine).get_table_names() in ([], ["alembic_version"])
    engine.dispose()
    upgrade(db_url)
    assert _differences(db_url) == []


def test_upgrading_a_database_that_holds_rows_keeps_them(db_url):
    upgrade(db_url, "0001")
    engine = make_engine(db_url)
    with Session(engine) as session:
        source = Source(name="zendesk", type="zendesk", cursor="abc")
        session.add(source)
        session.flush()
        session.add(Ticket(source_id=source.id, external_id="42", subject="Broken fence"))
        session.commit()
    upgrade(db_url)
    with Session(engine) as session:
        ticket = session.exec(select(Ticket)).one()
        assert ticket.subject == "Broken fence"
        assert session.exec(select(Source)).one().cursor == "abc"
    engine.dispose()


def test_timestamps_come_back_as_aware_utc(engine):
    when = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    with Session(engine) as session:
        source = Source(name="s", type="zendesk", last_sync_at=when)
        session.add(source)
        session.commit()
    with Session(engine) as session:
        stored = session.exec(select(Source)).one().last_sync_at
    assert stored == when
    assert stored.tzinfo is not None


def test_constraint_names_are_the_same_on_every_back_end(engine):
    names = {uc["name"] for uc in sa.inspect(engine).get_unique_constraints("ticket")}
    assert "uq_ticket_source_id_external_id" in names
