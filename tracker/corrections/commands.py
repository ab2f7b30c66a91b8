"""What an agent writes to correct Follow-through, parsed. Pure: no database, no clock.

In a help-desk internal note (the first line starts with the command):
    #promise call back Friday 3pm   track a promise the extractor missed
    #notpromise [N]                 the ticket's first (or Nth) open promise is not one
    #done [N]                       it was kept
    #snooze 2d [N]                  quiet it for that long
As a reply to a notice e-mail (the first words of the reply): "done", "not a promise",
"snooze 2 days".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.durations import Duration, parse_duration

VERBS = ("promise", "notpromise", "done", "snooze")
TAG_VERBS = {"ft_not_a_promise": "notpromise", "ft_done": "done"}


class CommandError(ValueError):
    """The words look like a command but cannot be read; the message says why."""


@dataclass(frozen=True)
class Command:
    verb: str  # promise | notpromise | done | snooze
    words: str = ""  # for `promise`: the promise in the agent's words
    index: int = 1  # which open promise of the ticket (1 = the first made)
    snooze: Duration | None = None


_NOTE = re.compile(r"^\s*#(?P<verb>[a-z]+)\b[ \t]*(?P<rest>[^\n]*)", re.I)
_INDEX = re.compile(r"^\s*(?:#|no\.?\s*)?(\d{1,3})\s*$")
_SNOOZE = re.compile(
    r"^\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<business>business\s+|working\s+)?(?P<unit>[a-z]+)"
    r"(?:\s+(?P<index>\d{1,3}))?\s*$",
    re.I,
)


def _index(rest: str, verb: str) -> int:
    if not rest.strip():
        return 1
    match = _INDEX.match(rest)
    if not match or int(match.group(1)) < 1:
        raise CommandError(f"#{verb} takes at most a promise number (e.g. #{verb} 2), not {rest!r}")
    return int(match.group(1))


def _snooze(rest: str) -> tuple[Duration, int]:
    match = _SNOOZE.match(rest)
    if not match:
        raise CommandError(f"#snooze needs a length such as 2d or 3h, not {rest.strip()!r}")
    text = f"{match['n']} {match['business'] or ''}{match['unit']}"
    try:
        duration = parse_duration(" ".join(text.split()))
    except ValueError as exc:
        raise CommandError(f"#snooze: {exc}") from None
    return duration, int(match["index"]) if match["index"] else 1


def parse_note(text: str) -> Command | None:
    """The command a note starts with; None when it starts with none of ours (an ordinary
    note, or a `#hashtag` of someone else's). Raises CommandError for a command we know
    written in a way we cannot read."""
    match = _NOTE.match(text or "")
    if not match:
        return None
    verb, rest = match["verb"].lower(), match["rest"].strip()
    if verb not in VERBS:
        return None
    if verb == "promise":
        if not rest:
            raise CommandError(
                "#promise needs the promise's words (e.g. #promise call back Friday 3pm)"
            )
        return Command("promise", words=rest[:500])
    if verb == "snooze":
        duration, index = _snooze(rest)
        return Command("snooze", index=index, snooze=duration)
    return Command(verb, index=_index(rest, verb))


_REPLY = re.compile(
    r"^\s*(?:(?P<done>done|kept|completed?)|(?P<not>not\s+a\s+promise|no\s+promise|not\s+promise)"
    r"|snooze(?:\s+(?:for\s+)?(?P<length>[^\n.!]*))?)\b",
    re.I,
)


def parse_reply(text: str, default_snooze: str = "1 day") -> Command | None:
    """The command in the first line of a reply to a notice ("done", "not a promise",
    "snooze 2 days"); None when the first line is anything else."""
    first = next((line for line in (text or "").splitlines() if line.strip()), "")
    match = _REPLY.match(first)
    if not match:
        return None
    if match["done"]:
        return Command("done")
    if match["not"]:
        return Command("notpromise")
    length = (match["length"] or "").strip() or default_snooze
    duration, _ = _snooze(length)
    return Command("snooze", snooze=duration)


def tag_commands(tags: tuple[str, ...] | list[str]) -> list[tuple[str, Command]]:
    """The (tag, command) pairs a ticket's tags ask for, in a fixed order."""
    present = {t.lower() for t in tags}
    return [(tag, Command(verb)) for tag, verb in TAG_VERBS.items() if tag in present]
