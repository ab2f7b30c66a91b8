"""What the agent, lead and promise pages show."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import Session

from tests.helpers.web_desk import AMY, BOB, CARL, LARS, LENA, NOW
from tracker.models import Message, Promise


def test_the_agent_page_lists_open_promises_soonest_first_in_their_time(as_person, world):
    html = as_person(AMY).get("/me").get_data(as_text=True)
    order = [int(n) for n in re.findall(r'<li class="card[^"]*" id="p(\d+)"', html)]
    assert order == [
        world.promises[k] for k in ("amy_overdue", "amy_soon", "amy_inherited", "amy_later")
    ]
    assert "Wed 18 Nov 2026 13:00 GMT" in html  # amy_soon, London
    assert "in 3 h" in html and "5 h late" in html
    assert f"inherited from {BOB}" in html
    assert 'href="https://acme.zendesk.com/agent/tickets/' in html
    assert html.count('data-action="snooze"') == 4


def test_due_times_follow_the_agents_zone_then_their_teams(as_person, world):
    carl = as_person(CARL).get("/me").get_data(as_text=True)
    assert "Wed 18 Nov 2026 09:00 EST" in carl  # Tier 2 is in New York
    assert as_person(BOB).get("/api/session").get_json()["time_zone"] == "Asia/Tokyo"


def test_the_lead_page_shows_overdue_and_broken_with_escalations_and_rates(as_person, world):
    html = as_person(LENA).get("/lead").get_data(as_text=True)
    assert "Tier 1" in html and "Tier 2" not in html
    overdue = world.promises["amy_overdue"]
    assert f"/promises/{overdue}" in html and f"/promises/{world.promises['amy_broken']}" in html
    assert f"/promises/{world.promises['amy_soon']}" not in html
    assert f"lead → {LENA} (email)" in html
    rates = html[html.index('class="rates"') :]
    assert re.search(rf"{re.escape(BOB)}</td>\s*<td>50% <small>\(1 of 2\)", rates)
    assert re.search(rf"{re.escape(AMY)}</td>\s*<td>0% <small>\(0 of 1\)</small></td>\s*"
                     r"<td>0% <small>\(0 of 2\)", rates)  # fmt: skip
    bars = re.findall(r'class="bar (\w+)"[^>]*data-count="(\d+)"', html)
    assert sorted(bars) == [("broken", "1"), ("late", "1"), ("on_time", "1")]


def test_an_agent_without_a_team_to_lead_gets_403_on_the_lead_page(as_person, world):
    assert as_person(AMY).get("/lead").status_code == 403
    assert as_person(LARS).get("/lead").status_code == 200


def test_the_promise_page_shows_due_origin_history_and_the_keeping_message(
    as_person, world, engine
):
    inherited = world.promises["amy_inherited"]
    html = as_person(AMY).get(f"/promises/{inherited}").get_data(as_text=True)
    assert "from “tomorrow”" in html
    assert "Made" in html and "Handed off" in html and f"from: {BOB}" in html
    assert f"(inherited from {BOB})" in html

    kept = world.promises["bob_kept"]
    with Session(engine) as session:
        promise = session.get(Promise, kept)
        reply = Message(
            source_id=session.get(Message, promise.message_id).source_id,
            external_id="kept-reply",
            ticket_id=promise.ticket_id,
            author_role="agent",
            sent_at=NOW - timedelta(days=2, hours=2),
            text="As promised: I called you back <3",
        )
        session.add(reply)
        session.flush()
        promise.kept_by_message_id = reply.id
        session.add(promise)
        session.commit()
    html = as_person(BOB).get(f"/promises/{kept}").get_data(as_text=True)
    assert "The message that kept it" in html and "I called you back &lt;3" in html
    assert 'data-action="done"' not in html
