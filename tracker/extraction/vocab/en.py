"""English vocabulary of commitments: action verbs by kind, people who act for us,
hand-over verbs and the informal spellings of "I'll" / "we'll".

Two kinds of list: lists read as tokens (tokens.Phrases: the ones marked "plain" or
"read as tokens", and all under "words read as tokens" and "verb phrases read as tokens")
are plain words and phrases, matched whole and case-insensitively, with a space for any
whitespace ("*" any one word, "#" any number); the others build patterns and are
regular-expression fragments, matched case-insensitively on text whose apostrophes are
normalised to "'" (a verb entry is matched at the start of a verb phrase).
"""

from __future__ import annotations

from tracker.kinds import PromiseKind


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _phrases(*slots: str) -> tuple[str, ...]:
    """Every phrase with one word from each slot: ("do does", "you") -> "do you", "does you"."""
    out = [""]
    for slot in slots:
        out = [f"{before} {word}".strip() for before in out for word in slot.split()]
    return tuple(out)


def _joined(*slots: tuple[str, ...]) -> tuple[str, ...]:
    """Every phrase with one entry from each slot, "" leaving the slot out:
    (("give",), ("you", "u"), ("", "a"), ("call",)) -> "give you call", "give you a call", …"""
    out = [""]
    for slot in slots:
        out = [f"{before} {entry}" for before in out for entry in slot]
    return tuple(dict.fromkeys(" ".join(phrase.split()) for phrase in out))


def _plurals(nouns: tuple[str, ...]) -> tuple[str, ...]:
    """Each noun (or phrase ending in one) and its plural: "typo" -> "typo", "typos"."""
    return tuple(form for noun in nouns for form in (noun, noun + "s"))


# Verbs that send something to the customer (kind `send`), read at the start of a verb
# phrase: plain words and phrases (tokens.Phrases), each a whole word; "*" is any one word.
SEND_VERBS: tuple[str, ...] = (
    *_words("send email e-mail post mail ship despatch dispatch courier issue refund credit"),
    *_words("reimburse share forward provide pay resend resent re-send re-sent reissue"),
    *_words("re-issue return compensate order arrange collect bring pack expedite rush"),
    *_words("fast-track fasttrack upload attach transfer redeliver re-deliver fax"),
    *_words("publish"),
    # "we'll reorder it today", "they will initiate the refund within 24 hours"
    *_words("reorder re-order initiate"),
    "pick up",
    *_phrases("load", "your the"),
    # common typos of "send"
    *_words("sned snd countersign"),
    # "I'll print your pass today and leave it at reception"
    *_phrases("print", "your the a an it them"),
)
# ... and the ones that stay regular-expression fragments (matched case-insensitively, each
# before a word boundary).
SEND_VERB_PATTERNS: tuple[str, ...] = (
    # a change put up for review: "I'll have the flag PR up by Friday", "get a patch up
    # tonight" (with its time or at the clause's end)
    r"(?:have|get|put)\s+(?:a|an|the|my)\s+(?:[\w.+-]+\s+){0,3}?(?:PR|MR|pull\s+request|"
    r"merge\s+request|patch|patchset|branch|draft)\s+up\b"
    r"(?=\s+(?:by|on|before|tonight|today|tomorrow|this|next|later|for\s+review)\b|\s*[.,;!]|$)",
    r"deliver(?!\s+(?:on\s+(?:our|my|the|that|this|its|a|your)|our|a\s+great)\b)",
    # "we'll drop the spare key off", "drop off the spare key"
    r"drop\s+(?:\w+\s+){0,3}?off\b",
    # "our receptionist will hand it to you" (not "hand it to our team": an escalation)
    r"hand\s+(?:\w+\s+){0,3}?(?:over\s+)?to\s+(?:you|u)\b",
    r"drop\s+(?:the|your|it|them|a|an)\b(?!\s+(?:line|note|message|e-?mail|text|dm)\b)",
    # non-native support English: "make the refund", "do the re-delivery"
    r"(?:make|do)\s+(?:the|a|your)\s+(?:re-?)?(?:refund|delivery|payment|transfer|shipment|"
    r"reimbursement|replacement|exchange)",
    # "get it to your dock first thing Monday", "get your order out this week"
    r"(?:get|have)\s+(?:it|them|this|that|your|the)\s+(?:[\w-]+\s+){0,2}?(?:to\s+your\s+(?:door|dock|"
    r"address|home|house|office|site|desk|store|branch)|out\s+(?:to\s+(?:you|u)|today|tomorrow|"
    r"tonight|this|on|by|first|before))\b",
    r"go\s+out\s+(?:to\s+(?:you|u)\s+)?(?:today|tomorrow|tonight|this|on|by|with|first)\b",
    # "we'll have your laptop ready for collection": the customer's goods made ready
    r"(?:have|get)\s+(?:(?:it|them|your|the|a|an|this|that)\s+)(?:[\w-]+\s+){0,3}?ready\s+"
    r"(?:for\s+(?:collection|pick[\s-]?up|delivery|dispatch|shipping|signing)|to\s+(?:collect|ship|go)"
    # "ready for you to test by Thursday" (with its time)
    r"|for\s+(?:you|u)\b[^.;!?]{0,30}?\b(?:by|today|tomorrow|tonight|this|next\s+(?!time\b)|within)"
    r"|by|today|tomorrow|tonight|on)\b",
    # software and support work: "drop off the spare key", "put together a patch", "write up
    # a proper answer", "initiate the refund"
    r"drop\s+off",
    r"put\s+together",
    r"write\s+up",
    r"initiate\s+(?:the|a|an|your)\s+(?:[\w-]+\s+)?(?:refund|transfer|payment|reimbursement|"
    r"replacement|return|exchange)",
)

# Money added or applied to the customer's account is sent (kind `send`): "we'll add a $10
# credit to your account", "apply the refund to your card" (a regular-expression fragment).
MONEY_ADDED: str = (
    r"(?:add|apply|load)\s+(?:(?:the|a|an|your|that|this|their|some)\s+)?"
    r"(?:[\w£$€₹₱₺.,%-]+\s+){0,3}?(?:credits?|vouchers?|refunds?|cashback|reimbursements?|"
    r"compensation|money|funds|balance)\b"
    r"|(?:add|apply|load)\s+(?:(?:the|a|an)\s+)?(?:[£$€₹₱₺]|(?:USD|EUR|GBP|AED|INR|PHP|TRY)\s*)\d"
)

# Verbs that fix, change or arrange the service for the customer (kind `fix`): plain words
# and phrases as SEND_VERBS.
FIX_VERBS: tuple[str, ...] = (
    *_words("fix reset unlock unblock reactivate re-activate activate restore resolve solve"),
    *_words("sort"),
    *_words("correct repair replace book cancel remove reverse amend change adjust reconnect"),
    *_words("reinstate reenable re-enable enable setup upgrade downgrade rectify clear deploy"),
    *_words("patch reinstall reschedule rebook proceed schedule rerun re-run install migrate"),
    *_words("remedy unfreeze release lift merge delete close waive visit attend arrive"),
    # a change made on the customer's account or order: "I'll add the crystals to your
    # account", "apply the 20% discount to your order", "add you to the beta list" (money
    # added is sent: MONEY_ADDED)
    *_words("add apply"),
    # concrete IT actions on the customer's service: "we'll reboot the router tonight"
    *_words("restart reboot resync re-sync reprovision re-provision"),
    *_joined(("set",), ("", "*", "* *"), ("up",)),
    *_joined(("get",), ("", "right"), ("on", "onto"), ("it", "this", "that")),
    *_phrases("pop drop swing", "round over by"),
    "come out",
    "take care of",
    "handle",
    "deal with",
    "action",
    "look after",
    "process",
    "push",
    "roll out",
    "fit",
    *_phrases("come", "round over"),
    "come to your",
    *_joined(
        ("find",), ("a", "the", "you a"), ("", "*"), _words("solution fix resolution workaround")
    ),
    *_phrases(
        "be", "at", "your", "place home house address property premises office site flat door"
    ),
    # swaps, moves and work on site: "swap the meter out", "switch you to the annual plan"
    *_words("swap switch"),
    *_phrases("move", "you your it them the"),
    *_words("reroute resubmit approve trim fill reseed"),
    "do the needful",
    *_phrases("start", "the your on"),
    *_phrases("finish", "the your off"),
    "complete",
    *_phrases("meet", "you u him her them"),
    # redone on our side: "regenerate it", "replay the missed events", "set the cap to 100k"
    *_words("regenerate replay reprocess"),
    # changes to the customer's account or service: "whitelist your IP range", "turn off
    # auto-renew", "extend the old key by 14 days" (not "extend our apologies")
    *_words("whitelist reduce"),
    *_joined(("turn",), ("", "it", "this", "that", "them"), ("off", "on")),
    *_joined(("roll",), ("it", "this", "that", "them", "the *"), ("out",)),
    *_words("regrant re-grant reimport re-import revise substitute backfill pause"),
    *_joined(("include",), ("it", "them", "the fix"), ("in",)),
    *_phrases("set", "the your it them a an"),
    *_words("recalculate re-calculate reorder re-order"),
    # software and support work: "backport the fix to 2.4", "cut a 3.1.2 release", "build a
    # test package", "tag 0.9.3 on Monday", "bump the limit"
    *_words("backport cut build rebuild tag bump rebase hotfix compile recompile re-compile"),
    *_words("configure reconfigure re-configure redeploy re-deploy repick re-pick retry re-try"),
    *_words("refresh reindex re-index"),
)
FIX_VERB_PATTERNS: tuple[str, ...] = (
    r"update(?!\s+(?:our|my)\b)",
    r"be\s+on[\s-]?site",
    # "our engineer will be with you between 12 and 4"; texted: "patrol will be with u in
    # approx 25 mins", "be there b4 2"
    r"be\s+(?:with\s+(?:you|u|ya)|there|round)\s+(?=on|at|between|by|b4|from|tomorrow|tmrw|"
    r"today|tonight|this|next|within|in\s+(?:(?:approx(?:imately|\.)?|about|around|roughly|"
    r"under)\s+)?(?:an?|\d+|the\s+next))",
    r"(?:make|do)\s+the\s+(?:\w+\s+)?(?:change|"
    r"configuration|repair|installation|fix|work|job)s?"
    r"(?=\s+(?:on|to|for|in|at|by|tonight|today|tomorrow|this|next|after|before)\b|\s*[.,!;]|$)",
    # "we'll do a remote reset on it tonight", "do a quick repair on site tomorrow"
    r"(?:make|do)\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:repair|installation|fix|reset|reboot|restart|"
    r"reconnection|re-?install)"
    r"(?=\s+(?:on|to|for|in|at|by|tonight|today|tomorrow|this|next|after|before)\b|\s*[.,!;]|$)",
    r"extend(?!\s+(?:our|my)\b)",
    # software and support work (mailing lists, issue trackers): "respin the patch", "roll a new
    # build", "land the fix", "commit it", "roll it back"
    r"re-?spin",
    r"roll\s+(?:a|an|the)\s+(?:new\s+|fresh\s+|fixed\s+)?(?:build|release|version|package|patch|"
    r"update|fix|image|tarball)",
    r"land\s+(?:the|a|an|this|that|it|your)\b",
    r"commit\s+(?:the|a|an|this|that|it|them|your)\b",
    r"roll\s+(?:it|this|that|them|the\s+\w+)?\s*back",
    # remote support and booked work: "a technician will remote into your PC", "our engineer
    # will come for the boiler service on Friday"
    r"remote\s+(?:in(?:to)?|on(?:to)?)\s+(?:your|the)\b",
    # access given: "give you commit access", "grant you admin rights"
    r"(?:give|grant)\s+(?:you|u)\s+(?:[\w-]+\s+)?(?:access|permissions?|rights)",
    # "they'll have the new certificate in place by 2pm"
    r"(?:have|get|put)\s+(?:the|a|an|your|it|this|that)\s+(?:[\w-]+\s+){0,3}?in\s+place",
    r"come\s+(?:in\s+)?for\s+(?:the|your)\s+(?:[\w-]+\s+){0,2}?(?:maintenance|service|servicing|"
    r"repairs?|installation|inspection|check|check-up|fitting)",
    # a maintainer puts the change into a release: "I'll have it in a release candidate by
    # 3 May", "get the translated messages into the next nightly", "put it in the defaults
    # for the next release"
    r"(?:have|get|put)\s+(?:it|them|this|that|the|a|an|your|these|those)\b(?:\s+[\w.+-]+){0,5}?"
    r"\s+in(?:to)?\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:next\s+|upcoming\s+|new\s+|coming\s+)?"
    # (a numbered one: "get it into a 3.5.1 hotfix", "into the 2.0 beta")
    r"(?:v?\d+(?:\.\d+)+[\w.-]*\s+)?"
    r"(?:release|rc|nightly|nightlies|beta|snapshot|point\s+release|defaults|hotfix|"
    r"(?:patch|bugfix|maintenance)\s+release)\b",
    # "I'll have a 6.x-compatible release up on the registry by Friday"
    r"(?:have|get|put)\s+(?:a|an|the)\s+(?:[\w.+-]+\s+){0,3}?(?:release|build|version|package|"
    r"image|tarball)\b[^.;!?]{0,40}?\b(?:up|out|live)\s+(?:on|in|to|at)\b",
    # "I'll do a 0.9.3 with the fix", "do a point release tomorrow"
    r"do\s+(?:a|an)\s+(?:new\s+|quick\s+|bugfix\s+|patch\s+)?(?:v?\d+(?:\.\d+)+(?:[\w.-]*)|"
    r"(?:point\s+|bugfix\s+|patch\s+)?release)\b",
)

# Verbs that look into the customer's problem (kind `check`): plain words and phrases as
# SEND_VERBS.
CHECK_VERBS: tuple[str, ...] = (
    *_words("check look"),
    *_phrases("do", "some", "research digging checking investigating troubleshooting"),
    # "have a proper look", "take a quick look"
    *_joined(
        ("take", "have"),
        ("a",),
        ("", "closer", "proper", "quick", "good", "better", "deeper", "thorough", "careful"),
        ("look",),
    ),
    "chase",
    "find out",
    *_words("investigate dig review verify query research explore speak talk ask lodge"),
    *_words("trace test reproduce"),
    *_phrases("see", "what if whether how why where when"),
    "work on",
    "figure out",
    "monitor",
    "keep an eye on",
    "keep track of",
    *_words("liaise consult dive examine analyse analyze troubleshoot try track"),
    "get to the bottom",
    "follow this up",
    # on site: "come and measure up", "inspect the waste pipe"
    "measure",
    "measure up",
    *_words("inspect assess survey diagnose"),
    # software and support work: "re-read your meter", "retest on the new build", "bisect it"
    *_words("reread re-read retest re-test bisect debug triage audit"),
)
CHECK_VERB_PATTERNS: tuple[str, ...] = (
    r"double[\s-]?check",
    # "join a screen share with you on Monday to debug it live"
    r"join\s+(?:a|the|our|your)\s+(?:[\w-]+\s+)?(?:call|screen[\s-]?share|session|meeting)",
    # "go through the logs", "run a test against a folder of that size"
    r"go\s+(?:through|over)\s+(?:the|your|it|them|this|that|those|these)\b",
    r"run\s+(?:a|an|some|the|more|another)\s+(?:[\w-]+\s+){0,2}?(?:tests?|checks?|diagnostics?|scans?|"
    r"traces?|reports?|queries|query|benchmarks?)\b",
    r"run\s+(?:a\s+|some\s+|more\s+|the\s+)?(?:\w+\s+)?(?:tests?|diagnostics?|checks?)\b",
)

# Verbs that hand the customer's problem to someone who will act on it (kind `escalate`):
# "ping the maintainer of the export module", "CC the networking folks", "open an issue on
# GitHub" (not "ping you": an update). Regular-expression fragments.
ESCALATE_VERBS: tuple[str, ...] = (
    r"ping\s+(?!(?:you|u|ya|it|this|that|back|me|us)\b)",
    r"cc\s+(?!(?:you|u|ya|me|us)\b)",
    r"(?:open|raise|log|create|file|submit|report)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:issue|bug|"
    r"bug\s+report|report|jira|defect|PR)\b",
    # "I'll submit the request on your behalf", "lodge a claim for you with the insurer"
    r"(?:submit|lodge|file|raise)\s+(?:the|a|an|your|this|it)\b[^.;!?]{0,40}?"
    r"\b(?:on\s+your\s+behalf|for\s+you\b)",
    # "I'll file this on the tracker", "log it in our bug tracker"
    r"(?:file|log|raise|report|put)\s+(?:this|it|that|them)\s+(?:on|in|to|with)\s+(?:the|our)\s+"
    r"(?:[\w-]+\s+)?(?:tracker|bugzilla|jira|issue\s+tracker|bug\s+tracker)\b",
)

# A visit: "I'll be round Friday to fit it", "our technician will come on Monday".
# Matched at the start of a verb phrase, before a time or a purpose.
VISIT_VERBS: tuple[str, ...] = (
    # "our technician will go to your place on or before 28 May" (as "be at your place")
    r"(?:go|come)\s+(?:over\s+|round\s+)?to\s+(?:yours|your\s+[\w'-]+)",
    r"come(?:\s+(?:back|over|round|around|out|by))?",
    r"b(?:e)?\s+(?:back|round|around|over|out|there|here|with\s+(?:you|u))",
    # "our engineer will be at the school on Wednesday to replace the projector"
    r"be\s+at\s+(?:yours|(?:your|the)\s+[\w'-]+(?:\s+[\w'-]+)?)",
    r"reach\s+(?:your|yours)(?:\s+[\w'-]+)?",
    r"pop\s+(?:in|back)",
    r"stop\s+by",
    r"drop\s+in",
    # "the super will be by at 4pm today to fix your sink"
    r"be\s+by",
    # "they'll visit Friday between 12 and 4", "our team will arrive on Saturday at 10"
    "visit",
    "arrive",
    "go",
    # "our guide will pick you up from the hotel at 8:00"
    r"pick\s+(?:you|u)\s+up",
)
# A visit needs a purpose ("to fit it") or, for the verbs here, a time ("come on Monday").
VISIT_WITH_TIME: tuple[str, ...] = (
    # "our technician will go to your place on or before 28 May" (as "be at your place")
    r"(?:go|come)\s+(?:over\s+|round\s+)?to\s+(?:yours|your\s+[\w'-]+)",
    r"come(?:\s+(?:back|over|round|around|out|by))?",
    r"b(?:e)?\s+(?:round|over|with\s+(?:you|u)|there|out)",
    r"be\s+at\s+(?:yours|(?:your|the)\s+[\w'-]+(?:\s+[\w'-]+)?)",
    r"reach\s+(?:your|yours)(?:\s+[\w'-]+)?",
    r"stop\s+by",
    r"pick\s+(?:you|u)\s+up(?:\s+from\s+(?:the|your)\s+[\w'-]+)?",
    # "the super will be by at 4pm", "the technician will go Monday between 6 and 8",
    # "they'll visit Friday", "will arrive on Saturday at 10" ("we'll be back Tuesday" is
    # when we are open again, not a visit)
    r"b(?:e)?\s+by",
    "go",
    r"visit(?:\s+(?:you|u|(?:your|the)\s+[\w'-]+))?",
    "arrive",
)

# Verbs of news to the customer (kind `update`) that take the customer as object:
# "I'll update you", "we'll write to you" (plain words, read as tokens: kind_rules.KIND_RULES).
UPDATE_VERBS_YOU: tuple[str, ...] = _words("update remind notify inform advise write answer")
# A call, as what we give the customer: "I'll give you a ring", "get you a quick bell"
# (plain words, read as tokens: kind_rules.KIND_RULES).
CALL_NOUNS: tuple[str, ...] = (
    *_words("call ring bell buzz tinkle shout"),
    "phone call",
    "phonecall",
)

# People who act for us, beyond lexicon.STAFF: "the nurse", "our receptionist".
ROLE_NOUNS: tuple[str, ...] = (
    "nurses?",
    "doctors?",
    "vets?",
    "dentists?",
    "hygienists?",
    "pharmacists?",
    "physios?",
    "therapists?",
    "receptionists?",
    "secretary",
    "secretaries",
    "administrators?",
    "dispatchers?",
    "glaziers?",
    "jewellers?",
    "jewelers?",
    "GM",
    "concierge",
    "housekeeping",
    "locksmiths?",
    "roofers?",
    "joiners?",
    "carpenters?",
    "builders?",
    "decorators?",
    "mechanics?",
    "gardeners?",
    # "crew will be back monday 8am to finish", "Your movers will arrive at 9am tomorrow"
    "crews?",
    "movers",
    "guides?",
    "cleaners?",
    # "your quote will be prepared by our designer" (kitchen, interior, garden designers)
    "designers?",
    # "The super will be by at 4pm today to fix your sink"
    "supers?",
    "superintendents?",
    # roadside assistance: "Patrol will be with u in approx 25 mins"
    "patrols?",
)
# Only with "our": "our courier", "our night shift" (the courier alone is a third party,
# spec: "the courier will deliver on Monday"; "our delivery partner" is another company).
OUR_ONLY_NOUNS: tuple[str, ...] = (
    "couriers?",
    "messengers?",
    "units?",
    "shifts?",
    "branch(?:es)?",
    "stores?",
    # a service of ours named by what it does: "our field service will replace the module",
    # "delivered by our baggage delivery service" (not "our courier service", a means, nor
    # "our service" alone: "improve our service")
    r"(?!courier\b|postal\b|customer\b)[\w-]+\s+services?",
)

# The agent handed the case to someone named next: "I've passed your photos to Priya".
# "The matter has been referred to our billing department. You will be informed of the
# outcome within 10 working days": a dated notice after the customer's case was handed to
# a team of ours is that team's promise (regular-expression fragments, read by lexicon.py).
# Undated ("you'll be notified by email once a decision is made") it describes a process.
NOTICE_VERBS: tuple[str, ...] = _words("notified informed intimated contacted updated advised")
NOTICE_THINGS: tuple[str, ...] = _words(
    "update resolution response reply answer decision outcome result feedback"
)
CASE_HANDOVERS: tuple[str, ...] = _words(
    "forwarded escalated referred endorsed passed assigned raised transferred directed routed"
)
# A notice a person of ours gives ("you will be updated / informed"; "notified" is mostly
# an automatic e-mail), promised without a time when it is about the case's result or
# comes once something happens: "you will be updated once it is validated", "you will be
# informed about the outcome" (NOTICE_SUBJECTS).
PERSONAL_NOTICE_VERBS: tuple[str, ...] = _words("updated informed advised intimated contacted")
NOTICE_SUBJECTS: tuple[str, ...] = (
    r"(?:about|of|on|regarding)\s+(?:the|its|their|your)\s+(?:\w+\s+)?"
    r"(?:result|outcome|progress|status|decision|resolution|findings)s?",
    r"(?:once|as\s+soon\s+as|when)\s+(?:it|this|that|they|we|the|your)\b",
)
HANDOVER_VERBS: tuple[str, ...] = (
    "passed",
    "forwarded",
    "flagged",
    "raised",
    "escalated",
    "referred",
    "transferred",
    "handed",
    "asked",
    "spoken",
    "spoke",
    "talked",
    r"left\s+(?:a\s+)?(?:message|note|word)",
    # "We've let the depot know and they'll come by tomorrow"
    r"let\s+(?:\w+\s+){1,3}?know",
    r"followed\s+up",
    "contacted",
    "contact",
    "informed",
    "briefed",
    "assigned",
    "messaged",
    "emailed",
    "called",
    "rang",
    # "I'm referring it to our Head of Customer Service, who will write to you"
    "referring",
    # "we have sent your request to the commercial office, they will verify it"
    r"sent\s+(?:your|the|this)\s+(?:request|case|complaint|query|concern|ticket|claim|issue)",
    "passing",
    "forwarding",
    "escalating",
    "handing",
    "transferring",
)

# Companies outside ours: a pronoun after them is theirs, even when we contacted them
# ("We've contacted the courier and they'll deliver it tomorrow").
THIRD_PARTIES: tuple[str, ...] = (
    "couriers?",
    "carriers?",
    "banks?",
    "suppliers?",
    "manufacturers?",
    "airlines?",
    "insurers?",
    "partners?",
    r"post\s+office",
    "vendors?",
    "contractors?",
    "subcontractors?",
    "hotels?",
    "landlords?",
    "retailers?",
    "brands?",
    "merchants?",
    "providers?",
    r"Royal\s+Mail",
    "DHL",
    "UPS",
    "FedEx",
    "DPD",
    "Evri",
    "Hermes",
    "USPS",
    # the network's owners, who visit for a provider ("Openreach will be out on the 22nd")
    "Openreach",
    r"network\s+operators?",
    # bodies that judge a complaint or appeal independently of us ("you can appeal to the
    # tribunal; an independent adjudicator will hear it and they will write to you")
    r"ombuds(?:man|men|person)",
    "tribunals?",
    "adjudicators?",
    # a firm that inspects a claim for an insurer ("our loss adjuster, Crawford & Lane, who
    # will contact you": named beside the role, it is outside ours: outside.py)
    r"loss\s+adjusters?",
    "arbitrators?",
    "regulators?",
)

# The customer's own provider, whatever its trade, is outside ours (outside.py): "Boots,
# your nominated pharmacy, will deliver it", "the installer you chose, Van Dijk, will call".
CUSTOMERS_OWN_PROVIDER: tuple[str, ...] = (
    r"your\s+(?:own\s+|nominated\s+|chosen\s+|preferred\s+|usual\s+)+[\w-]+",
    r"(?:the|your)\s+[\w-]+\s+(?:that\s+)?you\s+(?:chose|picked|selected|nominated|hired|booked)",
)
# A firm's legal form after its name marks a firm, and not our staff (outside.py): "The
# surveyor, Hartley & Co, will visit", "We've lodged a fault with NBN Co, and they will …",
# even after "our" ("our loss adjuster, Crawford & Lane, who will …").
# Case-sensitive, after a capitalised name.
FIRM_SUFFIXES: tuple[str, ...] = (
    r"&\s+Co",
    # a partnership's two names: "our loss adjuster, Crawford & Lane, who will contact you"
    r"&\s+[A-Z][\w'’-]*",
    "Co",
    "Ltd",
    "Limited",
    "Inc",
    "LLC",
    "GmbH",
    "Pty",
    "plc",
    "PLC",
    "BV",
)

# Who stands for a firm named just before (outside.py): "Our partner, SwiftMove, handles
# the visit. The engineer will ring you first." / "… They will contact you".
OUTSIDE_STAND_INS: tuple[str, ...] = ("the ", "they ", "they'll", "he ", "he'll", "she ", "she'll")

# Informal spellings of "I'll" and "we'll": "ill call u", "well sort ur refund", "i wil"
# (plain phrases, read as tokens). Only read when a word follows, opening the text or
# after whitespace or INFORMAL_OPENS_AFTER, and not right after one of NOT_INFORMAL_AFTER
# and a single space ("as well as", "I was ill").
INFORMAL_MODALS: tuple[str, ...] = ("i wil", "we wil", "ill", "well")
INFORMAL_OPENS_AFTER: tuple[str, ...] = tuple(",;:!(")
NOT_INFORMAL_AFTER: tuple[str, ...] = _words(
    "as very so quite pretty was is am are be feel get got not doing work works"
)

# --- who commits ------------------------------------------------------------------------
# The agent's own subjects, and the modals that make their sentence a commitment
# ("I'll", "we are going to", "I plan to"): plain words and phrases (tokens.Phrases). Each
# modal follows the subject directly, a clitic ("'ll", "'m") attached to it.
SELF_SUBJECTS: tuple[str, ...] = ("I", "we")
SELF_MODALS: tuple[str, ...] = (
    "'ll",
    "will",
    "shall",
    "'m going to",
    "am going to",
    "'re going to",
    "are going to",
    "'m gonna",
    "am gonna",
    "'re gonna",
    *_phrases("expect plan intend aim", "to"),
    # an adverb inside "am going to": "I'm also going to chase the warehouse"
    *_phrases("'m am 're are", "also then still now", "going", "to"),
)
# A pronoun for a team or colleague of ours named just before, and its modals ("they'll",
# "she is going to"): plain phrases, as SELF_MODALS.
PRONOUN_SUBJECTS: tuple[str, ...] = (
    *_words("they she he who"),
    "one of them",
    # "I've passed it to our platform team, and one of their engineers will email you"
    *_phrases("one", "of", "their", "engineers technicians specialists agents advisors staff"),
)
PRONOUN_MODALS: tuple[str, ...] = (
    "'ll",
    "will",
    *_phrases("'re 's", "going", "to"),
    *_phrases("are is", "going", "to"),
    *_phrases("'re 's are is", "also then still now", "going", "to"),
)
# Non-native support English puts a future action in the simple present with its time:
# "I send you the link in the next hour", "we ship your item tomorrow". These verbs, right
# after I / we (and PRESENT_ADVERBS), make a commitment when the clause states a time
# (plain words, read as tokens; cues.py reads them as a pattern too).
PRESENT_SUBJECTS: tuple[str, ...] = ("I", "we")
PRESENT_ADVERBS: tuple[str, ...] = _words("also just")
PRESENT_FOR_FUTURE: tuple[str, ...] = _words(
    "send resend do make correct come write call ring phone check ship give return fix "
    "refund email e-mail arrange book issue deliver forward transfer contact update "
    "process repair replace revert"
)
# ... or, after "I" alone, when an event clause opened by one of these anchors it: "I write you
# when it is deployed", "As soon as I have the answer I return to you" (one agent's own next
# step, said in the simple present). Not after "we" ("we email you when your order ships" is
# how the shop works), and the customer's own step still waits for the customer ("I send you
# the label once you confirm the address").
PRESENT_EVENT_OPENERS: tuple[str, ...] = ("when", "once", "as soon as", "after")
# The modals after a team or colleague of ours ("our billing team will", "Priya is going to").
TEAM_MODALS: tuple[str, ...] = (
    "'ll",
    r"\s+will",
    r"\s+is\s+(?:(?:also|then|still|now)\s+)?going\s+to",
    r"\s+are\s+(?:(?:also|then|still|now)\s+)?going\s+to",
    r"\s+shall",
    r"\s+aims?\s+to",
)
# Staff of ours, by the noun for them ("our engineers", "a specialist", "the team"); the
# trades and sectors in ROLE_NOUNS count too.
STAFF_NOUNS: tuple[str, ...] = (
    "teams?",
    "department",
    "dept",
    "specialists?",
    "engineers?",
    "engineering",
    "technicians?",
    "techs?",
    "agents?",
    "advisors?",
    "advisers?",
    "colleagues?",
    "managers?",
    "supervisors?",
    "staff",
    "experts?",
    "folks",
    "crews?",
    "representatives?",
    "reps?",
    "adjusters?",
    "assessors?",
    "officers?",
    "desk",
    # "the commercial office", "our head office" (a qualifier first: not "the office"; not
    # the post office, a third party; "p[o]st" keeps the word out of STAFF_HINTS' test)
    r"(?:(?!p[o]st\b)[\w-]+\s+)office",
    "coordinators?",
    "handlers?",
    r"(?:team\s+)?leads?",
    "consultants?",
    "planners?",
    "executives?",
    "fitters?",
    "installers?",
    "surveyors?",
    "drivers?",
    "riders?",
    "porters?",
    "plumbers?",
    "electricians?",
    "caretakers?",
    r"case\s+handlers?",
    "tradies",
    "tradie",
    "handym[ae]n",
    "tradesm[ae]n",
    "tradespeople",
    "developers?",
    "devs",
    "programmers?",
    r"specialist\s+team",
    "people",
    # insurance, claims and fraud staff, council and housing trades: "an underwriter will
    # call you", "a fraud investigator will call you", "our repairs operative will attend"
    "underwriters?",
    "investigators?",
    "operatives?",
    "caseworkers?",
)
# Departments named without "team": "someone from billing", "Billing will contact you".
# Case-sensitive "IT" is left out: "it will" is everywhere.
DEPARTMENTS: tuple[str, ...] = (
    "billing",
    "accounts",
    "finance",
    "sales",
    "engineering",
    "logistics",
    "legal",
    "compliance",
    "dispatch",
    "despatch",
    "payroll",
    "claims",
    "collections",
    r"credit\s+control",
    r"tech(?:nical)?\s+support",
    r"customer\s+(?:care|services?|support|relations)",
    "development",
    "operations",
    "installations",
    "maintenance",
    "repairs",
    "warranty",
    r"returns\s+desk",
)
# A lower-case substring of every entry of STAFF_NOUNS, DEPARTMENTS, ROLE_NOUNS and
# OUR_ONLY_NOUNS (and "someone", "Dr"): the grammar skips its team patterns in a
# sentence that has none of them (tests/extraction/test_vocabulary.py checks it).
STAFF_HINTS: tuple[str, ...] = (
    *_words(
        "team depart dept special engineer tech agent advis colleag manag supervis staff expert"
    ),
    *_words("folk crew rep adjust assess officer desk coordinat handler lead consult plann"),
    *_words("execut fitter install survey driver rider porter plumb electric caretak people"),
    *_words("someone somebody support member tradie handym tradesm tradesp develop devs"),
    *_words("program billing accounts financ sales logist legal complian dispatch despatch"),
    *_words("payroll claims collection credit customer product operation mainten repair"),
    *_words("warrant return nurse doctor dr vet dentist hygien pharmac physio therap recept"),
    *_words("secretar admin glazier jewel gm concierge housekeep locksmith roofer joiner"),
    *_words("carpent builder decorat mechanic garden courier messenger unit shift branch"),
    *_words("mover guide cleaner super office underwriter investigat operative casework"),
    *_words("design servic"),
    "patrol",
    "store",
)

# --- how a commitment is negated or softened ---------------------------------------------
# Right after the modal: "I will not", "we'll never".
NEGATIONS: tuple[str, ...] = ("not", "never", "no longer", "n't")
# Right after the modal: courtesy and availability, not an action ("we'll be happy to help").
_COURTESY_DEGREES: tuple[str, ...] = ("", "more than ", "very ", "so ", "really ", "only ", "all ")
_COURTESY_STATES: tuple[str, ...] = (
    *_words("happy glad pleased delighted here around available waiting"),
    "standing by",
    *_words("keen ready"),
    "on hand",
    *_words("unable grateful thrilled"),
    "sure to pass",
)
COURTESY: tuple[str, ...] = (
    *(f"be {degree}{state}" for degree in _COURTESY_DEGREES for state in _COURTESY_STATES),
    "always",
    "see what we can do",
    "see what I can do",
    *(f"continue to {verb}" for verb in _words("be help support assist")),
    "look forward",
    *(f"{verb} {when}" for verb in _words("talk speak chat") for when in _words("soon later")),
    *(f"need {what}" for what in ("you", "your", "to see", "some", "more", "a copy")),
    "want",
    "wait",
    "miss",
    "see you",
    "see u",
    *(
        f"take {which} {what}"
        for which in _words("your that this")
        for what in _words("feedback comment comments suggestion suggestions")
    ),
    *(f"keep {which} in mind" for which in _words("that this it")),
)
# Right after the modal (and a COURTESY_ADVERBS word): effort without a concrete action
# ("we'll try our best to get it out", "we'll do what we can"); only an action coordinated
# after it counts ("I'll try to reproduce it tomorrow and write back"). Plain phrases
# (tokens.Phrases); in EFFORT_OPEN the last word may run on, up to its own letters ("do our"
# reads "do ourselves").
EFFORT: tuple[str, ...] = _joined(
    ("try",),
    (
        # "try our level best" (South Asian English)
        *_joined(
            _words("our my their his her"), ("", "very", "level"), _words("best hardest utmost")
        ),
        *_words("hard and to"),
    ),
)
# Right after the modal, a necessity: "we'll need to move your clean. I'll ring you at 10 to
# rebook." Without a stated time, and with the commitment in the next sentence, it explains
# what has to happen (tokens).
NECESSITY: tuple[str, ...] = _phrases("need have", "to")
# Watching, with nothing the customer will get: "We'll keep an eye on it", "we'll keep
# monitoring" (a check-kind clause opening with one of these; "keep an eye on it and let
# you know" promises the update).
MONITORING: tuple[str, ...] = (
    *_phrases("keep", "an a", "eye", "on out"),
    *_phrases("keep", "a", "close", "eye", "on out"),
    *_phrases("keep", "monitoring watching checking"),
    *_phrases("keep", "tabs track", "on of"),
    *_words("monitor watch"),
    *_phrases("continue", "to", "monitor watch"),
    *_phrases("continue", "monitoring watching"),
)
# Reassurance with nothing named to do: a vague fix or look on "it / this / that" ("We'll
# get this sorted for you!", "we'll sort it out", "we're gonna get to the bottom of this"),
# with no stated time and nothing joined after it. A named object ("sort out a refund"), a
# time ("I'll get that sorted by Friday") or a joined action ("… and reply in DM by 2pm")
# makes it a promise; "get it fixed" names the fix and stays one.
REASSURANCE: tuple[str, ...] = (
    *_phrases("get have", "it this that everything things", "sorted"),
    *_phrases("get have", "it this that everything things", "sorted", "out"),
    *_phrases("sort", "it this that everything things"),
    *_phrases("sort", "it this that everything things", "out"),
    *_phrases("sort", "out", "it this that everything things"),
    *_phrases("get", "to", "the", "bottom", "of", "it this that"),
)
EFFORT_OPEN: tuple[str, ...] = _joined(
    ("do",), (*_words("our my their everything"), *_phrases("what all", "we I they", "can"))
)
# "We'll try!", "will try tonight": EFFORT_ALONE with nothing to attempt named: before ".",
# "!", "," or the end, or before one of EFFORT_ALONE_WHEN and the end (a "." or "!" between).
EFFORT_ALONE: tuple[str, ...] = ("try",)
EFFORT_ALONE_WHEN: tuple[str, ...] = (*_words("today tonight tomorrow"), "again later")
# "be" read past before the base form of one of these, as non-native support English writes
# the future: "we will be revert back to you", "I will be share the tracking number" (read
# as "we will revert", "I will share"). Not before any other word ("we'll be open", "I'll be
# in touch" and "we will be glad to help" are read as they are).
BE_BEFORE_BASE: tuple[str, ...] = _words(
    "revert send share update inform call contact arrange process deliver refund transfer"
)
# Adverbs before a courtesy: "we'll always be happy to".
COURTESY_ADVERBS: tuple[str, ...] = ("also", "always", "still", "definitely", "certainly")
# Words between the modal and the action, read past: "I'll also personally call you".
ADVERBS: tuple[str, ...] = (
    "also",
    "then",
    "personally",
    "definitely",
    "certainly",
    "now",
    "just",
    "still",
    "gladly",
    "happily",
    "quickly",
    "promptly",
    "immediately",
    "directly",
    "first",
    "additionally",
    "further",
    "again",
    "be sure to",
    "make sure to",
    *(f"make sure that {who}{will}" for who in ("I", "we") for will in ("'ll", " will")),
    "aim to",
    # non-native support English: "we will assist to escalate", "we will kindly check"
    "assist to",
    "assist in",
    "help to",
    "kindly",
    "proceed to",
    "endeavour to",
    "endeavor to",
    "look to",
    "need to",
    "have to",
    "go ahead and",
    "be able to",
)  # ... and "be" before an -ing word: "we'll be sending it" (verb_phrase.adverbs_end)
# Before the subject, or in the clause: a condition or an offer, not a commitment.
CONDITIONS: tuple[str, ...] = (
    # "even if there's no fix yet", "or sooner if we hear anything": it holds either way
    r"(?<!even\s)(?<!sooner\s)(?<!earlier\s)if",
    "unless",
    # (not a precaution for the customer's own choice, done either way: "I'll email you a
    # return label today, in case you'd rather send it all back")
    r"in\s+case(?!\s+(?:you|u)(?:'d|\s+would)?\s+(?:rather|prefer|need|want|like|wish|decide|"
    r"change)\b)",
    r"should\s+you",
    r"provided(?:\s+that)?",
    r"as\s+long\s+as",
    r"in\s+the\s+event",
    "otherwise",
    r"failing\s+that",
    r"whether\s+or\s+not",
)
# "…, if that's OK", "if that still suits": a courtesy tag closing a firm commitment (read
# after "if that / this / it ['s]"), not a condition. Asking the customer's preference
# ("if that suits you", "if you prefer") is an offer.
COURTESY_TAGS: tuple[str, ...] = _words("ok okay alright fine suits works convenient")
# After the verb ("I'll call you back tomorrow if that suits you"), fewer words count.
TRAILING_CONDITIONS: tuple[str, ...] = (
    # "even if there's no fix yet", "or sooner if we hear anything": it holds either way
    r"(?<!even\s)(?<!sooner\s)(?<!earlier\s)if",
    "unless",
    # (not a precaution for the customer's own choice, done either way: "I'll email you a
    # return label today, in case you'd rather send it all back")
    r"in\s+case(?!\s+(?:you|u)(?:'d|\s+would)?\s+(?:rather|prefer|need|want|like|wish|decide|"
    r"change)\b)",
    r"should\s+you",
    r"provided\s+that",
    r"as\s+long\s+as",
)
# "…unless you spot a problem", "unless there are objections": an objection that may stop a
# commitment which otherwise goes ahead (detect._GOES_AHEAD; stems, read with an -s/-es).
VETO_VERBS: tuple[str, ...] = (
    r"(?:spot|find|object|flag|raise|report|hit|tell|say|shout)(?:s|es)?",
    r"(?:spotted|found|objected|flagged|raised|reported)",
)
VETO_NOUNS: tuple[str, ...] = (
    r"(?:objections?|blockers?|problems?|issues?|concerns?|regressions?)",
)
# Before the subject: a hope, not a commitment ("Hopefully we'll send it tomorrow").
# Plain words and phrases (tokens.Phrases).
# A vacancy that may never come ("we'll ring you as soon as a slot comes up", "contact you
# if a place becomes available"): the action waits on it, an offer, not a promise (tokens).
VACANCY_EVENTS: tuple[str, ...] = (
    *_phrases("becomes become", "available free"),
    *_phrases("comes come opens open frees free", "up"),
)
HEDGES: tuple[str, ...] = (
    *_words("hope hopefully hoping hopeful wish maybe perhaps probably"),
    "fingers crossed",
    *_phrases("I we", "think believe"),
    # "we estimate power will be restored by 8pm": an estimate, not a commitment
    *_phrases("I we", "estimate expect"),
    *_phrases("are is 're", "estimating"),
    *_phrases("are is 're", "currently now", "estimating"),
    "I guess",
    *_phrases("does do", "that this you", "mean"),
)

# After the commitment: the agent takes it back ("…, but I can't promise that").
DISCLAIMERS: tuple[str, ...] = (
    r"(?:but|though|although)\s+(?:I|we)\s+(?:can't|cannot|can\s+not|couldn't|won't)\s+"
    r"(?:promise|guarantee)",
    r"no\s+promises",
    # "I'll see if I can get an exception approved, but please don't count on it"
    r"(?:please\s+)?(?:don't|dont|do\s+not)\s+(?:count|bank|rely)\s+on\s+(?:it|that|this)",
)
# A timeline the rules set for everyone, said of this customer's case in the passive or as
# an aim: "… will be credited in 5-7 working days as per policy", "aim to respond within 8
# weeks as per Ofgem rules" (not "we will write to you within 8 weeks, as the regulator
# requires": our own commitment). AIMS open the verb phrase of the second kind.
AIMS: tuple[str, ...] = _words("aim aims")
POLICY_SOURCES: tuple[str, ...] = (
    r"(?:as\s+per|per|under|according\s+to)\s+(?:the\s+|our\s+)?"
    r"(?:[A-Z][\w&-]*\s+)?(?:policy|policies|rules|regulations?|guidelines|norms|sla|"
    r"procedures?)\b",
    r"as\s+(?:required|set\s+out)\s+by\s+(?:the\s+|our\s+)?(?:regulator|law|regulations?)\b",
    # a routine, the same for every cycle: "your direct debit will be collected on 1 Dec as
    # usual", "the delivery will be done on Wednesday as per schedule" (not "as planned", a
    # date agreed with this customer)
    r"as\s+(?:usual|normal|always|per\s+(?:the\s+)?(?:usual\s+)?schedule)\b",
)
# A notice for everyone, not an action for this customer, unless it has a time: "We'll post
# updates on our status page" ("… on the status page by 2pm" is a promise).
PUBLIC_CHANNELS: tuple[str, ...] = (
    r"status\s+page",
    r"(?:our|the)\s+(?:website|blog|community\s+forum|forum|socials|social\s+media|twitter)",
    # an announcement is public: undated, it is news for everyone when it comes ("that's
    # where we'll announce it first"); dated, the thread waits for it ("I'll announce the
    # new date on the list next week")
    "announce",
)

# An invitation to meet in a private channel waits for the customer to come: "we'll meet
# you in DM", "we'll talk in DMs", "see you over there". A verb of MEETING_VERBS, an
# optional "you", then "in / via / over" a DM_CHANNELS word, or "(over) there" after a
# DM_CHANNELS word earlier in the sentence or the one before.
MEETING_VERBS: tuple[str, ...] = _words("meet see talk chat speak catch join")
DM_CHANNELS: tuple[str, ...] = _words("dm dms pm pms private inbox messages messenger")

# Carrying on in a private channel, said in the present ("we're following up with you via
# DM"; not "following up in DM now": done now) or as what to look out for ("look out for
# our reply in DM shortly"): the company's next message to this customer (dm.py).
DM_CONTINUING: tuple[str, ...] = (
    r"following\s+up",
    r"picking\s+(?:it|this|that|things)\s+up",
    "continuing",
    r"getting\s+back",
    "replying",
    "responding",
    r"reaching\s+out",
    "messaging",
)
DM_CHANNEL_PHRASES: tuple[str, ...] = (
    r"dms?",
    r"pms?",
    r"(?:a\s+|the\s+)?(?:direct|private)\s+messages?",
    "private",
)
# "wait for our reply" (told to wait, as support writes "kindly wait for our text message"),
# possibly with a time between: "please wait for max 2x24 hours for our follow up".
LOOK_OUT_LEADS: tuple[str, ...] = (
    r"look\s+out",
    r"watch\s+out",
    r"keep\s+an\s+eye\s+out",
    r"wait",
    # "watch for our response", "look for our email", "keep an eye on your DMs for our reply"
    "watch",
    "look",
    r"keep\s+an\s+eye\s+on\s+(?:your|ur)\s+(?:dms?|pms?|inbox|e-?mails?|messages|phone)",
)
OUR_MESSAGES: tuple[str, ...] = (
    *_words("reply response message dm email e-mail call text update answer"),
    r"follow[\s-]?up",
)

# A reply announced with a noun subject: "our reply is coming shortly", "a response is on its
# way to your DMs", "an update from us will follow" (dm.py). A reply of a person, not a
# notice a system sends ("an automated confirmation email", "a reply from the courier").
ANNOUNCED_MESSAGES: tuple[str, ...] = (
    *_words("reply response answer update"),
    r"follow[\s-]?up",
    r"call(?:[\s-]?back)?",
)
# What only counts as ours when it says so: "our email is on its way", "an email from us will
# follow" (not "an email will follow": a system's, as likely).
ANNOUNCED_IF_OURS: tuple[str, ...] = _words("email e-mail message dm text")
ANNOUNCED_ARRIVING: tuple[str, ...] = (
    r"(?:is|are|'s)\s+(?:now\s+)?(?:coming|on\s+(?:its|the|their)\s+way|heading\s+your\s+way)",
    r"will\s+(?:(?:soon|shortly)\s+)?(?:be\s+with\s+you|follow|reach\s+you|come\s+through|"
    r"be\s+in\s+your\s+(?:dms?|pms?|inbox|messages))",
)
# Who announces it: ours ("our reply", "a reply from us / our team"), or no one named.
ANNOUNCED_FROM_US: tuple[str, ...] = (
    "us",
    "me",
    r"(?:our|the|my)\s+(?:[\w-]+\s+)?(?:team|agents?|specialists?|colleagues?)",
)
# Not a person's reply: "an automated response", "a system update".
ANNOUNCED_NOT_PERSONAL: tuple[str, ...] = _words(
    "automated automatic auto auto-generated system confirmation standard app software"
)

# Carrying on after the customer's message, with a place to carry on in: "we'll keep working
# on this with you over there", "we'll pick it up on the ticket", "we'll continue via email"
# (kind_rules: `update`). The verbs, what may come between, and the place.
CARRY_ON_VERBS: tuple[str, ...] = (
    r"pick\s+(?:it|this|that|things)\s+up",
    "continue",
    r"carry\s+on",
    r"(?:talk|chat|speak)(?:\s+(?:to|with)\s+(?:you|u|ya))?",
    r"take\s+(?:it|this)\s+(?:forward|from\s+(?:here|there))",
    r"keep\s+(?:the|our)\s+(?:conversation|convo|chat)\s+going",
    r"keep\s+(?:working|chatting)",
)
# These carry on only in a named place ("we'll keep helping you over there"; not "we'll
# work on it with you").
CARRY_ON_PLACE_VERBS: tuple[str, ...] = (
    r"keep\s+(?:helping|assisting|supporting)",
    # "we'll continue to help you over DM", "continue working with you there"
    r"continue\s+(?:to\s+(?:help|assist|support)|helping|assisting|supporting)",
    r"continue\s+(?:to\s+work|working)\s+with\s+(?:you|u)",
    r"work\s+on\s+(?:this|it|that|your\s+(?:case|request|query|issue|order|ticket))",
    # "we will assist you there", "help you further over DM"
    r"(?:help|assist|support)\s+(?:you|u)(?:\s+(?:further|out))?",
)
# Carrying on with the place in the verb phrase: "Got your DM! We'll take it from there"
# (there: the channel the customer wrote in; "I'll take it from here" only takes over).
CARRY_ON_IN_PLACE: tuple[str, ...] = (r"take\s+(?:it|this|things)\s+(?:forward\s+)?from\s+there\b",)
CARRY_ON_BETWEEN: tuple[str, ...] = (
    r"with\s+(?:you|u|ya)",
    r"(?:the|our)\s+(?:conversation|convo|chat|service|support|assistance)",
    r"on\s+(?:this|it|that|things|your\s+(?:case|request|query|issue|order|ticket))",
    r"(?:you|u)",
)
CARRY_ON_PLACES: tuple[str, ...] = (
    r"(?:over\s+)?there\b",
    r"(?:in|via|over|by|through)\s+(?:your\s+|our\s+|the\s+|a\s+)?(?:dms?|pms?|private|chat|"
    r"e-?mail|inbox|direct\s+messages?|messenger|whatsapp|phone)\b",
    r"(?:on|in|via)\s+(?:the|this|your)\s+(?:ticket|case|thread|e-?mail\s+thread)\b",
)

# Asking the customer for time to act: "kindly allow us 3 working days to revert", "give us
# until Friday to sort this out", "allow us some time to check" (time_asked.py). Not a
# moment or minutes (a hold in a live exchange: "give me a minute to check"), not a time for
# something else ("allow 5-7 days for the refund to show"), and not without a time ("allow
# us to verify").
TIME_ASKING_VERBS: tuple[str, ...] = _words("allow give grant")
TIME_ASKED_BY: tuple[str, ...] = (
    "us",
    "me",
    r"(?:our|my|the)\s+team",
)
TIME_ASKED_SPANS: tuple[str, ...] = (
    # "24 hours", "3 working days", "5-7 business days", "up to 48 hours", "a day or two"
    r"(?:(?:about|around|up\s+to|max(?:imum)?|at\s+least|another|a\s+further|an\s+additional)\s+)?"
    r"(?:\d+(?:\s*(?:-|–|to)\s*\d+)?|an?|one|two|three|four|five|six|seven|ten|"
    r"a\s+(?:few|couple(?:\s+of)?)|few|couple\s+of|some|several)\s+(?:more\s+)?"
    r"(?:(?:working|business|work)\s+)?(?:hours?|hrs?|days?|weeks?)(?:\s+or\s+(?:two|so|\d+))?",
    # "24hrs", "48h", "2days": a number written against its unit
    r"\d+(?:\s*(?:-|–|to)\s*\d+)?(?:hours?|hrs?|h|days?)(?:\s+or\s+(?:two|so|\d+))?",
    # "some time", "a little more time", "a bit of time"
    r"(?:some|a\s+(?:little|bit)(?:\s+of)?|a\s+little\s+bit\s+of)\s+(?:more\s+|extra\s+)?time",
    r"(?:(?:more|extra|enough|further)\s+)?time",
    # "until Friday", "till the end of the week", "time until Monday"
    r"(?:(?:some\s+)?time\s+)?(?:until|till|til|up\s+to|by)\s+(?:the\s+)?(?:end\s+of\s+)?"
    r"(?:today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\s+\d|\d|"
    r"(?:this|next)\s+week|the\s+week|next\s+\w+)\w*",
)

# Goods of ours leaving in the simple present, with a time: "the replacement part ships
# from our warehouse within 2 business days", "the fix goes out in Friday's release"
# (goods.py). Not after a SHIPS_NOT_AFTER word in its clause ("once it ships", "usually
# ships", "the supplier says it ships").
SHIPS_VERBS: tuple[str, ...] = (
    r"ships(?:\s+out)?",
    "dispatches",
    r"goes\s+out",
    # the same, arranged in the progressive: "the fix is going out with Thursday's deploy"
    r"(?:is|are)\s+(?:going\s+out|shipping(?:\s+out)?)",
    r"leaves\s+(?:our|the)\s+(?:warehouse|depot|workshop|factory|store)",
)
SHIPS_NOT_AFTER: tuple[str, ...] = (
    *_words("when whenever once until till before after if unless as soon usually normally"),
    *_words("typically generally always often most all every orders says said tells told"),
    *_words("quote quotes expects expected confirms confirmed thinks"),
)
FIX_GOODS: tuple[str, ...] = _words("fix hotfix patch update release build version firmware")
# After "<item> is <state> and will": the item leaving us ("It's packed and will go out
# today", goods.py item_then_ships).
ITEM_LEAVES: tuple[str, ...] = ("ship", r"ship\s+out", r"go\s+out")
# Housekeeping on the ticket itself, which no customer waits for: "I'll go ahead and close
# this ticket", "I'll mark it as a duplicate and close it" (not "close your account").
HOUSEKEEPING_VERBS: tuple[str, ...] = ("close", "archive", "merge", "mark")
HOUSEKEEPING_OBJECTS: tuple[str, ...] = (
    "ticket",
    "case",
    "thread",
    "conversation",
    "chat",
    r"request(?=\s*(?:[,.;!]|$))",
    r"(?:one|it|this)\s+as\s+(?:a\s+)?(?:duplicate|resolved|solved|closed|done)",
)

# --- the customer acts first -------------------------------------------------------------
# Words that soften a request: "please send", "just reply", "feel free to call us".
REQUEST_LEADS: tuple[str, ...] = (
    "please",
    "kindly",
    "just",
    "simply",
    "pls",
    "plz",
    r"feel\s+free\s+to",
    r"go\s+ahead\s+and",
    # "Then get back in touch and we'll book it", "You'll need to bring it in and we'll swap it"
    "then",
    r"you(?:'ll|\s+will)?\s+(?:just\s+)?need\s+to",
    r"all\s+you\s+(?:need|have)\s+to\s+do\s+is",
)
# What a clause opening with a request asks the customer to do: "DM us your number and
# we'll look into it" waits for the customer.
REQUEST_VERBS: tuple[str, ...] = (
    "dm",
    r"d\.m\.",
    "send",
    "reply",
    "respond",
    "share",
    "provide",
    r"give\s+us",
    "drop",
    "e-?mail",
    r"call\s+us",
    "contact",
    "message",
    "text",
    "tweet",
    "follow",
    "click",
    "visit",
    "attach",
    "upload",
    r"let\s+us\s+know",
    # "Let me know and I'll set it up", "Just answer this email with YES and I'll activate it"
    r"let\s+me\s+know",
    "answer",
    r"tell\s+us",
    "pop",
    "shoot",
    "fill",
    "complete",
    "submit",
    "confirm",
    "reach",
    r"get\s+in\s+touch",
    r"get\s+back\s+in\s+touch",
    "bring",
    "return",
    "start",
    "head",
    "hit",
    "forward",
    "include",
    "ping",
    "sign",
    "log",
    r"update\s+us",
    r"keep\s+us",
    # (not "check your DMs": reading what we sent, nothing we wait for)
    r"check(?!\s+(?:your|ur|the)\s+(?:dms?|pms?|inbox|messages|direct\s+messages))",
    "try",
    "post",
    "write",
)

# Anywhere before a commitment (or in the sentence before it): the customer is asked to
# act first ("Would you mind sending a photo? We'll look into it"). Plain phrases
# (tokens.Phrases); CUSTOMER_ACTION_LEADS take any word after them ("let's talk").
CUSTOMER_ACTIONS: tuple[str, ...] = (
    *_phrases("do would", "you", "mind"),
    *_phrases("dm d.m.", "us me"),
    *_phrases("direct", "message", "us me"),
    *_phrases("send shoot pass provide", "us me"),
    *_phrases("fire", "over", "us me"),
    "give us",
    *_phrases("let", "us me", "have"),
    *_phrases("tell", "us me"),
    "reply with",
    "reply to this",
    *_phrases("meet", "us me"),
    *_phrases("connect", "with", "us me"),
    "follow us",
    *_phrases("reach", "out", "to", "us me"),
    *_phrases("write", "to", "us me"),
    *_phrases("contact call email e-mail ring message", "us"),
    "share with us",
    # (a verb with its object: "upload the logs", not the noun in "via the secure upload")
    *_phrases("attach upload", "it them the your a an any some those these this that all"),
    *_phrases("all what", "we", "need", "from is"),
    "appreciate if",
    "feel free to",
    *_phrases("let", "us me", "know", "what which the your how when where whether"),
    *_phrases("may can could", "we I", "have get ask request"),
    # "please?" or "please ?" (as read so far: only with a word right after the "?")
    "please ?",
    *_phrases("pass send", "along"),
    *_phrases("follow meet catch", "up", "with", "us me"),
    *_phrases("can could would", "you", "send share provide confirm let tell dm give"),
    *_phrases("can could would", "you", "please", "send share provide confirm let tell dm give"),
)
CUSTOMER_ACTION_LEADS: tuple[str, ...] = ("let's", "lets")
# After the commitment: "I'll re-send the payout this afternoon after you confirm the
# account name": it waits for the customer's reply, whatever its time.
AFTER_CUSTOMER_REPLIES: tuple[str, ...] = (
    *_phrases("after once when", "you", "confirm reply answer respond send"),
    *_phrases("after once when", "you've", "confirmed replied answered responded sent"),
    # non-native English: "we will revert once you share the invoice copy"
    *_phrases("after once when", "you", "share provide submit upload"),
    *_phrases("after once when", "you've", "shared provided submitted uploaded"),
    *_phrases("after once when", "you", "let tell", "us me"),
)
# "please send", not "please note" or "please bear with us": a PLEASE_WORDS word, then
# any word but one opening with NOT_REQUESTED or being NOT_REQUESTED_WORDS.
PLEASE_WORDS: tuple[str, ...] = _words("please kindly pls")
NOT_REQUESTED: tuple[str, ...] = _words("bear note accept allow enjoy know hang stay wait")
# (whole words: "please rest assured", but "please restart the modem" asks)
NOT_REQUESTED_WORDS: tuple[str, ...] = ("be", "rest")
# Texted with subject and modal both dropped, the customer the object: "ring u back in 5",
# "Be with u about 5" (lexicon.CLIPPED; an imperative to the customer names "us" or "me").
CLIPPED_VERBS: tuple[str, ...] = (
    "call", "ring", "phone", "text", "txt", "msg", "message", r"e-?mail", "whatsapp",
    r"be\s+with", r"get\s+back\s+to",
)  # fmt: skip
# Texted arrivals with subject and modal both dropped, no object ("sorry running late, be
# there by 7", "b round at 4"): the sender's own visit, counted only with a stated time.
# ("be there 10 minutes early" asks the customer to come)
CLIPPED_ARRIVALS: tuple[str, ...] = (
    r"be?\s+(?:there|round)(?!\s+(?:early|\d+\s*(?:mins?|minutes)\s+(?:early|before|ahead))\b)",
)
# "Email you sent on Monday", "the call you made": a noun and a relative clause, not a clipped
# commitment (the word after "you" is a past form).
CLIPPED_NOT_BEFORE: tuple[str, ...] = _words(
    "sent got made had gave left asked mentioned told wrote rang received requested"
)
# "Pls do not reset it again, we'll sort it remotely": asked not to act, the customer does
# nothing first (after a PLEASE_WORDS word).
PROHIBITIONS: tuple[str, ...] = (
    "do not", "don't", "don’t", "dont", "never", "avoid", "refrain from", "no need to",
)  # fmt: skip

# --- automatic replies ----------------------------------------------------------------------
# An auto-acknowledgement or out-of-office reply: its "we'll respond within 1 business day"
# is the mailbox's standing notice, not an agent's promise to this customer (spec: automatic
# processes). Read in the sentence and its neighbours; only generic replies are dropped.
AUTO_REPLY_MARKERS: tuple[str, ...] = (
    r"automat(?:ed|ic)\s+(?:message|reply|response|e-?mail|acknowledge?ment|notification)",
    r"\(automated(?:\s+reply)?\)",
    r"auto-?(?:reply|response|responder)",
    r"(?:mailbox|inbox|address)\s+is\s+not\s+monitored",
    r"do(?:n't|\s+not)\s+reply\s+to\s+this\s+(?:e-?mail|message)",
    r"out\s+of\s+(?:the\s+)?office\s+(?:until|from|on|over|for|with|today|returning)",
    r"(?:is|are)\s+(?:currently\s+)?(?:out\s+of\s+(?:the\s+)?office|offline)",
    r"when\s+(?:I|we)(?:\s+(?:return|reopen|am\s+back|are\s+back)|'m\s+back|'re\s+back)",
    # a backlog notice sent to everyone who writes in (an office closed for the day is not
    # one: "Our office is closed today. I'll reply first thing tomorrow" is a promise)
    r"(?:higher|heavier)\s+than\s+(?:usual|normal|expected)\s+(?:\w+\s+)?volumes?",
    r"(?:support|office|opening|business)\s+hours\s+are",
    r"as\s+required\s+by",
    r"under\s+our\s+(?:complaints?\s+)?(?:procedure|policy|process)",
    # a text-message notice's service line: questions go to a number, not to a person
    # here ("For enquiries call 1688", "Reply HELP for help")
    r"for\s+(?:any\s+)?(?:enquiries|inquiries|queries|assistance)\s*,?\s*(?:please\s+)?"
    r"(?:call|dial|sms|text|ring)\s+\+?\d",
    r"reply\s+HELP\b",
)
# A message that says of itself that no person wrote it ("This is an automated message",
# a sign-off "Harper & Vine (automated message)", "this is an automatic confirmation"):
# every "we'll …" in it is the system's standing notice (spec: automatic processes), not
# only its generic replies. Mentions of an automatic e-mail ("you'll get an automatic
# confirmation e-mail") and footers ("Please do not reply to this address") are not this.
SELF_DECLARED_AUTOMATED: tuple[str, ...] = (
    r"\(\s*automated\b[^)\n]{0,40}\)",
    r"\bthis\s+is\s+an?\s+(?:automated|automatic|auto-?generated)\s+"
    r"(?:message|confirmation|reply|response|notification|e-?mail|notice|text|sms)\b",
)
# The generic reply such a notice promises: "will respond", "will get back to you".
GENERIC_REPLIES: tuple[str, ...] = (
    "respond",
    "reply",
    "answer",
    r"get\s+back\s+to",
    r"be\s+in\s+touch",
    "revert",
    r"send\s+you\s+(?:a|our)\s+(?:\w+\s+)?response",
)

# --- passing on feedback -----------------------------------------------------------------
# What the customer offered that we pass on (kind: not a promise, spec "feedback").
# Plain words and phrases (tokens.Phrases); a noun in _plurals is read in either number.
FEEDBACK_WORDS: tuple[str, ...] = (
    *_words("feedback suggested kudos praise thoughts"),
    # the customer's input, not the software's ("the Korean input method", "input field")
    *_phrases("your ur for", "input"),
    "for the input",
    *_plurals(_words("suggestion idea compliment shout-out shoutout comment recommendation")),
    *_plurals(_words("improvement")),
    *_phrases("good", "point catch shout call"),
    *_phrases("great", "point catch idea shout"),
    "kind words",
    *_plurals(("feature request",)),
    # a slip in our own published content is reported, not the customer's problem
    *_plurals(("typo", "spelling mistake", "broken link")),
)
# Verbs that pass something on, and the nouns that, heading their object, make it
# feedback ("pass your comments on"; "send the certificate of interest" is a document).
FEEDBACK_VERBS: tuple[str, ...] = (
    "share",
    "relay",
    "pass",
    "forward",
    "send",
    "add",
    "provide",
    "get",
    "take",
    "note",
    "log",
    "raise",
    "flag",
    "let",
)
# "I'll raise a reversal request with our payments team": a request for an action on the
# customer's own case (the word before "request") is a hand-over, not feedback passed on.
ACTION_REQUEST_NOUNS: tuple[str, ...] = _words(
    "refund reversal return replacement cancellation chargeback repair callback call-back"
    " pickup pick-up collection exchange credit compensation investigation dispute"
    " correction adjustment reimbursement payout transfer reissue re-issue unlock reset"
)
# "We'll pass it on to the product team": what the customer said, passed on, with nobody
# named to act for the customer afterwards (no time, no "so they can refund it").
PASS_ON_VERBS: tuple[str, ...] = ("pass", "relay", r"bring")
PASS_ON_OBJECTS: tuple[str, ...] = _words("it this that these them those")
FEEDBACK_OBJECTS: tuple[str, ...] = (
    "feedback",
    "comments?",
    "sentiment",
    "suggestions?",
    "thoughts",
    "ideas?",
    "interest",
    "insights?",
    "praise",
    "kudos",
    "compliments?",
    r"kind\s+words",
    "concerns",
    "inquiry",
    "request",
    "experience",
    "thanks",
    "gratitude",
    "appreciation",
    "input",
    "views",
    "opinions?",
    "love",
    "luv",
    "shout-?out",
)

# --- the calendar ------------------------------------------------------------------------
MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "tues": 1, "wednesday": 2, "weds": 2, "thursday": 3,
    "thurs": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
# Amounts written as words: "within two days", "in a couple of hours".
NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-eight": 48,
    "twenty-four": 24, "seventy-two": 72, "half an": 0.5, "half a": 0.5, "a couple of": 2,
    "couple of": 2,
}  # fmt: skip

# --- action verbs by stem, and how English inflects them -----------------------------------
# The kind of a single action word, by stem and form, where the grammar reads one word for
# the action: "have it ___" ("we'll have the invoice corrected"), "will be ___ by our
# team", "arrange for the part to be ___". Forms: "base" (fix, fixes), "past" (fixed,
# sent), "ing" (working). lemmas.lemma() finds the stem and form of a word, so one row
# covers every inflection.
VERB_KINDS: tuple[tuple[str, PromiseKind, str], ...] = (
    # (stem, kind, forms)
    *((stem, "fix", "base past") for stem in _words(
        "fix sort resolve correct restore reset unlock upgrade replace repair update "
        "reactivate activate reverse deploy cancel amend change adjust reconnect remove "
        "unblock reinstate rectify restart reboot resync re-sync reprovision re-provision"
    )),
    *((stem, "fix", "past") for stem in _words(
        "do clear book take proceed fit install configure connect service approve rebook "
        "reschedule unfreeze enable re-enable apply switch finish rebuild raise extend "
        "whitelist re-grant backfill release revert"
    )),
    ("work", "fix", "ing"),
    ("visit", "fix", "base"),
    *((stem, "send", "base past") for stem in _words("send ship refund credit deliver")),
    *((stem, "send", "past") for stem in _words(
        "email e-mail post issue dispatch despatch courier mail reimburse pay arrange "
        "process return resend place reissue redeliver re-deliver move"
    )),
    *((stem, "callback", "base") for stem in _words("call ring phone")),
    *((stem, "update", "base") for stem in _words("contact reach email")),
    *((stem, "check", "base past") for stem in _words("check review investigate")),
    *((stem, "check", "past") for stem in _words("look examine chase")),
)  # fmt: skip
# The participle of every one-word verb of SEND_VERBS, FIX_VERBS and CHECK_VERBS reads as
# that kind too ("we'll get this merged", "have it backported by Friday"), except these:
# what happens by itself or to us ("have arrived"), and a participle that is not the action
# ("get it tried": an attempt).
NOT_PARTICIPLE_STEMS: tuple[str, ...] = _words("arrive attend visit try ask speak talk")
# A prefix of doing again: the participles "re-shipped", "reshipped" read as "shipped" when
# the whole word is not a verb of its own (lemmas.lemma; detect reads "re - shipped").
AGAIN_PREFIXES: tuple[str, ...] = ("re-", "re")
# Forms no suffix rule gives: word -> (stem, form). "past" is the participle ("have it
# done", "will be sent"), not the simple past ("did", "took").
IRREGULAR_FORMS: dict[str, tuple[str, str]] = {
    "sent": ("send", "past"), "resent": ("resend", "past"), "done": ("do", "past"),
    "taken": ("take", "past"), "paid": ("pay", "past"), "rung": ("ring", "past"),
    "spoken": ("speak", "past"), "left": ("leave", "past"), "dealt": ("deal", "past"),
    "unfrozen": ("unfreeze", "past"), "set": ("set", "past"),
    "rebuilt": ("rebuild", "past"), "built": ("build", "past"),
}  # fmt: skip
# Suffix rules, tried in order: (suffix, what replaces it, form). A doubled final
# consonant before the suffix ("shipped", "cancelled") is undone as well.
SUFFIXES: tuple[tuple[str, str, str], ...] = (
    ("ied", "y", "past"),
    ("ies", "y", "base"),
    ("ed", "", "past"),
    ("ed", "e", "past"),
    ("ing", "", "ing"),
    ("ing", "e", "ing"),
    ("es", "", "base"),
    ("s", "", "base"),
)

# Verbs of an arranged action in the present progressive ("I'm sending the label
# today"), by stem; the first group hands the case over ("I'm escalating this").
# ("endorse": Philippine and Indian English for handing a concern to a team)
ESCALATING_STEMS: tuple[str, ...] = _words(
    "pass escalate raise hand forward refer transfer flag endorse"
)
PROGRESSIVE_STEMS: tuple[str, ...] = ESCALATING_STEMS + _words(
    "send ship issue refund arrange book call ring post despatch dispatch deploy fix replace "
    "release install repair expedite rush fast-track"
)
# …and a fix sent out, named with its object ("we're pushing a fix to your router tonight",
# "we're rolling out a patch this week"); not "pushing for a refund" or "rolling back".
PROGRESSIVE_FIX_PHRASES: tuple[str, ...] = (
    *_phrases("pushing", "a an the", "fix patch"),
    *_phrases("pushing rolling", "out", "a an the", "fix patch"),
)
# Who arranges them, and the adverbs read between ("I'm now sending", "we are also
# booking"): plain phrases (tokens.Phrases).
PROGRESSIVE_SUBJECTS: tuple[str, ...] = ("I'm", "I am", "we're", "we are")
PROGRESSIVE_ADVERBS: tuple[str, ...] = _words("now also currently")
# The same, for a team of ours ("our engineers are deploying a fix tonight").
TEAM_PROGRESSIVE_STEMS: tuple[str, ...] = _words(
    "send ship issue refund arrange book call ring post despatch dispatch deploy fix replace "
    "release install repair"
)

# --- a dated passive of our own action ------------------------------------------------------
# "A new PIN mailer will be sent separately within 7 days", "service will be restored within
# 24 hours", "your request is approved and will be credited to your wallet by Friday": the
# company's action for this customer with a stated time, whatever the subject (tokens).
# Read as: a modal, "be", at most one adverb, the participle of an action verb (VERB_KINDS)
# of one of PASSIVE_KINDS ("will be reviewed" describes a process, not a result).
PASSIVE_MODALS: tuple[str, ...] = (*_words("will wil shall"), "'ll")
PASSIVE_ADVERBS: tuple[str, ...] = _words("also then all soon duly fully separately now")
PASSIVE_KINDS: tuple[str, ...] = ("send", "fix")
# …but not a state: "our workshop will be closed tomorrow", "the office will be shut on Monday".
PASSIVE_STATES: tuple[str, ...] = _words("closed shut open opened busy")
# The base form where a participle belongs, as non-native support English writes a passive:
# "the money will be transfer back to your card within 14 days", "answer will be send to you
# within 14 days" (read as "transferred", "sent"). Only these verbs, whose base form is no
# state or adjective ("will be open", "will be complete" are not read).
BARE_PARTICIPLES: tuple[str, ...] = _words(
    "send resend transfer refund credit deliver dispatch despatch ship return replace repair "
    "reverse reimburse courier deposit"
)
# "… by DHL", "… by Transport Services": someone else acts. After "by", these words keep it
# ours or say how or when ("by us", "by our team", "by email", "by Friday", "by 5pm").
# A delivery service before its means: "sent by overnight courier today" (a means, not a
# courier company acting).
DELIVERY_SERVICES: tuple[str, ...] = _words(
    "overnight express tracked registered recorded special priority first-class next-day same-day"
)
PASSIVE_BY_OURS: tuple[str, ...] = (
    *_words(
        "us me our my email e-mail mail post courier sms text phone direct bank cheque check "
        "wire transfer deposit end close cob eod noon midday tomorrow today tonight next this "
        "the latest"
    ),
    *DELIVERY_SERVICES,
)
# "Kindly note that the refund will be credited to your card within 7-14 working days": a
# passive introduced as a notice informs about a process; it is not an action promised.
NOTED: tuple[str, ...] = (*_phrases("please kindly pls", "note"), "note that")
# Where the subject of a passive starts: after one of these (or a clause break).
SUBJECT_BREAKS: tuple[str, ...] = _words("and which that so but then as")
# A subject opening with one of these is this customer's thing ("your refund", "the
# amount", "it"); a bare plural opens a general policy ("Orders placed after 18 December
# will be dispatched on 3 January", "Refunds will be processed within 14 days").
SPECIFIC_SUBJECTS: tuple[str, ...] = _words(
    "your the a an this that these those our my it its they them his her"
)

# --- words read as tokens (tokens.py) ---------------------------------------------------
# Plain words and phrases, not regular expressions: a space between words stands for any
# whitespace, a word is matched whole and case-insensitively (tokens.Phrases).
# What follows an apostrophe as a clitic: "I'll" is "I" + "'ll", "don't" is "don" + "'t".
CLITICS: tuple[str, ...] = _words("ll re ve s d m t")
# "You'll get a credit note from us": what the customer gets is a thing sent (`send`)...
SENT_THINGS: tuple[str, ...] = (
    *_words("credit refund invoice label voucher statement quote copy document report link"),
    *_words("code replacement"),
    "confirmation of",
)
# ... or news (`update`): "you'll get a reply from us"; a call is a `callback`.
NEWS_WORDS: tuple[str, ...] = _words(
    "reply response update answer message note line news email e-mail decision outcome feedback"
)
CALL_WORDS: tuple[str, ...] = _words("call ring")
# "Expect delays on Monday": what an imperative "expect …" may name that we do not deliver.
NOT_DELIVERED: tuple[str, ...] = _plurals(
    _words("delay disruption interruption outage downtime traffic queue wait")
)
# Sent by a system, not a commitment: "you'll receive an automated e-mail from us".
AUTOMATED_NOTICES: tuple[str, ...] = _words("confirmation notification receipt automated automatic")
# "We have re-initiated the refund and the amount will be credited within 5 days": the refund
# has left us; the credit that follows is the bank's process, not a promise of ours.
REFUND_ALREADY_SENT: tuple[str, ...] = _phrases(
    "initiated processed issued released",
    "the your a this",
    "refund reversal payment transfer",
)
# After "have / get" and what it is: the state we bring it to ("we'll have the mast back up
# by 8pm", "I'll have the quote ready for you by Friday"): a fix (tokens).
HAVE_RESULTS: tuple[str, ...] = (
    "ready",
    "back up",
    "back online",
    "up and running",
    "working again",
    # undone on our side: "we'll have that reverted by tomorrow"
    "reverted",
    "rolled back",
)
# Right after "I'm sending…": done now, not arranged ("I'm sending it now").
RIGHT_NOW: tuple[str, ...] = (
    "now",
    "right now",
    "currently",
    "at the moment",
    "as we speak",
    "as I type",
)
# "Let me check: I can see it was sent yesterday": the check answered in the same message.
ANSWERED: tuple[str, ...] = (
    "I can see",
    *_phrases("I", "see", "that the your it"),
    *_phrases("it", "looks appears seems"),
    *_phrases("it this that", "shows"),
    "according to",
    *_phrases("I I've", "checked looked"),
    # "Let me look into this. ... OK, I found it: the delivery was split"
    *_phrases("I I've", "found"),
    *_phrases(
        "was were",
        "credited processed sent delivered shipped refunded issued approved cancelled canceled",
    ),
    *_phrases(
        "has have",
        "been",
        "credited processed sent delivered shipped refunded issued approved cancelled canceled",
    ),
)
# A chat agent's next turn that reports the commitment before it done ("Done.", "Booked!",
# "Ok, all sorted", "That's been added"): it was done in the same live exchange. A
# DONE_REPORT word opens the turn, after any DONE_LEADS words; a "?" after it asks instead.
DONE_LEADS: tuple[str, ...] = _words("ok okay great right perfect all and")
DONE_REPORTS: tuple[str, ...] = _words(
    "done booked sorted sent added issued processed completed finished refunded cancelled"
    " canceled arranged submitted scheduled updated"
)
# A chat agent's next turn that comes back with what a check found ("Thanks for waiting.
# They confirm ...", "Sorry for the wait, I can see ..."): the check was done in the chat.
BACK_WITH_ANSWER: tuple[str, ...] = (
    *_phrases("thanks thank", "for", "waiting holding"),
    *_phrases("thanks thank", "for", "your the", "patience wait"),
    *_phrases("thank", "you", "for", "waiting holding"),
    *_phrases("thank", "you", "for", "your the", "patience wait"),
    *_phrases("sorry apologies", "for", "the that", "wait delay"),
    "sorry to keep you waiting",
    *_phrases("i've i", "checked looked asked confirmed heard"),
    *_phrases("i", "have", "checked looked asked confirmed heard"),
    # or opens with what it found ("Found it, ...", "I can see the order left ...", "Looks
    # like the courier ...")
    *_phrases("found", "it"),
    *_phrases("i", "can", "see"),
    *_phrases("it", "looks seems", "like"),
    *_phrases("looks seems", "like"),
)
# A live chat or DM that goes on at once ("One moment, please", "give me 5 minutes", "brb"):
# what is promised is done in this exchange. Read where a clause starts (the sentence's
# start, after one of CLAUSE_SEPARATORS or " - "), after an optional HOLD_LEADS word ("ok, ")
# and "please". HOLD_MOMENTS must not be followed by a HOLD_NOT_BEFORE word ("a minute
# ago"); the last word of HOLD_OPEN may run on ("won't be long" reads "won't be longer").
CLAUSE_SEPARATORS: tuple[str, ...] = (",", ";", ":", "–", "—")
HOLD_LEADS: tuple[str, ...] = _words("ok okay")
_HOLD_UNITS = _words("moment minute min sec second")
HOLD_MOMENTS: tuple[str, ...] = (
    *_phrases("one a 1", "moment mo sec second minute min"),
    *_phrases("just", "one a 1", "moment mo sec second minute min"),
    # the same hold in the languages the extractor reads, dropped into an English chat:
    # "Let me check the inverter remotely. Un momento."
    "un momento",
    "un momentito",
    "un moment",
    "einen moment",
    "um momento",
    "een moment",
    "een momentje",
    "un attimo",
)
HOLD_NOT_BEFORE: tuple[str, ...] = _words("ago later")
HOLD_WORDS: tuple[str, ...] = (
    "hold",
    "please hold",
    *_phrases("stay", "on", "chat line call phone"),
    *_phrases("stay", "on", "the", "chat line call phone"),
    *_phrases("stay", "online connected"),
    # "bear with me 2 mins" (a plain "please bear with us" in an e-mail is no live exchange)
    *_phrases("bear", "with", "me us", "a one two #", " ".join(_plurals(_HOLD_UNITS))),
    *_phrases("bear", "with", "me us", "a", "few", " ".join(_plurals(_HOLD_UNITS))),
    # "please wait 2 minutes", "wait a moment"
    *_phrases("wait", "a one two #", " ".join(_plurals(_HOLD_UNITS))),
    *_phrases("wait", "a", "few couple", " ".join(_plurals(_HOLD_UNITS))),
    *_phrases("wait", "a", "couple", "of", " ".join(_plurals(_HOLD_UNITS))),
)
HOLD_OPEN: tuple[str, ...] = (
    *_phrases("give", "me us", "a one two #", "moment minute min sec second"),
    *_phrases("give", "me us", "a", "few", "moment minute min sec second"),
    *_phrases("give", "me us", "a", "couple", "of", "moment minute min sec second"),
    *_words("brb"),
    "hold on",
    "hang on",
    "be right back",
    *_phrases("I we", "won't", "be", "moment minute sec second long"),
    *_phrases("I we", "won't", "be", "a", "moment minute sec second long"),
    # "I'll check your account, won't be a sec": the subject left out
    *_phrases("won't", "be", "a", "moment minute sec second"),
    *_phrases("won't", "be", "long"),
)
# The customer has already written: "We have your DM now and we'll pick it up there",
# "thanks for sending the photos". A lead, then ALREADY_ACTED_WHOSE, at most one other
# word, then what they sent; not after a NOT_YET word ("once we have your details", "may
# we have your number").
_RECEIVED = "got received have seen read see"
ALREADY_ACTED_LEADS: tuple[str, ...] = (
    *_phrases("we I", _RECEIVED),
    *_phrases("we've I've", _RECEIVED),
    *_phrases("we I", "have", _RECEIVED),
    *_phrases("we I", "can", "see"),
    *_words("got received"),
    *_phrases("thank thanks", "for"),
    *_phrases("thank thanks", "you", "for"),
    *_phrases("thank thanks", "for", "sending"),
    *_phrases("thank thanks", "you", "for", "sending"),
)
ALREADY_ACTED_WHOSE: tuple[str, ...] = _words("your the")
ALREADY_SENT: tuple[str, ...] = (
    *_words("dm dms d.m. pm details info information reply response number"),
    *_plurals(_words("message e-mail email photo picture screenshot")),
    *_plurals(("direct message",)),
    "order number",
)
NOT_YET: tuple[str, ...] = _words("may can could will would shall should do did once when after if")
# The earlier condition does not reach a commitment that holds whatever happens.
REGARDLESS: tuple[str, ...] = (
    "either way",
    "regardless",
    "in any case",
    "whatever happens",
    "no matter what",
)
# Before the subject: the commitment waits for something ("once", "as soon as") ...
WAITING: tuple[str, ...] = (*_words("once when after upon"), "as soon as", "on receipt")
# Right before a simple present, a time clause, not a commitment: "tickets will be answered
# when we return on 2 January" (detect.py, the present-simple rule).
TIME_CLAUSE_OPENERS: tuple[str, ...] = _words("once when whenever after before until till")
# ... that the customer does: "once you've sent it", "when we receive the form". The
# open ones may run on ("receiv" reads "received", "hear from you" reads "hear from your").
CUSTOMER_FIRST: tuple[str, ...] = (
    *_words("you your you've you're"),
    "get the",
    "get your",
    # what we asked for, named by "those" / "these": "As soon as we have those, we'll book
    # you in"
    *_phrases("we", "have get receive", "those these"),
    *_phrases("we've", "got received", "those these"),
)
CUSTOMER_FIRST_OPEN: tuple[str, ...] = ("receiv", "hear from you", "hear back from you")
# ... unless what we receive comes from someone else: "once we receive feedback from our
# courier partner", "as soon as we get their reply" waits on a third party, not the customer.
OTHER_SOURCES: tuple[str, ...] = (
    *_phrases("from", "them him her the our their"),
    *_words("their they"),
)
# Right after a request to the customer ("Please submit the original receipts." or step
# "1." of a list), a commitment that works on what was asked for waits for it, dated or
# not: "Our claims team will review the documents and contact you within 5 working days",
# "We'll verify them by Friday", "we'll then refund you". Regular-expression fragments read
# at the start of the verb phrase: a verb that examines (ASKED_FOR_VERBS), then a pronoun
# or a thing the customer sends (ASKED_FOR_THINGS); or "then" before any verb.
ASKED_FOR_VERBS: tuple[str, ...] = (
    *_words("review verify check assess examine validate evaluate process inspect analy[sz]e"),
    r"look\s+(?:at|over)",
    r"go\s+(?:through|over)",
)
ASKED_FOR_THINGS: tuple[str, ...] = (
    *_words("it them these those"),
    r"(?:the|your|all|both)\s+(?:[\w-]+\s+)?(?:documents?|docs|photos?|pictures?|pics|images?"
    r"|receipts?|screenshots?|videos?|files?|forms?|logs?|evidence|proofs?|cop(?:y|ies)"
    r"|details|information|info|paperwork|attachments?|submissions?|statements?)\b",
)
# The sentence before asked the customer ("Could you send us a photo?").
YOU_WORDS: tuple[str, ...] = _words("you your u ur")
# A verb phrase of the kind "update" (kind_rules.KIND_RULES): "(I'll) let you know".
LET_YOU_KNOW: tuple[str, ...] = ("let you know", "let u know", "let ya know")
# Work done together with the customer, after they reply: "we'll sort it from there".
TOGETHER: tuple[str, ...] = ("together", "from there", "with you there")
# ... but not a thing made: "we'll put together a patch".
MADE_TOGETHER: tuple[str, ...] = ("put together", "pull together", "put it together")

# A closing courtesy, not a request: "Please let me know if you have any questions." asks
# nothing of the customer before our commitment (tokens, anywhere in the sentence after).
COURTESY_INVITES: tuple[str, ...] = (
    *_phrases("if", "you", "have", "any"),
    *_phrases("if", "you", "need", "anything any"),
    *_phrases("if", "there's", "anything"),
    *_phrases("if", "there", "is", "anything"),
    *_phrases("if", "you've", "any"),
)
# The sentence after asks the customer to act: "We'll look into it. Please send ...".
NEXT_REQUEST: tuple[str, ...] = (
    *_words("dm"),
    "direct message",
    *_phrases("send", "us me"),
    *_phrases("please kindly pls", "send provide share reply attach upload dm"),
    *_phrases("can", "you", "send provide share dm"),
)
# A clause opening with one of these and ending in "?" asks: "Would you like us to…?"
QUESTION_STARTS: tuple[str, ...] = _words(
    "would could shall should can do does did is are will may might"
)

# --- what the decision model reads (features.py) -------------------------------------------
DM_WORDS: tuple[str, ...] = (
    *_words("dm dms d.m. pm inbox chat messenger"),
    *_plurals(("direct message", "private message")),
)
# Negated anywhere in the clause (besides "n't": "won't", "can't").
NEGATION_WORDS: tuple[str, ...] = ("not", "never", "no longer", "cannot")
THANKS_WORDS: tuple[str, ...] = ("thanks", "thank you", "appreciate")
# Who commits, by the subject's first words.
SUBJECT_TYPES: dict[str, tuple[str, ...]] = {
    "let": ("let",),
    "i": _words("I me my"),
    "we": ("we", "us", *_phrases("our", "team store shop")),
    "you": _words("you u"),
    "pronoun": _words("they she he someone somebody"),
}
# The modal of the committing subject, by its words (the first type found); a clitic
# ("'d") counts attached to a word ("I'd"), "'ll" also on its own.
MODAL_TYPES: dict[str, tuple[str, ...]] = {
    "ll": ("'ll",),
    "will": ("will",),
    "going-to": ("going", "gonna"),
    "shall": ("shall",),
    "would": ("would", "'d"),
    "should": ("should",),
    "let": ("let",),
    "progressive": ("am", "is", "are", "'m", "'re", "'s"),
}
MODALS_UNATTACHED: tuple[str, ...] = ("'ll",)
# Said in the past: "I've already sent", "we had checked", "it was" (PAST_WORDS anywhere;
# after a PAST_SUBJECTS word, its auxiliary and at most one PAST_ADVERBS word, a word
# ending in one of PAST_ENDINGS, with at least one letter before it).
PAST_WORDS: tuple[str, ...] = _words("was were did")
PAST_SUBJECTS: tuple[str, ...] = _words("I we")
PAST_AUXILIARIES: tuple[str, ...] = ("'ve", "have", "had", "'d")
PAST_ADVERBS: tuple[str, ...] = _words("already just")
PAST_ENDINGS: tuple[str, ...] = _words("ed en t")
# What opens a verb phrase whose kind is that of the action after it: "arrange for the
# part to be replaced", "make sure that the refund is processed".
ARRANGE_FOR: tuple[str, ...] = _phrases("arrange organise organize", "for")
MAKE_SURE: tuple[str, ...] = ("make sure", "make sure that", "ensure", "ensure that")
# The agent vouches for a dispatch right before it: "I can confirm a cheque will be
# posted to you today".
CONFIRMED: tuple[str, ...] = (
    *_phrases("I we", "confirm guarantee promise"),
    *_phrases("I we", "can", "confirm guarantee promise"),
    *_phrases("I we", "confirm guarantee promise", "that"),
    *_phrases("I we", "can", "confirm guarantee promise", "that"),
)
# A request clause that ends on one of these leads into what follows ("DM us and …").
CONNECTOR_ENDS: tuple[str, ...] = (*_words("and then so where"), "&", ",", "-", "–", "—", ":")
# Done in this very message: "I'll transfer you now", "cancelling it as we speak" (not
# "now that you've sent it": NOT_NOW_BEFORE opens the word after "now").
DONE_NOW: tuple[str, ...] = (
    "right now",
    "now",
    "as we speak",
    # "I'm going to extend the trial – that change is live already"
    *_phrases("is", "live active", "already"),
    *_phrases("is", "already", "live active"),
)
NOT_NOW_BEFORE: tuple[str, ...] = ("that",)
# Right before a request, someone else acts, not the customer: "as soon as they give us a
# date", "once the bank sends us the form" ("*" is any one word).
THIRD_PERSON: tuple[str, ...] = (*_words("they he she it"), "the *")

# --- commitments with a verb no list names (unlisted.py) -----------------------------------
# After "I'll" / "we'll", a verb of no kind list counts when the clause states a time or
# FOR_YOU, unless it is one of these stems: states, needs and courtesies, not actions for the
# customer ("I'll be in on Monday", "we'll need the serial number by Friday", "I'll leave
# the ticket open until Friday", "we'll make it right"; "do" only as DONE_THINGS).
NON_ACTION_VERBS: tuple[str, ...] = (
    *_words("be been being have need miss leave remember keep hold stay know want wait"),
    *_words("see hope think expect like love feel use consider assume take make let go get"),
    *_words("give tell mark announce launch continue appreciate understand admit help assist"),
    *_words("support accept agree allow apologise apologize say mention note guess bet owe"),
    *_words("open close reopen work become sleep head forget mind require receive hear"),
    *_words("seem remain rest wish thank welcome enjoy lose happen do watch travel fly"),
)
# Words right after the modal that are no verb ("we'll all …", "I'll never …").
NOT_VERBS: tuple[str, ...] = _words(
    "not never all both each also always still soon probably likely surely definitely "
    "certainly just then now only even already again too either rather you the a an it "
    "this that there here your our my"
)
# The customer as the one the action is for: "I'll request it for you".
FOR_YOU: tuple[str, ...] = _phrases("for to", "you u ya")
# "I'll do that tomorrow": what "do" may stand for (what the customer asked).
DONE_THINGS: tuple[str, ...] = _words("that this it")

# --- verb phrases read as tokens (kind_rules.KIND_RULES) ---------------------------------------
# Each list is every phrase a rule reads at the start of a verb phrase, as a whole word
# unless said otherwise; where the rule reads inflected forms they are listed ("calling").
_YOU: tuple[str, ...] = _words("you u ya")
# "give you a quick ring", "get u a call" (callback)
GIVE_A_CALL: tuple[str, ...] = _joined(("give", "get"), _YOU, ("", "a"), ("", "quick"), CALL_NOUNS)
# "call you", "ringing back" (callback); the forms are those the grammar has always read
CALL_YOU: tuple[str, ...] = _joined(
    (
        *_words("call calling ring ringing phone phoneing telephone telephoneing"),
        *_words("buzz buzzing bell belling"),
    ),
    (*_YOU, "back"),
)
# "return your call", "give you a phone call" (callback)
RETURN_A_CALL: tuple[str, ...] = _joined(
    ("return", "give"), ("your", "you a"), ("", "phone"), ("call",)
)
# "make sure you get an answer from the product team" (update)
MAKE_SURE_YOU_GET: tuple[str, ...] = _joined(
    ("make sure", "ensure"), ("", "that"), _YOU, _words("get receive hear have")
)
# "try you again after lunch": another call attempt (callback)
TRY_YOU_AGAIN: tuple[str, ...] = _joined(("try",), _YOU, ("again", "back", "later", "once more"))
# non-native "I return to you until tomorrow": I'll get back to you (update)
RETURN_TO_YOU: tuple[str, ...] = _joined(("return", "revert"), ("", "back"), ("to",), _YOU)
# "I'll be back to you by Friday" (update)
BE_BACK_TO_YOU: tuple[str, ...] = _joined(("be back",), ("to", "with"), _YOU)
# "check back in with you" (update)
CHECK_IN_WITH_YOU: tuple[str, ...] = _joined(
    ("check",), ("", "back"), ("in",), ("with", "on"), _YOU
)
# "keep you all posted", "keep everyone in the loop" (update); the last word may run on
KEEP_POSTED_OPEN: tuple[str, ...] = _joined(
    ("keep",),
    (
        *_joined(("you",), ("", "all", "both", "guys")),
        *_words("u ya y'all everyone everybody all"),
        "all of you",
        "both of you",
    ),
    (*_words("posted updated informed apprised advised"), "in the loop", "up to date"),
)
# "We'll keep this thread updated" (update); the last word may run on
KEEP_THREAD_POSTED_OPEN: tuple[str, ...] = _joined(
    ("keep",),
    _words("this the our your"),
    _words("thread ticket case post conversation chat page"),
    ("posted", "updated", "up to date"),
)
# "be in touch", "get back in contact" (update)
IN_TOUCH: tuple[str, ...] = _joined(("be", "get"), ("", "back"), ("in",), ("touch", "contact"))
# "open a support ticket", "raise an urgent case" (escalate); "*" is any one word
OPEN_A_TICKET: tuple[str, ...] = _joined(
    _words("open raise log create file submit"),
    ("a", "an"),
    ("", "*"),
    _words("ticket case request investigation complaint claim dispute"),
)
# "send an engineer", "book one of our gas technicians", "have a leak detection technician
# out" (fix); not before an apostrophe ("get the technician's report")
SEND_A_TECHNICIAN: tuple[str, ...] = _joined(
    _words("get have send book arrange schedule"),
    ("a", "an", "the", "our", "one of our"),
    ("", "*", "* *"),
    (
        *_plurals(_words("technician engineer tech plumber electrician fitter installer tradie")),
        *_plurals(_words("handyman tradesman tradesperson")),
    ),
)
# "have / get" opening a verb phrase whose kind is that of the participle or verb after it
# ("we'll have the invoice corrected"), unless one of HAVE_GET_NOT follows ("get back to
# you", "have a look": read by the rules above).
HAVE_GET: tuple[str, ...] = _words("have get")
HAVE_GET_NOT: tuple[str, ...] = (
    "back",
    "in touch",
    *_joined(("a",), ("", "closer"), ("look",)),
    *_phrases("a an", "update answer"),
)
# "update you", "write to you" (update)
UPDATE_YOU: tuple[str, ...] = _joined(UPDATE_VERBS_YOU, ("", "to"), _YOU)
# "I'll tell you when it's online", "we will tell you their answer" (not "we'll tell you
# more at pick-up"); the last word may run on (update)
TELL_YOU_WHEN_OPEN: tuple[str, ...] = _joined(
    ("tell",),
    ("you", "u"),
    (
        *_words("when once if whether"),
        "as soon",
        *_phrases("the their our", "outcome result answer news decision"),
    ),
)
# "call later", "ring tomorrow" (callback); "call" alone before ".", "!", "," or at the end
# of the text (kind_rules.KIND_RULES)
CALL_VERBS: tuple[str, ...] = _words("call ring phone")
CALL_LATER: tuple[str, ...] = _joined(
    CALL_VERBS,
    _words("later shortly soon tomorrow today tonight first at on in within by around before")
    + _words("after this next"),
)
# "get back to you", "come back with", "write back tomorrow" (update); the time words may
# run on ("tomorrow's"), and "get back" ends the text too
GET_BACK: tuple[str, ...] = _joined(_words("get come circle report write"), ("back",))
GET_BACK_TO_YOU: tuple[str, ...] = _joined(GET_BACK, ("to", "2"), _YOU) + _joined(
    GET_BACK, _words("with once as in within by on either")
)
GET_BACK_SOON_OPEN: tuple[str, ...] = _joined(
    GET_BACK, _words("tomorrow today tonight shortly soon asap later first when after here")
)
# "message you", "dm u" (update), unless a thing sent follows (MESSAGE_YOU_THE: send)
MESSAGE_VERBS: tuple[str, ...] = _words("message msg text txt dm ping email e-mail tweet")
MESSAGE_YOU: tuple[str, ...] = _joined((*MESSAGE_VERBS, "whatsapp", "sms"), _YOU)
SENT_DETERMINERS: tuple[str, ...] = _words("the a an your our these those them over all some both")
NOT_NEWS_AFTER: tuple[str, ...] = (*SENT_DETERMINERS, "confirmation", "written confirmation")
# "text you the code", "whatsapp u a photo", texted "txt u the code", "msg u the link" (send)
MESSAGE_YOU_THE: tuple[str, ...] = _joined(
    _words("text txt message msg dm whatsapp"), _YOU, SENT_DETERMINERS
)
# "have an update for you", "get a reply back to you" (update)
UPDATE_FOR_YOU: tuple[str, ...] = _joined(
    ("have", "get"),
    ("", "a", "an"),
    _words("update answer response reply news"),
    ("", "back"),
    ("to", "for"),
    _YOU,
)
# "call the hotel", "contact the warehouse" (check), not "call it a day", "contact us"
CALL_SOMEONE: tuple[str, ...] = _words("call ring phone contact")
NOT_CALLED: tuple[str, ...] = _words("it this that these those us me")
# "flick you the updated invoice", "I'll shoot over the quote" (send, with SEND_VERBS)
FLICK_OVER: tuple[str, ...] = _joined(
    _words("flick shoot fire whizz bung pop"),
    ("", *_YOU),
    ("", "over", "across"),
    _words("the a an your our my"),
)
# "get it sorted", "get everything working" (fix, with FIX_VERBS)
GET_IT_SORTED: tuple[str, ...] = _phrases(
    "get", "this that it everything", "sorted fixed resolved working"
)
