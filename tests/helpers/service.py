"""Helpers for the service tests: the sandbox help desk over HTTP, config files, and
`python -m tracker run` as a subprocess whose JSON log lines we read."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from helpdesk_sandbox.server import Reply, Request, SandboxServer
from helpdesk_sandbox.store import Store
from helpdesk_sandbox.zendesk_face import ZendeskFace
from tests.helpers.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "sandbox-token-123"


@dataclass
class Desk:
    """One sandbox help desk: its store, server and the people in it."""

    store: Store
    server: SandboxServer
    people: dict[str, Any]

    @property
    def url(self) -> str:
        return self.server.url


def seed_overdue_week(store: Store, now: datetime) -> dict[str, Any]:
    """Four tickets as of `now`: two promises already overdue and never kept, one kept on
    time, and one courtesy line that is no promise."""
    at = now - timedelta(days=1)
    tier1 = store.add_group("Tier 1", at=at)
    people = {
        "api": store.add_agent("Ops Bot", "ops@acme.example", role="admin", at=at),
        "amy": store.add_agent("Amy Agent", "amy@acme.example", groups=[tier1], at=at),
        "bob": store.add_agent("Bob Agent", "bob@acme.example", groups=[tier1], at=at),
        "carla": store.add_customer("Carla Customer", "carla@customer.example", at=at),
        "dan": store.add_customer("Dan Customer", "dan@customer.example", at=at),
    }
    amy, bob, carla, dan = people["amy"], people["bob"], people["carla"], people["dan"]
    t1 = store.create_ticket(
        "Phone line down",
        carla,
        "Our phone line is down.",
        assignee=amy,
        at=now - timedelta(hours=5),
    )
    store.add_comment(
        t1.id, amy, "Thanks for waiting. I'll call you back within the hour.",
        at=now - timedelta(hours=4, minutes=50),
    )  # fmt: skip
    t2 = store.create_ticket(
        "Wrong invoice", dan, "The invoice is wrong.", assignee=bob, at=now - timedelta(hours=6)
    )
    store.add_comment(
        t2.id, bob, "Let me check with the billing team and I'll get back to you in 2 hours.",
        at=now - timedelta(hours=5, minutes=55),
    )  # fmt: skip
    t3 = store.create_ticket(
        "Refund status", carla, "Where is my refund?", assignee=bob, at=now - timedelta(hours=8)
    )
    store.add_comment(
        t3.id, bob, "I'll update you within 2 hours.", at=now - timedelta(hours=7, minutes=50)
    )
    store.add_comment(
        t3.id, bob, "The refund went out this morning; it shows in 3 days.",
        at=now - timedelta(hours=7),
    )  # fmt: skip
    t4 = store.create_ticket(
        "Thank you", dan, "All good now, thanks!", assignee=amy, at=now - timedelta(hours=3)
    )
    store.add_comment(
        t4.id, amy, "Thanks for your patience, have a great day!", at=now - timedelta(hours=2)
    )
    people["tickets"] = [t1, t2, t3, t4]
    return people


class SlowPages:
    """A face that answers `per_page` items at a time, `delay` seconds per request: a sync
    then takes several committed pages, so a worker can be killed in the middle of one."""

    def __init__(self, face: Any, per_page: int, delay: float):
        self.face, self.per_page, self.delay = face, per_page, delay

    def handle(self, request: Request) -> Reply:
        if request.method == "GET":  # reads are slow; write-back notes are not
            time.sleep(self.delay)
        if "per_page" in request.query:
            request.query["per_page"] = [str(self.per_page)]
        return self.face.handle(request)


def start_desk(
    port: int = 0, now: datetime | None = None, slow: tuple[int, float] | None = None
) -> Desk:
    store = Store()
    people = seed_overdue_week(store, now or datetime.now(UTC))
    face: Any = ZendeskFace(store, api_user=people["api"], token=TOKEN)
    if slow:
        face = SlowPages(face, *slow)
    server = SandboxServer(face, port=port).start()
    return Desk(store, server, people)


def zendesk_source(
    name: str, url: str, token_file: Path, poll: str = "1s", retries: int | None = None
) -> str:
    return f"""
[[source]]
name = "{name}"
type = "zendesk"
url = "{url}"
email = "ops@acme.example"
token_file = "{token_file}"
poll_every = "{poll}"
backfill = "2d"
export_requests_per_minute = 600
""" + (f"retries = {retries}\n" if retries is not None else "")


def write_config(
    directory: Path,
    *,
    db_url: str,
    sources: list[tuple[str, str]],
    smtp_port: int,
    listen_port: int,
    lease: str = "5m",
    web: bool = False,
    retries: dict[str, int] | None = None,
) -> Path:
    """A config with the given (name, url) Zendesk sources (`retries` by source name), a
    round-the-clock team (so business time is wall time whenever the test runs) and a
    one-minute grace."""
    token_file = directory / "token"
    token_file.write_text(TOKEN)
    tries = retries or {}
    text = f"""
[database]
url = "{db_url}"
{"".join(zendesk_source(name, url, token_file, retries=tries.get(name)) for name, url in sources)}
[[team]]
name = "Tier 1"
timezone = "UTC"
working_hours = "00:00-23:59"
working_days = "Mon-Sun"
leads = ["lena@acme.example"]
members = ["amy@acme.example", "bob@acme.example"]
groups = ["Tier 1"]

[escalation]
default_due = "1 business day"
remind_before = "1m"
grace = "1m"
managers = ["max@acme.example"]

[notify.email]
smtp_host = "127.0.0.1"
smtp_port = {smtp_port}
from = "followthrough@acme.example"

[notify.ticket]
note = true
tags = true

[service]
listen = "127.0.0.1:{listen_port}"
lease = "{lease}"
sweep_every = "1s"
"""
    if web:
        text += "\n[web]\nenabled = true\n"
    path = directory / f"followthrough-{listen_port}.toml"
    path.write_text(text)
    return path


def child_env() -> dict[str, str]:
    """The environment for a `python -m tracker` child: this checkout first on its path,
    and whatever the test run put there (the clock shift of tests/conftest.py) kept."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


class ServiceProcess:
    """`python -m tracker --config PATH run` with its stderr (JSON lines) in a file."""

    def __init__(self, config: Path, log_path: Path, port: int, stop_timeout: float = 5):
        self.port = port
        self.log_path = log_path
        env = child_env()
        env.pop("FOLLOWTHROUGH_DATABASE_URL", None)
        self.log_file = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tracker",
                "--config",
                str(config),
                "run",
                "--stop-timeout",
                str(stop_timeout),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log_file,
        )

    def events(self, name: str | None = None) -> list[dict[str, Any]]:
        found = []
        for line in self.log_path.read_text(errors="replace").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if name is None or record.get("event") == name:
                found.append(record)
        return found

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=5) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def healthz(self) -> tuple[int, dict[str, Any]]:
        status, body = self.get("/healthz")
        return status, json.loads(body)

    def wait_listening(self, timeout: float = 15) -> None:
        wait_until(lambda: self._answers(), timeout, f"service on port {self.port}", self)

    def _answers(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"service exited {self.proc.returncode}: {self.log()}")
        try:
            self.get("/healthz")
            return True
        except OSError:
            return False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 40) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self.log_file.close()
