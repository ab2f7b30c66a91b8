"""Fixtures for the service tests: a seeded sandbox help desk, an SMTP server, and a
starter for `followthrough run` subprocesses that kills what it started."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.service import Desk, ServiceProcess, start_desk
from tracker.demo.mailsink import MailSink, free_port


@pytest.fixture
def desk() -> Iterator[Desk]:
    desk = start_desk()
    try:
        yield desk
    finally:
        desk.server.stop()


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[MailSink]:
    with MailSink(tmp_path / "mail") as sink:
        yield sink


@pytest.fixture
def start_service(tmp_path: Path) -> Iterator[Callable[..., ServiceProcess]]:
    started: list[ServiceProcess] = []

    def start(
        config_for_port: Callable[[int], Path], name: str = "service", stop_timeout: float = 5
    ) -> ServiceProcess:
        port = free_port()
        log = tmp_path / f"{name}.log"
        service = ServiceProcess(config_for_port(port), log, port, stop_timeout)
        started.append(service)
        return service

    yield start
    for service in started:
        if service.proc.poll() is None:
            service.proc.kill()
            service.proc.wait(timeout=10)
        if not service.log_file.closed:
            service.log_file.close()
