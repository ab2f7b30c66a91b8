"""Turns of a live chat transcript, for the spec's "done in the same live exchange".

In a transcript ("[10:42] Agent Jo: Let me look up the order for you.\\n[10:44] Agent Jo:
It left the depot this morning."), a check whose next line is the same speaker's next
turn was done while the customer waited: the agent came back with the answer before the
customer wrote again. Customers' lines are already blanked (cleaning.py), so a customer
turn in between leaves a blank line in the gap, and the agent's turn does not go on.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from tracker.extraction.cues import has_cue
from tracker.extraction.lines import LinePattern
from tracker.extraction.vocab import en

# A time: in brackets ("[10:42]", "[01/12/2026, 10:42:13]", "(10:42:13 AM)"), a date and
# time ("01/12/2026, 10:42", "2026-12-01 10:42", "Dec 1, 2026 at 10:42 AM"), a bare time
# ("2:46 PM") or the time since the chat began ("( 1m 20s )").
_TIME = (
    r"(?:\[[^\]\n]{1,24}\]|\((?:[^)\n]{0,12}\b)?\d{1,2}[:.]\d{2}[^)\n]{0,12}\)"
    r"|\([ \t]*(?:\d{1,2}h[ \t]*)?(?:\d{1,2}m[ \t]*)?\d{1,2}s[ \t]*\)"
    r"|(?:(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?"
    r"|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?(?:[ \t]+\d{4})?),?[ \t]+(?:at[ \t]+)?)?"
    r"\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?)"
)


# A turn's speaker label at the start of a line: an optional time (_TIME below: "[10:42]",
# "13:00", "(10:42:13 AM)", "01/12/2026, 10:42 -", "( 1m 20s )"), then up to 40 characters of
# name or role ("Agent Jo", "Sarah (Agent)", "Support (Nina)", "+44 7700 900123") and a
# colon followed by a space, or a pipe after a time ("10:42 | Agent Jo | ...").
_TURN = re.compile(
    r"[ \t]*(?:(?P<time>" + _TIME + r")[ \t]*(?:[-\u2013\u2014|\u00b7\u2022][ \t]*)?)?"
    r"(?P<who>[^\s:\[\]|][^:\n.!?|]{0,40}?)(?::[ \t]|(?(time)[ \t]+\|[ \t]|(?!)))"
)


def speaker(text: str, at: int) -> str | None:
    """The speaker label of the chat line holding `text[at]`, lower-cased, or None: from
    the line's own label ("[10:42] Agent Jo:", "Jo 10:42:") or, for the words under a
    header line ("Jo (Support) 10:42"), from that header."""
    line_start = text.rfind("\n", 0, at) + 1
    turn = _TURN.match(text, line_start)
    if turn is None:
        label = _LABEL_LINE.match(text, line_start)
        if label is None and line_start > 0:
            label = _LABEL_LINE.match(text, text.rfind("\n", 0, line_start - 1) + 1)
            if label is not None and label["header"] is None:
                return None  # the line above is a turn of its own, not a header
        if label is None or (label["header"] is not None and label.end() > at):
            return None
        if not (label["before"] or label["after"]) and label["header"] is not None:
            return None
        return " ".join(label["who"].lower().split())
    return " ".join(turn["who"].lower().split())


def turn_goes_on(text: str, end: int, next_start: int) -> bool:
    """Does the sentence ending at `end` close a chat turn whose speaker writes the very
    next line (starting at `next_start`), with no one else's line between, and not to
    ask the customer something?"""
    gap = text[end:next_start]
    if gap.count("\n") != 1 or gap.strip():
        return False
    own = speaker(text, end - 1)
    line_end = text.find("\n", next_start)
    header = _LABEL_LINE.match(text, next_start)
    if header is not None and header["header"] is not None and line_end >= 0:
        # A header line ("Jo (Support) 10:44"): the turn's words are on the line below.
        next_start, line_end = line_end + 1, text.find("\n", line_end + 1)
    if own is None or speaker(text, next_start) != own:
        return False
    # The answer first and a question after it ("The team says Tuesday works. Does that
    # suit you?") goes on; a question alone asks the customer instead.
    next_line = text[next_start : len(text) if line_end < 0 else line_end].rstrip()
    first = _SENTENCE_END.search(next_line)
    return first is not None and first.group() != "?"


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_DONE = re.compile(
    r"[ \t]*(?:(?:" + "|".join(en.DONE_LEADS) + r")\b[,!.]*[ \t]+)*"
    r"(?:(?:that|it)(?:'s|\u2019s|[ \t]+is|[ \t]+has)[ \t]+(?:been[ \t]+|now[ \t]+|all[ \t]+)*)?"
    r"(?:" + "|".join(en.DONE_REPORTS) + r")\b(?![ \t]*\?)",
    re.IGNORECASE,
)


_BACK = re.compile(
    r"[ \t]*(?:(?:"
    + "|".join(en.DONE_LEADS)
    + r")\b[,!.]*[ \t]+)*(?:"
    + "|".join(p.replace(" ", r"[ \t]+").replace("'", "['\u2019]") for p in en.BACK_WITH_ANSWER)
    + r")\b",
    re.IGNORECASE,
)


def done_in_next_turn(text: str, end: int) -> str:
    """How the speaker's next turn after the sentence ending at `end` opens, with only
    other speakers' lines (the customer's "yes please") between: "done" when it reports
    the commitment done ("Done.", "Booked!", "Ok, all sorted"), "back" when it comes back
    with what a check found ("Thanks for waiting. ...", or a statement of what is so: "The
    van is two stops away."), else "". Either way it was done in the same live exchange.
    (The customer's lines between are blanked already: what they said is not read.)"""
    own = speaker(text, end - 1) if "\n" in text[end:] else None
    if own is None:
        return ""
    at = text.find("\n", end)
    for _ in range(12):  # a few lines on: the next turn, not the rest of a long transcript
        if at < 0:
            return ""
        start = at + 1
        at = text.find("\n", start)
        turn = _TURN.match(text, start)
        if turn is not None:
            who, words = turn["who"], turn.end()
        else:
            label = _LABEL_LINE.match(text, start)
            if label is None or label["header"] is None or at < 0:
                continue  # a line that carries a turn on, or a tool's own line
            who, words = label["who"], at + 1
        if " ".join(who.lower().split()) == own:
            if _DONE.match(text, words):
                return "done"
            if _BACK.match(text, words):
                return "back"
            return "back" if _reports(text, words) else ""
    return ""


def _reports(text: str, at: int) -> bool:
    """Does the agent's turn at `at` open with a statement of what is so ("It's at the
    depot.", "Your order left today!"): not a question, not a commitment or a hold, not
    a courtesy ("No worries", "Anything else?")?"""
    line_end = text.find("\n", at)
    line = text[at : len(text) if line_end < 0 else line_end].strip()
    first = _SENTENCE_END.search(line)
    if first is None or first.group() == "?" or not line[:1].isalpha():
        return False
    sentence = line[: first.end()]
    return not _NOT_A_REPORT.match(sentence) and not has_cue(sentence)


# A turn's opening that reports nothing found: thanks, courtesy, a greeting, a goodbye.
_NOT_A_REPORT = re.compile(
    r"(?:no\s+(?:worries|problem)|you'?re\s+welcome|anything\s+else|is\s+there|hi|hello|hey"
    r"|thanks|thank|sorry|bye|have\s+a|chat\s+soon|speak\s+soon|take\s+care|welcome"
    r"|ok|okay|great|perfect|sure)\b",
    re.IGNORECASE,
)


# A name or role ("Agent Maya", "Visitor 48213"), with the company after it ("Maya from
# Acme", "Maya (Support)", "Maya – Acme Bank", "Acme Airways - Omar"); or a phone number or
# an e-mail address ("+44 7700 900123", "dana@example.com": a messaging export's unsaved
# contact, a chat tool's visitor). After a time, a user name in lower case too ("[10:42]
# dana_r:").
_NAME = (
    r"(?:\+\d[\d \t().-]{5,16}\d|[\w.+-]{1,40}@[\w-]{1,30}(?:\.[\w-]{1,20}){1,3}"
    r"|[A-Z][\w'\u2019-]{0,20}(?:[ \t]+(?:[A-Z][\w'\u2019.-]{0,20}|\#?\d{1,10})){0,2}"
    r"(?:[ \t]+(?:from|at|@|[-\u2013\u2014])[ \t]+[A-Z][\w'&\u2019.-]{0,20}"
    r"(?:[ \t]+[A-Z][\w'&\u2019.-]{0,20})?)?"
    r"(?:[ \t]*[(\[][^)\]\n]{1,30}[)\]])?)"
)
# Who speaks in a transcript. A turn's label, at the start of its line: an optional time
# before or after the name ("[10:02] Agent Maya:", "Maya 10:04:", "Andre (10:05):"), and
# the words after the colon on that line; or a header line of its own ("Maya (Support)
# 10:04", "Andre · 2:46 PM") whose words follow on the next lines. After a time, a pipe
# may stand for the colon ("10:42 | Agent Maya | ...").
_LABEL = (
    r"[ \t]*(?:(?P<before>"
    + _TIME
    + r")[ \t]*(?:[-\u2013\u2014|\u00b7\u2022][ \t]*)?)?(?P<who>"
    + _NAME
    + r"|(?(before)[a-z][\w.-]{1,30}|(?!)))"
    + r"(?:[ \t]*(?:[-\u2013\u2014|\u00b7\u2022,][ \t]*)?(?P<after>"
    + _TIME
    + r"))?[ \t]*(?::[ \t]|:$|(?(before)\|[ \t]|(?!))|"
    r"(?P<header>$))"
)
_LABEL_LINE = re.compile("^" + _LABEL, re.MULTILINE)
_LABEL_LINES = LinePattern(_LABEL)
# Words in a label that name the customer, the business side, or no speaker at all
# (mail headers and notes: "Subject:", "Note:", "Order:").
# Also in the other languages of the corpus ("Cliente", "Klant", "Kunde"; "Operatore",
# "Atendente", "Medewerker", "Conseiller").
_CUSTOMER_WORDS = {
    *("customer", "client", "caller", "guest", "visitor", "user", "member", "cliente"),
    "them",  # an SMS export's other side ("Them: ..." beside "Me: ...")
    *("klant", "kunde", "kundin", "usuario", "utente"),
}
_AGENT_WORDS = {
    *("agent", "support", "rep", "representative", "advisor", "adviser", "team", "staff"),
    *("specialist", "service", "care", "helpdesk", "operator", "associate", "moderator"),
    *("brand", "operatore", "atendente", "medewerker", "conseiller", "conseill\u00e8re"),
    *("agente", "asesor", "asesora", "mitarbeiter", "mitarbeiterin", "kundenservice"),
    "me",  # an SMS export's own side: the message's author
    # with a customer word, the business's desk: "Customer Service", "Guest Relations"
    *("services", "relations", "success", "experience", "desk", "centre", "center", "help"),
    *("helpline", "hotline", "line", "contact", "concierge", "reception", "front"),
}
# Words that name a business, not a person, in a messaging export's label ("Rapid Locks",
# "Harbour Plumbing", "Bloom Florists Ltd"): the business's side, the message's author, as
# the spec has a customer's own "I'll call you tomorrow" be no promise of ours. (No trade
# that is also a surname: "Baker", "Cook", "Taylor".)
_BUSINESS_WORDS = {
    *("ltd", "llc", "inc", "plc", "gmbh", "co", "company", "group", "shop", "store", "studio"),
    *("plumbing", "locks", "locksmiths", "repairs", "electrical", "electrics", "heating"),
    *("garage", "motors", "autos", "tyres", "salon", "clinic", "dental", "surgery", "pharmacy"),
    *("florists", "bakery", "cafe", "hotel", "tailoring", "cleaning", "cleaners", "removals"),
    *("lettings", "estates", "properties", "rentals", "hire", "insurance", "bank", "energy"),
    *("telecom", "broadband", "fitness", "gym", "vets", "veterinary", "roofing", "landscaping"),
    *("landscapes", "decorating", "builders", "construction", "glazing", "appliances"),
    *("logistics", "couriers", "travel", "tours", "catering", "kitchens", "bathrooms"),
    *("flooring", "carpets", "opticians", "optical", "dentistry", "physio", "spa", "boutique"),
}
_BUSINESS_SIDE_WORDS = _AGENT_WORDS | _BUSINESS_WORDS
# A chat tool's own automatic lines ("Bot:", "Acme Bot:", "System:", "Virtual Assistant:"):
# never the agent's promise ("An agent will reply within 5 minutes").
_BOT_WORDS = {"system", "bot", "chatbot", "automated", "virtual", "autoresponder"}
_NOT_SPEAKERS = {
    *("from", "to", "cc", "bcc", "sent", "date", "subject", "re", "fwd", "fw", "note", "notes"),
    *("ps", "update", "order", "ticket", "case", "ref", "reference", "tel", "phone", "email"),
    *("address", "status", "reason", "summary", "action", "actions", "next", "eta", "edit"),
    *("important", "reminder", "tip", "warning", "question", "answer", "q", "a", "attachment"),
    *("attachments", "tracking", "account", "name", "item", "items", "total", "price", "time"),
    *("when", "where", "what", "why", "how", "also", "and", "but", "so", "ok", "okay", "yes"),
    *("no", "hi", "hello", "hey", "dear", "thanks", "today", "tomorrow", "step", "steps"),
    *("auto", "chat"),
    *("transcript", "conversation", "session", "channel", "topic", "started", "ended"),
}
# An agent names herself: "you're through to Maya", or "I'm Maya" with the business or
# the help that follows ("I'm Maya from Brightline", "this is Maya, your advisor", "my name
# is Maya and I'll help you") — a customer says "Hi, I'm Andre" too, and that alone is not
# enough.
_INTRODUCED = (
    r"\byou(?:'re|\s+are)\s+(?:through|talking|chatting|speaking)\s+(?:to|with)\s+{name}"
    r"|\b{name}\s+here,?\s+(?:from|at|with|on|in|to\s+help)\b"
    r"|(?:\bI'?m|\bI\s+am|\bmy\s+name\s+is|\bthis\s+is|\bit'?s)\s+{name}[ \t]*,?[ \t]*(?:from|at"
    r"|with|of|on|here\s+(?:at|from|to)|and\s+I(?:'ll|\s+will|\s+can|'d)?\s+(?:be\s+)?"
    r"(?:help(?:ing)?|assist(?:ing)?|look(?:ing)?\s+after|tak(?:e|ing)\s+care)|your"
    r"|one\s+of|the)\b"
)
_ANY_NAME = r"(\w[\w'\u2019-]*)\b"
_INTRODUCED_ANY = re.compile(_INTRODUCED.format(name=_ANY_NAME), re.IGNORECASE)
_CHAT_WITH = re.compile(r"\bchat(?:ting)?\s+with\s+" + _ANY_NAME, re.IGNORECASE)
_HELPING = re.compile(
    r"\b(?:how\s+(?:can|may|could)\s+I\s+help|what\s+can\s+I\s+do\s+for\s+you|thanks?\s+(?:you\s+)?"
    r"for\s+(?:contacting|reaching\s+out|getting\s+in\s+touch|your\s+patience|waiting)|"
    r"welcome\s+to\b|anything\s+else\s+(?:that\s+)?I\s+can\s+(?:help|do|assist)|"
    r"(?:happy|glad)\s+to\s+(?:help|assist)\b)",
    re.IGNORECASE,
)
# An agent hands the chat to a colleague by name: "I'm transferring you to Tom in
# billing", "let me pass you over to my colleague Tom", "my colleague Tom will take over".
_HANDED_TO = (
    r"\b(?:transfer|pass|hand|put|connect)\w*\s+you\s+(?:over\s+|through\s+|back\s+)?"
    r"(?:to|with)\s+{words}|\bcolleague,?\s+{name}"
    r"|\b{name}\s+(?:will|is\s+going\s+to)\s+(?:take\s+over|join|be\s+with\s+you)"
)
# One of these is in every hand-over _HANDED_TO finds (a cheap test first).
_HANDED_TO_WORDS = ("transfer", "pass", "hand", "put", "connect", "colleague", "will", "going")
_HANDED_TO_ANY = re.compile(
    _HANDED_TO.format(name=_ANY_NAME, words=r"((?:[\w']+[ \t]+){0,3}\w[\w'\u2019-]*)\b"),
    re.IGNORECASE,
)


class _Turn(NamedTuple):
    speaker: str  # the label's words, lower-cased: "agent maya", "andre"
    start: int  # where its line starts
    stop: int  # where its words end
    company: bool  # a company or team in brackets after the name: "Sara (Northgate)"


def _words(label: str) -> list[str]:
    """A label's words, or the digits of a phone number ("+44 7700 900123")."""
    return _LETTERS.findall(label.lower()) or _DIGITS.findall(label)


_LETTERS = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"\d+")


# A company or team in brackets in a speaker's label, or after "from", "at" or a dash: "Sara
# (Northgate)", "Sara from Northgate", "Sara – Northgate".
_BRACKETED = re.compile(r"[(\[][^)\]]*[A-Za-z]|[ \t](?:from|at|@|[-\u2013\u2014])[ \t]")
# A chat tool's own line naming the agent who takes the chat: "*** Chat transferred to
# Tom ***", "Tom has joined the chat", "Chat accepted by Tom".
_TOOL_NAME = r"[A-Z][\w'\u2019-]{0,20}(?:[ \t]+[A-Z][\w'\u2019-]{0,20})?"
_TAKES_OVER = LinePattern(
    r"[ \t]*(?:" + _TIME + r")?[ \t(*\[-]*(?:(?i:[^\n]{0,30}?\b(?:transferred|assigned|passed"
    r"|handed(?:\s+over)?)\s+to|(?:chat\s+)?(?:accepted|picked\s+up|answered)\s+by)\s+"
    r"(?i:agent\s+)?(?P<to>" + _TOOL_NAME + r")"
    r"|(?P<joined>" + _TOOL_NAME + r")\s+(?i:(?:has\s+)?(?:joined|entered)\s+the\s+"
    r"(?:chat|conversation)))"
)


# One of these is in every line _TAKES_OVER finds (a cheap test first).
_TAKES_OVER_WORDS = (
    *("transferred", "assigned", "passed", "handed", "accepted", "picked", "answered"),
    *("joined", "entered"),
)


# A live chat has a handful of speakers; a text whose labels name more is not read as one
# (a list of "Name: ..." lines, or an input built to make the reading slow).
MAX_SPEAKERS = 50


def _turns(text: str) -> list[_Turn]:
    """The turns of `text`, each from its label to the next label or a blank line; none
    when the labels name more than MAX_SPEAKERS speakers."""
    found: list[tuple[str, int, bool]] = []
    speakers: set[str] = set()
    for start, end, label in _LABEL_LINES.matches(text):
        who = label["who"]
        speaker, company = _speaker(who)
        if not speaker:
            continue
        if label["header"] is not None and not (
            (label["before"] or label["after"]) and _next_line_has_words(text, end)
        ):
            continue  # a name alone on its line is a signature or a greeting, not a turn
        speakers.add(speaker)
        if len(speakers) > MAX_SPEAKERS:
            return []
        found.append((speaker, start, company))
    turns = []
    for index, (speaker, start, company) in enumerate(found):
        following = found[index + 1][1] if index + 1 < len(found) else len(text)
        turns.append(_Turn(speaker, start, _turn_end(text, start, following), company))
    return turns


@lru_cache(maxsize=256)  # a transcript repeats its few labels on every turn
def _speaker(who: str) -> tuple[str, bool]:
    """The speaker a label names ("" for none) and whether it names a company too."""
    words = _words(who)
    if not words or words[0] in _NOT_SPEAKERS or len(who) > 40:
        return "", False
    company = _BRACKETED.search(who) is not None
    address = "@" in who and not company  # "dana@example.com", not "Priya @ Acme"
    return (who.lower() if address else " ".join(words)), company


@lru_cache(maxsize=256)
def _is_customer(speaker: str) -> bool:
    """A speaker label with the customer's role, a phone number or an e-mail address (a
    messaging export's unsaved contact, a chat tool's visitor)."""
    words = set(speaker.split())
    if words & _CUSTOMER_WORDS:
        return not words & _AGENT_WORDS
    return speaker[:1].isdigit() or "@" in speaker


def _named(pattern: re.Pattern[str], text: str) -> set[str]:
    """The words (lower-cased) of the name that `pattern`'s one group finds in `text` ("Tom",
    or "my colleague Tom" where the name is one of the words after the verb)."""
    return {
        w for m in pattern.finditer(text) for w in next(g for g in m.groups() if g).lower().split()
    }


# An agent introduces herself or offers help in her first turns.
_OPENING_TURNS = 20


def _agents(text: str, turns: list[_Turn]) -> set[str]:
    """The speakers of `turns` that speak for the business: a role in the label ("Agent
    Maya", "Support (Nina)"), the one label with a company in brackets, a speaker who
    names herself ("Hi, I'm Maya") or opens with "How can I help?", or whom the
    transcript's title names ("Chat with Taylor"); and the same names labelled short."""
    speakers = {t.speaker for t in turns}
    customers = {s for s in speakers if _is_customer(s)}
    agents = {s for s in speakers - customers if set(s.split()) & _BUSINESS_SIDE_WORDS}
    lowered = text.lower()
    taken = (
        {(m["to"] or m["joined"]).lower() for _, _, m in _TAKES_OVER.matches(text)}
        if any(word in lowered for word in _TAKES_OVER_WORDS)
        else set()
    )
    agents |= {s for s in speakers - customers if s.split()[0] in taken or s in taken}
    bracketed = {t.speaker for t in turns if t.company} - customers
    if len(bracketed) == 1:
        agents |= bracketed
    title = text[: turns[0].start]
    said: dict[str, list[str]] = {}
    for turn in turns:
        said.setdefault(turn.speaker, []).append(text[turn.start : turn.stop])
    # Each pattern is searched once per speaker with any name in it, and the names it
    # finds are compared with the speaker's (no pattern per name: a transcript may hold
    # thousands of speakers).
    in_title = {m[1].lower() for m in _CHAT_WITH.finditer(title)}
    for speaker in speakers - agents - customers:
        names = [w for w in speaker.split() if len(w) > 1 and w not in ("you", "me")]
        if not names:
            continue
        own = "\n".join(said[speaker][:_OPENING_TURNS])
        if names[0] in in_title or _HELPING.search(own) or names[0] in _named(_INTRODUCED_ANY, own):
            agents.add(speaker)
    agents_said = "\n".join("\n".join(said[a]) for a in agents)
    if any(word in agents_said.lower() for word in _HANDED_TO_WORDS):
        # "I'm transferring you to Tom in billing" and then "Tom: ...": the next agent.
        handed = _named(_HANDED_TO_ANY, agents_said)
        agents |= {s for s in speakers - agents - customers if s.split()[0] in handed}
    # "Agent Mo" and then "Mo": the same agent, labelled short.
    agent_words = {w for a in agents for w in a.split()} - _BUSINESS_SIDE_WORDS
    return agents | {s for s in speakers - customers if set(s.split()) <= agent_words}


def customer_turns(text: str) -> list[tuple[int, int]]:
    """The spans of a live-chat transcript's turns that are not the agent's (the message's
    author): every turn of a speaker other than the agent, with the lines that carry it on
    up to the next label. Nothing when the transcript does not tell which speaker is the
    agent (a role in a label, a self-introduction "Hi, I'm Maya", or the opening "How can I
    help?"), so an e-mail's "Note:" or a single named line is left alone."""
    if "\n" not in text:
        return []
    turns = _turns(text)
    if len(turns) < 2 or len({t.speaker for t in turns}) < 2:
        return []
    bots = [t for t in turns if _is_bot(t.speaker)]
    if bots:
        turns = [t for t in turns if not _is_bot(t.speaker)]
    marked = [(t.start, t.stop) for t in turns if _is_customer(t.speaker)]
    if marked and len(marked) < len(turns):
        # The customer named by a role ("Visitor 48213", "Customer") or a phone number:
        # every other speaker is the business's (an agent the chat passed to, too).
        return marked + [(t.start, t.stop) for t in bots]
    agents = _agents(text, turns) if turns else set()
    if not agents:
        return []  # no transcript told: a "System:" line of a bug report stays
    return [(t.start, t.stop) for t in turns if t.speaker not in agents] + [
        (t.start, t.stop) for t in bots
    ]


@lru_cache(maxsize=256)
def _is_bot(speaker: str) -> bool:
    """A chat tool's own automatic speaker: "Bot", "Acme Bot", "System", "Assistant"."""
    words = set(speaker.split())
    if "assistant" in words:  # "Virtual Assistant", "Assistant"; not "Assistant Manager Jo"
        return len(words) == 1 or "virtual" in words
    return bool(words & _BOT_WORDS)


def _next_line_has_words(text: str, at: int) -> bool:
    newline = text.find("\n", at)
    if newline < 0:
        return False
    end = text.find("\n", newline + 1)
    return bool(text[newline + 1 : len(text) if end < 0 else end].strip())


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _turn_end(text: str, start: int, next_turn: int) -> int:
    """The end of a turn: its line and the lines after it, up to the next turn or a blank
    line after its words."""
    newline = text.find("\n", start)
    words = start if newline < 0 else newline + 1  # a header's words are on the next line
    blank = _BLANK_LINE.search(text, words, next_turn)
    return next_turn if blank is None else blank.start()
