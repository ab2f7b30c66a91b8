"""Building connectors from the configuration: auth, base URL, the registry."""

from __future__ import annotations

import base64

import pytest
import responses

from integrations.registry import REGISTRY, UnknownSourceType, connector_for
from integrations.zendesk.spec import SPEC
from tests.helpers.zendesk import EVENTS_URL, NOW, TICKETS_URL, events_page, source, ticket_page
from tracker.config import SourceConfig
from tracker.durations import parse_duration
from tracker.sources import Poller, TicketWriter


def _empty_pass() -> None:
    responses.get(TICKETS_URL, json=ticket_page([], "c", True))
    responses.get(EVENTS_URL, json=events_page([], 0, True))


@responses.activate
def test_an_api_token_is_sent_as_basic_auth_for_email_slash_token(monkeypatch):
    monkeypatch.setenv("ZD_TEST_TOKEN", "tok-123")
    _empty_pass()
    conn = connector_for(source(), sleep=lambda s: None)
    assert isinstance(conn, Poller) and isinstance(conn, TicketWriter)
    list(conn.pages(None, NOW))
    header = responses.calls[0].request.headers["Authorization"]
    assert base64.b64decode(header.removeprefix("Basic ")) == b"ops@acme.example/token:tok-123"


@responses.activate
def test_an_oauth_token_is_sent_as_a_bearer_token(monkeypatch, tmp_path):
    token_file = tmp_path / "oauth"
    token_file.write_text("oauth-abc\n")
    _empty_pass()
    src = source(oauth_token_file=str(token_file), email=None, token_env=None)
    list(connector_for(src, sleep=lambda s: None).pages(None, NOW))
    assert responses.calls[0].request.headers["Authorization"] == "Bearer oauth-abc"


def test_an_unknown_source_type_names_the_source():
    src = SourceConfig("mail", "pigeon", parse_duration("2m"), parse_duration("1d"), {})
    with pytest.raises(UnknownSourceType, match="mail: source type 'pigeon'"):
        connector_for(src)
    assert REGISTRY.get("zendesk") is SPEC
