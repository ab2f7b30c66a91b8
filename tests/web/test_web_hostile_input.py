"""Out-of-range input to the pages and the API: 404 or 400, as JSON under /api/, never a 500."""

from __future__ import annotations

from tests.helpers.web_desk import AMY, LENA

HUGE = "99999999999999999999999"


def test_a_promise_id_too_large_for_the_database_is_not_found(as_person):
    amy = as_person(AMY)
    page = amy.get(f"/promises/{HUGE}")
    assert page.status_code == 404
    action = amy.post_form(f"/promises/{HUGE}/done")
    assert action.status_code == 404
    api = amy.post_json(f"/api/promises/{HUGE}/done")
    assert api.status_code == 404 and api.is_json and "error" in api.get_json()


def test_the_api_answers_an_out_of_range_until_with_400_json(as_person, world):
    amy = as_person(AMY)
    promise_id = world.promises["amy_later"]
    for until in ("9999-12-31T23:59:59", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+14:00"):
        answer = amy.post_json(f"/api/promises/{promise_id}/snooze", {"until": until})
        assert answer.status_code == 400, (until, answer.get_data(as_text=True)[:200])
        assert answer.is_json and "out of range" in answer.get_json()["error"]
    page = amy.post_form(f"/promises/{promise_id}/snooze", {"until": "9999-12-31T23:59"})
    assert page.status_code == 303


def test_errors_under_api_are_json_not_html(as_person):
    amy = as_person(AMY)
    for answer in (
        amy.get("/api/nothing-here"),
        amy.get("/api/promises/1/done"),  # GET on a POST-only route
        amy.post_json("/api/promises/1/explode"),
    ):
        assert answer.status_code in (404, 405), answer.status_code
        assert answer.is_json, answer.get_data(as_text=True)[:200]
        assert "error" in answer.get_json()


def test_every_page_showing_customer_text_is_never_stored_by_a_cache(as_person, world):
    lena = as_person(LENA)
    for path in ("/me", "/lead", f"/promises/{world.promises['amy_overdue']}", "/api/promises"):
        answer = lena.get(path)
        assert answer.status_code == 200, path
        assert answer.headers.get("Cache-Control") == "no-store", path
    assert as_person(None).get("/signin").headers.get("Cache-Control") == "no-store"
