"""A `Link: rel=next` that keeps naming the same page must not make a pass loop for
ever (issue 14, item 2): a repeated URL stops the listing and is the source's error."""

from __future__ import annotations

from datetime import timedelta

from integrations.http import MalformedResponse
from tests.helpers.freshdesk import NOW, collect, conversation, ticket

LOOP = 300  # the desk answers the same page this often; a fixed connector asks twice


def test_a_link_naming_the_same_conversations_page_again_is_an_error(desk, make_connector):
    desk.add(ticket(1, NOW - timedelta(hours=1)))
    page = f"{desk.url}/api/v2/tickets/1/conversations?per_page=100"
    body = [conversation(11, 1, NOW - timedelta(minutes=30), "Hello")]
    script = desk.fail(
        r"GET /api/v2/tickets/1/conversations.*",
        200,
        body,
        {"Content-Type": "application/json", "Link": f'<{page}>; rel="next"'},
        LOOP,
    )
    _, _, error = collect(make_connector())
    assert isinstance(error, MalformedResponse)
    assert "freshdesk-acme" in str(error) and "same page again" in str(error)
    assert script.left >= LOOP - 2


def test_a_listing_longer_than_the_page_cap_is_an_error(desk, make_connector):
    def link(n: int) -> dict[str, str]:
        url = f"{desk.url}/api/v2/agents?page={n}"
        return {"Content-Type": "application/json", "Link": f'<{url}>; rel="next"'}

    desk.fail(r"GET /api/v2/agents\?per_page=100", 200, "[]", link(2), 1)
    for n in range(2, 40):  # every page names a new next one, without end
        desk.fail(rf"GET /api/v2/agents\?page={n}", 200, "[]", link(n + 1), 1)
    connector = make_connector()
    connector.client.max_pages = 5
    _, _, error = collect(connector)
    assert isinstance(error, MalformedResponse) and "more than 5 pages" in str(error)
