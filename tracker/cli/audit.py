"""`followthrough audit`: a read-only report of the promises made in a past period."""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from tracker.cli.common import EXIT_FAILED, EXIT_USAGE, fail, get_config


def _when(text: str | None) -> datetime:
    if not text:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        fail(f"--now {text!r} is not an ISO 8601 time", EXIT_USAGE)
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)


def _default_database(identity: str, relative: bool, now: datetime) -> Path:
    """A file in the temporary folder named for what is audited (and, for a period
    relative to now, the day): running the same audit again resumes or reuses it."""
    key = identity + (f" {now:%Y-%m-%d}" if relative else "")
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"followthrough-audit-{digest}.db"


def _same_database(a: str, b: str) -> bool:
    from sqlalchemy.engine import make_url

    try:
        x, y = make_url(a), make_url(b)
    except Exception:
        return a == b
    if x.drivername.startswith("sqlite") and y.drivername.startswith("sqlite"):
        return (
            bool(x.database)
            and Path(x.database or "").resolve() == Path(y.database or "").resolve()
        )
    return x.render_as_string(hide_password=True) == y.render_as_string(hide_password=True)


def _say(text: str) -> None:
    click.echo(text, err=True)


@click.command("audit")
@click.option("--source", "source_name", metavar="NAME", help="The configured source to read.")
@click.option("--since", metavar="DURATION", help="The period: this long back from now (90d).")
@click.option("--from", "from_text", metavar="DATE", help="The period's first day (2025-01-01).")
@click.option("--to", "to_text", metavar="DATE", help="The period's last day, included.")
@click.option(
    "--from-file", "file_path", type=click.Path(exists=True), help="Read history from a file."
)
@click.option(
    "--type",
    "file_type",
    type=click.Choice(["mbox", "maildir", "zendesk-export", "freshdesk-export"]),
    help="What --from-file holds.",
)
@click.option(
    "--agent-address",
    "agent_addresses",
    multiple=True,
    metavar="PATTERN",
    help="Mail files: an agent's address or '*@domain' (repeat; default: the config's "
    "imap source's agent_addresses).",
)
@click.option(
    "--link-base", metavar="URL", help="Export files: the help desk's address, for links."
)
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="The HTML report's path.")
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as one JSON object.")
@click.option("--csv", "csv_dir", type=click.Path(file_okay=False), help="Write CSV files here.")
@click.option("--database", "database_url", metavar="URL", help="The audit's own database.")
@click.option("--sample", type=click.IntRange(1), metavar="N", help="Print N random findings.")
@click.option("--confirmed", metavar="K/N", help="Sample result to show: K of N were real.")
@click.option("--fresh", is_flag=True, help="Forget an earlier or interrupted run; read again.")
@click.option("--now", "now_text", metavar="ISO", help="Judge the history as of this time.")
@click.pass_context
def audit_command(
    ctx: click.Context,
    source_name: str | None,
    since: str | None,
    from_text: str | None,
    to_text: str | None,
    file_path: str | None,
    file_type: str | None,
    agent_addresses: tuple[str, ...],
    link_base: str | None,
    out_path: str | None,
    as_json: bool,
    csv_dir: str | None,
    database_url: str | None,
    sample: int | None,
    confirmed: str | None,
    fresh: bool,
    now_text: str | None,
) -> None:
    """How many promises were made in a past period, and how many were kept: read the
    period's history (through the source's API, or from a file), find the promises and
    replay their lifecycle with the service's own rules, the teams' calendars and the
    default due of the configuration. Writes nothing to the help desk, sends nothing
    and never opens the service's database: it works in its own (a file in the
    temporary folder unless --database). Interrupted, the same command resumes.

    Writes an HTML report (--out, default audit.html), or prints --json, or writes
    --csv files; --sample N prints N findings for a person to check.

    Example: followthrough audit --since 90d --out report.html
    """
    from sqlalchemy.engine import make_url

    from tracker.audit.files import FileInputError, file_connector
    from tracker.audit.period import PeriodError, parse_period
    from tracker.audit.run import AuditError, run_audit
    from tracker.audit.sample import parse_confirmed
    from tracker.config import SourceConfig
    from tracker.db import make_engine, upgrade
    from tracker.durations import parse_duration

    config = get_config(ctx)
    now = _when(now_text)
    try:
        period = parse_period(now, since, from_text, to_text)
        precision = parse_confirmed(confirmed) if confirmed else None
    except (PeriodError, ValueError) as exc:
        fail(str(exc), EXIT_USAGE)
    spec = f"--since {since or '90d'}" if not from_text else f"--from {from_text} --to {to_text}"

    build: Any = None
    if file_path:
        if not file_type:
            fail("--from-file needs --type (mbox, maildir, zendesk-export, freshdesk-export)", 2)
        if source_name:
            fail("give --source or --from-file, not both", EXIT_USAGE)
        path = Path(file_path).resolve()
        addresses = list(agent_addresses) or [
            a for s in config.sources if s.type == "imap" for a in s.get("agent_addresses") or []
        ]
        source = SourceConfig(
            path.name[:100] or "file",
            file_type,
            parse_duration("2m"),
            parse_duration("14d"),
            {"team": None},
        )
        identity = f"{file_type} {path} {spec}"

        def build(audited: SourceConfig) -> Any:
            return file_connector(
                file_type,
                path,
                name=audited.name,
                agent_addresses=addresses,
                backfill=audited.backfill.delta,
                link_base=link_base,
            )

        try:  # check the file now: a bad one is a usage error, not a failed audit
            build(source)
        except FileInputError as exc:
            fail(str(exc), EXIT_USAGE)
    else:
        if file_type:
            fail("--type goes with --from-file", EXIT_USAGE)
        api_sources = [s for s in config.sources]
        if source_name is None:
            if len(api_sources) != 1:
                known = ", ".join(s.name for s in api_sources) or "none configured"
                fail(f"name the source to audit with --source (configured: {known})", 2)
            source = api_sources[0]
        else:
            try:
                source = config.source(source_name)
            except KeyError:
                known = ", ".join(s.name for s in api_sources) or "none configured"
                fail(f"--source {source_name!r} is not a configured source (known: {known})", 2)
        where = source.get("url") or source.get("subdomain") or source.get("domain") or ""
        where = where or source.get("host") or ""
        identity = f"{source.name} ({source.type} {where}) {spec}"

    relative = not from_text
    if database_url is None:
        db_file = _default_database(identity, relative, now)
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db_file}{suffix}").unlink(missing_ok=True)
        database_url = f"sqlite:///{db_file}"
    else:
        if _same_database(database_url, config.database_url):
            fail(
                "--database is the service's own database; an audit needs a database of its own", 2
            )
        if fresh:
            parsed = make_url(database_url)
            if parsed.drivername.startswith("sqlite") and parsed.database:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
            else:
                fail("--fresh with a server database: drop and create it yourself", EXIT_USAGE)
    shown = make_url(database_url).render_as_string(hide_password=True)

    live = sys.stderr.isatty()

    def progress(p: Any) -> None:
        if live:
            click.echo(f"\r{p.line()}\033[K", nl=False, err=True)

    try:
        upgrade(database_url)
        engine = make_engine(database_url)
    except Exception as exc:
        fail(f"audit database {shown}: {type(exc).__name__}: {exc}")
    try:
        run = run_audit(
            engine,
            config,
            source,
            period,
            identity=identity,
            build=build,
            progress=progress,
            precision=precision,
        )
    except (AuditError, FileInputError) as exc:
        if live:
            click.echo("\r\033[K", nl=False, err=True)
        fail(f"audit: {exc} (run the same command again to resume; database {shown})")
    except KeyboardInterrupt:
        if live:
            click.echo("", err=True)
        _say(f"interrupted: run the same command again to resume (database {shown})")
        sys.exit(EXIT_FAILED)
    if live:
        click.echo("\r\033[K", nl=False, err=True)
    report = run.report
    t = report.total
    rate = "–" if t.kept_on_time_rate is None else f"{t.kept_on_time_rate:.0%}"
    how = "reused a finished audit" if run.reused else ("resumed" if run.resumed else "read")
    _say(
        f"audit of {report.source} {report.start:%Y-%m-%d} – {report.last_day:%Y-%m-%d}: "
        f"{t.made} promises, {t.kept_on_time} kept on time, {t.kept_late} kept late, "
        f"{t.broken} broken, {t.open} still open ({t.overdue} overdue); {rate} kept on time "
        f"({how}, {run.seconds:.1f}s; database {shown})"
    )

    if sample:
        from sqlmodel import Session

        from tracker.audit.sample import sample_findings

        with Session(engine) as session:
            findings = sample_findings(session, _period_of(report), sample)
        for f in findings:
            if as_json:
                click.echo(json.dumps(f.__dict__, ensure_ascii=False))
            else:
                link = f.ticket_url or f"ticket {f.ticket}"
                click.echo(f"{f.number:>3}. [{f.kind}] “{f.quote}”  ({link}, {f.made_at[:16]})")
                click.echo(f"     {f.context}")
        if not as_json:
            click.echo(
                f"\nCount the real promises among these {len(findings)}, then run the audit "
                f"again with --confirmed K/{len(findings)}."
            )
        engine.dispose()
        return

    from tracker.audit.export import to_json, write_csv
    from tracker.audit.html import render

    if as_json:
        click.echo(to_json(report))
    if csv_dir:
        for written in write_csv(report, Path(csv_dir)):
            _say(f"wrote {written}")
    if out_path or not (as_json or csv_dir):
        target = Path(out_path or "audit.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(report), encoding="utf-8")
        _say(f"wrote {target.resolve()}")
    engine.dispose()


def _period_of(report: Any) -> Any:
    from tracker.audit.period import Period

    return Period(report.start, report.end, report.now)
