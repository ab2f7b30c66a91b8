"""A local SMTP server (aiosmtpd) that keeps every message in a Maildir: the demo's
stand-in for the company mail server, and the tests' real SMTP peer."""

from __future__ import annotations

import socket
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Keeper(Mailbox):
    """Saves to the Maildir and remembers each envelope's recipients."""

    def __init__(self, mail_dir: Path):
        super().__init__(mail_dir)
        self.envelopes: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(
            (list(envelope.rcpt_tos), message_from_bytes(envelope.original_content))
        )
        return await super().handle_DATA(server, session, envelope)


class MailSink:
    """`with MailSink(dir) as sink:` an SMTP server on 127.0.0.1:`sink.port`."""

    def __init__(self, mail_dir: Path, port: int | None = None):
        self.mail_dir = Path(mail_dir)
        for sub in ("tmp", "new", "cur"):
            (self.mail_dir / sub).mkdir(parents=True, exist_ok=True)
        self.handler = _Keeper(self.mail_dir)
        self.port = port or free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def start(self) -> MailSink:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def messages(self) -> list[tuple[list[str], Message]]:
        """(recipients, message) of every message received, in order."""
        return list(self.handler.envelopes)
