"""Scoring the extractor on a labelled corpus, exactly as promise-spec.md's "Scoring" says."""

from __future__ import annotations

import json
import time as clock
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.calendar import BusinessCalendar
from tracker.extraction import FoundPromise, Trace, extract

TIME_TOLERANCE = timedelta(minutes=60)


class CorpusError(ValueError):
    """A corpus line that cannot be read; the message names the line."""


@dataclass(frozen=True)
class GoldPromise:
    quote: str
    kind: str
    due: str | None  # "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" (local) or None
    start: int
    end: int


@dataclass(frozen=True)
class Case:
    id: str
    author_role: str
    sent_at: datetime
    timezone: str
    text: str
    promises: tuple[GoldPromise, ...]

    def calendar(self) -> BusinessCalendar:
        return _calendar(self.timezone)


_CALENDARS: dict[str, BusinessCalendar] = {}


def _calendar(zone: str) -> BusinessCalendar:
    if zone not in _CALENDARS:
        _CALENDARS[zone] = BusinessCalendar(ZoneInfo(zone))
    return _CALENDARS[zone]


def parse_case(raw: dict[str, Any], where: str = "corpus") -> Case:
    """One corpus object to a Case, raising CorpusError naming `where` on bad input."""
    try:
        case_id = str(raw["id"])
        text = str(raw["text"])
        sent_at = datetime.fromisoformat(str(raw["sent_at"]))
        if sent_at.tzinfo is None:
            raise CorpusError(f"{where}: sent_at {raw['sent_at']!r} has no UTC offset")
        zone = str(raw.get("timezone") or "UTC")
        ZoneInfo(zone)
        gold = []
        for promise in raw.get("promises") or []:
            quote = str(promise["quote"])
            start = text.find(quote)
            if start < 0:
                raise CorpusError(f"{where}: quote {quote!r} is not in the text")
            gold.append(
                GoldPromise(
                    quote, str(promise.get("kind")), promise.get("due"), start, start + len(quote)
                )
            )
    except CorpusError:
        raise
    except (KeyError, TypeError, ValueError, ZoneInfoNotFoundError) as exc:
        raise CorpusError(f"{where}: {type(exc).__name__}: {exc}") from exc
    return Case(case_id, str(raw.get("author_role", "agent")), sent_at, zone, text, tuple(gold))


def read_objects(path: str | Path) -> list[tuple[str, dict[str, Any]]]:
    """The JSON objects of a JSONL file, each with `file:line` for error messages."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{where}: not JSON ({exc.msg})") from exc
            if not isinstance(raw, dict):
                raise CorpusError(f"{where}: not a JSON object")
            rows.append((where, raw))
    return rows


def load_corpus(path: str | Path) -> list[Case]:
    """Read a JSONL corpus; CorpusError names the file and line at fault."""
    return [parse_case(raw, where) for where, raw in read_objects(path)]


def extract_case(
    case: Case, trace: Trace | None = None, threshold: float | None = None
) -> list[FoundPromise]:
    return extract(
        case.text,
        case.sent_at,
        case.calendar(),
        author_role=case.author_role,
        trace=trace,
        threshold=threshold,
    )


def trace_case(case: Case, threshold: float | None = None) -> Trace:
    """What the extractor read and decided in this case (its own record, see trace.py)."""
    trace = Trace()
    extract_case(case, trace, threshold)
    return trace


@dataclass
class Report:
    messages: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    due_accuracy: float = 0.0
    kind_accuracy: float = 0.0
    follow_through_accuracy: float = 0.0
    seconds: float = 0.0
    messages_per_second: float = 0.0
    agent_messages: int = 0
    false_per_100_agent_messages: float = 0.0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    wrong_dues: list[dict[str, Any]] = field(default_factory=list)
    wrong_kinds: list[dict[str, Any]] = field(default_factory=list)

    SCORE_FIELDS = (
        *("messages", "gold", "predicted", "matched", "precision", "recall", "f1"),
        *("due_accuracy", "kind_accuracy", "follow_through_accuracy", "seconds"),
        *("messages_per_second", "agent_messages", "false_per_100_agent_messages"),
    )

    def scores(self) -> dict[str, Any]:
        """The `eval --json` object."""
        data = asdict(self)
        return {name: data[name] for name in self.SCORE_FIELDS}


def due_is_right(gold: GoldPromise, found: FoundPromise, zone: str) -> bool:
    if gold.due is None:
        return found.due_is_default
    if found.due_is_default:
        return False
    local = found.due.astimezone(ZoneInfo(zone))
    if "T" not in gold.due:
        return local.date().isoformat() == gold.due
    target = datetime.fromisoformat(gold.due).replace(tzinfo=ZoneInfo(zone))
    return abs(found.due - target) <= TIME_TOLERANCE


def match(
    gold: Iterable[GoldPromise], found: list[FoundPromise]
) -> list[tuple[GoldPromise, FoundPromise | None]]:
    """Pair each gold promise with at most one overlapping prediction (largest overlap first)."""
    used: set[int] = set()
    pairs: list[tuple[GoldPromise, FoundPromise | None]] = []
    for g in gold:
        best, best_overlap = None, 0
        for i, p in enumerate(found):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if i not in used and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            pairs.append((g, None))
        else:
            used.add(best)
            pairs.append((g, found[best]))
    return pairs


def evaluate(
    cases: list[Case],
    extractor: Callable[[Case], list[FoundPromise]] | None = None,
    threshold: float | None = None,
) -> Report:
    """Score `extractor` (by default the extractor, with the decision model's `threshold`
    when one is given) on `cases`."""
    if extractor is None:

        def extractor(case: Case) -> list[FoundPromise]:
            return extract_case(case, threshold=threshold)

    report = Report(messages=len(cases))
    due_right = kind_right = 0
    started = clock.perf_counter()
    predictions = [extractor(case) for case in cases]
    report.seconds = clock.perf_counter() - started
    for case, found in zip(cases, predictions, strict=True):
        report.gold += len(case.promises)
        report.predicted += len(found)
        pairs = match(case.promises, found)
        matched_ids = {id(p) for _, p in pairs if p is not None}
        # Explanations come from the extractor's own record of this case (trace.py).
        errors = len(matched_ids) < len(found) or any(p is None for _, p in pairs)
        trace = trace_case(case, threshold) if errors else Trace()
        for gold, pred in pairs:
            if pred is None:
                why = trace.explain(gold.start, gold.end)
                report.misses.append(
                    {"id": case.id, "quote": gold.quote, "kind": gold.kind, "why": why}
                )
                continue
            report.matched += 1
            if due_is_right(gold, pred, case.timezone):
                due_right += 1
            else:
                report.wrong_dues.append({
                    "id": case.id, "quote": gold.quote, "expected": gold.due,
                    "got": None if pred.due_is_default else _local(pred.due, case.timezone),
                    "due_text": pred.due_text,
                })  # fmt: skip
            if gold.kind == pred.kind:
                kind_right += 1
            else:
                report.wrong_kinds.append({"id": case.id, "quote": gold.quote,
                                           "expected": gold.kind, "got": pred.kind})  # fmt: skip
        for pred in found:
            if id(pred) not in matched_ids:
                if case.author_role != "agent":
                    why = "customer message"
                else:
                    set_by = f"due from {pred.due_text!r}" if pred.due_text else "default due"
                    why = f"no promise in the corpus here: {trace.explain(pred.start, pred.end)}"
                    why += f" ({set_by})"
                report.false_positives.append({"id": case.id, "quote": pred.quote,
                                               "kind": pred.kind, "why": why})  # fmt: skip
    report.precision = _ratio(report.matched, report.predicted)
    report.recall = _ratio(report.matched, report.gold)
    total = report.precision + report.recall
    report.f1 = 2 * report.precision * report.recall / total if total else 0.0
    report.due_accuracy = _ratio(due_right, report.matched)
    report.kind_accuracy = _ratio(kind_right, report.matched)
    report.follow_through_accuracy = _ratio(
        due_right, report.gold + (report.predicted - report.matched)
    )
    report.messages_per_second = report.messages / report.seconds if report.seconds else 0.0
    report.agent_messages = sum(case.author_role == "agent" for case in cases)
    if report.agent_messages:
        false = report.predicted - report.matched
        report.false_per_100_agent_messages = 100 * false / report.agent_messages
    return report


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def _local(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).isoformat(timespec="minutes")


CURVE_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))


def curve(
    cases: list[Case], thresholds: Iterable[float] = CURVE_THRESHOLDS
) -> list[dict[str, float]]:
    """Precision, recall and F1 of the extractor at each decision threshold."""
    points = []
    for threshold in thresholds:
        found = [extract_case(case, threshold=threshold) for case in cases]
        gold = predicted = matched = 0
        for case, promises in zip(cases, found, strict=True):
            gold += len(case.promises)
            predicted += len(promises)
            matched += sum(p is not None for _, p in match(case.promises, promises))
        precision, recall = _ratio(matched, predicted), _ratio(matched, gold)
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
        points.append({"threshold": threshold, "precision": precision, "recall": recall, "f1": f1})
    return points
