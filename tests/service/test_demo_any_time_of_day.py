"""The demo week is anchored at midnight: run at any time of day, every seeded case keeps
its story (kept on time stays on time) and the demo ends with the same outcomes."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from helpdesk_sandbox.seed import seed_week
from tracker.demo.run import run_demo
from tracker.demo.summary import outcome

DAY = datetime(2026, 11, 23, tzinfo=UTC)  # a Monday
# 12:30 is a time at which a week laid out from `now - 7 days` turned "kept on time" late.
TIMES = tuple(DAY.replace(hour=h, minute=m) for h, m in ((0, 0), (9, 30), (12, 30), (23, 59)))


def test_the_seeded_week_has_the_same_times_of_day_and_ends_an_hour_before_now():
    layouts = []
    for now in TIMES:
        store = seed_week(now).store
        moments = [c.created_at for t in store.tickets.values() for c in store.comments_of(t.id)]
        assert max(moments) <= now - timedelta(hours=1)
        layouts.append(sorted(m for m in moments if m < DAY - timedelta(hours=12)))
    assert all(layout == layouts[0] for layout in layouts)
    assert layouts[0][0].time() != layouts[0][-1].time()


def test_the_demo_ends_with_the_same_outcomes_whatever_the_time_of_day(tmp_path):
    counts = []
    for i, now in enumerate(TIMES):
        result = run_demo(tmp_path / f"demo{i}", lambda _line: None, now=now)
        counts.append(Counter(outcome(row) for row in result.rows))
    assert all(count == counts[0] for count in counts), counts
    assert counts[0]["kept"] >= 2 and counts[0]["kept late"] >= 1
    assert counts[0]["broken"] >= 1 and counts[0]["open"] >= 1
