"""Parsed mail to plain records: people, one ticket per thread, messages, hand-offs.

The customer of a thread is the outside party: the sender of a customer's mail, or
the first recipient of an agent's mail who is not an agent. The assignee is the
agent who answered the thread last; a different agent answering later is a hand-off.
An agent's mail that no outside party receives (a forward to billing, say) is kept as
a private message: it is not a reply to the customer, so it makes no promises.
An agent address's automatic mail (Auto-Submitted, an autoresponder) is a "system"
message: no promises, no hand-off. Mail has no status, so tickets stay "open".
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from integrations.imap.parsing import Address, ParsedMail
from integrations.imap.threads import ThreadIndex, short_key, strip_subject
from tracker.ingest.records import (
    AssignmentRecord,
    Batch,
    MessageRecord,
    PersonRecord,
    TicketMergeRecord,
    TicketRecord,
)

FUTURE_SLACK = timedelta(hours=1)


@dataclass
class _Thread:
    root: str
    new: bool
    subject: str = ""
    requester: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


def sent_time(mail: ParsedMail, arrived: datetime) -> datetime:
    """The mail's Date, unless the sender's clock is far ahead of the server's arrival."""
    sent_at = mail.date or arrived
    return arrived if sent_at > arrived + FUTURE_SLACK else sent_at


def customer_of(mail: ParsedMail, is_agent: Callable[[str], bool]) -> Address | None:
    if not is_agent(mail.sender.email):
        return mail.sender
    for address in mail.recipients:
        if not is_agent(address.email):
            return address
    return None


def is_proven_agent(mail: ParsedMail) -> bool:
    """Mail from an agent's address read outside the Sent folder counts as the agent's
    only when our receiving server vouched for the sender's domain (DKIM or SPF pass in
    its Authentication-Results); otherwise it is a customer's message."""
    domain = mail.sender.email.rpartition("@")[2].lower()
    return bool(domain) and domain in mail.authenticated


class ThreadBuilder:
    """Collects one batch; the thread index is updated as messages are added."""

    def __init__(self, index: ThreadIndex, is_agent: Callable[[str], bool]):
        self.index = index
        self.is_agent = is_agent
        self.people: dict[str, PersonRecord] = {}
        self.threads: dict[str, _Thread] = {}
        self.messages: dict[str, MessageRecord] = {}
        self.assignments: list[AssignmentRecord] = []
        self.merges: list[TicketMergeRecord] = []

    def _person(self, address: Address, role: str) -> str:
        key = short_key(address.email)
        known = self.people.get(key)
        if known is None or (not known.name and address.name) or known.role != role:
            self.people[key] = PersonRecord(
                external_id=key,
                role=role,
                name=address.name or (known.name if known else ""),
                email=address.email,
            )
        return key

    def add(self, mail: ParsedMail, fallback_time: datetime, *, sent_folder: bool) -> None:
        """`sent_folder`: the mail was read from a Sent folder, which only the mailbox's
        own users write to. Anywhere else an agent's address must be proven (see
        `is_proven_agent`), or anyone could write as an agent and keep their promises."""
        message_key = short_key(mail.message_id, 300)
        if message_key in self.messages:
            return
        # Automatic mail from an agent address stays a system message either way: it
        # keeps no promise and hands nothing off, so it needs no proof.
        agent = self.is_agent(mail.sender.email) and (
            sent_folder or mail.automatic or is_proven_agent(mail)
        )
        customer = customer_of(mail, self.is_agent)
        root = self.index.root_of(
            mail.message_id,
            mail.references,
            mail.in_reply_to,
            mail.subject,
            customer.email if customer else None,
        )
        ticket_key = short_key(root)
        sent_at = sent_time(mail, fallback_time)
        thread = self.threads.get(ticket_key)
        if thread is None:
            thread = self.threads[ticket_key] = _Thread(root, new=not self.index.knows(root))
            self.index.remember(root)
        if thread.new and (not thread.subject or mail.message_id == root):
            thread.subject = strip_subject(mail.subject)[:500]
        thread.subject = thread.subject or strip_subject(mail.subject)[:500]
        if customer is not None and (thread.requester is None or not agent):
            thread.requester = self._person(customer, "customer")
        if thread.new and (thread.created_at is None or sent_at < thread.created_at):
            thread.created_at = sent_at
        if thread.updated_at is None or sent_at > thread.updated_at:
            thread.updated_at = sent_at

        author = self._person(mail.sender, "agent" if agent else "customer")
        if agent and not mail.automatic:
            previous = self.index.answered(root, author, sent_at.isoformat())
            if previous is not None:
                self.assignments.append(
                    AssignmentRecord(
                        external_id=short_key(f"handoff:{mail.message_id}", 300),
                        ticket_external_id=ticket_key,
                        changed_at=sent_at,
                        from_assignee_external_id=previous,
                        to_assignee_external_id=author,
                    )
                )
        self.messages[message_key] = MessageRecord(
            external_id=message_key,
            ticket_external_id=ticket_key,
            sent_at=sent_at,
            text=mail.text,
            author_external_id=author,
            # an autoresponder's "we'll get back to you" is no agent's promise
            author_role=("system" if mail.automatic else "agent") if agent else "customer",
            # mail among agents only is a note to colleagues, not a reply to the customer
            public=not agent or customer is not None,
            channel="email",
            body_hash=hashlib.sha256(mail.body.encode("utf-8", "replace")).hexdigest(),
        )
        while self.index.merges:
            self._merge(*self.index.merges.pop(0))

    def _merge(self, old_root: str, new_root: str) -> None:
        """Fold thread `old_root` into `new_root`: this batch's records of it move over,
        and a merge record moves what earlier batches stored."""
        old, new = short_key(old_root), short_key(new_root)
        if old == new:
            return
        gone = self.threads.pop(old, None)
        kept = self.threads.get(new)
        if gone is not None and kept is not None:
            kept.requester = kept.requester or gone.requester
            times = [t for t in (kept.created_at, gone.created_at) if t is not None]
            kept.created_at = min(times) if times else None
            times = [t for t in (kept.updated_at, gone.updated_at) if t is not None]
            kept.updated_at = max(times) if times else None
        for key, record in self.messages.items():
            if record.ticket_external_id == old:
                self.messages[key] = replace(record, ticket_external_id=new)
        self.assignments = [
            replace(a, ticket_external_id=new) if a.ticket_external_id == old else a
            for a in self.assignments
        ]
        self.merges = [
            TicketMergeRecord(m.from_external_id, new) if m.into_external_id == old else m
            for m in self.merges
        ]
        self.merges.append(TicketMergeRecord(old, new))

    def batch(self) -> Batch:
        tickets = []
        for key, thread in self.threads.items():
            assignee = self.index.agent_of(thread.root)
            tickets.append(
                TicketRecord(
                    external_id=key,
                    subject=thread.subject,
                    status="open",
                    requester_external_id=thread.requester,
                    assignee_external_id=assignee,
                    created_at=thread.created_at,
                    updated_at=thread.updated_at,
                )
            )
        return Batch(
            cursor=None,
            people=list(self.people.values()),
            tickets=tickets,
            messages=list(self.messages.values()),
            assignments=self.assignments,
            merges=self.merges,
        )
