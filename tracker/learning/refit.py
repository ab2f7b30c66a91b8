"""Refit the decision model with the deployment's corrections, validate it, and switch to
it only when it is no worse.

The refit starts from the shipped model and fits the corrections not held back (every
HOLD_BACK-th correction, by id, is kept for validation) on top of the shipped training
corpus, which enters through its curvature at the shipped weights (training.refit_from).
The candidate and the decision in use are then scored on two validation sets: the
held-back corrections (does the decision find a promise in each corrected span?) and the
shipped test corpus (blind batches 04-06, scored as `followthrough eval` does). The
candidate is switched to only if neither its precision nor its recall is lower than the
decision in use's on either set.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tracker.evaluation import Case, evaluate
from tracker.extraction import FoundPromise, extract
from tracker.extraction.decision import DecisionModel, shipped_model
from tracker.extraction.training import examples, model_json, refit_from
from tracker.learning import store
from tracker.learning.corpus import TEST, TRAINING, shipped_cases
from tracker.learning.examples import Labelled, correction_examples, found_in_span

HOLD_BACK = 4  # one correction in four is held back for validation
MIN_CORRECTIONS = 4  # fewer than this: nothing to learn from, no refit
# A local model only vetoes what the rules keep (DecisionModel.veto_only): below its
# threshold a kept clause is dropped. The first of CANDIDATE_THRESHOLDS at which the
# refit is no worse than the decision in use on both validation sets is chosen.
LOCAL_THRESHOLD = 0.3
CANDIDATE_THRESHOLDS = (0.3, 0.2, 0.4, 0.1, 0.5)  # veto levels: see DecisionModel
DIGITS = 4  # scores are compared rounded, so float noise is not a "loss"


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    predicted: int
    gold: int
    matched: int


@dataclass
class Outcome:
    switched: bool
    reason: str
    in_use: str
    candidate: str | None = None  # the model file written, switched to or not
    corrections: int = 0
    trained_on: int = 0  # corrections used for fitting
    held_back: int = 0
    examples: int = 0  # candidate clauses from the corrections
    threshold: float | None = None
    scores: dict[str, dict[str, Scores]] = field(default_factory=dict)  # set -> who -> scores

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def split(items: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    """(for fitting, held back): every HOLD_BACK-th correction by id is held back."""
    ordered = sorted(items, key=lambda i: i.id)
    held = [item for n, item in enumerate(ordered) if n % HOLD_BACK == HOLD_BACK - 1]
    kept = [item for n, item in enumerate(ordered) if n % HOLD_BACK != HOLD_BACK - 1]
    return kept, held


def score_corrections(
    items: list[Labelled], model: DecisionModel | None, threshold: float | None
) -> Scores:
    """Precision and recall on corrected spans: a span found is right when the
    correction says it is a promise. Nothing predicted counts as precision 1, no
    promise to find as recall 1 (as `eval` does)."""
    predicted = matched = gold = 0
    for item in items:
        found = found_in_span(item, model, threshold)
        predicted += found
        gold += item.is_promise
        matched += found and item.is_promise
    return Scores(_ratio(matched, predicted), _ratio(matched, gold), predicted, gold, matched)


def score_corpus(cases: list[Case], model: DecisionModel | None, threshold: float | None) -> Scores:
    def run(case: Case) -> list[FoundPromise]:
        return extract(case.text, case.sent_at, case.calendar(), author_role=case.author_role,
                       threshold=threshold, model=model)  # fmt: skip

    report = evaluate(cases, run)
    return Scores(
        round(report.precision, DIGITS),
        round(report.recall, DIGITS),
        report.predicted,
        report.gold,
        report.matched,
    )


def refit(items: list[Labelled]) -> DecisionModel:
    """The shipped decision model refitted with `items` on top of the shipped training
    corpus (training.refit_from: the corpus through its curvature at the shipped weights)."""
    corpus = examples(shipped_cases("training"))
    weights = refit_from(shipped_model().weights, corpus, correction_examples(items))
    return DecisionModel("local", weights, veto_only=True)


def learn(
    items: list[Labelled],
    in_use: store.Decider,
    directory: Path,
    *,
    now: datetime,
    threshold: float | None = None,
) -> Outcome:
    """Refit on `items` (the corrections), validate, write the candidate to `directory`
    and switch to it when it is no worse than `in_use`. `threshold`: the candidate's
    (default `[extraction] threshold` as the caller passes it, else LOCAL_THRESHOLD)."""
    outcome = Outcome(False, "", in_use.describe(), corrections=len(items))
    if len(items) < MIN_CORRECTIONS:
        outcome.reason = (
            f"{len(items)} corrections: at least {MIN_CORRECTIONS} are needed to learn from"
        )
        return outcome
    fit, held = split(items)
    outcome.trained_on, outcome.held_back = len(fit), len(held)
    outcome.examples = len(correction_examples(fit))
    candidate = refit(fit)
    test = list(shipped_cases("test"))
    in_use_scores = {
        "held-back corrections": score_corrections(held, in_use.model, in_use.threshold),
        "shipped test corpus": score_corpus(test, in_use.model, in_use.threshold),
    }
    # Without `[extraction] threshold` the candidate's operating point is the first of
    # CANDIDATE_THRESHOLDS at which it is no worse than the decision in use on both sets
    # and better on the held-back corrections (a candidate that changes nothing there
    # learned nothing worth switching to).
    tried = [threshold] if threshold is not None else list(CANDIDATE_THRESHOLDS)
    first: tuple[float, dict[str, dict[str, Scores]], list[str]] | None = None
    for chosen in tried:
        scores = {
            name: {
                "in use": in_use_scores[name],
                "candidate": score_corrections(held, candidate, chosen)
                if name == "held-back corrections"
                else score_corpus(test, candidate, chosen),
            }
            for name in in_use_scores
        }
        worse = [
            f"{metric} on the {name} ({getattr(pair['candidate'], metric):.3f} < "
            f"{getattr(pair['in use'], metric):.3f})"
            for name, pair in scores.items()
            for metric in ("precision", "recall")
            if round(getattr(pair["candidate"], metric), DIGITS)
            < round(getattr(pair["in use"], metric), DIGITS)
        ]
        held_pair = scores["held-back corrections"]
        if not any(
            round(getattr(held_pair["candidate"], metric), DIGITS)
            > round(getattr(held_pair["in use"], metric), DIGITS)
            for metric in ("precision", "recall")
        ):
            worse.append("nothing better on the held-back corrections")
        if first is None:
            first = (chosen, scores, worse)
        if not worse:
            break
    else:
        # `tried` is never empty (one threshold, or CANDIDATE_THRESHOLDS), so `first` is set
        chosen, scores, worse = first  # type: ignore[misc]
    outcome.threshold = chosen
    outcome.scores = scores
    created = now.astimezone(UTC)
    name = store.model_file_name(created)
    data = _model_data(candidate, created, chosen, outcome, not worse)
    store.write_json(directory, name, data)
    outcome.candidate = name
    if worse:
        outcome.reason = "kept the decision in use: the refit is worse in " + "; ".join(worse)
        return outcome
    store.switch_to(directory, name)
    outcome.switched = True
    outcome.reason = "switched: no worse in precision or recall on either validation set"
    return outcome


def _model_data(
    model: DecisionModel, created: datetime, threshold: float, outcome: Outcome, accepted: bool
) -> dict[str, Any]:
    import json

    data: dict[str, Any] = json.loads(
        model_json(model.weights, [*TRAINING, "this deployment's corrections"])
    )
    data["version"] = "local"
    data["veto_only"] = model.veto_only
    data["local"] = {
        "created_at": created.isoformat(timespec="seconds"),
        "threshold": threshold,
        "accepted": accepted,
        "corrections": outcome.corrections,
        "trained_on_corrections": outcome.trained_on,
        "held_back": outcome.held_back,
        "test_corpus": list(TEST),
        "validation": {
            name: {who: asdict(s) for who, s in pair.items()}
            for name, pair in outcome.scores.items()
        },
        "replaced": outcome.in_use,
    }
    return data


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, DIGITS) if denominator else 1.0
