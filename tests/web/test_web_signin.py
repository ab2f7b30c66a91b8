"""Signing in: a one-time e-mailed link through a real SMTP server, or a trusted header."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlmodel import Session

from tests.helpers.web_desk import ADA, AMY, NOW, link_in, make_config, smtp_config
from tracker.models import SignInToken
from tracker.web import create_app


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def _app(engine, config, clock=None):
    app = create_app(config, engine, clock=clock or (lambda: NOW))
    app.config["TESTING"] = True
    return app


def _csrf(client) -> str:
    client.get("/signin")
    with client.session_transaction() as session:
        return session["csrf_token"]


def _ask_for_link(client, address: str, **kwargs):
    answer = client.post("/signin", data={"email": address, "csrf_token": _csrf(client)}, **kwargs)
    outbox = client.application.extensions["followthrough"].mail_queue
    if outbox is not None:
        outbox.wait_idle(timeout=10)  # the mail goes out after the answer
    return answer


def _use(client, link: str):
    path = urlsplit(link).path
    confirm = client.get(path)
    if confirm.status_code != 200:
        return confirm
    return client.post(path, data={"csrf_token": _csrf_of(client)})


def _csrf_of(client) -> str:
    with client.session_transaction() as session:
        return session["csrf_token"]


def test_the_emailed_link_signs_in_once_and_only_its_hash_is_stored(engine, world, smtp_server):
    app = _app(engine, smtp_config(smtp_server, "https://ft.acme.example"))
    client = app.test_client()
    answer = _ask_for_link(client, "Amy@Acme.example")
    assert answer.status_code == 302
    [(recipients, message)] = smtp_server.inbox.messages
    assert recipients == [AMY]
    link = link_in(message)
    assert link.startswith("https://ft.acme.example/signin/")
    assert f'<a href="{link}">' in message.get_body(("html",)).get_content()
    token = link.rsplit("/", 1)[1]
    with Session(engine) as session:
        row = session.scalars(sa.select(SignInToken)).one()
        assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in (row.token_hash, row.email)
        assert row.expires_at == NOW + timedelta(minutes=15)

    signed_in = _use(client, link)
    assert signed_in.status_code == 302
    assert client.get("/api/promises").status_code == 200
    cookie = signed_in.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie

    replay = app.test_client()
    assert _use(replay, link).status_code == 410
    assert replay.get("/api/promises").status_code == 401


def test_a_link_fails_after_fifteen_minutes(engine, world, smtp_server):
    clock = Clock(NOW)
    app = _app(engine, smtp_config(smtp_server), clock)
    client = app.test_client()
    _ask_for_link(client, AMY)
    link = link_in(smtp_server.inbox.messages[0][1])
    clock.now = NOW + timedelta(minutes=15, seconds=1)
    assert _use(client, link).status_code == 410
    path = urlsplit(link).path
    assert client.post(path, data={"csrf_token": _csrf_of(client)}).status_code == 410
    assert client.get("/api/promises").status_code == 401


def test_a_made_up_link_fails(engine, world, smtp_server):
    client = _app(engine, smtp_config(smtp_server)).test_client()
    assert client.get("/signin/not-a-real-token").status_code == 410
    assert client.post("/signin/x", data={"csrf_token": _csrf(client)}).status_code == 410


def _page(client) -> str:
    html = client.get("/signin").get_data(as_text=True)
    return re.sub(r'name="csrf_token" value="[^"]+"', "", html)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(engine, world, smtp_server):
    client = _app(engine, smtp_config(smtp_server)).test_client()
    unknown = _ask_for_link(client, "customer@example.com")
    known_client = _app(engine, smtp_config(smtp_server)).test_client()
    known = _ask_for_link(known_client, AMY)
    assert unknown.status_code == known.status_code == 302
    unknown_page, known_page = _page(client), _page(known_client)
    assert unknown_page == known_page and "on its way" in known_page
    assert [r for r, _ in smtp_server.inbox.messages] == [[AMY]]
    with Session(engine) as session:
        assert session.scalars(sa.select(SignInToken.email)).all() == [AMY]


def test_the_trusted_header_signs_in_only_when_configured(engine, world):
    header = {"X-Forwarded-Email": AMY}
    plain = _app(engine, make_config()).test_client()
    assert plain.get("/api/promises", headers=header).status_code == 401
    proxied = _app(
        engine, make_config(trusted_header="X-Forwarded-Email", trusted_proxies=["127.0.0.1"])
    ).test_client()
    answer = proxied.get("/api/promises", headers=header)
    assert answer.status_code == 200 and len(answer.get_json()) == 5
    unknown = proxied.get("/api/promises", headers={"X-Forwarded-Email": "x@evil.example"})
    assert unknown.status_code == 401


def test_signing_out_ends_the_session(as_person):
    amy = as_person(AMY)
    assert amy.get("/me").status_code == 200
    assert amy.post_form("/signout").status_code == 302
    assert amy.get("/api/promises").status_code == 401


def test_asking_again_and_again_sends_at_most_five_live_links(engine, world, smtp_server):
    clock = Clock(NOW)
    client = _app(engine, smtp_config(smtp_server), clock).test_client()
    for _ in range(7):
        assert _ask_for_link(client, AMY).status_code == 302
    assert len(smtp_server.inbox.messages) == 5
    clock.now = NOW + timedelta(minutes=16)
    _ask_for_link(client, AMY)
    assert len(smtp_server.inbox.messages) == 6


def test_signin_sends_a_signed_in_person_only_to_a_local_path(as_person):
    amy = as_person(AMY)
    for hostile in (
        "/%09/evil.example",
        "/\t/evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example/",
        "/%0a/x",
        "/\n/x",
        "/x\r\nSet-Cookie: a=b",
        "javascript:alert(1)",
        "/%5c%5cevil.example",
    ):
        answer = amy.get("/signin", query_string={"next": hostile})
        assert answer.status_code == 302, hostile
        location = answer.headers["Location"]
        split = urlsplit(location)
        assert not split.scheme and not split.netloc, (hostile, location)
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location
        assert not any(ord(c) < 32 or c == "\\" for c in location), (hostile, location)
    kept = amy.get("/signin", query_string={"next": "/promises/3?tab=history"})
    assert kept.headers["Location"] == "/promises/3?tab=history"


def test_the_trusted_header_counts_only_from_a_listed_proxy(engine, world):
    config = make_config(trusted_header="X-Forwarded-Email", trusted_proxies=["10.0.0.0/8", "::1"])
    client = _app(engine, config).test_client()
    header = {"X-Forwarded-Email": ADA}
    proxy = client.get("/api/promises", headers=header, environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert proxy.status_code == 200
    for outsider in ("127.0.0.1", "192.0.2.7", "::2"):
        answer = client.get("/api/promises", headers=header, environ_base={"REMOTE_ADDR": outsider})
        assert answer.status_code == 401, outsider


def test_config_check_refuses_a_trusted_header_without_trusted_proxies(tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli

    path = tmp_path / "followthrough.toml"
    path.write_text('[service]\nlisten = "0.0.0.0:8765"\n[web]\ntrusted_header = "X-Email"\n')
    result = CliRunner().invoke(cli, ["--config", str(path), "config", "check"])
    assert result.exit_code == 2
    assert f"{path}:4: web.trusted_header: " in result.output
    assert "trusted_proxies" in result.output
    path.write_text('[web]\ntrusted_header = "X-Email"\ntrusted_proxies = ["10.0.0.300"]\n')
    result = CliRunner().invoke(cli, ["--config", str(path), "config", "check"])
    assert result.exit_code == 2 and f"{path}:3: web.trusted_proxies: " in result.output
    path.write_text('[web]\ntrusted_header = "X-Email"\ntrusted_proxies = ["10.0.0.0/8"]\n')
    result = CliRunner().invoke(cli, ["--config", str(path), "config", "check"])
    assert result.exit_code == 0, result.output


def _signed_in_client(app, smtp_server, address: str = AMY):
    client = app.test_client()
    _ask_for_link(client, address)
    assert _use(client, link_in(smtp_server.inbox.messages[-1][1])).status_code == 302
    assert client.get("/api/promises").status_code == 200
    return client


def _copy_of(app, client):
    copy = app.test_client()
    cookie = client.get_cookie("followthrough_session")
    copy.set_cookie("followthrough_session", cookie.value)
    return copy


def test_signing_out_ends_every_copy_of_the_session_cookie(engine, world, smtp_server):
    app = _app(engine, smtp_config(smtp_server))
    client = _signed_in_client(app, smtp_server)
    stolen = _copy_of(app, client)
    assert stolen.get("/api/promises").status_code == 200
    signed_out = client.post("/signout", data={"csrf_token": _csrf_of(client)})
    assert signed_out.status_code == 302
    assert stolen.get("/api/promises").status_code == 401
    assert stolen.get("/me").status_code == 302
    again = _signed_in_client(app, smtp_server)  # signing in afresh works
    assert again.get("/me").status_code == 200
    assert stolen.get("/api/promises").status_code == 401


def test_a_change_of_role_ends_the_session(engine, world, smtp_server, monkeypatch):
    from tracker.models import Person

    monkeypatch.setenv("FT_TEST_WEB_KEY", "one-key-for-every-app-0123456789abcdef")
    key = {"secret_key_env": "FT_TEST_WEB_KEY"}
    app = _app(engine, smtp_config(smtp_server, **key))
    client = _signed_in_client(app, smtp_server)
    kept = _copy_of(app, client)

    def set_role(role: str) -> None:
        with Session(engine) as session:
            person = session.get(Person, world.people[AMY])
            person.role = role
            session.add(person)
            session.commit()

    set_role("customer")  # no access any more
    assert client.get("/api/promises").status_code == 401
    set_role("agent")  # given back: the old cookie stays dead
    assert kept.get("/api/promises").status_code == 401
    assert client.get("/api/promises").status_code == 401
    admins = _app(engine, smtp_config(smtp_server, admins=[AMY], **key))
    fresh = _signed_in_client(admins, smtp_server)
    assert fresh.get("/api/promises").status_code == 200
    demoted = _app(engine, smtp_config(smtp_server, **key))  # restarted, amy no admin
    assert _copy_of(demoted, fresh).get("/api/promises").status_code == 401


def test_a_known_address_is_answered_without_waiting_for_the_mail_server(engine, world):
    import threading

    release, sent = threading.Event(), []

    def slow_mailer(to: str, subject: str, body: str) -> None:
        assert release.wait(10), "the test never let the mail go"
        sent.append(to)

    app = create_app(make_config(), engine, clock=lambda: NOW, mailer=slow_mailer)
    app.config["TESTING"] = True
    client = app.test_client()
    try:
        for address in (AMY, "nobody@example.com", AMY):
            answer = client.post("/signin", data={"email": address, "csrf_token": _csrf(client)})
            assert answer.status_code == 302 and not sent  # answered while SMTP still hangs
    finally:
        release.set()
    app.extensions["followthrough"].mail_queue.wait_idle(timeout=10)
    assert sent == [AMY, AMY]


def test_sign_in_requests_are_limited_per_client_address(engine, world, smtp_server):
    clock = Clock(NOW)
    app = _app(engine, smtp_config(smtp_server), clock)
    client = app.test_client()
    me = {"environ_base": {"REMOTE_ADDR": "192.0.2.10"}}
    for i in range(10):
        address = f"stranger{i}@example.com"
        assert _ask_for_link(client, address, **me).status_code == 302
    refused = _ask_for_link(client, AMY, **me)
    assert refused.status_code == 429 and "Too many" in refused.get_data(as_text=True)
    assert smtp_server.inbox.messages == []
    other = {"environ_base": {"REMOTE_ADDR": "192.0.2.11"}}
    assert _ask_for_link(client, AMY, **other).status_code == 302
    clock.now = NOW + timedelta(minutes=16)
    assert _ask_for_link(client, AMY, **me).status_code == 302
    assert [r for r, _ in smtp_server.inbox.messages] == [[AMY], [AMY]]
