"""The demo: the real flow, end to end, on this machine only.

Steps:
1. a fresh SQLite database and Maildir in the demo directory, and a config file there
   so the usual commands work on the result afterwards;
2. the sandbox help desk, seeded with a realistic week ending now, served over HTTP on
   127.0.0.1, and a local SMTP server (aiosmtpd) that saves into the Maildir;
3. one sync over HTTP (extraction and ingest as in production);
4. moments further and further in the future, each a sync then a sweep (as the service
   does), so promises come due and the escalation ladder runs on current data: e-mails
   to the SMTP server, notes and tags on the tickets;
5. a summary from the database.
"""

from __future__ import annotations

import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from tracker.config import Config, load_config
from tracker.db import make_engine, session_scope, upgrade
from tracker.demo.mailsink import MailSink
from tracker.queries import PromiseRow

Echo = Callable[[str], None]

# The demo's clock starts now (the seeded week ends before it, whatever the time of day);
# it syncs and sweeps at these moments.
TIMELINE: tuple[tuple[timedelta, str], ...] = (
    (timedelta(0), "now"),
    (timedelta(hours=11, minutes=30), "11½ hours on"),
    (timedelta(hours=14, minutes=30), "14½ hours on"),
    (timedelta(days=3), "three days on"),
)


@dataclass
class DemoResult:
    directory: Path
    config_path: Path
    database_url: str
    now: datetime
    final_now: datetime
    rows: list[PromiseRow] = field(default_factory=list)
    emails: list[tuple[list[str], str]] = field(default_factory=list)
    notes: int = 0
    tickets_tagged: int = 0
    seconds: float = 0.0
    audit_path: Path | None = None
    audit_headline: str = ""


CONFIG_TEMPLATE = """\
# Written by `followthrough demo`: the configuration of the demo's run, so that
# `followthrough --config {config} promises` and the other commands read its database.
# The sandbox help desk and the SMTP server below lived only while the demo ran.

[database]
url = "{database_url}"

[[source]]
name = "sandbox"
type = "zendesk"
url = "{sandbox_url}"
email = "{api_email}"
token_file = "{token_file}"
poll_every = "2m"
backfill = "14d"

[[team]]
name = "Tier 1"
timezone = "Europe/London"
working_hours = "09:00-17:00"
working_days = "Mon-Fri"
holidays = "GB"
leads = ["lena.lead@acme.example"]
members = ["amy@acme.example", "ben@acme.example"]
groups = ["Tier 1"]

[[team]]
name = "Tier 2"
timezone = "America/New_York"
working_hours = "09:00-17:00"
working_days = "Mon-Fri"
holidays = "US"
leads = ["lou.lead@acme.example"]
members = ["chen@acme.example", "dana@acme.example"]
groups = ["Tier 2"]

[escalation]
default_due = "1 business day"
remind_before = "1h"
grace = "2h"
managers = ["head.of.support@acme.example"]

[notify.email]
smtp_host = "127.0.0.1"
smtp_port = {smtp_port}
from = "followthrough@acme.example"

[notify.ticket]
note = true
tags = true

[service]
listen = "127.0.0.1:8765"
"""


def fresh_directory(directory: Path) -> None:
    """The demo starts from nothing each run: its database and mail go, anything else
    a person put in the directory stays."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("followthrough.db", "followthrough.db-wal", "followthrough.db-shm"):
        (directory / name).unlink(missing_ok=True)
    shutil.rmtree(directory / "mail", ignore_errors=True)


def write_config(
    directory: Path, *, sandbox_url: str, api_email: str, token: str, smtp_port: int
) -> Path:
    token_file = directory / "sandbox-token"
    token_file.write_text(token + "\n", encoding="utf-8")
    token_file.chmod(0o600)
    config_path = directory / "followthrough.toml"
    config_path.write_text(
        CONFIG_TEMPLATE.format(
            config=config_path,
            database_url=f"sqlite:///{(directory / 'followthrough.db').resolve()}",
            sandbox_url=sandbox_url,
            api_email=api_email,
            token_file=token_file.resolve(),
            smtp_port=smtp_port,
        ),
        encoding="utf-8",
    )
    return config_path


def run_demo(directory: Path, echo: Echo, *, now: datetime | None = None) -> DemoResult:
    from helpdesk_sandbox.seed import seed_week
    from helpdesk_sandbox.server import SandboxServer
    from helpdesk_sandbox.zendesk_face import ZendeskFace

    started = time.monotonic()
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    fresh_directory(directory)
    echo(
        f"1/5 Seeding the sandbox help desk with the week of support up to {now:%a %d %b %H:%M} UTC"
    )
    seeded = seed_week(now)
    token = secrets.token_urlsafe(16)
    face = ZendeskFace(seeded.store, api_user=seeded.api_user, token=token)
    with SandboxServer(face) as server, MailSink(directory / "mail") as sink:
        echo(f"    help desk at {server.url}, SMTP server at 127.0.0.1:{sink.port}")
        config_path = write_config(
            directory,
            sandbox_url=server.url,
            api_email=seeded.api_user.email,
            token=token,
            smtp_port=sink.port,
        )
        config = load_config(config_path)
        upgrade(config.database_url)
        engine = make_engine(config.database_url)
        try:
            _sync(engine, config, now, echo)
            final_now = _sweeps(engine, config, now, seeded.clock, echo)
            result = DemoResult(directory, config_path, config.database_url, now, final_now)
            from tracker.queries import promise_rows

            with session_scope(engine) as session:
                result.rows = promise_rows(session, now=final_now)
        finally:
            engine.dispose()
        result.audit_path, result.audit_headline = write_audit(directory, config, now)
        result.emails = [(rcpts, str(msg["Subject"])) for rcpts, msg in sink.messages]
    api_id = seeded.api_user.id
    for ticket in seeded.store.tickets.values():
        ours = [c for c in seeded.store.comments_of(ticket.id) if c.author_id == api_id]
        result.notes += sum(1 for c in ours if not c.public)
        result.tickets_tagged += any(tag.startswith("promise_") for tag in ticket.tags)
    result.seconds = time.monotonic() - started
    return result


def write_audit(directory: Path, config: Config, now: datetime) -> tuple[Path, str]:
    """`followthrough audit` of the sandbox's week as it stood when the demo began (before
    Follow-through was switched on), in its own database: demo/audit.html."""
    from tracker.audit.export import to_json
    from tracker.audit.html import render
    from tracker.audit.period import parse_period
    from tracker.audit.run import run_audit

    database = directory / "audit.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{database.resolve()}"
    upgrade(url)
    engine = make_engine(url)
    try:
        run = run_audit(
            engine, config, config.sources[0], parse_period(now, "8d"), identity="demo week"
        )
    finally:
        engine.dispose()
    path = directory / "audit.html"
    path.write_text(render(run.report), encoding="utf-8")
    (directory / "audit.json").write_text(to_json(run.report), encoding="utf-8")
    t = run.report.total
    rate = "–" if t.kept_on_time_rate is None else f"{t.kept_on_time_rate:.0%}"
    headline = (
        f"{t.made} promises made, {t.kept_on_time} kept on time, {t.kept_late} kept late, "
        f"{t.broken} broken, {t.open} still open ({t.overdue} overdue): {rate} kept on time"
    )
    return path, headline


def _sync(engine: Engine, config: Config, now: datetime, echo: Echo | None) -> None:
    from tracker.ingest.sync import sync_source

    if echo is not None:
        echo("2/5 Syncing over HTTP: tickets, comments and hand-offs, promises extracted")
    report = sync_source(
        engine,
        config,
        config.sources[0],
        now=now,
        progress=None
        if echo is None
        else lambda r: echo(
            f"    page {r.pages}: {r.tickets} tickets, {r.messages} messages, "
            f"{r.promises} promises so far"
        ),
    )
    if report.error:
        raise RuntimeError(f"the sandbox sync failed: {report.error}")
    if echo is None:
        return
    echo(
        f"    {report.tickets} tickets, {report.messages} messages, {report.promises} promises, "
        f"{report.handoffs} hand-offs in {report.calls} API calls ({report.seconds:.1f}s)"
    )


def _sweeps(
    engine: Engine, config: Config, now: datetime, help_desk_clock: Any, echo: Echo
) -> datetime:
    from integrations.notify import transports_for
    from tracker.sweep import run_sweep

    echo(
        "3/5 Letting time pass: a sync and a sweep at each moment keep, break and escalate promises"
    )
    moment = now
    for offset, label in TIMELINE:
        moment = now + offset
        help_desk_clock.now = moment  # notes written now carry the demo's time
        if offset:
            # Escalations wait for data synced past their time (tracker.promises.escalation).
            _sync(engine, config, moment, None)
        report = run_sweep(
            engine, config, now=moment, worker_id="demo", transports=transports_for(config)
        )
        echo(
            f"    {label:<20} ({moment:%a %H:%M} UTC): {report.kept} kept, {report.broken} broken, "
            f"{report.handoffs} handed off, {report.escalations_created} escalations queued, "
            f"{report.delivered} delivered" + (f", {report.failed} failed" if report.failed else "")
        )
    return moment
