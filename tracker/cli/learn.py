"""`followthrough learn`: refit the extractor's decision model from this deployment's
corrections, or (`--status`) show how well the decision in use does."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import click

from tracker.cli.common import fail, get_config, get_engine
from tracker.cli.sweep import parse_when


@click.command("learn")
@click.option(
    "--status",
    "show_status",
    is_flag=True,
    help="Show live precision from the last 30 days' corrections and the model in use.",
)
@click.option("--now", help="Run as of this ISO 8601 time instead of the clock.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def learn_command(ctx: click.Context, show_status: bool, now: str | None, as_json: bool) -> None:
    """Refit the promise decision model with this deployment's corrections.

    Trains on the shipped corpus plus the corrections (dismissed and added promises),
    holds one correction in four back, and switches the extractor to the new local model
    only if neither precision nor recall gets worse than the decision in use, on the
    held-back corrections and on the shipped test corpus. Models are files in
    [learning] models_dir; nothing leaves this host. Exits 1 when nothing was switched
    because the refit was worse or there were too few corrections.

    Example: followthrough learn && followthrough learn --status
    """
    from tracker.learning import running, store

    config = get_config(ctx)
    when = parse_when(now, "--now") if now else datetime.now(UTC)
    engine = get_engine(ctx)
    if show_status:
        report = running.status_now(engine, config, now=when)
        click.echo(json.dumps(report, indent=2) if as_json else _status_text(report))
        return
    try:
        outcome = running.learn_now(engine, config, now=when)
    except store.ModelStoreError as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps(outcome.as_dict(), indent=2))
    else:
        click.echo(_outcome_text(outcome.as_dict()))
    if not outcome.switched:
        raise SystemExit(1)


def _scores(pair: dict[str, Any]) -> str:
    return "  ".join(
        f"{who}: P {s['precision']:.3f} R {s['recall']:.3f} ({s['matched']}/{s['predicted']} "
        f"found, {s['gold']} to find)"
        for who, s in pair.items()
    )


def _outcome_text(out: dict[str, Any]) -> str:
    lines = [
        f"corrections: {out['corrections']} ({out['trained_on']} to fit, "
        f"{out['held_back']} held back; {out['examples']} candidate clauses)",
        f"in use: {out['in_use']}",
    ]
    if out["candidate"]:
        lines.append(f"refit: {out['candidate']} at threshold {out['threshold']}")
    for name, pair in out["scores"].items():
        lines.append(f"  {name}: {_scores(pair)}")
    lines.append(out["reason"])
    return "\n".join(lines)


def _status_text(report: dict[str, Any]) -> str:
    used = report["in_use"]
    lines = [f"in use: {used['description']}"]
    if used["problem"]:
        lines.append(f"  local model not used: {used['problem']}")
    for name, pair in (used["validation"] or {}).items():
        lines.append(f"  validated on {name}: {_scores(pair)}")
    lines.append(f"live precision, promises made {report['since']} to {report['until']}:")
    if not report["live"]:
        lines.append("  no promises in that time")
    for row in report["live"]:
        precision = "-" if row["precision"] is None else f"{row['precision']:.2f}"
        lines.append(
            f"  {row['team']:<20} {row['kind']:<9} found {row['found']:>4}  dismissed "
            f"{row['dismissed']:>3}  precision {precision:>4}  added (missed) {row['added']:>3}"
        )
    return "\n".join(lines)
