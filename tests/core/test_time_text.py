"""One format for a moment in a reader's zone, used by notices and by the web pages."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from tracker.outbox import notices
from tracker.time_text import local_time
from tracker.web import formatting

MOMENT = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)


def test_a_moment_reads_in_the_named_zone():
    assert local_time(MOMENT, "America/New_York") == "Tue 24 Nov 2026 09:00 EST"
    assert local_time(MOMENT, ZoneInfo("Europe/London")) == "Tue 24 Nov 2026 14:00 GMT"


def test_summer_time_is_named_as_such():
    assert local_time(datetime(2026, 7, 1, 12, tzinfo=UTC), "Europe/London") == (
        "Wed 01 Jul 2026 13:00 BST"
    )


def test_a_zone_nobody_knows_leaves_the_moment_in_utc():
    assert local_time(MOMENT, "Mars/Olympus_Mons") == "Tue 24 Nov 2026 14:00 UTC"
    assert local_time(MOMENT, "") == "Tue 24 Nov 2026 14:00 UTC"


def test_notices_and_pages_share_the_one_format():
    assert notices.local_time is local_time
    assert formatting.local_time is local_time
    assert formatting.local_time_or_dash(MOMENT, ZoneInfo("Asia/Tokyo")) == local_time(
        MOMENT, "Asia/Tokyo"
    )
    assert formatting.local_time_or_dash(None, "UTC") == "—"
