from __future__ import annotations

import logging
import textwrap

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.config import ConfigError, load_config

SECRET = "s3cr3t-token-value-XYZ"

GOOD = """
[database]
url = "sqlite:///ft.db"

[[source]]
name = "zendesk"
type = "zendesk"
url = "http://127.0.0.1:8090"
email = "ops@acme.example"
token_env = "FT_TEST_ZD_TOKEN"
poll_every = "2m"

[[team]]
name = "Tier 1"
timezone = "Europe/London"
holidays = "GB"
leads = ["lead@acme.example"]

[escalation]
default_due = "1 business day"
remind_before = "1h"
grace = "2h"
"""

FAULTY = """
[database]
url = "sqlite:///ft.db"

[[source]]
name = "zendesk"
type = "zendesk"
subdomain = "acme"
email = "ops@acme.example"
token_env = "FT_TEST_ZD_TOKEN"
pol_every = "2m"

[[source]]
name = "desk"
type = "freshdesk"
api_key_env = "FT_TEST_MISSING_KEY"

[[team]]
name = "Tier 1"
timezone = "Europe/Lodnon"
working_hours = "9 to 5"

[escalation]
grace = "two hours"
"""


def write(tmp_path, text: str):
    path = tmp_path / "followthrough.toml"
    path.write_text(textwrap.dedent(text))
    return path


def test_a_good_config_loads(tmp_path, monkeypatch):
    monkeypatch.setenv("FT_TEST_ZD_TOKEN", SECRET)
    config = load_config(write(tmp_path, GOOD))
    assert config.sources[0].secret("token") == SECRET
    assert config.sources[0].poll_every.delta.total_seconds() == 120
    assert config.teams[0].timezone == "Europe/London"


def test_check_reports_every_problem_with_key_and_line(tmp_path, monkeypatch):
    monkeypatch.setenv("FT_TEST_ZD_TOKEN", SECRET)
    monkeypatch.delenv("FT_TEST_MISSING_KEY", raising=False)
    path = write(tmp_path, FAULTY)
    result = CliRunner().invoke(cli, ["--config", str(path), "config", "check"])
    assert result.exit_code == 2
    out = result.output
    assert "source[0].pol_every: unknown key (did you mean 'poll_every'?)" in out
    assert f"{path}:11:" in out
    assert "source[1].domain: is required (or url)" in out
    assert "FT_TEST_MISSING_KEY is not set" in out
    assert "team[0].timezone" in out and "Europe/Lodnon" in out
    assert "team[0].working_hours" in out
    assert "escalation.grace" in out
    assert "6 problem(s) found" in out


def test_a_secret_value_never_appears_in_output_or_logs(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("FT_TEST_ZD_TOKEN", SECRET)
    caplog.set_level(logging.DEBUG)
    for text in (GOOD, FAULTY):
        path = write(tmp_path, text)
        result = CliRunner().invoke(cli, ["--config", str(path), "config", "check"])
        assert SECRET not in result.output
    assert SECRET not in caplog.text


def test_unknown_sections_and_bad_types_are_named(tmp_path):
    path = write(tmp_path, '[escalaton]\ngrace = "2h"\n[service]\nlisten = 8765\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    messages = [str(p) for p in info.value.problems]
    assert any("escalaton: unknown section (did you mean 'escalation'?)" in m for m in messages)
    assert any("service.listen: must be a string" in m for m in messages)


def test_a_toml_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, '[database]\nurl = "sqlite:///x.db\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.problems[0].where == f"{path}:2"


def test_the_database_url_can_be_overridden_by_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWTHROUGH_DATABASE_URL", "sqlite:///other.db")
    monkeypatch.setenv("FT_TEST_ZD_TOKEN", SECRET)
    assert load_config(write(tmp_path, GOOD)).database_url == "sqlite:///other.db"


def test_secrets_can_come_from_a_file(tmp_path):
    secret_file = tmp_path / "token"
    secret_file.write_text(SECRET + "\n")
    text = GOOD.replace('token_env = "FT_TEST_ZD_TOKEN"', f'token_file = "{secret_file}"')
    assert load_config(write(tmp_path, text)).sources[0].secret("token") == SECRET
