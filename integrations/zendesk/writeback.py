"""Writing back to a Zendesk ticket: an internal note, tags, a due-time custom field.

Never a public comment: every comment we send says `"public": false` explicitly,
because Zendesk otherwise uses the ticket's default. Tag and field changes use
`safe_update` with the `updated_at` we just read, and retry a 409 a few times.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from integrations.base import WriteBackError, iso_z
from integrations.http import HttpClient, HttpError

CONFLICT_RETRIES = 5


class ZendeskWriteBack:
    def __init__(self, client: HttpClient, source: str, due_field_id: int | None = None):
        self.client = client
        self.source = source
        self.due_field_id = due_field_id

    def _fail(self, ticket: str, what: str, exc: HttpError) -> WriteBackError:
        status = exc.status
        permanent = exc.permanent or status in (404, 422)
        message = str(exc).removeprefix(f"{self.source}: ")
        return WriteBackError(
            f"{self.source}: ticket {ticket}: {what} failed: {message}",
            permanent=permanent,
            status=status,
        )

    def _send(
        self, method: str, path: str, body: dict[str, Any], ticket: str, what: str
    ) -> tuple[int, str]:
        """One write; returns (status, text) for 2xx and 409, raises WriteBackError otherwise."""
        try:
            response = self.client.request(method, path, json=body, ok=(404, 409, 422))
        except HttpError as exc:
            raise self._fail(ticket, what, exc) from None
        status = response.status_code
        if status == 404:
            raise WriteBackError(
                f"{self.source}: ticket {ticket}: {what} failed: the ticket does not exist "
                "(deleted or archived)",
                permanent=True,
                status=404,
            )
        if status == 422:
            text = self.client.redact(response.text[:300])
            reason = "the ticket is closed" if "closed" in text.lower() else text
            raise WriteBackError(
                f"{self.source}: ticket {ticket}: {what} refused (422): {reason}",
                permanent=True,
                status=422,
            )
        return status, response.text

    def has_note(self, ticket: str, marker: str) -> bool:
        """Whether one of the ticket's newest comments carries `marker` (our own note,
        written just before a crash): the note is then not written again."""
        path = f"/api/v2/tickets/{ticket}/comments.json"
        try:
            response = self.client.request(
                "GET", path, params={"sort_order": "desc", "per_page": 100}, ok=(404,)
            )
            if response.status_code == 404:
                return False  # the note's own write will say the ticket is gone
            data = self.client.decode(response, path)
        except HttpError as exc:
            raise self._fail(ticket, "reading the notes", exc) from None
        comments = data.get("comments") if isinstance(data, dict) else None
        return any(
            isinstance(c, dict) and marker in str(c.get("body") or c.get("plain_body") or "")
            for c in comments or []
        )

    def add_note(self, ticket: str, body: str) -> None:
        payload = {"ticket": {"comment": {"body": body, "public": False}}}
        self._send("PUT", f"/api/v2/tickets/{ticket}.json", payload, ticket, "internal note")

    def updated_stamp(self, ticket: str) -> str:
        path = f"/api/v2/tickets/{ticket}.json"
        try:
            response = self.client.request("GET", path, ok=(404,))
            if response.status_code == 404:
                raise WriteBackError(
                    f"{self.source}: ticket {ticket} does not exist (deleted or archived)",
                    permanent=True,
                    status=404,
                )
            data = self.client.decode(response, path)
        except HttpError as exc:
            raise self._fail(ticket, "reading the ticket", exc) from None
        stamp = (data.get("ticket") or {}).get("updated_at") if isinstance(data, dict) else None
        if not isinstance(stamp, str):
            raise WriteBackError(f"{self.source}: ticket {ticket}: no updated_at in the ticket")
        return stamp

    def _safely(self, ticket: str, what: str, send: Callable[[str], tuple[int, str]]) -> None:
        for _ in range(CONFLICT_RETRIES):
            status, _text = send(self.updated_stamp(ticket))
            if status != 409:
                return
        raise WriteBackError(
            f"{self.source}: ticket {ticket}: {what} kept conflicting with other updates "
            f"({CONFLICT_RETRIES} attempts)",
            permanent=False,
            status=409,
        )

    def change_tags(self, ticket: str, add: Sequence[str], remove: Sequence[str]) -> None:
        path = f"/api/v2/tickets/{ticket}/tags.json"
        for method, tags in (("PUT", list(add)), ("DELETE", list(remove))):
            if not tags:
                continue

            def send(stamp: str, method: str = method, tags: list[str] = tags) -> tuple[int, str]:
                body = {"tags": tags, "safe_update": True, "updated_stamp": stamp}
                return self._send(method, path, body, ticket, "tags")

            self._safely(ticket, "tags", send)

    def set_due_field(self, ticket: str, due: datetime | None) -> bool:
        """Set the `due_field_id` custom field; False when none is configured."""
        if not self.due_field_id:
            return False
        value = iso_z(due) if due is not None else None
        path = f"/api/v2/tickets/{ticket}.json"

        def send(stamp: str) -> tuple[int, str]:
            body = {
                "ticket": {
                    "custom_fields": [{"id": self.due_field_id, "value": value}],
                    "safe_update": True,
                    "updated_stamp": stamp,
                }
            }
            return self._send("PUT", path, body, ticket, "due field")

        self._safely(ticket, "due field", send)
        return True
