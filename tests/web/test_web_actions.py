"""Done, snooze and not-a-promise, from the API and from the page forms."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from tests.helpers.web_desk import AMY, LENA, NOW
from tracker.models import Promise, PromiseEvent


def _promise(engine, promise_id: int) -> Promise:
    with Session(engine) as session:
        return session.get(Promise, promise_id)


def _events(engine, promise_id: int) -> list[str]:
    with Session(engine) as session:
        query = select(PromiseEvent.event).where(PromiseEvent.promise_id == promise_id)
        return list(session.exec(query))


def test_an_agent_marks_their_promise_done_through_the_api(as_person, world, engine):
    promise_id = world.promises["amy_soon"]
    answer = as_person(AMY).post_json(f"/api/promises/{promise_id}/done")
    assert answer.status_code == 200, answer.data
    assert answer.get_json()["state"] == "kept"
    stored = _promise(engine, promise_id)
    assert (stored.state, stored.kept_at, stored.acted_by) == ("kept", NOW, AMY)
    assert _events(engine, promise_id)[-1] == "done"
    again = as_person(AMY).post_json(f"/api/promises/{promise_id}/done")
    assert again.status_code == 409


def test_snoozing_takes_an_iso_time_and_refuses_the_past(as_person, world, engine):
    promise_id = world.promises["amy_later"]
    amy = as_person(AMY)
    until = (NOW + timedelta(days=3)).isoformat()
    answer = amy.post_json(f"/api/promises/{promise_id}/snooze", {"until": until})
    assert answer.status_code == 200, answer.data
    stored = _promise(engine, promise_id)
    assert stored.state == "snoozed" and stored.snoozed_until == NOW + timedelta(days=3)
    past = amy.post_json(
        f"/api/promises/{promise_id}/snooze", {"until": (NOW - timedelta(hours=1)).isoformat()}
    )
    assert past.status_code == 409
    garbage = amy.post_json(f"/api/promises/{promise_id}/snooze", {"until": "next tuesday"})
    assert garbage.status_code == 400 and "ISO 8601" in garbage.get_json()["error"]
    assert amy.post_json(f"/api/promises/{promise_id}/snooze", {}).status_code == 400


def test_a_lead_dismisses_a_team_promise_with_a_reason(as_person, world, engine):
    promise_id = world.promises["amy_overdue"]
    answer = as_person(LENA).post_json(
        f"/api/promises/{promise_id}/dismiss", {"reason": "just a pleasantry"}
    )
    assert answer.status_code == 200, answer.data
    stored = _promise(engine, promise_id)
    assert (stored.state, stored.reason, stored.acted_by) == (
        "dismissed",
        "just a pleasantry",
        LENA,
    )


def test_the_page_forms_act_and_come_back_to_the_page(as_person, world, engine):
    amy = as_person(AMY)
    soon, later = world.promises["amy_soon"], world.promises["amy_later"]
    done = amy.post_form(f"/promises/{soon}/done", {"next": "/me"})
    assert done.status_code == 303 and done.headers["Location"].endswith("/me")
    # a datetime-local value is the agent's own wall time (London: UTC+0 in November)
    snoozed = amy.post_form(f"/promises/{later}/snooze", {"until": "2026-11-25T09:00"})
    assert snoozed.status_code == 303
    assert _promise(engine, later).snoozed_until.isoformat() == "2026-11-25T09:00:00+00:00"
    page = amy.get("/me").get_data(as_text=True)
    assert f'id="p{soon}"' not in page and f'id="p{later}"' in page
    assert "snoozed until" in page
    bad = amy.post_form(f"/promises/{later}/snooze", {"until": "soon"})
    assert bad.status_code == 303
    assert "not an ISO 8601" in amy.get("/me").get_data(as_text=True)


def test_a_page_form_never_sends_the_browser_to_another_site(as_person, world):
    amy = as_person(AMY)
    soon = world.promises["amy_soon"]
    answer = amy.post_form(f"/promises/{soon}/done", {"next": "/\t/evil.example"})
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/me"


def test_only_the_owner_their_lead_and_admins_may_snooze_and_never_past_the_cap(
    as_person, world, engine
):
    from tests.helpers.web_desk import ADA, BOB

    inherited = world.promises["amy_inherited"]  # made by bob, now owned by amy
    week = {"until": (NOW + timedelta(days=7)).isoformat()}
    by_maker = as_person(BOB).post_json(f"/api/promises/{inherited}/snooze", week)
    assert by_maker.status_code == 403, by_maker.data
    assert "owner" in by_maker.get_json()["error"]
    assert _promise(engine, inherited).state == "open"
    forever = {"until": "8999-12-31T00:00:00+00:00"}
    too_long = as_person(AMY).post_json(f"/api/promises/{inherited}/snooze", forever)
    assert too_long.status_code == 409
    assert "at most 14d" in too_long.get_json()["error"]
    assert _promise(engine, inherited).state == "open"
    for who, key in ((AMY, "amy_inherited"), (LENA, "amy_soon"), (ADA, "amy_later")):
        answer = as_person(who).post_json(f"/api/promises/{world.promises[key]}/snooze", week)
        assert answer.status_code == 200, (who, answer.data)


def test_the_lead_page_shows_snoozed_promises_with_who_and_until_when(as_person, world, engine):
    overdue = world.promises["amy_overdue"]
    until = NOW + timedelta(days=2)
    answer = as_person(AMY).post_json(
        f"/api/promises/{overdue}/snooze", {"until": until.isoformat()}
    )
    assert answer.status_code == 200, answer.data
    page = as_person(LENA).get("/lead").get_data(as_text=True)
    assert "Snoozed (1)" in page
    snoozed = page[page.index("Snoozed (1)") :]
    assert "check with the courier" in snoozed
    assert AMY in snoozed and "Fri 20 Nov 2026 10:00" in snoozed
