"""`followthrough promises` (list) and `followthrough promise done|snooze|dismiss`."""

from __future__ import annotations

import getpass
import json
import os
from datetime import UTC, datetime
from typing import Any

import click
from sqlmodel import col

from tracker.cli.common import EXIT_USAGE, fail, get_config, get_engine
from tracker.cli.sweep import parse_when
from tracker.config import Config
from tracker.queries import STATES

MAX_ID = 2**63 - 1  # the largest id either database can hold


def _table(rows: list[dict[str, Any]]) -> str:
    headers = ("ID", "STATE", "DUE", "OWNER", "SOURCE", "TICKET", "PROMISE")
    lines = []
    for row in rows:
        state = "overdue" if row["overdue"] else row["state"]
        quote = row["quote"].replace("\n", " ")
        lines.append(
            (
                str(row["id"]),
                state,
                (row["due"] or "")[:16].replace("T", " "),
                row["owner"] or "-",
                row["source"],
                row["ticket"],
                quote if len(quote) <= 60 else quote[:57] + "...",
            )
        )
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    out += [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines
    ]
    return "\n".join(out)


@click.command("promises")
@click.option("--agent", metavar="EMAIL", help="Only promises this agent owns.")
@click.option("--team", metavar="NAME", help="Only this team's promises (see followthrough teams).")
@click.option("--state", type=click.Choice(STATES), help="Only promises in this state.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_context
def promises_command(
    ctx: click.Context, agent: str | None, team: str | None, state: str | None, as_json: bool
) -> None:
    """List promises, soonest due first.

    "overdue" as a state means open and past due. The JSON objects carry id, source,
    ticket, quote, kind, state, due, due_is_default, maker, owner, made_at, kept_at and
    escalations (step, channel, recipient, sent_at), plus overdue, late_by_seconds,
    ticket_url and inherited.

    Example: followthrough promises --state overdue --team "Tier 1" --json
    """
    from sqlmodel import Session

    from tracker.promise_json import promise_json_rows
    from tracker.queries import dismissed_total

    get_config(ctx)
    with Session(get_engine(ctx)) as session:
        rows = promise_json_rows(session, agent=agent, team=team, state=state)
        dismissed = dismissed_total(session)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("no promises match")
    else:
        click.echo(_table(rows))
    click.echo(f"{len(rows)} promise(s); {dismissed} dismissed as not promises in all")


@click.group("promise")
def promise_group() -> None:
    """Act on one promise: done, snooze or dismiss.

    Example: followthrough promise snooze 12 --until 2026-11-25T09:00Z --as amy@acme.example
    """


def _act(ctx: click.Context, action: str, promise_id: int, actor: str, as_json: bool, **kw: Any):
    from sqlmodel import Session

    from tracker.promise_json import promise_json_rows
    from tracker.promises import actions

    config = get_config(ctx)
    when = kw.pop("now", None)
    now = parse_when(when, "--now") if when else datetime.now(UTC)
    if not 0 < promise_id <= MAX_ID:
        fail(f"promise {promise_id} does not exist")
    with Session(get_engine(ctx), expire_on_commit=False) as session:
        if actor != DEFAULT_ACTOR:
            actor = actor.strip().lower()
            if not is_known_person(session, config, actor):
                fail(
                    f"--as {actor!r} is not a known person (an agent's e-mail address, or a "
                    "lead, member, manager or admin in the configuration)",
                    EXIT_USAGE,
                )
        try:
            getattr(actions, action)(session, promise_id, actor, now=now, **kw)
        except actions.ActionError as exc:
            session.rollback()
            fail(str(exc))
        record_os_user(session, promise_id, now)
        session.commit()
        row = promise_json_rows(session, now=now, ids=[promise_id])[0]
    if as_json:
        click.echo(json.dumps(row, indent=2))
    else:
        click.echo(f"promise {promise_id} is now {row['state']}")


DEFAULT_ACTOR = "cli"


def is_known_person(session: Any, config: Config, email: str) -> bool:
    """An agent or admin of a help desk, or a lead, member, manager or admin configured."""
    import sqlalchemy as sa

    from tracker.models import Person

    configured = {*config.web.admins, *config.escalation.managers}
    for team in config.teams:
        configured.update(team.leads)
        configured.update(team.members)
    if email in {a.strip().lower() for a in configured}:
        return True
    query = (
        sa.select(sa.func.count())
        .select_from(Person)
        .where(sa.func.lower(Person.email) == email, col(Person.role).in_(("agent", "admin")))
    )
    return bool(session.scalar(query))


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no passwd entry (some containers)
        return f"uid {os.getuid()}"


def record_os_user(session: Any, promise_id: int, now: datetime) -> None:
    """Add who ran the command, as the operating system knows them, to the event just
    written: `--as` names a person, but anyone at the shell can type any name."""
    from sqlmodel import select

    from tracker.models import PromiseEvent

    query = (
        select(PromiseEvent)
        .where(PromiseEvent.promise_id == promise_id, PromiseEvent.at == now)
        .order_by(col(PromiseEvent.id).desc())
    )
    event = session.exec(query).first()
    if event is not None:
        detail = json.loads(event.detail or "{}")
        detail["os_user"] = os_user()
        event.detail = json.dumps(detail)
        session.add(event)


_as = click.option(
    "--as",
    "actor",
    default=DEFAULT_ACTOR,
    show_default=True,
    help="Who is acting: a known person's e-mail address (the OS user is recorded too).",
)
_json = click.option("--json", "as_json", is_flag=True, help="Print the promise as JSON.")


@promise_group.command("done")
@click.argument("promise_id", type=int)
@_as
@_json
@click.pass_context
def done_command(ctx: click.Context, promise_id: int, actor: str, as_json: bool) -> None:
    """Mark a promise kept (done outside the help desk).

    Example: followthrough promise done 12 --as amy@acme.example
    """
    _act(ctx, "mark_done", promise_id, actor, as_json)


@promise_group.command("snooze")
@click.argument("promise_id", type=int)
@click.option("--until", "until", required=True, help="ISO 8601 time the promise wakes up.")
@click.option("--now", help="Act as of this ISO 8601 time instead of the clock.")
@_as
@_json
@click.pass_context
def snooze_command(
    ctx: click.Context, promise_id: int, until: str, now: str | None, actor: str, as_json: bool
) -> None:
    """Snooze a promise until a time, at most `[escalation] max_snooze` (14 days)
    ahead; its escalation resumes from then.

    Example: followthrough promise snooze 12 --until 2026-11-25T09:00Z
    """
    max_snooze = get_config(ctx).escalation.max_snooze
    until_at = parse_when(until, "--until")
    _act(ctx, "snooze", promise_id, actor, as_json, until=until_at, max_snooze=max_snooze, now=now)


@promise_group.command("dismiss")
@click.argument("promise_id", type=int)
@click.option("--reason", help="Why this is not a promise.")
@_as
@_json
@click.pass_context
def dismiss_command(
    ctx: click.Context, promise_id: int, reason: str | None, actor: str, as_json: bool
) -> None:
    """Dismiss a promise as not a promise (counted as an extractor false positive).

    Example: followthrough promise dismiss 12 --reason "a question, not a promise"
    """
    _act(ctx, "dismiss", promise_id, actor, as_json, reason=reason, channel="cli")
