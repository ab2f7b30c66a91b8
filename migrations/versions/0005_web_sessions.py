"""web sessions: a version per address, and sign-in requests per client

Revision ID: 0005
Revises: 0001
Create Date: 2026-12-02 01:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

import tracker.models  # noqa: F401

revision = '0005'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('web_session',
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('roles', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('updated_at', tracker.models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('email', name=op.f('pk_web_session'))
    )
    op.create_table('signin_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('at', tracker.models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signin_attempt'))
    )
    op.create_index('ix_signin_attempt_client_at', 'signin_attempt', ['client', 'at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_signin_attempt_client_at', table_name='signin_attempt')
    op.drop_table('signin_attempt')
    op.drop_table('web_session')
