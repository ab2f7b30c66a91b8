"""Sending the sign-in e-mail through the project's e-mail transport (`[notify.email]`)."""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Callable

from markupsafe import Markup, escape

from integrations.notify.email import EmailTransport
from tracker.config import Config
from tracker.outbox.transport import Notice

log = logging.getLogger(__name__)
Mailer = Callable[[str, str, str], None]  # (to, subject, plain-text body)
_LINK = re.compile(r"(https?://[^\s<>&\"']+)")


def as_html(text: str) -> str:
    """The plain text as HTML paragraphs, escaped, with its links clickable."""
    paragraphs = []
    for block in text.strip().split("\n\n"):
        html = _LINK.sub(r'<a href="\1">\1</a>', str(escape(block)))
        paragraphs.append(f"<p>{Markup(html.replace(chr(10), '<br>'))}</p>")
    return "\n".join(paragraphs)


def smtp_mailer(config: Config) -> Mailer | None:
    """A mailer over the configured SMTP server, or None without `[notify.email]`."""
    transport = EmailTransport.from_config(config)
    if transport is None:
        return None

    def send(to: str, subject: str, body: str) -> None:
        transport.send(Notice(subject=subject, text=body, html=as_html(body), slack=""), to)

    return send


class MailQueue:
    """Sends the sign-in e-mails on one background thread.

    A request only queues its mail, so it never waits on the SMTP conversation and is
    answered as fast for an address that gets a mail as for one that does not (the
    delay would tell which addresses may sign in). The live link is not written to the
    database outbox, which keeps only tokens' hashes; a mail lost to a crash is asked
    for again.
    """

    def __init__(self, mailer: Mailer, size: int = 200):
        self.mailer = mailer
        self.queue: queue.Queue[tuple[str, str, str]] = queue.Queue(maxsize=size)
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def put(self, to: str, subject: str, body: str) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="signin-mail", daemon=True)
                self._thread.start()
        try:
            self.queue.put_nowait((to, subject, body))
        except queue.Full:
            log.error("the sign-in e-mail queue is full: one sign-in e-mail dropped")

    def _run(self) -> None:
        while True:
            to, subject, body = self.queue.get()
            try:
                self.mailer(to, subject, body)
            except Exception as exc:  # the class only: the message may carry the link
                log.error("could not send the sign-in e-mail: %s", type(exc).__name__)
            finally:
                self.queue.task_done()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every queued mail was handed to the mailer (for tests and shutdown)."""
        deadline = time.monotonic() + timeout
        while self.queue.unfinished_tasks:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True
