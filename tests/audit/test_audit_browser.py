"""The audit report in a real browser (Debian's Chromium through Playwright) at desktop
and phone widths: it renders with no network, nothing spills sideways on a phone, and
its headline numbers are the JSON's. Screenshots go to test-artifacts/."""

from __future__ import annotations

import json

import pytest

from tests.helpers.browser import ARTIFACTS, CHROMIUM, FLAGS, need_browser
from tests.helpers.sandbox import NOW, running_sandbox, sandbox_config, sandbox_source
from tracker.audit.export import to_json
from tracker.audit.html import render
from tracker.audit.period import parse_period
from tracker.audit.run import run_audit


@pytest.fixture
def report_files(monkeypatch, tmp_path):
    from tracker.db import make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'audit.db'}"
    upgrade(url)
    with running_sandbox(page_size=50) as (server, seeded):
        config = sandbox_config(sandbox_source(monkeypatch, server, seeded))
        run = run_audit(make_engine(url), config, config.sources[0], parse_period(NOW, "14d"),
                        identity="week", precision=(46, 50))  # fmt: skip
    html = tmp_path / "audit.html"
    html.write_text(render(run.report), encoding="utf-8")
    return html, json.loads(to_json(run.report))


@pytest.mark.parametrize("width,height,name", [(1280, 900, "desktop"), (390, 844, "phone")])
def test_the_report_renders_in_chromium_with_the_jsons_headline(
    report_files, width, height, name
) -> None:
    sync_playwright = need_browser()
    html, data = report_files
    requests: list[str] = []
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on("request", lambda r: requests.append(r.url))
            page.goto(html.as_uri())
            shown = {
                metric: page.locator(f'[data-metric="{metric}"] .n').inner_text()
                for metric in ("promises", "kept_on_time", "kept_late", "broken", "open")
            }
            rate = page.locator('[data-metric="kept_on_time_rate"] .n').inner_text()
            bars = page.locator("svg.chart rect.broken").count()
            oldest = page.locator("#oldest ~ .scroll tr").count() - 1
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            sample = page.locator('[data-metric="sample_precision"]').inner_text()
            page.screenshot(path=str(ARTIFACTS / f"audit-{name}.png"), full_page=True)
        finally:
            browser.close()
    assert shown == {k: str(data[k]) for k in shown}
    assert rate == f"{data['kept_on_time_rate'] * 100:.0f}%"
    assert bars == sum(1 for w in data["weeks"] if w["broken"])
    assert oldest == len(data["oldest"]) > 0
    assert overflow <= 0  # wide tables scroll inside their box, the page does not
    assert "46" in sample and "92%" in sample
    assert requests == [html.as_uri()]  # nothing fetched: no font, script or image
