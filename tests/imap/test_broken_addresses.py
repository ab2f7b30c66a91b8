"""A broken display name must not cost the sender's address (found by the hostile-mail
fuzz test: a name ending in a backslash escapes its closing quote)."""

from __future__ import annotations

from integrations.imap.parsing import parse_message


def _mail(sender: bytes) -> bytes:
    return (
        b"Message-ID: <m1@fuzz.example>\r\nFrom: " + sender + b"\r\n"
        b"To: support@acme.example\r\nSubject: s\r\n\r\nHello\r\n"
    )


def test_a_display_name_ending_in_a_backslash_keeps_the_senders_address():
    mail = parse_message(_mail(b'"\x1b\\" <carla@example.com>'))
    assert mail.sender.email == "carla@example.com"


def test_a_well_formed_sender_keeps_its_name_and_lower_cases_its_address():
    mail = parse_message(_mail(b'"Carla Quinn" <Carla@Example.com>'))
    assert (mail.sender.name, mail.sender.email) == ("Carla Quinn", "carla@example.com")
