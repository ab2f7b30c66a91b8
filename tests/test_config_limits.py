"""`config check` and the runtime share one validator: values out of range are refused
with file, line and key, before anything runs."""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.config import ConfigError, load_config


def write(tmp_path, text: str):
    path = tmp_path / "followthrough.toml"
    path.write_text(textwrap.dedent(text))
    return path


def check(path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--config", str(path), "config", "check"])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_a_secret_key_shorter_than_32_bytes_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("FT_TEST_WEB_KEY", "a")
    path = write(tmp_path, '[web]\nenabled = true\nsecret_key_env = "FT_TEST_WEB_KEY"\n')
    code, out = check(path)
    assert code == 2
    assert f"{path}:3: web.secret_key_env: " in out and "at least 32 bytes" in out
    assert "'a'" not in out  # the value itself is never printed
    monkeypatch.setenv("FT_TEST_WEB_KEY", "k" * 32)
    assert check(path)[0] == 0


def test_the_app_refuses_a_short_secret_key_even_past_config_check(monkeypatch):
    from tracker.config import validate
    from tracker.db import make_engine
    from tracker.web import create_app

    monkeypatch.setenv("FT_TEST_WEB_KEY", "k" * 40)
    config = validate({"web": {"enabled": True, "secret_key_env": "FT_TEST_WEB_KEY"}})
    monkeypatch.setenv("FT_TEST_WEB_KEY", "short")
    with pytest.raises(ConfigError, match="at least 32 bytes"):
        create_app(config, make_engine("sqlite://"))


@pytest.mark.parametrize(
    ("text", "line", "key", "reason"),
    [
        ('[[team]]\nname = "Night"\nworking_hours = "17:00-09:00"\n', 3, "team[0].working_hours",
         "across midnight"),
        ('[[team]]\nname = "T"\nworking_hours = "09:00-25:00"\n', 3, "team[0].working_hours",
         "out of range"),
        ('[escalation]\ndigest_at = "99:99"\n', 2, "escalation.digest_at", "out of range"),
        ('[escalation]\ndigest_at = "24:00"\n', 2, "escalation.digest_at", "out of range"),
        ('[service]\nlisten = "127.0.0.1:99999"\n', 2, "service.listen", "1 and 65535"),
        ('[service]\nlisten = "127.0.0.1:0"\n', 2, "service.listen", "1 and 65535"),
        ('[escalation]\ngrace = "99999999999d"\n', 2, "escalation.grace", "at most"),
        ('[escalation]\ngrace = "1e400d"\n', 2, "escalation.grace", "not a duration"),
        ('[service]\nlease = "99999999999999999999w"\n', 2, "service.lease", "at most"),
        ('[[source]]\nname = "zd"\ntype = "zendesk"\nurl = "http://x"\nemail = "a@b.c"\n'
         'token_env = "FT_TEST_LIMITS_TOKEN"\nbackfill = "999999999999d"\n', 7,
         "source[0].backfill", "at most"),
    ],
)  # fmt: skip
def test_config_check_reports_values_out_of_range_with_file_line_and_key(
    tmp_path, monkeypatch, text, line, key, reason
):
    monkeypatch.setenv("FT_TEST_LIMITS_TOKEN", "t")
    path = write(tmp_path, text)
    code, out = check(path)
    assert code == 2, out
    assert f"{path}:{line}: {key}: " in out and reason in out, out
    with pytest.raises(ConfigError):  # what `run`, `sweep` and the rest load: the same checks
        load_config(path)


def test_the_runtime_parsers_refuse_what_config_check_refuses():
    from tracker.calendar import BusinessCalendar, parse_time_of_day
    from tracker.durations import parse_duration
    from tracker.service.health import split_listen

    with pytest.raises(ValueError, match="across midnight"):
        BusinessCalendar.from_config("UTC", "17:00-09:00")
    with pytest.raises(ValueError, match="out of range"):
        parse_time_of_day("99:99")
    with pytest.raises(ValueError, match="1 and 65535"):
        split_listen("127.0.0.1:99999")
    with pytest.raises(ValueError, match="at most"):
        parse_duration("99999999999d")


def test_values_at_the_edges_of_their_ranges_are_accepted(tmp_path):
    path = write(
        tmp_path,
        '[[team]]\nname = "Long"\nworking_hours = "00:00-24:00"\n'
        '[escalation]\ndigest_at = "23:59"\ngrace = "3650d"\n'
        '[service]\nlisten = "[::1]:65535"\n',
    )
    code, out = check(path)
    assert code == 0, out
