"""The ticket window: where polling stands, stored as the cursor (a JSON string).

Freshdesk lists changed tickets with `updated_since` (inclusive, second precision),
ordered by `updated_at` ascending, in numbered pages that stop at a cap (300). Offset
pages shift under us: when a ticket already read is updated mid-run it moves to the
end and every later ticket moves up one place, so following page N+1 would skip one.
So the window rolls forward after every page: the next request starts again at page 1
from the last ticket's `updated_at`, and the tickets already taken at exactly that
second are remembered (`seen`) and skipped. Only when a whole page shares one second
do we follow the next page number; at the page cap that second cannot be got past by
any query, so we say so and step one second on rather than loop.

Paging through one crowded second has the shifting hazard again (a ticket of that second
updated meanwhile leaves it, and one behind it moves onto a page already read), so
before leaving such a second the window reads it once more from page 1 (`recheck`), and
then goes on at the next second from page 1 rather than from a numbered page. What
remains: tickets of a crowded second updated again both while it is first paged through
and while it is re-read can hide one ticket of that second until it changes again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from integrations.freshdesk.mapping import PayloadError, format_time, parse_time

PASSES = ("all", "spam", "deleted")  # the default list hides spam and deleted tickets
CURSOR_VERSION = 1


@dataclass
class Window:
    since: datetime
    seen: set[int] = field(default_factory=set)  # ids already taken at exactly `since`
    page: int = 1  # > 1 only while paging through one crowded second
    # Where the pass in progress began (kept across interruptions until it completes):
    # conversations older than this were stored by an earlier, completed pass.
    floor: datetime | None = None
    recheck: bool = False  # reading the crowded second `since` again, once

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "since": format_time(self.since),
            "seen": sorted(self.seen),
            "page": self.page,
        }
        if self.floor is not None:
            data["floor"] = format_time(self.floor)
        if self.recheck:
            data["recheck"] = True
        return data

    @classmethod
    def from_json(cls, data: Any) -> Window:
        if not isinstance(data, dict):
            raise PayloadError("window is not an object")
        seen = data.get("seen") or []
        page = data.get("page", 1)
        if not isinstance(seen, list) or not isinstance(page, int) or page < 1:
            raise PayloadError("window has a bad `seen` or `page`")
        floor = data.get("floor")
        return cls(
            parse_time(data.get("since"), "since"),
            {int(i) for i in seen},
            page,
            parse_time(floor, "floor") if floor else None,
            data.get("recheck") is True,
        )

    def leaves_crowded_second(self, page_items: list[tuple[int, datetime]]) -> bool:
        """This numbered page goes past the crowded second `since`: only its tickets of
        that second count; what follows is read from page 1 of a later query."""
        return self.page > 1 and any(updated > self.since for _, updated in page_items)

    def advance(
        self, page_items: list[tuple[int, datetime]], served: datetime | None, last_page: bool
    ) -> None:
        """Move past one page of (id, updated_at), in the order the API gave them.

        `served`: the server's clock when it answered. Tickets at the last second are only
        remembered as taken when that second was over by then; otherwise a second change
        within the same second would carry the same (id, updated_at) and be skipped, so
        they are read again next time (harmless: ingest is idempotent).
        `last_page`: nothing follows; the next run starts at page 1 again (a page number
        kept across runs would skip whatever new arrives on the pages before it).
        """
        if not page_items:
            self.page = 1 if last_page else self.page
            return
        if self.leaves_crowded_second(page_items):
            if self.recheck:  # read twice: go on from the next second (it is over by now)
                self.since += timedelta(seconds=1)
                self.seen, self.page, self.recheck = set(), 1, False
            else:
                self.seen |= {tid for tid, updated in page_items if updated == self.since}
                self.page, self.recheck = 1, True
            return
        last = max(updated for _, updated in page_items)
        settled = served is None or served >= last + timedelta(seconds=1)
        at_last = {tid for tid, updated in page_items if updated == last} if settled else set()
        if last > self.since:
            self.since, self.seen, self.page, self.recheck = last, at_last, 1, False
        else:  # the whole page sits on `since`: the next one by number
            self.seen |= at_last
            self.page += 1
        if last_page:
            self.page, self.recheck = 1, False

    def step_over(self) -> None:
        """Give up on the crowded second `since` (see the module docstring)."""
        self.since, self.seen, self.page = self.since + timedelta(seconds=1), set(), 1
        self.recheck = False

    def is_new(self, tid: int, updated: datetime) -> bool:
        return not (updated < self.since or (updated == self.since and tid in self.seen))


@dataclass
class PollState:
    windows: dict[str, Window]
    me: str | None = None
    directory_at: datetime | None = None

    def dumps(self) -> str:
        data: dict[str, Any] = {
            "v": CURSOR_VERSION,
            "windows": {name: w.to_json() for name, w in self.windows.items()},
            "me": self.me,
            "directory_at": format_time(self.directory_at) if self.directory_at else None,
        }
        return json.dumps(data, separators=(",", ":"), sort_keys=True)

    @classmethod
    def start(cls, since: datetime) -> PollState:
        return cls({name: Window(since) for name in PASSES})

    @classmethod
    def loads(cls, cursor: str | None, first_since: datetime) -> PollState:
        """The stored cursor, or a fresh start at `first_since` (now − backfill)."""
        if not cursor:
            return cls.start(first_since)
        try:
            data = json.loads(cursor)
            if not isinstance(data, dict) or data.get("v") != CURSOR_VERSION:
                raise PayloadError("unknown cursor version")
            windows = {name: Window.from_json(w) for name, w in (data.get("windows") or {}).items()}
            directory_at = data.get("directory_at")
            me = data.get("me")
            state = cls(
                windows,
                me=str(me) if me is not None else None,
                directory_at=parse_time(directory_at, "directory_at") if directory_at else None,
            )
        except (ValueError, TypeError, PayloadError) as exc:
            raise PayloadError(f"stored Freshdesk cursor is unreadable ({exc})") from None
        for name in PASSES:  # a pass missing from an older cursor starts at the backfill
            state.windows.setdefault(name, Window(first_since))
        return state
