"""The lead page lists the team's corrections of the last 30 days (who, what, the quote),
and a lead of that team can overrule one; nobody else can."""

from __future__ import annotations

from sqlmodel import Session, select

from tests.helpers.web_desk import AMY, LARS, LENA, NOW
from tracker.models import Correction, Promise


def _dismiss_as_amy(as_person, world) -> int:
    promise_id = world.promises["amy_later"]
    answer = as_person(AMY).post_json(f"/api/promises/{promise_id}/dismiss", {"reason": "no"})
    assert answer.status_code == 200, answer.data
    return promise_id


def test_the_lead_page_shows_who_corrected_what_with_the_quote(as_person, world):
    _dismiss_as_amy(as_person, world)
    page = as_person(LENA).get("/lead").get_data(as_text=True)
    assert "Corrections in the last 30 days (1)" in page
    assert AMY in page and "marked not a promise" in page
    assert "“I will send the invoice”" in page and 'data-action="overrule"' in page
    other_lead = as_person(LARS).get("/lead").get_data(as_text=True)
    assert "I will send the invoice" not in other_lead  # Tier 2's lead sees Tier 2 only


def test_a_lead_overrules_a_dismissal_and_the_promise_is_open_again(as_person, world, engine):
    promise_id = _dismiss_as_amy(as_person, world)
    with Session(engine) as session:
        correction_id = session.exec(select(Correction.id)).one()
    answer = as_person(LENA).post_form(f"/corrections/{correction_id}/overrule")
    assert answer.status_code == 303
    with Session(engine) as session:
        promise = session.get(Promise, promise_id)
        row = session.get(Correction, correction_id)
        assert (promise.state, promise.acted_by) == ("open", LENA)
        assert (row.overruled_at, row.overruled_by) == (NOW, LENA)
    page = as_person(LENA).get("/lead").get_data(as_text=True)
    assert f"overruled by {LENA}" in page


def test_another_teams_lead_and_the_agent_cannot_overrule(as_person, world, engine):
    promise_id = _dismiss_as_amy(as_person, world)
    with Session(engine) as session:
        correction_id = session.exec(select(Correction.id)).one()
    for who in (LARS, AMY):
        assert as_person(who).post_form(f"/corrections/{correction_id}/overrule").status_code == 403
    no_token = as_person(LENA).post_form(f"/corrections/{correction_id}/overrule", csrf=False)
    assert no_token.status_code in (400, 403)
    with Session(engine) as session:
        assert session.get(Promise, promise_id).state == "dismissed"
