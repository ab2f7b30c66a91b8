"""Train the extractor's decision model and write tracker/extraction/model/decision-v1.json.

Trains on the development corpora only (never on the blind batches kept for scoring,
04 and later, nor on the real support text):

    python scripts/train_decision.py            # write the model file
    python scripts/train_decision.py --check    # exit 1 if the shipped file differs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.evaluation import load_corpus  # noqa: E402
from tracker.extraction.decision import MODEL_FILE  # noqa: E402
from tracker.extraction.training import examples, model_json, train  # noqa: E402

TRAINING = (
    "tests/extraction/heldout.jsonl",
    "tests/extraction/heldout2.jsonl",
    "../shared/corpus/dev.jsonl",
    "tests/extraction/blind/batch-01.jsonl",
    "tests/extraction/blind/batch-02.jsonl",
    "tests/extraction/blind/batch-03.jsonl",
)
OUTPUT = ROOT / "tracker" / "extraction" / "model" / MODEL_FILE


def build() -> str:
    """The model file's text, trained on TRAINING."""
    cases = []
    for name in TRAINING:
        path = ROOT / name
        if not path.exists():
            raise SystemExit(f"train_decision: training corpus {path} not found")
        cases.extend(load_corpus(path))
    data = examples(cases)
    return model_json(train(data), list(TRAINING))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    text = build()
    if args.check:
        same = args.output.exists() and args.output.read_text("utf-8") == text
        print("the shipped model is what training gives" if same else "the model differs")
        raise SystemExit(0 if same else 1)
    args.output.write_text(text, "utf-8")
    print(f"wrote {args.output} ({len(text)} bytes)")


if __name__ == "__main__":
    main()
