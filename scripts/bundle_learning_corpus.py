"""Write the shipped corpora `followthrough learn` refits and validates on as package data.

tracker/learning/shipped/training.jsonl.gz: the decision model's training corpus (the
files scripts/train_decision.py trains on); test.jsonl.gz: its test set, blind batches
04-06. Deterministic (no time stamp in the gzip header), so the files only change when
the corpora do:

    python scripts/bundle_learning_corpus.py            # write both bundles
    python scripts/bundle_learning_corpus.py --check    # exit 1 if a shipped bundle differs
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.learning.corpus import BUNDLES, bundle_name  # noqa: E402

OUTPUT = ROOT / "tracker" / "learning" / "shipped"


def build(which: str) -> bytes:
    lines: list[str] = []
    for name in BUNDLES[which]:
        path = ROOT / name
        if not path.exists():
            raise SystemExit(f"bundle_learning_corpus: corpus {path} not found")
        lines.extend(line for line in path.read_text("utf-8").splitlines() if line.strip())
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped files")
    args = parser.parse_args()
    differ = []
    for which in BUNDLES:
        data, target = build(which), OUTPUT / bundle_name(which)
        if args.check:
            if not target.exists() or target.read_bytes() != data:
                differ.append(str(target))
            continue
        target.write_bytes(data)
        print(f"wrote {target} ({len(data)} bytes)")
    if args.check:
        print("the bundles differ: " + ", ".join(differ) if differ else "the bundles are current")
        raise SystemExit(1 if differ else 0)


if __name__ == "__main__":
    main()
