"""Random and hostile mail through the mailbox connector's parsing, from a real Dovecot,
into both databases: every mail with a sender is stored, every one without is in
`rejected`, and no pass fails (issue 14; Zendesk and Freshdesk: tests/fuzz)."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.hostile import FUZZ, NOW, hostile_text, record_ids, stored_ids
from tests.helpers.imap.mailbox import mailbox_config
from tracker.config import Config, SourceConfig
from tracker.ingest.sync import sync_source
from tracker.models import Message, Rejected

# -- IMAP: raw mail in a real Dovecot ----------------------------------------------------------

mail_spec = st.fixed_dictionaries(
    {
        "has_sender": st.sampled_from([True, True, True, False]),
        "name": hostile_text,
        "subject": hostile_text,
        "body": hostile_text,
        "date": st.sampled_from(
            [
                "Mon, 23 Nov 2026 10:00:00 +0000",
                "Fri, 31 Dec 9999 23:00:00 +0000",
                "Thu, 01 Jan 1970 00:00:00 +1400",
                "yesterday-ish",
                "",
            ]
        ),
    }
)


def _raw_mail(spec: dict, message_id: str) -> bytes:
    def header(value: str) -> str:
        return " ".join(value.replace("\x00", "").splitlines()) or "x"

    lines = [f"Message-ID: {message_id}", f"Subject: {header(spec['subject'])}"]
    if spec["has_sender"]:
        lines.append(f'From: "{header(spec["name"]).replace(chr(34), "")}" <carla@example.com>')
    if spec["date"]:
        lines.append(f"Date: {spec['date']}")
    lines += ["To: support@acme.example", "Content-Type: text/plain; charset=utf-8", ""]
    text = "\r\n".join(lines) + "\r\n" + spec["body"].replace("\x00", "") + "\r\n"
    return text.encode("utf-8", "surrogatepass")


@FUZZ
@given(specs=st.lists(mail_spec, min_size=1, max_size=5))
def test_mailbox_mail_is_stored_or_rejected(engine, monkeypatch, mailbox_account, specs):
    monkeypatch.setenv("FT_TEST_IMAP_PASSWORD", mailbox_account.password)
    folder = f"Fuzz{uuid.uuid4().hex[:8]}"
    good, bad = set(), set()
    raws = []
    for uid, spec in enumerate(specs, start=1):
        message_id = f"<{next(record_ids)}@fuzz.example>"
        raws.append(_raw_mail(spec, message_id))
        (good if spec["has_sender"] else bad).add(
            message_id if spec["has_sender"] else f"{folder}:{uid}"
        )
    mailbox_account.append_many(raws, folder)
    config = mailbox_config(mailbox_account, [folder])
    source = config.sources[0]
    source = SourceConfig(
        f"imap-{uuid.uuid4().hex[:8]}", "imap", source.poll_every, source.backfill, source.options
    )
    report = sync_source(engine, Config(sources=[source]), source, now=NOW)
    assert report.error is None
    assert stored_ids(engine, source, Message) == good
    assert stored_ids(engine, source, Rejected) == bad
