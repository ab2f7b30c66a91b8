"""Tests that read ../shared say so when it is missing: a skip with the reason on a
developer's clone, a failure in CI (CI=true), never a silent pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.extraction import needs_shared


def test_a_missing_shared_file_skips_with_a_reason_outside_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="shared folder beside the repository"):
        needs_shared(tmp_path / "dev.jsonl", "the dev corpus")


def test_a_missing_shared_file_fails_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"the dev corpus not found .* CI must"):
        needs_shared(tmp_path / "dev.jsonl", "the dev corpus")


def test_an_empty_shared_folder_counts_as_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="the real support messages not found"):
        needs_shared(tmp_path, "the real support messages")


def test_a_present_shared_file_lets_the_test_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    (tmp_path / "dev.jsonl").write_text("{}\n")
    needs_shared(tmp_path / "dev.jsonl", "the dev corpus")
    needs_shared(tmp_path, "a folder of corpora")
