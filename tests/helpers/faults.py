"""Real peers that count what they receive: an SMTP server (aiosmtpd) that may answer
slowly, a Slack webhook recorder, a socket that accepts and never answers, and a sandbox
help desk seeded with promises long overdue."""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import threading
import time
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller

from helpdesk_sandbox.server import Reply, Request, SandboxServer
from helpdesk_sandbox.store import Store
from helpdesk_sandbox.zendesk_face import ZendeskFace
from tracker.demo.mailsink import free_port

TOKEN = "sandbox-token-123"


class CountingSmtp:
    """Keeps (recipient, subject, promise header) of every message; `delay` per message."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.received: list[tuple[str, str, str]] = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        promise = str(message.get("X-Followthrough-Promise") or "")
        for rcpt in envelope.rcpt_tos:
            self.received.append((rcpt, str(message["Subject"]), promise))
        return "250 OK"

    def repeats(self) -> int:
        return len(self.received) - len(set(self.received))

    def __enter__(self) -> CountingSmtp:
        self.controller.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.controller.stop()


class SlackRecorder:
    """An incoming-webhook stand-in on loopback that keeps every posted body."""

    def __init__(self, delay: float = 0.0):
        self.posts: list[bytes] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if delay:
                    time.sleep(delay)
                recorder.posts.append(body)
                try:
                    self.send_response(200)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except OSError:  # the worker was killed while we answered
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/services/T0/B0/SECRET"

    def repeats(self) -> int:
        return len(self.posts) - len(set(self.posts))

    def __enter__(self) -> SlackRecorder:
        # Checked every 50 ms for shutdown (the default half second is what `__exit__` waited).
        threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class SilentServer:
    """Accepts connections and never says a word (an SMTP server that hangs)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = False
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        self.sock.settimeout(0.05)  # how often it looks at `_stop`: what `__exit__` waits
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted.append(conn)

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop = True
        self._thread.join(timeout=5)
        for conn in self.accepted:
            conn.close()
        self.sock.close()


class SlowWrites:
    """Write-back (notes, tags) takes `delay` seconds, so a kill can land among them."""

    def __init__(self, face: Any, delay: float):
        self.face, self.delay = face, delay

    def handle(self, request: Request) -> Reply:
        if request.method != "GET":
            time.sleep(self.delay)
        return self.face.handle(request)


class OverdueDesk:
    """A Zendesk sandbox whose tickets each hold a promise long overdue that nobody kept;
    `add` puts more such tickets in while it runs."""

    def __init__(self, now: datetime, write_delay: float = 0.0):
        self.store = Store()
        at = now - timedelta(days=3)
        tier1 = self.store.add_group("Tier 1", at=at)
        api = self.store.add_agent("Ops Bot", "ops@acme.example", role="admin", at=at)
        self.agents = [
            self.store.add_agent("Amy Agent", "amy@acme.example", groups=[tier1], at=at),
            self.store.add_agent("Bob Agent", "bob@acme.example", groups=[tier1], at=at),
        ]
        self.customer = self.store.add_customer("Carla", "carla@customer.example", at=at)
        face: Any = ZendeskFace(self.store, api_user=api, token=TOKEN)
        if write_delay:
            face = SlowWrites(face, write_delay)
        self.server = SandboxServer(face).start()
        self.url = self.server.url
        self.count = 0

    def add(self, tickets: int, now: datetime) -> None:
        for _ in range(tickets):
            number, self.count = self.count, self.count + 1
            agent = self.agents[number % 2]
            made = now - timedelta(hours=20, minutes=number)
            ticket = self.store.create_ticket(
                f"Issue {number}", self.customer, "It is broken.", assignee=agent, at=made
            )
            self.store.add_comment(ticket.id, agent, "I'll call you back within the hour.", at=made)

    def stop(self) -> None:
        self.server.stop()


def own_notes(store: Store) -> list[tuple[int, str]]:
    """Our notes on the desk's tickets as (ticket, text), in the order they were written."""
    notes = [
        (c.id, ticket_id, c.body)
        for ticket_id in list(store.tickets)
        for c in store.comments_of(ticket_id)
        if not c.public and c.body.startswith("[Follow-through]")
    ]
    return [(ticket_id, body) for _, ticket_id, body in sorted(notes)]
