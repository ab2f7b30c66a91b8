"""A real Dovecot IMAP server on loopback, in a temporary directory (see testing.md)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"

CONFIG = """\
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{d}/cert.pem
ssl_key = <{d}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:{d}/mail/%u
default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
first_valid_uid = 1
login_trusted_networks = 127.0.0.0/8
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
userdb {{
  driver = static
  args = uid=vmail gid=vmail home={d}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unavailable() -> str | None:
    """None when Dovecot can run here, else why not."""
    if not Path(DOVECOT).exists():
        return f"{DOVECOT} is not installed (apt-get install dovecot-imapd)"
    if shutil.which("openssl") is None:
        return "openssl is not installed (apt-get install openssl)"
    if os.geteuid() != 0:
        return "Dovecot tests need root (to run the server with its own users)"
    return None


def ensure_vmail_user() -> None:
    try:
        subprocess.run(["id", "vmail"], check=True, capture_output=True)
    except subprocess.CalledProcessError:
        subprocess.run(
            ["useradd", "-r", "-M", "-s", "/usr/sbin/nologin", "vmail"],
            check=True,
            capture_output=True,
        )


class Dovecot:
    def __init__(self, directory: Path, users: dict[str, str]):
        self.dir = directory
        self.users = users
        self.port = free_port()  # plain IMAP, STARTTLS offered
        self.tls_port = free_port()  # IMAP over TLS
        self.host = "127.0.0.1"

    @property
    def cert_path(self) -> Path:
        """The server's self-signed certificate (for 127.0.0.1), to trust in TLS tests."""
        return self.dir / "cert.pem"

    @property
    def config_path(self) -> Path:
        return self.dir / "dovecot.conf"

    def start(self) -> None:
        ensure_vmail_user()
        for sub in ("run", "state", "mail", "home"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        self.dir.chmod(0o755)
        lines = [f"{user}:{{PLAIN}}{password}" for user, password in self.users.items()]
        (self.dir / "users").write_text("\n".join(lines) + "\n")
        (self.dir / "users").chmod(0o644)
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-keyout",
                str(self.dir / "key.pem"),
                "-out",
                str(self.cert_path),
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ],
            check=True,
            capture_output=True,
        )
        self.config_path.write_text(
            CONFIG.format(d=self.dir, port=self.port, tls_port=self.tls_port)
        )
        subprocess.run(
            ["chown", "-R", "vmail:vmail", str(self.dir / "mail"), str(self.dir / "home")]
        )
        self._launch()
        self._wait_listening()

    def _launch(self) -> None:
        # Dovecot daemonises: its child keeps any pipe open, so never capture its output
        done = subprocess.run(
            [DOVECOT, "-c", str(self.config_path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=30,
        )
        if done.returncode != 0:
            raise RuntimeError(f"dovecot exited {done.returncode}: {self.log()}")

    def _wait_listening(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as sock:
                    if sock.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"Dovecot did not listen on {self.port}: {self.log()}")

    def pid(self) -> int | None:
        path = self.dir / "run" / "master.pid"
        try:
            return int(path.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        pid = self.pid()
        if pid is None:
            return
        # the master alone takes seconds to wind down its helpers; stopping them together
        # with it is immediate (they are this server's processes, found by parent pid)
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
        ).stdout.split()
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        for child in children:
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(child), signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)

    def restart(self) -> None:
        self.stop()
        self._launch()
        self._wait_listening()

    def log(self) -> str:
        try:
            return (self.dir / "dovecot.log").read_text()[-2000:]
        except OSError:
            return ""
