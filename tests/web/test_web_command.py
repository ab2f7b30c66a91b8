"""`followthrough web` serves the pages on its own."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from click.testing import CliRunner

from tracker.cli import cli
from tracker.db import upgrade


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_followthrough_web_serves_the_sign_in_page_and_guards_the_api(tmp_path):
    port = _free_port()
    database = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(database)
    config = tmp_path / "followthrough.toml"
    config.write_text(
        f'[database]\nurl = "{database}"\n[service]\nlisten = "127.0.0.1:{port}"\n'
        '[[team]]\nname = "Tier 1"\nleads = ["lena@acme.example"]\n'
        '[web]\nenabled = true\nsecret_key_env = "FT_TEST_WEB_SECRET"\n'
    )
    env = {**os.environ, "FT_TEST_WEB_SECRET": "s3cret-for-the-test-0123456789abcdef"}
    server = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--config", str(config), "web"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                page = urllib.request.urlopen(f"{base}/signin", timeout=2)
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "followthrough web did not start"
                time.sleep(0.1)
        assert page.status == 200 and b"Sign in" in page.read()
        try:
            urllib.request.urlopen(f"{base}/api/promises", timeout=2)
            raise AssertionError("the API answered without a sign-in")
        except urllib.error.HTTPError as exc:
            assert exc.code == 401
    finally:
        server.terminate()
        server.wait(timeout=10)
    from sqlmodel import Session, select

    from tracker.db import make_engine
    from tracker.models import Team

    engine = make_engine(database)
    with Session(engine) as session:
        assert session.exec(select(Team.leads)).all() == ['["lena@acme.example"]']
    engine.dispose()


def test_a_bad_listen_address_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["web", "--listen", "nowhere"])
    assert result.exit_code == 2
    assert "--listen" in result.output


def test_web_and_run_on_a_port_in_use_name_the_address_and_exit_2(tmp_path):
    database = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(database)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = tmp_path / "followthrough.toml"
        config.write_text(
            f'[database]\nurl = "{database}"\n[service]\nlisten = "127.0.0.1:{port}"\n'
            '[web]\nenabled = true\nsecret_key_env = "FT_TEST_WEB_SECRET"\n'
        )
        env = {**os.environ, "FT_TEST_WEB_SECRET": "s3cret-for-the-test-0123456789abcdef"}
        for command in ("web", "run"):
            result = subprocess.run(
                [sys.executable, "-m", "tracker", "--config", str(config), command],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert result.returncode == 2, (command, result.stderr)
            assert "Traceback" not in result.stderr, result.stderr
            lines = [line for line in result.stderr.splitlines() if f"127.0.0.1:{port}" in line]
            assert len(lines) == 1 and "already in use" in lines[0], result.stderr
