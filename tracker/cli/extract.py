"""`followthrough extract` and `followthrough eval`: the extractor from the command line."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from tracker.calendar import BusinessCalendar
from tracker.cli.common import get_config
from tracker.evaluation import (
    Case,
    CorpusError,
    Report,
    curve,
    evaluate,
    extract_case,
    load_corpus,
    trace_case,
)
from tracker.extraction import FoundPromise, Trace, extract


def _fail(code: int, message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def promise_json(promise: FoundPromise, zone: ZoneInfo) -> dict[str, Any]:
    """The object of `extract --json` for one promise, its due in `zone`."""
    return {
        "start": promise.start,
        "end": promise.end,
        "quote": promise.quote,
        "kind": promise.kind,
        "due": promise.due.astimezone(zone).isoformat(),
        "due_is_default": promise.due_is_default,
        "due_text": promise.due_text,
    }


_THRESHOLD_HELP = (
    "Let the learned decision model keep candidates scoring at least this (0 to 1); "
    "default: [extraction] threshold, unset = the rules decide."
)


def _threshold(ctx: click.Context, given: float | None, command: str) -> float | None:
    if given is None:
        return get_config(ctx).extraction.threshold
    if not 0.0 <= given <= 1.0:
        _fail(2, f"{command}: --threshold {given} is not between 0 and 1")
    return given


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        _fail(2, f"extract: --timezone {name!r} is not a known time zone")


def _sent_at(value: str | None, zone: ZoneInfo) -> datetime:
    if value is None:
        return datetime.now(UTC)  # the command line's edge may read the clock
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        _fail(2, f"extract: --sent-at {value!r} is not an ISO 8601 time")
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


@click.command("extract")
@click.option(
    "--sent-at", "sent_at", metavar="ISO", help="When the message was sent (default: now)."
)
@click.option("--timezone", "timezone", default="UTC", show_default=True, metavar="TZ",
              help="The team's time zone, for due words like 'tomorrow'.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of promises.")
@click.option("--corpus", type=click.Path(dir_okay=False), metavar="PATH",
              help="Extract every case of a JSONL corpus, one JSON line per case.")  # fmt: skip
@click.option("--explain", is_flag=True,
              help="Also show every candidate clause, the rule that proposed it, the "
              "check that kept or rejected it, its features and the model's score.")  # fmt: skip
@click.option("--threshold", type=float, metavar="P", help=_THRESHOLD_HELP)
@click.argument("text", required=False)
@click.pass_context
def extract_command(
    ctx: click.Context,
    sent_at: str | None,
    timezone: str,
    as_json: bool,
    corpus: str | None,
    explain: bool,
    threshold: float | None,
    text: str | None,
) -> None:
    """Find the promises an agent made in TEXT (or standard input).

    Due times are read in the team's time zone from the send time; promises with
    no stated time get the default policy (1 business day) and say so.

    Example:

    \b
        followthrough extract --sent-at 2026-11-20T16:30:00+00:00 \\
            --timezone Europe/London --explain "I'll call you back tomorrow."
    """
    threshold = _threshold(ctx, threshold, "extract")
    if corpus is not None:
        _extract_corpus(corpus, explain, threshold)
        return
    zone = _zone(timezone)
    moment = _sent_at(sent_at, zone)
    if text is None:
        text = sys.stdin.read()
    trace = Trace() if explain else None
    try:
        found = extract(text, moment, BusinessCalendar(zone), trace=trace, threshold=threshold)
    except Exception as exc:
        _fail(1, f"extract: failed on the input text: {exc}")
    promises = [promise_json(p, zone) for p in found]
    if as_json:
        if trace is None:
            click.echo(json.dumps(promises, ensure_ascii=False))
        else:
            decisions = [d.as_json(text) for d in trace.decisions]
            out = {"promises": promises, "decisions": decisions, "masked": trace.masked}
            click.echo(json.dumps(out, ensure_ascii=False))
        return
    if not found:
        click.echo("no promises found")
    for promise in found:
        due = promise.due.astimezone(zone).isoformat(timespec="minutes")
        why = "default" if promise.due_is_default else repr(promise.due_text)
        click.echo(f"{promise.kind:<9} due {due} ({why})  {promise.quote!r}")
    if trace is not None:
        _print_trace(trace, text)


def _print_trace(trace: Trace, text: str, prefix: str = "") -> None:
    for start, end in trace.masked:
        click.echo(f"{prefix}masked    quoted history or signature, characters {start}-{end}")
    if not trace.decisions:
        click.echo(f"{prefix}no candidate clause (no committing subject with a known action)")
    for decision in trace.decisions:
        click.echo(prefix + decision.describe(text))
        details = decision.details()
        if details:
            click.echo(f"{prefix}          {details}")


def _extract_corpus(path: str, explain: bool = False, threshold: float | None = None) -> None:
    try:
        cases = load_corpus(path)
    except OSError as exc:
        _fail(2, f"extract: cannot read corpus {path}: {exc.strerror or exc}")
    except CorpusError as exc:
        _fail(2, f"extract: {exc}")
    for case in cases:
        trace = Trace() if explain else None
        try:
            found = extract_case(case, trace, threshold)
        except Exception as exc:
            _fail(1, f"extract: case {case.id} failed: {exc}")
        zone = ZoneInfo(case.timezone)
        line: dict[str, Any] = {"id": case.id, "promises": [promise_json(p, zone) for p in found]}
        if trace is not None:
            line["decisions"] = [d.as_json(case.text) for d in trace.decisions]
        click.echo(json.dumps(line, ensure_ascii=False))


@click.command("eval")
@click.argument("corpus", metavar="CORPUS.jsonl", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option(
    "--labels",
    type=click.Path(dir_okay=False),
    help="Labels by id for CORPUS (texts we may not copy: a JSONL file or a folder of them).",
)
@click.option("--explain", is_flag=True,
              help="Also show every candidate clause of every case, with its features "
              "and the model's score.")  # fmt: skip
@click.option("--threshold", type=float, metavar="P", help=_THRESHOLD_HELP)
@click.option("--curve", "show_curve", is_flag=True,
              help="Also print precision, recall and F1 at thresholds 0.05-0.95.")  # fmt: skip
@click.pass_context
def eval_command(
    ctx: click.Context,
    corpus: str,
    as_json: bool,
    labels: str | None,
    explain: bool,
    threshold: float | None,
    show_curve: bool,
) -> None:
    """Score the extractor on a labelled corpus in the format of promise-spec.md.

    Prints precision, recall, F1, due and kind accuracy and the headline
    follow-through accuracy, then every miss, false positive and wrong due or
    kind with its case id and the rule and check that decided it (the extractor's
    own trace); --explain adds every candidate of every case.

    Example:

    \b
        followthrough eval corpus/dev.jsonl --json
        followthrough eval corpus/dev.jsonl --curve --threshold 0.5
        followthrough eval ../shared/corpus/real --labels tests/extraction/real_labels.jsonl
    """
    from tracker.labelled_texts import load_labelled

    try:
        cases: list[Case] = load_labelled(corpus, labels) if labels else load_corpus(corpus)
    except OSError as exc:
        _fail(2, f"eval: cannot read corpus {corpus}: {exc.strerror or exc}")
    except CorpusError as exc:
        _fail(2, f"eval: {exc}")
    threshold = _threshold(ctx, threshold, "eval")
    try:
        report = evaluate(cases, threshold=threshold)
        points = curve(cases) if show_curve else []
    except Exception as exc:
        _fail(1, f"eval: scoring {corpus} failed: {exc}")
    if as_json:
        scores = report.scores()
        if threshold is not None:
            scores["threshold"] = threshold
        if show_curve:
            scores["curve"] = points
        click.echo(json.dumps(scores))
        return
    decider = "the rules" if threshold is None else f"the model at threshold {threshold}"
    click.echo(f"decided by {decider}")
    _print_report(report)
    if points:
        click.echo("threshold  precision  recall  F1")
        for point in points:
            click.echo(
                f"{point['threshold']:>9.2f}  {point['precision']:>9.3f}  "
                f"{point['recall']:>6.3f}  {point['f1']:.3f}"
            )
    if explain:
        for case in cases:
            trace = trace_case(case, threshold)
            if trace.decisions:
                click.echo(f"case {case.id}:")
                _print_trace(trace, case.text, prefix="  ")


def _print_report(report: Report) -> None:
    s = report
    click.echo(
        f"messages {s.messages}  gold {s.gold}  predicted {s.predicted}  matched {s.matched}"
    )
    click.echo(f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}")
    click.echo(f"due accuracy {s.due_accuracy:.3f}  kind accuracy {s.kind_accuracy:.3f}")
    click.echo(f"follow-through accuracy {s.follow_through_accuracy:.3f}")
    click.echo(f"false promises per 100 agent messages {s.false_per_100_agent_messages:.2f}")
    click.echo(f"{s.seconds:.3f} s, {s.messages_per_second:.0f} messages/s")
    for miss in s.misses:
        click.echo(f"miss        {miss['id']}: {miss['quote']!r} ({miss['kind']}): {miss['why']}")
    for fp in s.false_positives:
        click.echo(f"false pos.  {fp['id']}: {fp['quote']!r} ({fp['kind']}): {fp['why']}")
    for wrong in s.wrong_dues:
        click.echo(
            f"wrong due   {wrong['id']}: {wrong['quote']!r}: expected {wrong['expected']}, "
            f"got {wrong['got'] or 'the default'} (from {wrong['due_text']!r})"
        )
    for wrong in s.wrong_kinds:
        click.echo(
            f"wrong kind  {wrong['id']}: {wrong['quote']!r}: expected {wrong['expected']}, "
            f"got {wrong['got']}"
        )
