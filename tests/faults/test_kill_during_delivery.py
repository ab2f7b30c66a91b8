"""`followthrough run` killed with SIGKILL in the middle of delivering, once in each
channel, and started again: each kill repeats at most the one notification that was in
flight, and no ticket note is ever written twice."""

from __future__ import annotations

import json
import re
import signal
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from tests.helpers.faults import CountingSmtp, OverdueDesk, SlackRecorder, own_notes
from tests.helpers.service import ServiceProcess, write_config
from tests.helpers.waiting import wait_until
from tracker.db import make_engine, upgrade
from tracker.demo.mailsink import free_port

# Each: owner, lead and manager by e-mail; lead and manager on Slack; notes. Enough that
# every kill below lands with a third or more of its channel still to send.
TICKETS = 15


def email_key(item: tuple[str, str, str]) -> tuple[str, str, str]:
    rcpt, subject, promise = item
    return rcpt, promise, subject.split(":")[0]  # "Overdue", "Escalated", …


def slack_key(body: bytes) -> tuple[str, bool]:
    text = json.loads(body)["text"]
    return re.search(r"ticket #(\d+)", text).group(1), "management" in text


def first_copies(items: list) -> list[int]:
    """Positions (in arrival order) of the first copy of every item that came twice."""
    first: dict[object, int] = {}
    repeated: list[int] = []
    for position, item in enumerate(items):
        if item in first:
            repeated.append(first[item])
        else:
            first[item] = position
    return repeated


@pytest.mark.slow
def test_sigkill_during_delivery_repeats_at_most_one_notification_per_kill(
    db_url, tmp_path, monkeypatch
):
    """The worker is killed while it delivers (in e-mail, then Slack, then ticket notes),
    started again each time, and at last stopped cleanly once nothing is pending. A repeat
    belongs to the kill that came after its first copy arrived and before the next kill."""
    upgrade(db_url)
    engine = make_engine(db_url)
    desk = OverdueDesk(datetime.now(UTC), write_delay=0.03)
    desk.add(TICKETS, datetime.now(UTC))
    with CountingSmtp(delay=0.04) as smtp, SlackRecorder(delay=0.04) as slack:
        monkeypatch.setenv("FT_TEST_SLACK", slack.url)
        port = free_port()
        config = write_config(
            tmp_path, db_url=db_url, sources=[("desk", desk.url)], smtp_port=smtp.port,
            listen_port=port, lease="2s",
        )  # fmt: skip
        # One worker is alive at a time and a lease is renewed by its owner whatever the
        # time (tracker/service/leases.py), so the lease length only sets how long a
        # restarted worker waits for the dead one's claims to run out (2 s, as in
        # tests/service/test_service_workers.py).
        # The help desk's API budget is not what this test measures.
        text = config.read_text().replace(
            "export_requests_per_minute = 600",
            "export_requests_per_minute = 600\nrequests_per_minute = 100000",
        )
        config.write_text(text)
        slack_section = '\n[notify.slack]\nwebhook_url_env = "FT_TEST_SLACK"\n'
        config.write_text(config.read_text() + slack_section)

        def pending() -> int:
            with engine.connect() as conn:
                query = "SELECT count(*) FROM escalation WHERE status = 'pending'"
                return conn.execute(sa.text(query)).scalar()

        arrivals = {  # each channel's notifications in the order they arrived
            # The lead's daily digest (sent once the clock passes `digest_at`) names no
            # promise and is not one of the notifications counted here.
            "email": lambda: [email_key(item) for item in smtp.received if item[2]],
            "slack": lambda: [slack_key(body) for body in slack.posts],
            "ticket": lambda: [(t, body.split(":")[0]) for t, body in own_notes(desk.store)],
        }
        want = {"email": 3 * TICKETS, "slack": 2 * TICKETS, "ticket": 3 * TICKETS}
        kills: list[dict[str, int]] = []  # arrivals per channel when each kill landed
        services: list[ServiceProcess] = []

        def start() -> ServiceProcess:
            service = ServiceProcess(config, tmp_path / f"run{len(services)}.log", port)
            services.append(service)
            return service

        try:
            for channel, at in (("email", 10), ("slack", 8), ("ticket", 10)):
                service = start()
                got = lambda c=channel, n=at: len(arrivals[c]()) >= n  # noqa: E731
                wait_until(got, 60, f"{at} in {channel}", service)
                service.stop(signal.SIGKILL)
                kills.append({name: len(seen()) for name, seen in arrivals.items()})
                assert kills[-1][channel] < want[channel], f"the kill came after {channel}"
            service = start()  # finishes the work once the dead workers' claims expire

            def done() -> bool:
                return pending() == 0 and all(
                    len(set(seen())) >= want[name] for name, seen in arrivals.items()
                )

            wait_until(done, 90, "every notification", service)
            assert service.stop(signal.SIGTERM) == 0
            final = {name: seen() for name, seen in arrivals.items()}
        finally:
            for service in services:
                if service.proc.poll() is None:
                    service.proc.kill()
                    service.proc.wait(timeout=10)
                if not service.log_file.closed:
                    service.log_file.close()
            desk.stop()
            engine.dispose()

    assert {name: len(set(items)) for name, items in final.items()} == want  # none skipped
    per_kill = []
    for number, kill in enumerate(kills):
        since = kills[number - 1] if number else dict.fromkeys(final, 0)
        per_kill.append(
            {
                name: sum(since[name] <= p < kill[name] for p in first_copies(items))
                for name, items in final.items()
            }
        )
    print(f"repeats per SIGKILL (e-mail, Slack, notes): {per_kill}")
    assert sum(len(items) - len(set(items)) for items in final.values()) == sum(
        sum(kill.values()) for kill in per_kill
    )  # every repeat straddles a kill
    for kill in per_kill:
        assert kill["email"] <= 1 and kill["slack"] <= 1, per_kill
        assert kill["ticket"] == 0, per_kill  # the note's marker is checked before writing
