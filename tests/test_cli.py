from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from tracker.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


ALL_COMMANDS = sorted(_commands(cli))


def test_every_command_of_the_interface_exists():
    names = {" ".join(c) for c in ALL_COMMANDS}
    for expected in (
        "init", "db upgrade", "config check", "extract", "eval", "sync", "sweep", "run",
        "web", "promises", "promise done", "promise snooze", "promise dismiss", "demo",
    ):  # fmt: skip
        assert expected in names


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    target = cli
    for name in command:
        target = target.commands[name]
    if not isinstance(target, click.Group):
        assert "Example" in (target.help or ""), f"{' '.join(command)} has no example"


def test_bad_usage_exits_2():
    assert CliRunner().invoke(cli, ["no-such-command"]).exit_code == 2
    assert CliRunner().invoke(cli, ["sync", "--no-such-option"]).exit_code == 2


def test_init_writes_a_config_creates_the_database_and_refuses_to_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FOLLOWTHROUGH_CONFIG", raising=False)
    monkeypatch.delenv("FOLLOWTHROUGH_DATABASE_URL", raising=False)
    runner = CliRunner()
    first = runner.invoke(cli, ["init"])
    assert first.exit_code == 0, first.output
    assert "wrote followthrough.toml" in first.output
    assert (tmp_path / "followthrough.db").exists()
    check = runner.invoke(cli, ["config", "check"])
    assert check.exit_code == 0, check.output
    second = runner.invoke(cli, ["init"])
    assert second.exit_code == 2
    assert "already exists" in second.output


def test_db_upgrade_on_a_fresh_database(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWTHROUGH_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.db").exists()
