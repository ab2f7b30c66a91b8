"""A source whose API is down does not stop the others, shows in /healthz, and recovers
by itself once the API answers again."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.helpers.service import start_desk, write_config
from tests.helpers.waiting import wait_until
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


def _failures(service, source, text):
    return [
        e for e in service.events("sync.failed")
        if e.get("source") == source and text in e.get("error", "")
    ]  # fmt: skip


def test_down_sources_show_in_healthz_spare_the_others_and_recover(
    tmp_path, desk, smtp, start_service
):
    db_url = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(db_url)
    down_port = free_port()  # nothing listens here: connection refused
    broken = ThreadingHTTPServer(("127.0.0.1", 0), _Broken)  # answers 500 to everything
    broken_port = broken.server_address[1]
    threading.Thread(target=broken.serve_forever, daemon=True).start()
    service = start_service(
        lambda port: write_config(
            tmp_path, db_url=db_url, smtp_port=smtp.port, listen_port=port,
            sources=[("zendesk", desk.url), ("down", f"http://127.0.0.1:{down_port}"),
                     ("broken", f"http://127.0.0.1:{broken_port}")],
            retries={"down": 1, "broken": 1},  # one retry, not four: the pass fails sooner
        )
    )  # fmt: skip
    service.wait_listening()
    back = []
    try:
        # 1. Refused and 500s: both fail (after their retry), the good one syncs and
        #    escalates all the while.
        wait_until(lambda: _failures(service, "down", "ConnectionError"), 20, "refused", service)
        wait_until(lambda: _failures(service, "broken", "answered 500"), 10, "a 500", service)
        wait_until(lambda: len(smtp.messages) >= 6, 10, "the good source's escalations", service)
        # /healthz gives a source that has not synced yet three polling intervals from the
        # start before calling it failing; with one retry the failures come sooner than that.
        wait_until(lambda: service.healthz()[0] == 503, 10, "healthz failing", service)
        status, health = service.healthz()
        assert status == 503
        assert health["status"] == "failing" and health["database"] == {"ok": True}
        assert _source(health, "zendesk")["ok"] is True
        for name, error in (("down", "ConnectionError"), ("broken", "answered 500")):
            failing = _source(health, name)
            assert failing["ok"] is False and failing["last_success_at"] is None
            assert error in failing["last_error"]
        _, metrics = service.get("/metrics")
        assert 'followthrough_syncs_total{outcome="failed",source="down"}' in metrics
        assert 'followthrough_syncs_total{outcome="failed",source="broken"}' in metrics
        assert 'followthrough_syncs_total{outcome="ok",source="zendesk"}' in metrics

        # 2. The APIs are back: each source syncs on its next run, /healthz is 200 again.
        broken.shutdown()
        broken.server_close()
        back = [start_desk(port=down_port), start_desk(port=broken_port)]
        wait_until(lambda: service.healthz()[0] == 200, 25, "healthz back to 200", service)
        for name in ("down", "broken"):
            assert _source(service.healthz()[1], name)["last_error"] is None
            assert any(e.get("source") == name for e in service.events("sync.done"))
    finally:
        broken.shutdown()
        broken.server_close()
        for desk_back in back:
            desk_back.server.stop()
    assert service.stop() == 0
