"""A source whose API is down does not stop the others, shows in /healthz, and recovers
by itself once the API answers again."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.service.support import start_desk, wait_for, write_config
from tracker.db import upgrade
from tracker.demo.mailsink import free_port


class _Broken(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b'{"error": "InternalError"}'
        self.send_response(500)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


def _source(health, name):
    return next(s for s in health["sources"] if s["name"] == name)


def _failures(service, text):
    return [
        e for e in service.events("sync.failed")
        if e.get("source") == "flaky" and text in e.get("error", "")
    ]  # fmt: skip


def test_a_down_source_shows_in_healthz_spares_the_others_and_recovers(
    tmp_path, desk, smtp, start_service
):
    db_url = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(db_url)
    flaky_port = free_port()  # nothing listens here yet: connection refused
    service = start_service(
        lambda port: write_config(
            tmp_path, db_url=db_url, smtp_port=smtp.port, listen_port=port,
            sources=[("zendesk", desk.url), ("flaky", f"http://127.0.0.1:{flaky_port}")],
        )
    )  # fmt: skip
    service.wait_listening()

    # 1. Connection refused: the flaky source fails, the good one syncs and escalates.
    wait_for(lambda: _failures(service, "ConnectionError"), 20, "a refused connection", service)
    wait_for(lambda: len(smtp.messages) >= 6, 15, "the good source's escalations", service)
    status, health = service.healthz()
    assert status == 503
    assert health["status"] == "failing" and health["database"] == {"ok": True}
    assert _source(health, "zendesk")["ok"] is True
    flaky = _source(health, "flaky")
    assert flaky["ok"] is False and flaky["last_success_at"] is None
    assert "ConnectionError" in flaky["last_error"]
    _, metrics = service.get("/metrics")
    assert 'followthrough_syncs_total{outcome="failed",source="flaky"}' in metrics

    # 2. The API answers 500: still failing, still sparing the others.
    broken = ThreadingHTTPServer(("127.0.0.1", flaky_port), _Broken)
    threading.Thread(target=broken.serve_forever, daemon=True).start()
    try:
        wait_for(lambda: _failures(service, "answered 500"), 25, "a 500 answer", service)
        assert service.healthz()[0] == 503
    finally:
        broken.shutdown()
        broken.server_close()

    # 3. The API is back: the source syncs on its next run and /healthz is 200 again.
    back = start_desk(port=flaky_port)
    try:
        wait_for(lambda: service.healthz()[0] == 200, 25, "healthz back to 200", service)
        assert _source(service.healthz()[1], "flaky")["last_error"] is None
        assert any(e.get("source") == "flaky" for e in service.events("sync.done"))
    finally:
        back.server.stop()
    assert service.stop() == 0
