"""Threading rules and decoding, without a server: subjects, roots, the bounded index,
charsets that lie, and arbitrary bytes that must never crash the parser."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integrations.imap import threads
from integrations.imap.charsets import decode_bytes
from integrations.imap.connector import AgentMatcher
from integrations.imap.parsing import BrokenMessage, parse_message
from integrations.imap.threads import ThreadIndex, short_key, strip_subject, subject_key


@pytest.mark.parametrize(
    ("subject", "stripped"),
    [
        ("Re: Refund", "Refund"),
        ("RE: FW: Refund", "Refund"),
        ("AW: WG: Rechnung  für März", "Rechnung für März"),
        ("Re[2]: Refund", "Refund"),
        ("[ACME #4411] Re: Refund", "Refund"),
        ("Fwd: Re : Refund", "Refund"),
        ("SV: Faktura", "Faktura"),
        ("Refund: partial", "Refund: partial"),
        ("Re: ", ""),
    ],
)
def test_reply_and_forward_prefixes_are_stripped_from_subjects(subject: str, stripped: str) -> None:
    assert strip_subject(subject) == stripped


def test_a_subject_key_needs_a_subject_and_a_customer() -> None:
    assert subject_key("Re: Refund", "Anna@Example.com") == subject_key(
        "refund", "anna@example.com"
    )
    assert subject_key("Refund", "anna@example.com") != subject_key("Refund", "jon@example.com")
    assert subject_key("Re:", "anna@example.com") is None
    assert subject_key("Refund", None) is None


def test_the_root_comes_from_references_then_known_parents_then_the_subject() -> None:
    index = ThreadIndex()
    assert index.root_of("<1@x>", [], [], "Refund", "anna@x.com") == "<1@x>"
    assert index.root_of("<2@x>", ["<1@x>"], ["<1@x>"], "Re: Refund", "anna@x.com") == "<1@x>"
    # In-Reply-To alone, parent known: the parent's root
    assert index.root_of("<3@x>", [], ["<2@x>"], "Re: Refund", "anna@x.com") == "<1@x>"
    # no threading headers at all: same subject and customer
    assert index.root_of("<4@x>", [], [], "RE: refund", "anna@x.com") == "<1@x>"
    # … but not for another customer
    assert index.root_of("<5@x>", [], [], "Re: Refund", "jon@x.com") == "<5@x>"
    # References name an unseen root: it is the root, whatever the subject says
    assert index.root_of("<6@x>", ["<0@y>", "<9@y>"], [], "Refund", "anna@x.com") == "<0@y>"
    # a message seen before keeps its answer (a resync after UIDVALIDITY changed)
    assert index.root_of("<4@x>", ["<0@y>"], [], "Other", "anna@x.com") == "<1@x>"


def test_the_index_survives_the_cursor_and_stays_bounded(monkeypatch) -> None:
    monkeypatch.setattr(threads, "MAX_IDS", 3)
    monkeypatch.setattr(threads, "MAX_THREADS", 2)
    index = ThreadIndex()
    for n in range(5):
        root = index.root_of(f"<{n}@x>", [], [], f"Subject {n}", "anna@x.com")
        index.remember(root)
    index.answered("<4@x>", "tom@acme.example", "2024-05-13T10:00:00+00:00")
    loaded = ThreadIndex.load(json.loads(json.dumps(index.dump())))
    assert list(loaded.ids) == ["<2@x>", "<3@x>", "<4@x>"]
    assert list(loaded.threads) == ["<3@x>", "<4@x>"]
    assert loaded.agent_of("<4@x>") == "tom@acme.example"
    assert ThreadIndex.load("garbage").ids == {}


def test_a_different_agent_answering_later_is_a_handoff_but_an_older_reply_is_not() -> None:
    index = ThreadIndex()
    assert index.answered("<r>", "tom@acme.example", "2024-05-13T10:00:00+00:00") is None
    assert index.answered("<r>", "tom@acme.example", "2024-05-13T11:00:00+00:00") is None
    assert index.answered("<r>", "marta@acme.example", "2024-05-13T12:00:00+00:00") == (
        "tom@acme.example"
    )
    # Tom's older reply, read late from another folder, does not take the ticket back
    assert index.answered("<r>", "tom@acme.example", "2024-05-13T09:00:00+00:00") is None
    assert index.agent_of("<r>") == "marta@acme.example"


def test_long_ids_are_hashed_to_fit_their_columns() -> None:
    long_id = "<" + "x" * 400 + "@example.com>"
    assert short_key(long_id).startswith("sha256:") and len(short_key(long_id)) <= 200
    assert short_key("<short@x>") == "<short@x>"


def test_agents_are_matched_by_address_or_domain_pattern_ignoring_case() -> None:
    is_agent = AgentMatcher(["Support@ACME.example", "*@team.acme.example"])
    assert is_agent("support@acme.example")
    assert is_agent("Tom@Team.Acme.Example")
    assert not is_agent("tom@acme.example")
    assert not is_agent("support@acme.example.evil.com")
    assert not is_agent(None)


@pytest.mark.parametrize(
    ("data", "declared", "text"),
    [
        ("Grüße".encode(), "iso-8859-1", "Grüße"),  # says Latin-1, is UTF-8
        ("Grüße".encode("latin-1"), "utf-8", "Grüße"),  # says UTF-8, is Latin-1
        ("“quoted”".encode("cp1252"), "us-ascii", "“quoted”"),
        ("日本語".encode("cp932"), "shift_jis", "日本語"),  # Windows extensions of Shift_JIS
        ("naïve".encode(), "no-such-charset", "naïve"),
        (b"caf\xe9", None, "café"),
    ],
)
def test_bytes_are_decoded_by_what_they_are_not_what_they_claim(
    data: bytes, declared: str | None, text: str
) -> None:
    assert decode_bytes(data, declared) == text


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=200),
    declared=st.sampled_from(
        [None, "utf-8", "shift_jis", "iso-2022-jp", "utf-16", "gb2312", "bogus", "us-ascii"]
    ),
)
def test_decoding_never_fails_and_never_leaves_surrogates(
    data: bytes, declared: str | None
) -> None:
    decode_bytes(data, declared).encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(
    headers=st.lists(
        st.sampled_from(
            [
                b"From: Anna <anna@example.com>",
                b"From: =?bogus?Q?x?= <",
                b"Content-Type: multipart/mixed; boundary=b",
                b"Content-Type: text/html; charset=\xff",
                b"Content-Transfer-Encoding: base64",
                b"Content-Transfer-Encoding: quoted-printable",
                b"Subject: =?utf-8?B?////?=",
                b"Date: 31 Feb 2024 99:99",
                b"References: <<a@b>> <c@d",
            ]
        ),
        max_size=6,
    ),
    body=st.binary(max_size=300),
)
def test_any_bytes_parse_or_are_refused_as_a_broken_message(
    headers: list[bytes], body: bytes
) -> None:
    raw = b"\r\n".join(headers) + b"\r\n\r\n" + body
    try:
        mail = parse_message(raw)
    except BrokenMessage:
        return
    (mail.text + mail.subject + mail.message_id).encode("utf-8")
