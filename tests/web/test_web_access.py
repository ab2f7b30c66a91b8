"""Who sees and acts on what: an agent their own, a lead their teams', an admin all."""

from __future__ import annotations

from sqlmodel import Session

from tests.helpers.web_desk import ADA, AMY, BOB, CARL, LARS, LENA
from tracker.models import Promise


def _ids(response) -> set[int]:
    assert response.status_code == 200, response.data
    return {row["id"] for row in response.get_json()}


def test_an_agent_sees_only_their_own_promises_in_the_api(as_person, world):
    amy = _ids(as_person(AMY).get("/api/promises"))
    assert amy == {
        world.promises[k]
        for k in ("amy_soon", "amy_later", "amy_overdue", "amy_inherited", "amy_broken")
    }
    assert _ids(as_person(CARL).get("/api/promises")) == {world.promises["carl_open"]}


def test_a_lead_sees_their_teams_promises_and_an_admin_sees_all(as_person, world):
    tier2 = _ids(as_person(LARS).get("/api/promises"))
    assert tier2 == {world.promises["carl_open"]}
    tier1 = _ids(as_person(LENA).get("/api/promises"))
    assert world.promises["carl_open"] not in tier1
    assert world.promises["bob_kept"] in tier1 and world.promises["amy_soon"] in tier1
    assert _ids(as_person(ADA).get("/api/promises")) == set(world.promises.values())


def test_an_agent_cannot_open_another_teams_promise_page(as_person, world):
    response = as_person(AMY).get(f"/promises/{world.promises['carl_open']}")
    assert response.status_code == 403
    assert b"alert" not in response.data
    assert as_person(AMY).get(f"/promises/{world.promises['amy_soon']}").status_code == 200
    assert as_person(LARS).get(f"/promises/{world.promises['carl_open']}").status_code == 200


def test_an_agent_cannot_act_on_another_teams_promise(as_person, world, engine):
    carl_open = world.promises["carl_open"]
    amy = as_person(AMY)
    assert amy.post_json(f"/api/promises/{carl_open}/done").status_code == 403
    dismissed = amy.post_json(f"/api/promises/{carl_open}/dismiss", {"reason": "x"})
    assert dismissed.status_code == 403
    assert amy.post_form(f"/promises/{carl_open}/done").status_code == 403
    with Session(engine) as session:
        assert session.get(Promise, carl_open).state == "open"


def test_an_unknown_promise_is_404_and_the_api_needs_sign_in(as_person, app):
    assert as_person(ADA).post_json("/api/promises/999999/done").status_code == 404
    anonymous = app.test_client()
    assert anonymous.get("/api/promises").status_code == 401
    assert anonymous.post("/api/promises/1/done", json={}).status_code == 401
    page = anonymous.get("/me")
    assert page.status_code == 302 and "/signin" in page.headers["Location"]


def test_someone_without_a_role_sees_nothing(as_person, app):
    stranger = as_person("customer@example.com")
    assert stranger.get("/api/promises").status_code == 401
    assert stranger.get("/me").status_code == 302


def test_the_filters_narrow_what_may_be_seen_and_never_widen_it(as_person, world):
    admin = as_person(ADA)
    assert _ids(admin.get("/api/promises?team=Tier 2")) == {world.promises["carl_open"]}
    assert _ids(admin.get("/api/promises?state=broken")) == {world.promises["amy_broken"]}
    assert _ids(admin.get(f"/api/promises?agent={CARL}")) == {world.promises["carl_open"]}
    assert _ids(as_person(AMY).get("/api/promises?team=Tier 2")) == set()
    assert _ids(admin.get("/api/promises?state=overdue")) == {world.promises["amy_overdue"]}
    assert as_person(AMY).get("/api/promises?state=bogus").status_code == 400


def test_the_maker_of_a_handed_off_promise_still_sees_it(as_person, world):
    bob = _ids(as_person(BOB).get("/api/promises"))
    assert world.promises["amy_inherited"] in bob
    assert world.promises["amy_soon"] not in bob
    assert as_person(BOB).get(f"/promises/{world.promises['amy_inherited']}").status_code == 200
