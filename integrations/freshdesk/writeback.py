"""Writing back to a Freshdesk ticket: a private note, tags, a due-date custom field.

Freshdesk's PUT replaces the whole tag list and re-validates the whole ticket, so tags
are read, merged, written and read again, and a ticket that fails validation on some
other field is reported (permanently) instead of retried forever.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from integrations.base import WriteBackError
from integrations.freshdesk.client import API, FreshdeskClient
from integrations.freshdesk.mapping import custom_fields, format_time
from integrations.http import HttpError

MAX_TAG = 32  # longer tags are cut by Freshdesk's UI; keep ours well within


def note_html(body: str) -> str:
    """Our notes are plain text; Freshdesk wants HTML."""
    paragraphs = [p for p in body.strip().split("\n\n") if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )


def _validation_detail(body: Any) -> str:
    """`{"description": "Validation failed", "errors": [{"field", "message", "code"}]}`."""
    if not isinstance(body, dict):
        return "no details"
    errors = body.get("errors")
    parts = []
    if isinstance(errors, list):
        for error in errors:
            if isinstance(error, dict):
                field = error.get("field") or "?"
                parts.append(f"field {field!r}: {error.get('message') or error.get('code')}")
    return "; ".join(parts) or str(body.get("description") or "no details")


def _merge_tags(current: list[str], add: Iterable[str], remove: Iterable[str]) -> list[str]:
    drop = {t.lower() for t in remove}
    merged = [t for t in current if t.lower() not in drop]
    have = {t.lower() for t in merged}
    for tag in add:
        if tag.lower() not in have and tag.lower() not in drop:
            merged.append(tag)
            have.add(tag.lower())
    return merged


class FreshdeskWriteBack:
    def __init__(self, name: str, client: FreshdeskClient, *, due_field: str | None = None):
        self.name = name
        self.client = client
        self.due_field = due_field

    def _fail(self, ticket: str, what: str, status: int, body: Any) -> WriteBackError:
        if status == 404:
            return WriteBackError(
                f"{self.name}: ticket {ticket} not found (deleted?) while trying to {what}",
                permanent=True,
                status=404,
            )
        detail = _validation_detail(body)
        return WriteBackError(
            f"{self.name}: Freshdesk refused to {what} on ticket {ticket} ({status}: {detail});"
            " fix the ticket in Freshdesk, this will not be retried",
            permanent=True,
            status=status,
        )

    def _call(self, ticket: str, what: str, method: str, path: str, body: dict[str, Any]) -> Any:
        try:
            status, answer = self.client.send(method, path, body)
        except HttpError as exc:
            raise WriteBackError(
                f"could not {what}: {exc}", permanent=exc.permanent, status=exc.status
            ) from None
        if status >= 400:
            raise self._fail(ticket, what, status, answer)
        return answer

    def _read(self, ticket: str, what: str) -> dict[str, Any]:
        try:
            return self.client.ticket(ticket)
        except HttpError as exc:
            permanent = exc.permanent or exc.status == 404
            if exc.status == 404:
                raise WriteBackError(
                    f"{self.name}: ticket {ticket} not found while trying to {what}",
                    permanent=True,
                    status=404,
                ) from None
            raise WriteBackError(
                f"could not {what}: {exc}", permanent=permanent, status=exc.status
            ) from None

    def has_note(self, ticket_external_id: str, marker: str) -> bool:
        """Whether a conversation of the ticket already carries `marker` (our own note,
        written just before a crash): the note is then not written again."""
        try:
            conversations = self.client.conversations(ticket_external_id)
        except HttpError as exc:
            raise WriteBackError(
                f"could not read the notes: {exc}", permanent=exc.permanent, status=exc.status
            ) from None
        return any(
            marker in str(c.get("body_text") or "") or marker in str(c.get("body") or "")
            for c in conversations
        )

    def add_note(self, ticket_external_id: str, body: str) -> str | None:
        """A private note; `private` is sent explicitly rather than trusting the default."""
        answer = self._call(
            ticket_external_id,
            "add a note",
            "POST",
            f"{API}/tickets/{ticket_external_id}/notes",
            {"body": note_html(body), "private": True},
        )
        note_id = answer.get("id") if isinstance(answer, dict) else None
        return str(note_id) if note_id is not None else None

    def change_tags(
        self, ticket_external_id: str, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> list[str]:
        """Read, merge, write the whole list, read again; one more try if someone else's
        edit landed in between. Returns the tags as Freshdesk then holds them."""
        add = [t[:MAX_TAG] for t in add]
        remove = list(remove)
        for _attempt in range(2):
            ticket = self._read(ticket_external_id, "change tags")
            current = [t for t in ticket.get("tags") or [] if isinstance(t, str)]
            wanted = _merge_tags(current, add, remove)
            if wanted != current:
                self._call(
                    ticket_external_id,
                    "change tags",
                    "PUT",
                    f"{API}/tickets/{ticket_external_id}",
                    {"tags": wanted},
                )
            after = self._read(ticket_external_id, "verify tags")
            held = {t.lower() for t in after.get("tags") or [] if isinstance(t, str)}
            if all(t.lower() in held for t in add) and not any(t.lower() in held for t in remove):
                return [t for t in after.get("tags") or [] if isinstance(t, str)]
        raise WriteBackError(
            f"{self.name}: ticket {ticket_external_id}: tags did not stick (edited concurrently?)",
            permanent=False,
        )

    def set_due_field(self, ticket_external_id: str, due: datetime | None) -> bool:
        """Set the configured `due_field` custom field; False when none is configured."""
        if not self.due_field:
            return False
        value = format_time(due) if due is not None else None
        self._call(
            ticket_external_id,
            f"set {self.due_field}",
            "PUT",
            f"{API}/tickets/{ticket_external_id}",
            {"custom_fields": {self.due_field: value}},
        )
        after = self._read(ticket_external_id, f"verify {self.due_field}")
        held = custom_fields(after).get(self.due_field)
        if value is not None and held is None:
            raise WriteBackError(
                f"{self.name}: ticket {ticket_external_id}: {self.due_field} did not stick",
                permanent=False,
            )
        return True
