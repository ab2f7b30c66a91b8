"""Which ticket a message belongs to, decided without a database.

The ticket key of a thread is its root Message-ID:
1. the root of any message it refers to (References, In-Reply-To) that we have seen;
2. else the first id of References (RFC 5322: the parent's References, then the parent);
3. else the thread last seen with the same normalized subject and the same customer
   (a client that dropped the headers, or an In-Reply-To whose parent sits in a folder
   not read yet);
4. else the In-Reply-To id; else the message starts a thread and its own Message-ID
   (or, without one, the hash of its raw bytes) is the root.

When a message proves two known threads to be one (its references lead to two roots,
or it is itself the root of a thread of its own yet refers to another), the later
thread is merged into the one its first known reference names: `root_of` notes the
merge in `merges` (old root, new root) and the index forgets the old root.

What makes 2 and 3 work across passes is a small index carried in the connector's
cursor (stored with each batch, so it can never run ahead of the data): Message-ID
-> root, (subject, customer) -> root, and root -> (latest answering agent, when).
It keeps only the most recently used entries, so an ancient thread that loses its
entry and is then answered by a header-dropping client becomes a new ticket.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

_PREFIX = re.compile(
    r"^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|rv|ref|réf|odp|res|r)\s*(?:\[\d+\]|\(\d+\))?"
    r"\s*[:：]\s*|\[[^\]]{0,40}\]\s*)",
    re.I,
)
MAX_IDS = 5000
MAX_THREADS = 2000
MAX_KEY = 200


def strip_subject(subject: str) -> str:
    """Subject without Re:/Fwd:/AW:/[list] prefixes, in its own case."""
    previous = None
    subject = subject.strip()
    while previous != subject:
        previous = subject
        subject = _PREFIX.sub("", subject, count=1).strip()
    return re.sub(r"\s+", " ", subject)


def subject_key(subject: str, customer: str | None) -> str | None:
    normalized = strip_subject(subject).casefold()
    if not normalized or not customer:
        return None
    digest = hashlib.sha256(f"{normalized}\n{customer.lower()}".encode()).hexdigest()
    return digest[:24]


def short_key(value: str, limit: int = MAX_KEY) -> str:
    """An id that fits a column: itself when short enough, else a hash of it."""
    if len(value) <= limit:
        return value
    return "sha256:" + hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()


def _touch(table: dict[str, Any], key: str, value: Any, limit: int) -> None:
    table.pop(key, None)
    table[key] = value
    while len(table) > limit:
        del table[next(iter(table))]


@dataclass
class ThreadIndex:
    ids: dict[str, str] = field(default_factory=dict)  # Message-ID -> root
    subjects: dict[str, str] = field(default_factory=dict)  # subject key -> root
    # root -> [latest answering agent or "", when (ISO) or ""], most recently used last
    threads: dict[str, list[str]] = field(default_factory=dict)
    # (old root, new root) found by `root_of` and not yet taken by the caller
    merges: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def load(cls, data: Any) -> ThreadIndex:
        if not isinstance(data, dict):
            return cls()

        def table(name: str) -> dict[str, Any]:
            value = data.get(name)
            return dict(value) if isinstance(value, dict) else {}

        return cls(table("ids"), table("subjects"), table("threads"))

    def dump(self) -> dict[str, Any]:
        return {"ids": self.ids, "subjects": self.subjects, "threads": self.threads}

    def knows(self, root: str) -> bool:
        """Whether the thread was seen before (and is still remembered)."""
        return root in self.threads

    def root_of(
        self,
        message_id: str,
        references: list[str],
        in_reply_to: list[str],
        subject: str,
        customer: str | None,
    ) -> str:
        """The thread root for a message (see the module docstring). The message's id and
        subject are remembered; the thread itself only by `remember`."""
        root = None
        key = subject_key(subject, customer)
        joined: list[str] = []  # other known threads this message proves to be this one
        if message_id in self.ids:
            root = self.ids[message_id]  # seen before (a resync): same answer as then
        else:
            known = [self.ids[i] for i in [*references, *in_reply_to] if i in self.ids]
            root = known[0] if known else None
            joined = [r for r in known if r != root]
            if root is not None and message_id != root and message_id in self.threads:
                joined.append(message_id)  # a reply read first made a thread of this one
        if root is None and references:
            root = references[0]
        if root is None and key is not None:
            root = self.subjects.get(key)
        if root is None and in_reply_to:
            root = in_reply_to[0]
        root = root or message_id
        for old in dict.fromkeys(joined):
            self.merge(old, root)
        _touch(self.ids, message_id, root, MAX_IDS)
        if key is not None:
            _touch(self.subjects, key, root, MAX_THREADS)
        return root

    def merge(self, old: str, new: str) -> None:
        """Thread `old` is thread `new`: every id and subject of it now leads to `new`."""
        for table in (self.ids, self.subjects):
            for key, value in table.items():
                if value == old:
                    table[key] = new
        gone = self.threads.pop(old, None)
        kept = self.threads.get(new)
        if gone is not None and (kept is None or gone[1] > kept[1]):
            _touch(self.threads, new, gone, MAX_THREADS)
        self.merges.append((old, new))

    def remember(self, root: str) -> None:
        _touch(self.threads, root, self.threads.get(root) or ["", ""], MAX_THREADS)

    def agent_of(self, root: str) -> str | None:
        entry = self.threads.get(root)
        return (entry[0] or None) if entry else None

    def answered(self, root: str, agent: str, sent_iso: str) -> str | None:
        """Record that `agent` answered at `sent_iso`; returns the previous agent when this
        is a hand-off (a different agent answering later), else None."""
        previous, when = self.threads.get(root) or ["", ""]
        if when and when > sent_iso:
            return None  # an older reply seen late (another folder): not the latest agent
        _touch(self.threads, root, [agent, sent_iso], MAX_THREADS)
        return previous if previous and previous != agent else None
