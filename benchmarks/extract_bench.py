"""Throughput of the promise extractor against a plain dateparser pass.

Builds a realistic mix of support replies from templates (fixed seed; no licensed
text), about one in ten with a promise, 50 to 3,000 characters, some with long
quoted history, and reports on one core:

- messages/second and peak memory for `tracker.extraction.extract`;
- messages/second for `dateparser.search.search_dates` on a sample of the same
  messages (it is far slower, so the sample is smaller and the rate is scaled),
  and the ratio of the two;
- the slowest single message, timings of hostile inputs, and the max per-message
  latency over both (CPU time, so other work on a shared machine does not count).

Run:  python benchmarks/extract_bench.py [--messages 100000] [--baseline-sample 500]
      [--threshold 0.5]   (the learned decision model deciding, as [extraction] threshold)
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker import extraction
from tracker.calendar import BusinessCalendar

extract = extraction.extract

NAMES = ["Jo", "Priya", "Mr Chen", "Ms. Alvarez", "Tom", "Fatima", "Lukas", "Grace", "Omar"]
AGENTS = ["Amy", "Daniel", "Katrin", "Jess", "Kai", "Sophie", "Rahul", "Maria"]
FILLER = [
    "Thanks for getting in touch about order #{n}.",
    "I can see the parcel left our Leeds warehouse on {d} {m} and was scanned at {h}:15pm.",
    "Orders with 3-5 items ship in two boxes, so the second one may arrive a day later.",
    "Your refund of £{n}.99 was processed on {d} {m}; your bank may take 5-10 working days.",
    "The courier will deliver between 9am and 6pm and you will receive a tracking email.",
    "We're sorry for the inconvenience this has caused, especially before the holidays.",
    "Our phone lines are open Mon-Fri 8am-8pm and Sat 9am-1pm on 0330 123 {n}.",
    "May in our despatch team says the van was loaded at 3pm yesterday.",
    "Your plan renews on the 1st of each month at $29/month, and the next bill is due {d} {m}.",
    "I've attached the invoice (INV-2026-{n}) and the credit note for the duplicate charge.",
    "The engineer's report runs to 14 pages and covers the fault between the cabinet and home.",
    "Please note that our hotline is closed on 24 and 31 December.",
    "We've updated your address to 3 Market St, Bristol BS1 4DJ as requested.",
]
PROMISES = [
    "I'll call you back tomorrow at {h}pm.",
    "I'll update you by Friday once the warehouse confirms.",
    "We'll ship the replacement within 3 working days.",
    "Let me look into why the payment was taken twice.",
    "Our billing team will contact you within 48 hours.",
    "I'll email you the returns label by 5pm today.",
    "We'll have this fixed by the end of the week.",
    "I'm escalating this to our network team this morning.",
    "You'll hear from me by {d} {m} at the latest.",
    "I'll keep you posted.",
]
NON_PROMISE_CUES = [
    "If you need anything else, we'll be happy to help.",
    "Would you like me to call you back on Monday?",
    "DM us your order number and we'll look into it.",
    "I won't be able to call today, sorry.",
]
MONTHS = ["January", "March", "May", "June", "November", "December"]
SIGN_OFF = "\n\nKind regards,\n{agent}\nHarbour & Finch Customer Care\nT: 0161 555 0192"


# Hostile inputs, timed below against the 50 ms latency target (the last four defeat
# sentence splitting); tests/extraction/test_extractor_robustness.py only checks that none of
# them takes a time that grows faster than its length.
HOSTILE = {
    "1 MB message": ("I will call you. " * 20 + "Lorem ipsum dolor sit amet. " * 40) * 700,
    "1 MB, promise last": (
        "Your parcel left the Leeds depot on 3 December at 4pm. " * 19_000
        + "I'll call you tomorrow."
    ),
    "10,000 '>' lines": "Thanks!\n" + "> I'll call you back tomorrow.\n" * 10_000,
    "10,000 sentences": "We'll look into it. " * 10_000,
    "emoji": "😀🙏🏽 I'll call you tomorrow 🎉 " * 2_000,
    "RTL text": "שלום, אני אתקשר אליך מחר. مرحبا ‮ I'll call you tomorrow. " * 1_000,
    "NUL bytes": "\x00I'll\x00 call\x00 you\x00 tomorrow.\x00 " * 5_000,
    "no full stops": "I will call you and we will send it and " * 3_000,
    "subjects without actions": "I'll xyz " * 20_000,
    "requests and commitments": (
        "DM us your order number and we'll look into it and our team will send it " * 2_000
    ),
    "hedged run-on": "hopefully we will maybe send it within 3 days and let me check and " * 2_000,
    # a chat transcript with a different speaker on every line ("Pabc: ...")
    "5,000 chat speakers": "Agent Mo: hi\n"
    + "".join(
        f"P{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}: I'll call you "
        "tomorrow\n"
        for i in range(5_000)
    ),
    # a chat transcript of two speakers and 5,000 turns, the customer promising on each
    "5,000 chat turns": "".join(
        f"Agent Mo: let me check that for you\nSam: ok I'll call you back at {i % 12 + 1}pm\n"
        for i in range(2_500)
    ),
}


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        n=rng.randint(100, 99999), d=rng.randint(1, 28), m=rng.choice(MONTHS), h=rng.randint(1, 5)
    )


def _quoted_history(rng: random.Random, lines: int) -> str:
    body = [
        f"> {_fill(rng.choice(FILLER + PROMISES), rng)}" for _ in range(lines)
    ]  # promises in quotes must never count
    return f"\n\nOn Tue, 10 Nov 2026 at 11:02, {rng.choice(NAMES)} <c@example.com> wrote:\n" + (
        "\n".join(body)
    )


def build_messages(count: int, seed: int = 20261123) -> list[str]:
    rng = random.Random(seed)
    messages = []
    for _ in range(count):
        target = rng.choice([20, 150, 300, 600, 1200, 2400])
        chat = target < 100  # a chat line: no greeting block, no signature
        parts = [] if chat else [f"Hi {rng.choice(NAMES)},\n\n"]
        sentences: list[str] = []
        has_promise = rng.random() < 0.1
        while sum(len(s) + 1 for s in sentences) < target * 0.7:
            sentences.append(_fill(rng.choice(FILLER), rng))
            if rng.random() < 0.05:
                sentences.append(rng.choice(NON_PROMISE_CUES))
        if has_promise:
            sentences.insert(rng.randrange(len(sentences) + 1), _fill(rng.choice(PROMISES), rng))
        parts.append(" ".join(sentences))
        if not chat:
            parts.append(SIGN_OFF.format(agent=rng.choice(AGENTS)))
        if not chat and rng.random() < 0.15:
            parts.append(_quoted_history(rng, rng.randint(5, 25)))
        text = "".join(parts)
        while len(text) < 50:
            text += " " + _fill(rng.choice(FILLER), rng)
        messages.append(text[:3000] if len(text) > 3000 else text)
    return messages


def _time_each(
    messages: list[str], sent: datetime, calendar: BusinessCalendar
) -> tuple[float, float, list[float], list[float], int]:
    """Wall and CPU time of the whole pass and of each message.

    CPU time (this thread only) is what the code costs; wall time also counts
    whatever else the shared machine was doing.
    """
    wall, cpu, found = [], [], 0
    wall_clock, cpu_clock = time.perf_counter, time.thread_time
    started, started_cpu = wall_clock(), cpu_clock()
    for text in messages:
        w0, c0 = wall_clock(), cpu_clock()
        found += len(extract(text, sent, calendar))
        cpu.append(cpu_clock() - c0)
        wall.append(wall_clock() - w0)
    return wall_clock() - started, cpu_clock() - started_cpu, wall, cpu, found


def _best_of(text: str, sent: datetime, calendar: BusinessCalendar, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        extract(text, sent, calendar)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--baseline-sample", type=int, default=500)
    parser.add_argument("--threshold", type=float, help="let the decision model decide")
    args = parser.parse_args()
    if args.threshold is not None:
        global extract
        extract = functools.partial(extraction.extract, threshold=args.threshold)
        print(f"decision model at threshold {args.threshold}")

    calendar = BusinessCalendar(ZoneInfo("Europe/London"), holidays="GB")
    sent = datetime(2026, 11, 18, 14, 0, tzinfo=UTC)
    messages = build_messages(args.messages)
    lengths = [len(m) for m in messages]
    print(f"messages: {len(messages):,}  chars: min {min(lengths)} median "
          f"{statistics.median(lengths):.0f} max {max(lengths)}")  # fmt: skip

    # Warm up: the holiday table is built lazily on the first default due.
    extract("warm-up: I'll call you tomorrow. I'll keep you posted.", sent, calendar)
    seconds, cpu_seconds, durations, cpu, found = _time_each(messages, sent, calendar)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"extractor: {seconds:.2f} s wall ({len(messages) / seconds:,.0f} messages/s), "
          f"{cpu_seconds:.2f} s CPU ({len(messages) / cpu_seconds:,.0f} messages/s on one core), "
          f"{found:,} promises found")  # fmt: skip
    ordered = sorted(durations)
    p99 = ordered[int(len(ordered) * 0.99)]
    print(f"  per message (wall): median {statistics.median(durations) * 1e3:.3f} ms, "
          f"p99 {p99 * 1e3:.3f} ms, max {ordered[-1] * 1e3:.2f} ms")  # fmt: skip
    slowest_cpu = max(range(len(cpu)), key=cpu.__getitem__)
    print(f"  per message (CPU): median {statistics.median(cpu) * 1e3:.3f} ms, "
          f"max {cpu[slowest_cpu] * 1e3:.2f} ms ({lengths[slowest_cpu]} chars)")  # fmt: skip
    # Re-time the ten slowest by wall clock, best of five, to separate the code from the noise.
    suspects = sorted(range(len(durations)), key=durations.__getitem__)[-10:]
    retimed = max((_best_of(messages[i], sent, calendar), i) for i in suspects)
    print(f"  slowest message re-timed (best of 5): {retimed[0] * 1e3:.2f} ms "
          f"({lengths[retimed[1]]} chars)")  # fmt: skip

    sample = messages[: min(len(messages), 5_000)]
    tracemalloc.start()
    for text in sample:
        extract(text, sent, calendar)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(f"  peak traced memory over {len(sample):,} messages: {peak / 1e6:.2f} MB; "
          f"process max RSS {rss_mb:.0f} MB")  # fmt: skip

    from dateparser.search import search_dates

    baseline = messages[: args.baseline_sample]
    settings = {"PREFER_DATES_FROM": "future", "RELATIVE_BASE": sent.replace(tzinfo=None)}
    search_dates("warm up tomorrow at 3pm", languages=["en"], settings=settings)
    started = time.thread_time()
    for text in baseline:
        search_dates(text, languages=["en"], settings=settings)
    base_seconds = time.thread_time() - started  # CPU time, like the extractor's figure
    base_rate = len(baseline) / base_seconds
    ours_on_sample = len(baseline) / sum(cpu[: len(baseline)])
    print(f"dateparser.search_dates on the first {len(baseline):,} messages (scaled): "
          f"{base_rate:,.1f} messages/s")  # fmt: skip
    print(f"  extractor on the same messages: {ours_on_sample:,.0f} messages/s; "
          f"ratio {ours_on_sample / base_rate:,.0f}x (target >= 20x)")  # fmt: skip

    print("hostile inputs (wall: one run; CPU: best of 3 runs, this thread only):")
    hostile_worst = 0.0
    for name, text in HOSTILE.items():
        started = time.perf_counter()
        count = len(extract(text, sent, calendar))
        elapsed = time.perf_counter() - started
        cpu_best = float("inf")
        for _ in range(3):
            started_cpu = time.thread_time()
            extract(text, sent, calendar)
            cpu_best = min(cpu_best, time.thread_time() - started_cpu)
        hostile_worst = max(hostile_worst, cpu_best)
        tracemalloc.start()  # a last, traced run for memory (tracing slows it down)
        extract(text, sent, calendar)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  {name:<18} {len(text):>9,} chars  {elapsed * 1e3:7.1f} ms wall  "
              f"{cpu_best * 1e3:6.1f} ms CPU  peak {peak / 1e6:6.1f} MB  "
              f"{count} promises")  # fmt: skip
    worst = max(retimed[0], cpu[slowest_cpu])
    verdict = "OK" if worst < 0.05 else "OVER"
    print(f"slowest realistic message {worst * 1e3:.2f} ms: {verdict} (target < 50 ms)")
    overall = max(worst, hostile_worst)
    verdict = "OK" if overall < 0.05 else "OVER"
    print(f"max per-message latency (CPU, realistic and hostile): {overall * 1e3:.2f} ms: "
          f"{verdict} (target < 50 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
