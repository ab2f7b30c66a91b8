"""Property: however updates interleave with paging, every ticket's latest version is read."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrations.freshdesk.connector import build
from tests.helpers.freshdesk import KEY, NOW, FreshdeskDesk, iso, parse, source_config, ticket

START = NOW - timedelta(days=1)

# (after which page of the pass, ticket index, seconds the server clock moves on)
update = st.tuples(st.integers(0, 8), st.integers(0, 24), st.integers(0, 2))

crowded_seconds = st.fixed_dictionaries(
    {
        # few distinct seconds, so more than a page of tickets share one
        "initial": st.lists(st.integers(0, 6), min_size=1, max_size=25),
        "updates": st.lists(update, max_size=1),
    }
)
many_updates = st.fixed_dictionaries(
    {
        # at most a page (3) of tickets in any second, then many updates a second or two
        # apart, read while their second is still running
        "initial": st.lists(st.integers(0, 40), min_size=1, max_size=25).filter(
            lambda xs: max(xs.count(x) for x in xs) <= 3
        ),
        "updates": st.lists(
            st.tuples(st.integers(0, 8), st.integers(0, 24), st.integers(1, 2)), max_size=12
        ),
    }
)
SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(case=crowded_seconds)
def test_an_update_while_a_crowded_second_is_paged_loses_nothing(case, monkeypatch):
    check(case, monkeypatch)


@SETTINGS
@given(case=many_updates)
def test_any_number_of_updates_between_pages_loses_nothing(case, monkeypatch):
    check(case, monkeypatch)


def check(case, monkeypatch):
    monkeypatch.setenv("FT_TEST_FD_KEY", KEY)
    with FreshdeskDesk(NOW) as api:
        api.face.max_per_page = 3
        for tid, offset in enumerate(case["initial"]):
            api.add(ticket(tid, START + timedelta(seconds=offset)))
        clock = [START + timedelta(seconds=max(case["initial"]) + 1)]  # no ticket from the future
        api.server.date_clock = lambda: clock[0]
        updates = sorted(case["updates"])
        latest: dict[int, str] = {tid: iso(t.updated_at) for tid, t in api.store.tickets.items()}
        seen: set[tuple[str, str]] = set()

        def run(cursor, apply_updates):
            ticks = [0.0]  # the budget's clock moves only when it sleeps

            def sleep(seconds: float) -> None:
                ticks[0] += seconds

            connector = build(source_config(api.url), sleep=sleep, clock=lambda: ticks[0])
            connector.client.per_page = 3
            page = 0
            for batch in connector.pages(cursor, NOW):
                seen.update((t.external_id, iso(t.updated_at)) for t in batch.tickets)
                if batch.cursor:
                    cursor = batch.cursor
                if batch.stats.get("pass") == "all" and "listed" in batch.stats:
                    page += 1
                    for after, index, step in updates if apply_updates else []:
                        if after == page and index < len(case["initial"]):
                            clock[0] += timedelta(seconds=step)
                            api.add(ticket(index, clock[0]))
                            latest[index] = iso(clock[0])
            return cursor

        cursor = run(None, apply_updates=True)
        clock[0] += timedelta(seconds=2)  # the next poll, a little later
        run(cursor, apply_updates=False)
    missing = {(str(tid), at) for tid, at in latest.items()} - seen
    assert not missing, f"latest versions never read: {sorted(missing)}"
    assert all(parse(at) >= START for _, at in seen)
