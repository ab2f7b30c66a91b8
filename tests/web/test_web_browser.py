"""The pages in a real browser: headless Chromium (Debian's) driven by Playwright.

Signs in through the link a real SMTP server received, snoozes one promise, marks
one done, reads the lead page and its chart; screenshots go to test-artifacts/.
SQLite only. Without Chromium or Playwright the test is skipped (failed in CI).
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
from sqlmodel import Session

from tests.helpers.browser import ARTIFACTS, CHROMIUM, FLAGS, need_browser
from tests.helpers.web_desk import AMY, LENA, NOW, link_in, seed, smtp_config
from tracker.db import make_engine, upgrade
from tracker.models import Promise
from tracker.web import create_app


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(tmp_path, smtp_server):
    """The app on 127.0.0.1:<free port> under waitress, on a seeded SQLite database."""
    from waitress import create_server

    url = f"sqlite:///{tmp_path / 'browser.db'}"
    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        world = seed(session)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    app = create_app(smtp_config(smtp_server, base), engine, clock=lambda: NOW)
    server = create_server(app, host="127.0.0.1", port=port, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield base, world, engine, smtp_server.inbox
    finally:
        server.close()
        thread.join(timeout=5)
        engine.dispose()


def _wait_for_mail(inbox, count: int):
    deadline = time.monotonic() + 10
    while len(inbox.messages) < count:
        assert time.monotonic() < deadline, "no sign-in e-mail arrived"
        time.sleep(0.05)
    return inbox.messages[count - 1]


def _sign_in(page, base: str, inbox, email: str) -> None:
    before = len(inbox.messages)
    page.goto(f"{base}/signin")
    page.fill("#email", email)
    page.click("text=E-mail me a sign-in link")
    page.wait_for_selector("text=on its way")
    recipients, message = _wait_for_mail(inbox, before + 1)
    assert recipients == [email]
    page.goto(link_in(message))
    page.click("button:has-text('Sign in')")


@pytest.mark.slow
def test_an_agent_and_a_lead_work_through_the_pages_in_chromium(served, tmp_path):
    sync_playwright = need_browser()
    base, world, engine, inbox = served
    # Playwright gives every launch a fresh temporary profile (--user-data-dir) itself
    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

            _sign_in(page, base, inbox, AMY)
            page.wait_for_selector("h1:has-text('My open promises')")
            assert page.locator("li.card").count() == 4
            assert page.locator("li.card").first.get_attribute("id") == (
                f"p{world.promises['amy_overdue']}"
            )
            assert "inherited from" in page.inner_text(f"#p{world.promises['amy_inherited']}")
            page.screenshot(path=str(ARTIFACTS / "agent-page.png"), full_page=True)

            later = f"#p{world.promises['amy_later']}"
            page.fill(f"{later} input[name=until]", "2026-11-25T09:00")
            page.click(f"{later} button[data-action=snooze]")
            page.wait_for_selector(f"text=Promise {world.promises['amy_later']} snoozed.")
            assert "snoozed until Wed 25 Nov 2026 09:00 GMT" in page.inner_text(later)

            soon = f"#p{world.promises['amy_soon']}"
            page.click(f"{soon} button[data-action=done]")
            page.wait_for_selector(f"text=Promise {world.promises['amy_soon']} marked done.")
            assert page.locator(soon).count() == 0

            phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            phone.add_cookies(context.cookies())
            mobile = phone.new_page()
            mobile.goto(f"{base}/me")
            width = mobile.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the agent page scrolls sideways on a phone ({width}px)"
            mobile.screenshot(path=str(ARTIFACTS / "agent-page-phone.png"), full_page=True)
            phone.close()

            carl_open = world.promises["carl_open"]
            assert page.goto(f"{base}/promises/{carl_open}").status == 403

            page.click("button:has-text('Sign out')")
            _sign_in(page, base, inbox, LENA)
            page.goto(f"{base}/lead")
            page.wait_for_selector("svg.chart")
            assert page.locator("svg.chart rect.bar").count() == 3
            box = page.locator("svg.chart").bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 100
            assert "50%" in page.inner_text("table.rates")
            page.screenshot(path=str(ARTIFACTS / "lead-page.png"), full_page=True)

            page.goto(f"{base}/promises/{world.promises['amy_overdue']}")
            page.click("summary:has-text('In reply to the customer')")
            shown = page.inner_text("div.message.customer")
            assert "<script>alert('pwned')</script> never arrived" in shown  # as text
            assert page.locator("div.message.customer script").count() == 0
            page.screenshot(path=str(ARTIFACTS / "promise-page.png"), full_page=True)
            context.close()
        finally:
            browser.close()
    assert dialogs == []
    with Session(engine) as session:
        assert session.get(Promise, world.promises["amy_soon"]).state == "kept"
        assert session.get(Promise, world.promises["amy_later"]).state == "snoozed"
