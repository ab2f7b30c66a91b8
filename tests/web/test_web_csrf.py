"""Every POST needs the session's CSRF token: in the form, or in X-CSRF-Token for the API."""

from __future__ import annotations

from sqlmodel import Session

from tests.helpers.web_desk import AMY
from tracker.models import Promise


def test_a_post_without_the_csrf_token_changes_nothing(as_person, world, engine):
    promise_id = world.promises["amy_soon"]
    amy = as_person(AMY)
    assert amy.post_json(f"/api/promises/{promise_id}/done", csrf=False).status_code == 400
    assert amy.post_form(f"/promises/{promise_id}/done", csrf=False).status_code == 400
    wrong = amy.client.post(
        f"/api/promises/{promise_id}/done", json={}, headers={"X-CSRF-Token": "guess"}
    )
    assert wrong.status_code == 400
    with Session(engine) as session:
        assert session.get(Promise, promise_id).state == "open"
    assert amy.post_json(f"/api/promises/{promise_id}/done").status_code == 200


def test_the_api_hands_a_signed_in_client_its_csrf_token(as_person, world):
    amy = as_person(AMY)
    answer = amy.get("/api/session")
    assert answer.get_json() == {"email": AMY, "role": "agent", "time_zone": "Europe/London"}
    assert answer.headers["X-CSRF-Token"] == amy.csrf


def test_signing_in_and_out_need_the_token_too(as_person, app):
    client = app.test_client()
    assert client.post("/signin", data={"email": AMY}).status_code == 400
    amy = as_person(AMY)
    assert amy.post_form("/signout", csrf=False).status_code == 400
    assert amy.get("/api/promises").status_code == 200
