"""The promise extractor: a pure function of text, send time and business calendar.

No database, no network, no clock. See /work/shared/promise-spec.md for what
counts as a promise and how its due time is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from tracker.calendar import BusinessCalendar
from tracker.durations import Duration
from tracker.extraction import (
    chat,
    lexicon,
    other_language,  # promises in other languages (vocab/de.py …)
)
from tracker.extraction.automated import declares_automated
from tracker.extraction.cleaning import (
    blanked,
    clean_html,
    masked_ranges,
    normalise_line_ends,
    quoted_history_start,
)
from tracker.extraction.decision import HARD_CHECKS, DecisionModel, shipped_model
from tracker.extraction.detect import Commitment, Dropped, commitments
from tracker.extraction.due import Due, SentenceDues
from tracker.extraction.due_in_context import fronted_due, promise_due
from tracker.extraction.features import candidate_features
from tracker.extraction.guards import holds, rejection
from tracker.extraction.kind_rules import KIND_PRIORITY
from tracker.extraction.sentences import sentence_spans, without_tail
from tracker.extraction.trace import Decision, Trace
from tracker.kinds import PromiseKind

__all__ = ["FoundPromise", "Trace", "clean_html", "extract", "quoted_history_start"]

DEFAULT_DUE = Duration(timedelta(days=1), True, "1 business day")
# No real reply holds more promises than this; a pasted log or a hostile message
# that does would otherwise cost time for nothing anyone could act on.
MAX_PROMISES = 20
# Messages longer than this are only split into sentences around commitment cues.
LONG_MESSAGE = 20_000
# Work per message is bounded: no real reply has this many sentences that look like
# commitments; a hostile one (a pasted log of promises) stops here.
MAX_CUE_SENTENCES = 60
# ... and no real reply has this many characters of them (the most in 18,487 labelled
# messages, real tweets included, is 566): sentences with commitment wording cost up to
# ~10 µs a character to read, so this keeps a hostile message well under 50 ms.
MAX_CUE_CHARS = 2_500
WINDOW = 1_500

# Where the words about one promise stop: later clauses about someone else
# ("…, and the courier will deliver on Friday") must not set its due time.
_WORDY = re.compile(r"\w")
_CUT = re.compile(
    # (a dash before a number joins a range of times: "between 10 AM - 2 PM")
    r";|\s[-–—]\s(?!\d)|,\s*(?:but|while|whereas|although|which|as|because|since|so\s+that)\b"
    # "…on Thursday evening, so everything's ready when you arrive Friday": the result's time
    # (a subject of a few words: ", so the distro packagers can pick it up before the weekend")
    r"|,\s*so\s+(?!(?:i|we)\b)(?=[\w'’-]+(?:\s+(?!(?:i|we)\b)[\w'’-]+){0,2}?"
    r"(?:'s|’s|\s+(?:is|are|will|can|could|should|won't))\b)"
    # a condition's own time: "a PR tonight, and if Tom approves it tomorrow it'll go in",
    # "test it tomorrow and, if it holds up, merge it for 3.1"
    r"|,\s*(?:and\s*,?\s*)?if\b|\s+and\s*,\s*if\b"
    # how long it lasts, not when it is done: "extend the trial today, until 31 December"
    r"|,\s*(?:until|till|up\s+to)\b"
    # a new sentence about the agent's habits: "on Monday, I don't do releases on Fridays"
    r"|,\s*(?:I|we)\s+(?:don't|do\s+not|never|usually|always|normally)\b"
    # an aside about the past: "on Monday, once it's renewed (it expired on Friday)"
    r"|\s\((?:it|this|that|which|they|he|she)\s+(?:was|were|had|\w+ed)\b"
    # "…tonight so it's active before your flight", ", so you'll have them before the 4th",
    # ", so your staff are paid tomorrow": a purpose or result for the customer's side
    r"|,?\s+so\s+(?:that\s+)?(?=(?:you|it|they|everything|everyone|(?:your|the)\s+[\w-]+"
    r"(?:\s+[\w-]+)?)(?:'ll|’ll|'s|’s|'re|’re|\s+(?:will|is|are|can|should|won't|gets?|"
    r"arrives?|has|have|reaches?|lands?)\b))"
    # ", well before the cut-off on the 22nd", "in time for your trip on Saturday"
    r"|,\s*(?:well|just|long|comfortably|safely)\s+(?:before|ahead\s+of)\b"
    r"|,?\s+in\s+(?:good\s+)?time\s+for\b"
    # "…, and the courier will deliver on Friday" (but not "the invoice and the DPA by Friday")
    r"|,?\s*and\s+(?:the|your|it|they|he|she|this|that|there|you)\b(?!'ll|\s+will)"
    r"(?=(?:\s+[\w'-]+){0,3}?\s+(?:will|should|may|might|can|could|would|is|are|was|were|has|"
    r"have|had|does|do|did|takes?|arrives?|needs?)\b)"
    # "…, and Royal Mail should deliver it Thursday": a named third party
    r"|,\s*and\s+(?-i:[A-Z][\w&'-]*)(?:\s+(?-i:[A-Z][\w&'-]*)){0,2}\s+(?:will|should|may|might|"
    r"can|could|would)\b"
    # a comma splice about someone else: "I'll reverse the fee today, you'll see it in 3 days"
    r"|,\s*(?:the|your|it|they|this|that|there|you)(?:'ll|'d|\s+(?:will|should|may|might|can|"
    r"could|would))\b"
    # a reason: "today since you cancelled on the 1st"
    r"|\s(?:since|because)\s+(?:you|we|I|it|they|he|she)\b"
    # an automatic process: "today and it will reflect in your account within 7 days"
    r"|,?\s+and\s+it(?:'ll|\s+will)\b"
    # effort, or something already done: "and we'll aim to resolve it within 8 weeks",
    # "and I've booked the engineer for Thursday"
    r"|,?\s*and\s+(?:we|I)(?:'ll|\s+will)\s+(?:aim|try|endeavou?r|hope)\b"
    r"|,?\s*and\s+(?:I|we)(?:'ve|\s+have)\b"
    r"|,\s*(?:we're|we\s+are|I'm|I\s+am|it's|that's)\b",
    re.IGNORECASE,
)
_APOSTROPHES = ("’", "‘", "`", "ʼ")
# Control characters (NUL and the like) separate words like a space does.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _normalise_apostrophes(text: str) -> str:
    """One character for one, so offsets stay valid; control characters become spaces."""
    for mark in _APOSTROPHES:
        if mark in text:
            text = text.replace(mark, "'")
    if _CONTROLS.search(text):
        text = _CONTROLS.sub(" ", text)
    return text


@dataclass(frozen=True)
class FoundPromise:
    start: int
    end: int
    quote: str
    kind: PromiseKind
    due: datetime  # aware, UTC
    due_is_default: bool
    due_text: str | None  # the words that set the due, None when default
    precision: str  # "time" | "date" | "default"


def extract(
    text: str,
    sent_at: datetime,
    calendar: BusinessCalendar,
    *,
    author_role: str = "agent",
    default_due: Duration | None = None,
    trace: Trace | None = None,
    threshold: float | None = None,
    model: DecisionModel | None = None,
) -> list[FoundPromise]:
    """The promises an agent made in `text`, in order; offsets index `text` itself.

    Only `author_role="agent"` (a public reply or outgoing e-mail) can promise:
    customers' messages and private notes give []. Quoted history and signatures
    are masked, never searched. Promises with no stated time are due
    `default_due` (1 business day) after `sent_at` in `calendar`.

    `trace`, when given, records every candidate clause and the check that kept or
    rejected it (`extract --explain`, `eval`), with each candidate's features and the
    decision model's score.

    `threshold` (0 to 1), when given, lets the learned decision (decision.py) say which
    candidates are promises: those scoring at least `threshold`, unless a hard rule
    (a question) rejects them. None keeps the rules' own decision. `model` is the
    decision model that scores (default: the shipped one; a deployment's own, refitted by
    `followthrough learn`, see tracker/learning/).
    """
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
    if sent_at.tzinfo is None or sent_at.utcoffset() is None:
        raise ValueError("sent_at must be timezone-aware")
    if trace is not None:
        trace.author_role = author_role
    if author_role != "agent" or not text:
        return []
    if len(text) <= LONG_MESSAGE and not lexicon.has_cue(text) and not other_language.mixed(text):
        return []
    normal = normalise_line_ends(_normalise_apostrophes(text))
    masked = masked_ranges(normal)
    visible = blanked(normal, masked) if masked else normal
    if trace is not None:
        trace.masked = masked
    found: list[FoundPromise] = []
    translated: list[FoundPromise] = []  # other-language promises of an English message
    examined = examined_chars = 0
    exhausted = False  # the work budget of the message is spent
    # language None: English (a very long message, a pasted log, is read in English only).
    # An English message may be `mixed`, holding a sentence in another language ("… Esta
    # tarde te corrijo el stock a mano."): its own words tell it, no message language to
    # break a tie.
    language, mixed = (
        other_language.read_language(visible) if len(visible) <= LONG_MESSAGE else (None, False)
    )
    automated = declares_automated(normal[:LONG_MESSAGE])
    for window_start, window_end in _cue_windows(visible):
        window = visible[window_start:window_end]
        spans = sentence_spans(window)
        merged_until = -1
        for index, (start, end) in enumerate(spans):
            sentence = window[start:end]
            # --- other languages (other_language.py): a sentence in German, French, … ---
            if (
                (language is not None or mixed)
                and index > merged_until
                and window_start + start < other_language.REACH
            ):
                other = _other_language_promise(
                    text, window, spans, index, window_start, language, sent_at, calendar, trace
                )
                if other is not None:
                    merged_until, promise = other
                    if promise is not None:
                        if mixed:
                            translated.append(promise)
                        found.append(promise)
                        if len(found) >= MAX_PROMISES:
                            break
                        continue
            # --- end of other languages ---
            if not lexicon.has_cue(sentence):
                continue
            if examined >= MAX_CUE_SENTENCES or examined_chars >= MAX_CUE_CHARS:
                exhausted = True
                break
            examined += 1
            examined_chars += end - start
            if trace is not None:
                trace.sentences.append((window_start + start, window_start + end))
            # (a pause of dots alone, "Let me look. ... OK, found it", is no sentence: the
            # one after it follows)
            after = index + 1
            if after + 1 < len(spans) and not _WORDY.search(window, *spans[after]):
                after += 1
            context = (
                window[slice(*spans[index - 2])] if index > 1 else "",
                window[slice(*spans[index - 1])] if index else "",
                window[slice(*spans[after])] if after < len(spans) else "",
            )
            offset = window_start + start
            goes_on = index + 1 < len(spans) and chat.turn_goes_on(window, end, spans[index + 1][0])
            done_next = chat.done_in_next_turn(window, end) if "\n" in window else ""
            promise = _promise_in(
                text,
                sentence,
                offset,
                context,
                sent_at,
                calendar,
                trace,
                threshold,
                model,
                turn_goes_on=goes_on,
                done_next=done_next,
                automated=automated,
                other_words=language is not None or mixed,
            )
            if promise is not None:
                found.append(promise)
                if len(found) >= MAX_PROMISES:
                    break
        if len(found) >= MAX_PROMISES or exhausted:
            break
    if translated:
        # "Ich schicke Ihnen morgen die Rechnung. Translation: I'll send you the invoice
        # tomorrow.": the same promise twice, kept in English
        english = [p for p in found if p not in translated]
        found = [p for p in found if not (p in translated and any(_same(p, e) for e in english))]
    if any(p.due_is_default for p in found):
        default = calendar.add(sent_at, default_due or DEFAULT_DUE).astimezone(UTC)
        found = [replace(p, due=default) if p.due_is_default else p for p in found]
    return found


def _same(one: FoundPromise, other: FoundPromise) -> bool:
    """The same commitment said twice (a translation): its kind and due."""
    return (one.kind, one.due, one.due_is_default) == (other.kind, other.due, other.due_is_default)


def _other_language_promise(
    text: str,
    window: str,
    spans: list[tuple[int, int]],
    index: int,
    window_start: int,
    language: str | None,
    sent_at: datetime,
    calendar: BusinessCalendar,
    trace: Trace | None,
) -> tuple[int, FoundPromise | None] | None:
    """The promise of the sentence at `index` when it is in another language: None when
    the sentence is English (the English grammar reads it), else the index of the last
    span it runs over and its promise or None."""
    start = spans[index][0]
    code = other_language.sentence_language(window[start : spans[index][1]], language)
    if code is None:
        return None
    last = other_language.merged_end(window, spans, index, code)
    end = spans[last][1]
    sentence = window[start:end]
    previous = window[slice(*spans[index - 1])] if index else ""
    following = window[spans[last + 1][0] :][:1] if last + 1 < len(spans) else ""
    if previous.endswith("/") or following == "/":
        return None  # "Ich melde mich morgen. / I'll get back to you tomorrow.": one promise
    read, promise = other_language.promise_in(sentence, previous, code, sent_at, calendar)
    offset = window_start + start
    if trace is not None:
        trace.sentences.append((offset, window_start + end))
        for c in read:
            trace.decisions.append(
                Decision(offset + c.start, offset + c.end, offset, window_start + end,
                         other_language.RULE, c.kind, c.check, kept=c.check == "kept")
            )  # fmt: skip
    if promise is None:
        return last, None
    begin, stop = offset + promise.start, offset + promise.end
    due_start = offset + promise.due.start if promise.due else begin
    return last, _found(text, begin, stop, promise.kind, sent_at, promise.due, due_start)


def _cue_windows(visible: str) -> Iterator[tuple[int, int]]:
    """The stretches of `visible` worth splitting into sentences, in order.

    A message of ordinary length is one window. In a very long one (a pasted log, a
    hostile input) only the text around commitment cues is split, so the work follows
    the number of cues, not the size of the message; a window starts at a line break
    when there is one nearby, so its first sentence is whole.
    """
    if len(visible) <= LONG_MESSAGE:
        yield (0, len(visible))
        return
    low = high = -1
    for match in lexicon.cue_matches(visible):
        if match < high:
            continue
        if high >= 0 and match - WINDOW <= high and high - low < 4 * WINDOW:
            high = min(len(visible), match + WINDOW)
            continue
        if high >= 0:
            yield (low, high)
        start = max(high, match - WINDOW, 0)
        line_start = visible.rfind("\n", max(start - WINDOW, high, 0), start)
        low = line_start + 1 if line_start >= 0 else start
        high = min(len(visible), match + WINDOW)
    if high >= 0:
        yield (low, high)


def _promise_in(
    text: str,
    sentence: str,
    offset: int,
    context: tuple[str, str, str],
    sent_at: datetime,
    calendar: BusinessCalendar,
    trace: Trace | None = None,
    threshold: float | None = None,
    model: DecisionModel | None = None,
    *,
    turn_goes_on: bool = False,
    done_next: str = "",
    automated: bool = False,
    other_words: bool = False,
) -> FoundPromise | None:
    """The promise in `sentence`, if any. `turn_goes_on`: in a chat transcript, the
    sentence ends the agent's turn and the agent's next turn follows at once (chat.py).
    `done_next`: in a chat transcript, the agent's next turn reports it done ("done":
    "Booked.") or comes back with a check's answer ("back": "Thanks for waiting. ...").
    `automated`: the message says it is an automated one (automated.py). `other_words`:
    the message holds another language's words, so a due may be stated in them."""
    dropped: list[Dropped] | None = [] if trace is not None else None
    candidates = commitments(sentence, context[1], dropped)

    def decide(
        start: int,
        end: int,
        rule: str,
        kind: str | None,
        check: str,
        features: tuple[str, ...] = (),
        score: float | None = None,
        kept: bool | None = None,
    ) -> None:
        if trace is not None:
            trace.decisions.append(
                Decision(
                    offset + start,
                    offset + end,
                    offset,
                    offset + len(sentence),
                    rule,
                    kind,
                    check,
                    features,
                    score,
                    check == "kept" if kept is None else kept,
                )
            )

    for drop in dropped or ():
        decide(drop.start, drop.end, drop.rule, None, drop.check)
    if not candidates:
        return None
    due_between = SentenceDues(sentence, sent_at, calendar).between

    kept: list[tuple[Commitment, int]] = []
    for i, commitment in enumerate(candidates):
        # Two clauses found at the same subject share the words up to the next one.
        clause_end = next(
            (c.start for c in candidates[i + 1 :] if c.start > commitment.start), len(sentence)
        )
        if clause_end <= commitment.start:
            continue
        has_due = due_between(commitment.start, clause_end) is not None
        # "Tomorrow morning I'm sending the courier": a time fronted before the subject
        # is the clause's own time
        if commitment.needs_due and not (
            has_due or fronted_due(sentence, commitment.start, due_between)
        ):
            check: str | None = "needs-due"
        elif commitment.follows and not kept:
            check = "follows"
        else:
            check = rejection(sentence, commitment, clause_end, context, has_due)
            # "Let me look up the order." and the agent's next chat line gives the answer
            if (
                check is None
                and turn_goes_on
                and commitment.kind == "check"
                and (not has_due or holds(sentence, commitment.end))
            ):
                check = "live-exchange"
            # "I'll add a note for the driver." ... "Done, the note's added."
            # "Let me check with the warehouse." ... "Thanks for waiting. They confirm ..."
            if check is None and (
                (done_next == "done" and commitment.rule in ("self", "let-me"))
                or (done_next == "back" and commitment.kind == "check")
            ):
                check = "done-in-chat"
            if check is None and automated:
                check = "auto-reply"  # "… (automated message)": the system's notice
        verdict = check or "kept"
        keep = check is None
        features: tuple[str, ...] = ()
        score = None
        if trace is not None or threshold is not None:
            position = offset / max(1, len(text))
            features = candidate_features(
                sentence, commitment, clause_end, context, has_due, verdict, position
            )
            decider = model or shipped_model()
            score = decider.score(features)
            if threshold is not None and verdict not in HARD_CHECKS:
                keep = decider.keeps(score, threshold, rules_keep=check is None)
        decide(
            commitment.start,
            clause_end,
            commitment.rule,
            commitment.kind,
            verdict,
            features,
            score,
            keep,
        )
        if keep:
            kept.append((commitment, clause_end))
    if not kept:
        return None
    first = kept[0][0]
    last, last_end = kept[-1]
    cut = _CUT.search(sentence, last.end, last_end)
    scope_end = cut.start() if cut else last_end
    due = promise_due(sentence, first.start, scope_end, due_between, context[:2], sent_at, calendar)
    if due is None and other_words:  # "… and send you the corrected invoice el lunes"
        due = other_language.due_in_other_words(sentence, first.start, scope_end, sent_at, calendar)
    kind = min((c.kind for c, _ in kept), key=KIND_PRIORITY.index)
    start = offset + first.start
    end = offset + without_tail(sentence)
    if end <= start:
        end = offset + len(sentence)
    return _found(text, start, end, kind, sent_at, due, start + due.start if due else start)


def _found(
    text: str,
    start: int,
    end: int,
    kind: PromiseKind,
    sent_at: datetime,
    due: Due | None,
    due_start: int,
) -> FoundPromise:
    """The promise text[start:end]; without a stated due it gets the default policy's."""
    if due is None:
        return FoundPromise(start, end, text[start:end], kind, sent_at, True, None, "default")
    return FoundPromise(
        start,
        end,
        text[start:end],
        kind,
        due.when.astimezone(UTC),
        False,
        text[due_start : due_start + len(due.text)],
        due.precision,
    )
