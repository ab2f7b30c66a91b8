"""What agents write, read as commands (pure)."""

from __future__ import annotations

import pytest

from tracker.corrections.commands import (
    Command,
    CommandError,
    parse_note,
    parse_reply,
    tag_commands,
)


def test_a_note_command_is_read_from_the_start_of_the_note():
    assert parse_note("#done") == Command("done")
    assert parse_note("  #NotPromise 2\nit was a question") == Command("notpromise", index=2)
    assert parse_note("#promise call back Friday 3pm") == Command(
        "promise", words="call back Friday 3pm"
    )
    snooze = parse_note("#snooze 2d")
    assert snooze.verb == "snooze" and snooze.snooze.delta.days == 2 and snooze.index == 1
    assert parse_note("#snooze 3 business days 2").snooze.business


def test_ordinary_notes_and_other_hashtags_are_not_commands():
    assert parse_note("Customer called, see #1234") is None
    assert parse_note("#urgent please look") is None
    assert parse_note("done") is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("#promise", "needs the promise's words"),
        ("#snooze soon", "needs a length"),
        ("#done maybe", "promise number"),
        ("#snooze 2 fortnights", "unknown unit"),
    ],
)
def test_a_command_written_wrongly_says_why_in_one_line(text, why):
    with pytest.raises(CommandError, match=why):
        parse_note(text)


def test_a_reply_is_read_from_its_first_line():
    assert parse_reply("Done, thanks\n\n> On Monday you wrote") == Command("done")
    assert parse_reply("Not a promise.") == Command("notpromise")
    assert parse_reply("snooze 2 days").snooze.delta.days == 2
    assert parse_reply("Snooze").snooze.delta.days == 1
    assert parse_reply("I am not done yet") is None


def test_command_tags_are_found_among_the_tickets_tags():
    found = tag_commands(["vip", "FT_DONE", "ft_not_a_promise"])
    assert [(tag, c.verb) for tag, c in found] == [
        ("ft_not_a_promise", "notpromise"),
        ("ft_done", "done"),
    ]
