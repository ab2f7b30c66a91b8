"""A TCP proxy on loopback in front of Dovecot, so a test can cut or stall live
connections the way a flaky network does (the server itself keeps running)."""

from __future__ import annotations

import contextlib
import socket
import threading


class _Link:
    def __init__(self, client: socket.socket, upstream: socket.socket):
        self.client = client
        self.upstream = upstream
        self.stalled = False


class Proxy:
    """`source_ip` (another loopback address, e.g. 127.0.0.23) makes the server see the
    proxied connections come from there: Dovecot delays logins from an address after a
    failed one, so tests of wrong passwords use their own address."""

    def __init__(self, target_port: int, source_ip: str | None = None):
        self.target = ("127.0.0.1", target_port)
        self.source = (source_ip, 0) if source_ip else None
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.connections: list[_Link] = []
        self.accepted = 0
        self.lock = threading.Lock()
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(
                    self.target, timeout=5, source_address=self.source
                )
            except OSError:
                client.close()
                continue
            link = _Link(client, upstream)
            with self.lock:
                self.connections.append(link)
                self.accepted += 1
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(link, a, b), daemon=True).start()

    def _pipe(self, link: _Link, source: socket.socket, sink: socket.socket) -> None:
        source.settimeout(None)
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                break
            if not data:
                break
            if link.stalled:
                continue  # swallowed: the other side waits for ever
            try:
                sink.sendall(data)
            except OSError:
                break
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        """Drop every live connection (a reset mid-session)."""
        with self.lock:
            connections, self.connections = self.connections, []
        for link in connections:
            for sock in (link.client, link.upstream):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def stall_live_connections(self) -> None:
        """Stop forwarding on the connections open now; new ones work normally."""
        with self.lock:
            for link in self.connections:
                link.stalled = True  # bytes are still read, but go nowhere

    def close(self) -> None:
        self.closed = True
        with contextlib.suppress(OSError):
            self.listener.close()
        self.cut()
