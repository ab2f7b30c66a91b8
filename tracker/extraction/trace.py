"""What the extractor read and decided, recorded by `extract` itself as it runs.

`extract(..., trace=Trace())` fills the trace from the same code path that finds the
promises, so `extract --explain` and `eval` cannot drift from the extractor: every
candidate clause the grammar proposed (rule id, detect.RULES), and the check that kept
or rejected it (id and reason, guards.CHECKS and PIPELINE_CHECKS).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.extraction.detect import RULES
from tracker.extraction.guards import CHECKS

# Checks made by the pipeline itself, around the guards.
PIPELINE_CHECKS: dict[str, str] = {
    "kept": "kept",
    "needs-due": "an arranged action ('I'm sending ...') counts only with a stated time",
    "follows": "a passive follow-on ('it will be sent') counts only after our own commitment",
    "negation": "negated ('won't', 'not')",
    "courtesy": "courtesy or availability ('be happy to', 'look forward to')",
    "effort": "effort without a concrete action ('we'll try our best', 'do what we can')",
    "no-action-verb": "no known action verb after the subject",
}


def reason_for(check: str) -> str:
    return CHECKS.get(check) or PIPELINE_CHECKS.get(check) or check


@dataclass(frozen=True)
class Decision:
    start: int  # the candidate clause in the text
    end: int
    sentence_start: int
    sentence_end: int
    rule: str  # the grammar rule that proposed it (detect.RULES)
    kind: str | None  # None when the grammar let the subject go
    check: str  # "kept", or the id of the check that rejected it (the rules' verdict)
    # The decision model's view (decision.py): the candidate's features and its score,
    # recorded for every candidate the grammar proposed with a kind.
    features: tuple[str, ...] = ()
    score: float | None = None
    # The final word: the rules' verdict, or with a threshold the model's (hard rules win).
    kept: bool = False

    @property
    def reason(self) -> str:
        return reason_for(self.check)

    def describe(self, text: str) -> str:
        kind = f" ({self.kind})" if self.kind else ""
        clause = text[self.start : self.end]
        if self.kept:
            line = f"found     rule {self.rule}{kind}: {clause!r}"
            if self.check != "kept":  # the model overruled a soft check
                line += f" (the rules said {self.check}: {self.reason})"
            return line
        if self.check == "kept":  # the rules kept it, the model's threshold did not
            return f"rejected  rule {self.rule}{kind}: below the threshold: {clause!r}"
        return f"rejected  rule {self.rule}{kind}: {self.check} ({self.reason}): {clause!r}"

    def details(self) -> str | None:
        """The decision model's view of the candidate: its score and features."""
        if self.score is None:
            return None
        return f"score {self.score:.3f}  features: " + " ".join(self.features)

    def as_json(self, text: str) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "clause": text[self.start : self.end],
            "rule": self.rule,
            "kind": self.kind,
            "kept": self.kept,
            "check": self.check,
            "reason": self.reason,
            "score": self.score,
            "features": list(self.features),
        }


@dataclass
class Trace:
    author_role: str = "agent"
    masked: list[tuple[int, int]] = field(default_factory=list)
    # sentences with commitment wording that were read, as (start, end) in the text
    sentences: list[tuple[int, int]] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    def at(self, start: int, end: int) -> list[Decision]:
        """The decisions about the sentence(s) overlapping text[start:end]."""
        return [
            d
            for d in self.decisions
            if d.sentence_start < max(end, start + 1) and start < d.sentence_end
        ]

    def explain(self, start: int, end: int) -> str:
        """Why the extractor found what it found (or nothing) at text[start:end]."""
        if self.author_role != "agent":
            return f"the message is marked as written by {self.author_role!r}"
        if any(s <= start < e for s, e in self.masked):
            return "it is inside what was taken for quoted history or a signature"
        decisions = self.at(start, end)
        if decisions:
            parts = [
                f"rule {d.rule}: " + ("kept" if d.kept else f"{d.check} ({d.reason})")
                for d in decisions
            ]
            return "; ".join(dict.fromkeys(parts))
        if any(s <= start < e for s, e in self.sentences):
            return "no committing subject with a known action verb"
        return "no commitment wording (will, going to, let me ...) in the sentence"


__all__ = ["PIPELINE_CHECKS", "RULES", "Decision", "Trace", "reason_for"]
