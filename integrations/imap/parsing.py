"""One raw RFC 5322 message to the facts the connector needs, tolerant of real mail.

Bodies are decoded by hand (not `get_content()`), because an unknown or wrong
declared charset must give replacement characters, never an exception.
"""

from __future__ import annotations

import email.utils
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from typing import cast

from integrations.imap.charsets import clean_surrogates, decode_bytes
from integrations.imap.htmltext import html_to_text
from integrations.imap.quoting import reply_text

_MSGID = re.compile(r"<([^<>\s]+)>")
_PLAIN_ADDRESS = re.compile(r"[^\s<>\"(),;:@\\]+@[^\s<>\"(),;:@\\]+")
_BRACKETED = re.compile(r"<([^<>\s\"\\]+@[^<>\s\"\\]+)>")


class BrokenMessage(ValueError):
    """A message that cannot be turned into a support message (named in the log, skipped).
    `error`: its class for the `rejected` table (no text of the message)."""

    def __init__(self, reason: str, error: str = "BrokenMessage"):
        self.error = error
        super().__init__(reason)


@dataclass(frozen=True)
class Address:
    name: str
    email: str  # lower case


@dataclass
class ParsedMail:
    message_id: str  # "<id@host>", or "sha256:…" of the raw bytes when the header is absent
    has_message_id: bool
    subject: str
    sender: Address
    recipients: list[Address]
    date: datetime | None  # aware UTC; None when missing or unreadable
    in_reply_to: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    body: str = ""  # the whole body as text (quoted history included)
    text: str = ""  # the new words only: what promises are looked for in
    automatic: bool = False  # an auto-reply, bounce or bulk mail (RFC 3834 and habits)
    # domains our receiving server vouched for (DKIM or SPF pass in Authentication-Results)
    authenticated: frozenset[str] = frozenset()


def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:  # a header policy.default cannot parse
        value = None
        for key, raw in msg.raw_items():
            if key.lower() == name.lower():
                value = raw
                break
    if value is None:
        return ""
    return clean_surrogates(re.sub(r"\s+", " ", str(value))).strip()


def _raw_header(msg: Message, name: str) -> str:
    """A header as written, unfolded: for ids, dates and flags, which need no decoding
    (and skipping policy.default's header objects is what keeps parsing fast)."""
    value = None
    name = name.lower()
    for key, raw in msg.raw_items():
        if key.lower() == name:
            value = raw
            break
    if value is None:
        return ""
    return clean_surrogates(re.sub(r"\s+", " ", str(value))).strip()


def message_ids(value: str) -> list[str]:
    """The `<…>` ids in a Message-ID, In-Reply-To or References header, in order."""
    return [f"<{found}>" for found in _MSGID.findall(value)]


def _addresses(msg: Message, *names: str) -> list[Address]:
    values: list[str] = []
    for name in names:
        try:
            values += [clean_surrogates(str(v)) for v in msg.get_all(name) or []]
        except Exception:
            values.append(_header(msg, name))
    found = []
    for value in values:
        for display, addr in email.utils.getaddresses([value]):
            addr = addr.strip().lower()
            if "@" not in addr:
                continue
            if not _PLAIN_ADDRESS.fullmatch(addr):
                # A broken quote or comment in the display name swallowed the address
                # (`"Carla\" <carla@example.com>`): the one in angle brackets is meant.
                bracketed = _BRACKETED.findall(value)
                if len(bracketed) != 1:
                    continue
                addr, display = bracketed[0].lower(), ""
            found.append(Address(display.strip(), addr))
    return found


def _date(msg: Message) -> datetime | None:
    value = _raw_header(msg, "Date")
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _part_text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if not isinstance(payload, bytes):  # None: not decodable (bytes whenever it is)
        raw = part.get_payload()
        payload = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    return decode_bytes(payload, part.get_content_charset())


def _is_attachment(part: Message) -> bool:
    disposition = (part.get("Content-Disposition") or "").split(";")[0].strip().lower()
    return disposition == "attachment"


def _best_part(msg: Message) -> tuple[Message | None, str]:
    """The body part to read: text/plain first, then text/html; never an attachment or a
    message/rfc822 part (a forwarded message attached is not the sender's words)."""
    plain = html = None
    stack: list[Message] = [msg]
    while stack:
        part = stack.pop(0)
        ctype = part.get_content_type()
        if part.is_multipart():
            if ctype == "message/rfc822" and part is not msg:
                continue
            children = part.get_payload()
            if isinstance(children, list):  # a multipart's payload: its parts
                stack[0:0] = cast(list[Message], children)
            continue
        if _is_attachment(part):
            continue
        if ctype == "text/plain" and plain is None:
            plain = part
        elif ctype == "text/html" and html is None:
            html = part
    if plain is not None:
        return plain, "plain"
    if html is not None:
        return html, "html"
    return None, ""


def _param(part: Message, name: str) -> str:
    """A Content-Type parameter as text (an RFC 2231 one comes as a tuple from compat32)."""
    return email.utils.collapse_rfc2231_value(part.get_param(name) or "")


def body_of(msg: Message) -> tuple[str, str]:
    """(the whole body as text, the reply's new words)."""
    part, kind = _best_part(msg)
    if part is None:
        return "", ""
    content = _part_text(part)
    if kind == "html":
        return html_to_text(content, cut_quotes=False), reply_text(html_to_text(content))
    if _param(part, "format").lower() == "flowed":
        content = _unflow(content, _param(part, "delsp").lower() == "yes")
    return content, reply_text(content)


def _unflow(text: str, delsp: bool) -> str:
    """RFC 3676 format=flowed: a line ending in a space continues on the next line."""
    out: list[str] = []
    buffer = ""
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" "):
            line = line[1:]  # space-stuffing
        if line.endswith(" ") and line != "-- ":
            buffer += line[:-1] if delsp else line
            continue
        out.append(buffer + line)
        buffer = ""
    if buffer:
        out.append(buffer)
    return "\n".join(out)


def is_automatic(msg: Message) -> bool:
    """Sent by a machine: Auto-Submitted (RFC 3834), or the older habits of autoresponders."""
    auto = _raw_header(msg, "Auto-Submitted").lower()
    if auto and auto != "no":
        return True
    if _raw_header(msg, "X-Autoreply") or _raw_header(msg, "X-Autorespond"):
        return True
    return _raw_header(msg, "Precedence").lower() in ("auto_reply", "bulk", "junk")


_PASS = re.compile(r"^\s*(dkim|spf)\s*=\s*pass\b(.*)$", re.I | re.S)
_PROPERTY = re.compile(r"\b(header\.d|header\.i|smtp\.mailfrom)\s*=\s*\"?([^\s;\"]+)", re.I)


def authenticated_domains(msg: Message) -> frozenset[str]:
    """The domains the topmost `Authentication-Results` header (RFC 8601) says passed
    DKIM (`header.d`, `header.i`) or SPF (`smtp.mailfrom`).

    Only the topmost header counts: it is the one our own receiving server added last;
    any below it came with the message and could be written by anyone.
    """
    value = _raw_header(msg, "Authentication-Results")
    if not value:
        return frozenset()
    domains: set[str] = set()
    for result in value.split(";")[1:]:  # the first part is the server's own id
        passed = _PASS.match(result)
        if passed is None:
            continue
        for _name, found in _PROPERTY.findall(passed.group(2)):
            domain = found.rpartition("@")[2].strip().strip(".").lower()
            if domain:
                domains.add(domain)
    return frozenset(domains)


def raw_hash(raw: bytes) -> str:
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def parse_message(raw: bytes) -> ParsedMail:
    """Parse one message; raises BrokenMessage when it has no usable sender."""
    try:
        msg = BytesParser(_class=EmailMessage, policy=policy.default).parsebytes(raw)
    except Exception as exc:  # the parser is lenient; anything here is truly broken
        raise BrokenMessage(f"unparseable message: {type(exc).__name__}", "Unparseable") from exc
    senders = _addresses(msg, "From") or _addresses(msg, "Sender") or _addresses(msg, "Reply-To")
    if not senders:
        raise BrokenMessage("no sender address (From, Sender or Reply-To)", "NoSender")
    ids = message_ids(_raw_header(msg, "Message-ID"))
    body, text = body_of(msg)
    return ParsedMail(
        message_id=ids[0] if ids else raw_hash(raw),
        has_message_id=bool(ids),
        subject=_header(msg, "Subject"),
        sender=senders[0],
        recipients=_addresses(msg, "To", "Cc"),
        date=_date(msg),
        in_reply_to=message_ids(_raw_header(msg, "In-Reply-To")),
        references=message_ids(_raw_header(msg, "References")),
        body=body,
        text=text,
        automatic=is_automatic(msg),
        authenticated=authenticated_domains(msg),
    )
