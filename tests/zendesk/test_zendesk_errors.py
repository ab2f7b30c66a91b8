"""What goes wrong on the wire: rate limits, server errors, bad credentials, bad JSON."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import requests
import responses
from sqlmodel import select

from integrations.http import AuthError, HttpError, MalformedResponse
from tests.helpers.zendesk import (
    EVENTS_URL,
    NOW,
    TICKETS_URL,
    TOKEN,
    Sleeps,
    config,
    connector,
    epoch,
    events_page,
    source,
    ticket_page,
)
from tracker.config import ConfigError, load_config
from tracker.db import session_scope
from tracker.ingest.sync import sync_source
from tracker.models import Source

T0 = epoch(NOW - timedelta(hours=2))
STORED = json.dumps({"events": {"seen": [], "start": T0}, "tickets": {"cursor": "kept"}})


def _empty_events() -> None:
    responses.get(EVENTS_URL, json=events_page([], T0, True))


@pytest.mark.parametrize(("header", "wait"), [("7", 7.0), ("1.5", 1.5), (None, 60.0)])
@responses.activate
def test_a_429_waits_as_long_as_retry_after_says_then_retries(monkeypatch, header, wait):
    headers = {"Retry-After": header} if header is not None else {}
    responses.get(TICKETS_URL, body="You have exceeded the rate limit", status=429, headers=headers)
    responses.get(TICKETS_URL, json=ticket_page([], "c", True))
    _empty_events()
    sleeps = Sleeps()
    conn = connector(monkeypatch, sleeps)
    list(conn.pages(STORED, NOW))
    assert sleeps == [wait]
    assert conn.http_stats.rate_limited == 1 and conn.http_stats.calls == 3


@responses.activate
def test_a_retry_after_longer_than_we_wait_stops_the_pass_and_keeps_the_cursor(monkeypatch, engine):
    responses.get(TICKETS_URL, status=429, headers={"Retry-After": "3600"})
    src = source()
    report = sync_source(engine, config(src), src, now=NOW, connector=connector(monkeypatch))
    assert report.error.startswith("helpdesk: rate limited")
    assert report.rate_limited == 1
    with session_scope(engine) as session:
        row = session.exec(select(Source)).one()
        assert row.cursor is None and row.last_error == report.error


@responses.activate
def test_a_server_error_is_retried_with_backoff_then_succeeds(monkeypatch):
    responses.get(TICKETS_URL, status=503)
    responses.get(TICKETS_URL, body=requests.ConnectionError("reset"))
    responses.get(TICKETS_URL, json=ticket_page([], "c", True))
    _empty_events()
    sleeps = Sleeps()
    conn = connector(monkeypatch, sleeps)
    found = list(conn.pages(STORED, NOW))
    assert json.loads(found[-1].cursor)["tickets"]["cursor"] == "c"
    assert len(sleeps) == 2
    assert 0.25 <= sleeps[0] <= 0.75 and 0.5 <= sleeps[1] <= 1.5  # jittered 0.5 s, 1 s
    assert conn.http_stats.retries == 2


@responses.activate
def test_server_errors_that_never_end_fail_the_page_after_bounded_retries(monkeypatch):
    responses.get(TICKETS_URL, status=500)
    sleeps = Sleeps()
    with pytest.raises(HttpError, match=r"helpdesk: GET .* answered 500"):
        list(connector(monkeypatch, sleeps).pages(STORED, NOW))
    assert len(sleeps) == 4


@responses.activate
def test_a_source_with_fewer_retries_gives_up_sooner(monkeypatch):
    responses.get(TICKETS_URL, status=500)
    sleeps = Sleeps()
    with pytest.raises(HttpError, match=r"helpdesk: GET .* answered 500"):
        list(connector(monkeypatch, sleeps, retries=1).pages(STORED, NOW))
    assert len(sleeps) == 1 and 0.25 <= sleeps[0] <= 0.75
    assert len(responses.calls) == 2  # the call and one retry


def test_negative_retries_are_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("FT_TEST_ZD_TOKEN", TOKEN)
    path = tmp_path / "followthrough.toml"
    path.write_text(
        '[[source]]\nname = "zd"\ntype = "zendesk"\nurl = "http://127.0.0.1:8090"\n'
        'email = "ops@acme.example"\ntoken_env = "FT_TEST_ZD_TOKEN"\nretries = -1\n'
    )
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert any("retries: must be 0 or more" in str(p) for p in info.value.problems)


@pytest.mark.parametrize(("status", "words"), [(401, "refused"), (403, "forbidden")])
@responses.activate
def test_bad_credentials_name_the_source_keep_the_cursor_and_hide_the_token(
    monkeypatch, engine, status, words
):
    src = source()
    with session_scope(engine) as session:
        session.add(Source(name="helpdesk", type="zendesk", cursor=STORED))
    responses.get(TICKETS_URL, json={"error": "Couldn't authenticate you"}, status=status)
    report = sync_source(engine, config(src), src, now=NOW, connector=connector(monkeypatch))
    assert report.error.startswith("helpdesk: ") and words in report.error
    assert TOKEN not in report.error and "\n" not in report.error
    with session_scope(engine) as session:
        row = session.exec(select(Source)).one()
        assert row.cursor == STORED
        assert row.last_error == report.error and row.last_success_at is None


@responses.activate
def test_an_auth_error_is_permanent(monkeypatch):
    responses.get(TICKETS_URL, status=401)
    with pytest.raises(AuthError) as caught:
        list(connector(monkeypatch).pages(STORED, NOW))
    assert caught.value.permanent


@responses.activate
def test_malformed_json_is_a_clear_error_after_the_pages_already_stored(monkeypatch, engine):
    src = source()
    responses.get(TICKETS_URL, json=ticket_page([], "page-1", False))
    responses.get(TICKETS_URL, body="<html>upstream error", content_type="text/html")
    report = sync_source(engine, config(src), src, now=NOW, connector=connector(monkeypatch))
    assert "helpdesk" in report.error and "malformed JSON" in report.error
    assert report.pages == 1
    with session_scope(engine) as session:
        row = session.exec(select(Source)).one()
        assert json.loads(row.cursor)["tickets"]["cursor"] == "page-1"


@responses.activate
def test_a_page_without_its_list_is_malformed(monkeypatch):
    responses.get(TICKETS_URL, json={"after_cursor": "x", "end_of_stream": True})
    with pytest.raises(MalformedResponse, match="no 'tickets' list"):
        list(connector(monkeypatch).pages(STORED, NOW))


@responses.activate
def test_a_rejected_export_request_is_an_error_not_an_empty_page(monkeypatch):
    responses.get(TICKETS_URL, json={"error": "InvalidPaginationParameter"}, status=400)
    with pytest.raises(HttpError, match="InvalidPaginationParameter"):
        list(connector(monkeypatch).pages(STORED, NOW))


def test_a_source_without_credentials_fails_with_a_clear_error(monkeypatch, engine):
    monkeypatch.delenv("ZD_TEST_TOKEN", raising=False)
    src = source()
    report = sync_source(engine, config(src), src, now=NOW)
    assert report.error == "helpdesk: no API credentials: ZD_TEST_TOKEN is not set"


@responses.activate
def test_the_export_budget_spaces_calls_at_ten_a_minute(monkeypatch):
    pages = 12
    for i in range(pages):
        responses.get(TICKETS_URL, json=ticket_page([], f"c{i}", i == pages - 1))
    _empty_events()
    sleeps = Sleeps()
    conn = connector(monkeypatch, sleeps)
    clock = conn.client.budgets["export"].clock

    def advancing_sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock.now += seconds

    for budget in conn.client.budgets.values():
        budget.sleep = advancing_sleep
    list(conn.pages(STORED, NOW))
    assert conn.http_stats.calls == pages + 1
    assert len(sleeps) == 1 and 59 < sleeps[0] <= 61  # the 11th call waits for the minute


@responses.activate
def test_an_unreadable_ticket_is_set_aside_by_id_and_the_page_goes_on(monkeypatch):
    responses.get(TICKETS_URL, json=ticket_page(["not a ticket", {"subject": "no id"}], "c", True))
    _empty_events()
    first = next(iter(connector(monkeypatch).pages(STORED, NOW)))
    assert first.tickets == []
    assert [(r.kind, r.external_id, r.error) for r in first.rejected] == [
        ("ticket", "", "TypeError"),
        ("ticket", "", "KeyError"),
    ]
    assert json.loads(first.cursor)["tickets"]["cursor"] == "c"
