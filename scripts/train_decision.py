"""Train the extractor's decision model and write tracker/extraction/model/decision-v1.json.

Trains on the development corpora only: heldout, heldout2, dev and the blind batches
01-03, 07-11 and 13-41. Never on blind batches 04-06 (the shipped test corpus that
`followthrough learn` validates a refit on), 42 and later (held out: scored once), nor
on the real support text (the judge):

    python scripts/train_decision.py            # write the model file
    python scripts/train_decision.py --check    # exit 1 if the shipped file differs
    python scripts/train_decision.py --cv       # the cross-validation table (L2, n-grams,
                                                # threshold), folds of whole batches
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.evaluation import Case, load_corpus  # noqa: E402
from tracker.extraction.decision import MODEL_FILE  # noqa: E402
from tracker.extraction.training import (  # noqa: E402
    NGRAMS,
    THRESHOLD,
    TRAINING_CORPORA,
    Tally,
    cross_validate,
    examples,
    folds,
    model_json,
    tally,
    train,
    with_ngrams,
)

TRAINING = TRAINING_CORPORA
OUTPUT = ROOT / "tracker" / "extraction" / "model" / MODEL_FILE
CV_FOLDS = 5
CV_L2 = (0.3, 1.0, 3.0, 10.0, 30.0)
CV_NGRAMS = ("none", "words", "words+pairs")
CV_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(6, 17))  # 0.30 to 0.80


def corpora() -> dict[str, list[Case]]:
    """The training corpora by file, in TRAINING's order."""
    out = {}
    for name in TRAINING:
        path = ROOT / name
        if not path.exists():
            raise SystemExit(f"train_decision: training corpus {path} not found")
        out[name] = load_corpus(path)
    return out


def build() -> str:
    """The model file's text, trained on TRAINING."""
    cases = [case for group in corpora().values() for case in group]
    return model_json(train(with_ngrams(examples(cases), NGRAMS)), list(TRAINING), THRESHOLD)


def cv_table() -> str:
    """Out-of-fold P / R / F1 / false promises per 100 agent messages, as Markdown."""
    split = folds(corpora(), CV_FOLDS)
    rules = oracle = Tally()
    for fold in split:
        for case, found in fold.cases:
            rules += tally(case, found, None, None)
            oracle += tally(case, [c for c in found if c.example.label], None, 0.0)
    settings = [(l2, ngrams) for ngrams in CV_NGRAMS for l2 in CV_L2]
    results = cross_validate(split, settings, CV_THRESHOLDS)
    lines = [
        f"{CV_FOLDS} folds of whole corpora/batches; {rules.gold} gold promises, "
        f"{rules.agent_messages} agent messages",
        "",
        "| decision | L2 | n-grams | threshold | P | R | F1 | false / 100 |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
        f"| rules | | | | {rules.precision:.3f} | {rules.recall:.3f} | {rules.f1:.3f} "
        f"| {rules.false_per_100:.2f} |",
        f"| every labelled candidate (the ceiling) | | | | {oracle.precision:.3f} "
        f"| {oracle.recall:.3f} | {oracle.f1:.3f} | {oracle.false_per_100:.2f} |",
    ]
    chosen = choose(results)
    for l2, ngrams in settings:
        for threshold in CV_THRESHOLDS:
            t = results[l2, ngrams, threshold]
            mark = " **chosen**" if (l2, ngrams, threshold) == chosen else ""
            lines.append(
                f"| model | {l2} | {ngrams} | {threshold:.2f}{mark} | {t.precision:.3f} "
                f"| {t.recall:.3f} | {t.f1:.4f} | {t.false_per_100:.2f} |"
            )
    lines += ["", f"chosen: L2 {chosen[0]}, n-grams {chosen[1]}, threshold {chosen[2]:.2f}"]
    return "\n".join(lines)


def choose(results: dict[tuple[float, str, float], Tally]) -> tuple[float, str, float]:
    """The setting with the best out-of-fold F1 (to 3 places); on a tie, the one with
    fewer false promises per 100 agent messages."""
    return max(results, key=lambda k: (round(results[k].f1, 3), -results[k].false_per_100))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    parser.add_argument("--cv", action="store_true", help="print the cross-validation table")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if args.cv:
        print(cv_table())
        return
    text = build()
    if args.check:
        same = args.output.exists() and args.output.read_text("utf-8") == text
        print("the shipped model is what training gives" if same else "the model differs")
        raise SystemExit(0 if same else 1)
    args.output.write_text(text, "utf-8")
    print(f"wrote {args.output} ({len(text)} bytes)")


if __name__ == "__main__":
    main()
