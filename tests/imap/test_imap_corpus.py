"""Real mail from real clients: every .eml in eml/ gives exactly its .expected.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.imap.parsing import parse_message

EML = Path(__file__).parent / "eml"
CASES = sorted(p.stem for p in EML.glob("*.eml"))


def test_the_corpus_covers_at_least_thirty_messages() -> None:
    assert len(CASES) >= 30
    missing = [name for name in CASES if not (EML / f"{name}.expected.txt").exists()]
    assert missing == []


@pytest.mark.parametrize("name", CASES)
def test_it_extracts_the_new_words_of_each_message(name: str) -> None:
    mail = parse_message((EML / f"{name}.eml").read_bytes())
    expected = (EML / f"{name}.expected.txt").read_text(encoding="utf-8").rstrip("\n")
    assert mail.text == expected
