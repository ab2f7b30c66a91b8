"""Dutch vocabulary of commitments, read by the other-language rule (other_language.py).

Plain lower-case words; verb entries are stems ("stuur" reads "stuur", "sturen" does
not: both stems are listed). See vocab/de.py for what each name means.
"""

from __future__ import annotations

from tracker.kinds import PromiseKind

CODE = "nl"
NAME = "Dutch"
NOUNS_CAPITALISED = False
PRO_DROP = False

FUNCTION_WORDS = frozenset(
    [
        "ik",
        "wij",
        "je",
        "jullie",
        "u",
        "uw",
        "het",
        "een",
        "en",
        "niet",
        "morgen",
        "vandaag",
        "met",
        "voor",
        "naar",
        "zal",
        "zullen",
        "heb",
        "hebben",
        "heeft",
        "onze",
        "ons",
        "dat",
        "die",
        "dit",
        "van",
        "op",
        "bij",
        "ook",
        "nog",
        "maar",
        "dank",
        "bedankt",
        "groet",
        "groeten",
        "vriendelijke",
        "beste",
        "zijn",
        "wordt",
        "om",
    ]
)

SELF = frozenset(("ik", "wij"))
POSSESSIVES = frozenset(("onze", "ons"))
STAFF = (
    "team",
    "afdeling",
    "collega",
    "collega's",
    "monteur",
    "technicus",
    "klantenservice",
    "dienst",
    "specialist",
    "specialisten",
    "administratie",
    "boekhouding",
)
TITLES: frozenset[str] = frozenset()
# Opening the clause right before a staff noun, one of our people: "a technician",
# "my colleague" (other_clauses._team_subject).
STAFF_LEADS = frozenset(("een", "mijn"))
# Object pronouns opening a clause before its verb (see vocab/it.py): none read here.
CLITIC_PRONOUNS: frozenset[str] = frozenset()
RELATIVES = frozenset(("die", "dat"))
TEAM_PRONOUNS = frozenset(("zij", "ze"))
HANDOVER = ("doorgezet", "doorgestuurd", "doorgegeven", "geëscaleerd", "overgedragen")

FUTURE_AUX = frozenset(("zal", "zullen", "ga", "gaan"))
FUTURE_AUX_NEEDS = ""
FUTURE_SELF_ENDINGS: tuple[str, ...] = ()
FUTURE_OTHER_ENDINGS: tuple[str, ...] = ()
PRESENT_SELF_ENDINGS: tuple[str, ...] = ()
PASSIVE_AUX: frozenset[str] = frozenset()
PARTICIPLE_ENDINGS: tuple[str, ...] = ()
PAST_AUX = frozenset(("heb", "hebben", "had", "hadden"))
PAST_SELF_ENDINGS: tuple[str, ...] = ()
PAST_WORDS = frozenset(("al", "gisteren"))
RIGHT_NOW = ("nu", "meteen", "direct", "in de bijlage", "hieronder", "bijgevoegd")

ACTIONS: dict[str, PromiseKind] = {
    "bel": "callback",
    "terugbel": "callback",
    "contact met u opneem": "callback",
    "contact opnem": "update",
    "laat weten": "update",
    "laat het weten": "update",
    "houd u op de hoogte": "update",
    "hou je op de hoogte": "update",
    "mail": "update",
    "reageren": "update",
    "weten": "update",
    "antwoord": "update",
    "stuur": "send",
    "stuurt": "send",
    "sturen": "send",
    "verstuur": "send",
    "verzend": "send",
    "lever": "send",
    "betaal": "send",
    "terugbetal": "send",
    "los": "fix",
    "oplos": "fix",
    "herstel": "fix",
    "repareer": "fix",
    "vervang": "fix",
    "instell": "fix",
    "installeer": "fix",
    "pas": "fix",
    "aanpass": "fix",
    "activeer": "fix",
    "kijk": "check",
    "kijken": "check",
    "controleer": "check",
    "controleren": "check",
    "onderzoek": "check",
    "uitzoek": "check",
    "zoek": "check",
}
ALWAYS_FUTURE = (
    "laat het u weten",
    "laat je weten",
    "houd u op de hoogte",
    "hou je op de hoogte",
    "neem contact",
)
# Negation words that do not negate here ("non appena": as soon as).
NOT_NEGATIONS = ("niet alleen",)
CONDITIONS = ("als", "indien", "zodra", "wanneer", "mocht")
CUSTOMER = frozenset(("u", "je", "jij", "jullie", "uw"))
OFFER_WORDS = frozenset(("kan", "kunnen", "wilt", "zou"))
NEGATIONS = frozenset(("niet", "geen", "nooit"))
COURTESY = ("aarzel niet", "tot uw beschikking", "graag", "met plezier")
HEDGES = ("hopelijk", "proberen", "probeer", "misschien", "normaal")
FEEDBACK = ("feedback", "suggestie", "opmerking")
AUTOMATIC = ("automatisch",)
THIRD_PARTIES = ("bezorger", "vervoerder", "postnl", "bank", "google", "apple")
INDIRECT = ("kijken", "controleren", "weten", "vragen")
JOINING = frozenset(
    ["de", "het", "een", "en", "of", "met", "voor", "van", "naar", "op", "bij", "u", "uw", "je"]
)

# A general policy, not an action for this customer ("Wir liefern grundsätzlich …").
POLICY = ("altijd", "doorgaans", "meestal", "gewoonlijk", "elke", "iedere")
# Words that open a subordinate clause: a negation after one is not the promise's own.
SUBORDINATORS = frozenset(("dat", "of", "zodra", "als", "omdat", "wanneer"))
# Requests to the customer ("Merci de nous rappeler demain"): the customer acts.
REQUESTS = ("wilt u", "kunt u", "gelieve", "zou u")
# First-person forms of FUTURE_AUX ("voy a"): a subject of their own where it is dropped.
FUTURE_AUX_SELF: frozenset[str] = frozenset()
# A subject only at the start of its clause ("nous" is also "us").
SELF_AT_START: frozenset[str] = frozenset()
CONJUNCTIONS = frozenset(("en", "maar"))
ARTICLES = frozenset(["de", "het", "een"])
NOT_VERBS: frozenset[str] = frozenset()

DUE_WORDS = {
    "vandaag nog": "today",
    "vandaag": "today",
    "vanavond": "tonight",
    "vanmiddag": "this afternoon",
    "morgenochtend": "tomorrow morning",
    "morgenmiddag": "tomorrow afternoon",
    "morgen": "tomorrow",
    "overmorgen": "in 2 days",
    "deze week": "this week",
    "volgende week": "next week",
    "eind van de maand": "end of the month",
    "einde van de maand": "end of the month",
}
DUE_PREPOSITIONS = {
    "uiterlijk": "by",
    "voor": "before",
    "vóór": "before",
    "op": "on",
    "om": "at",
    "binnen": "within",
    "over": "in",
    "tussen": "between",
    "en": "and",
}
UNITS = {
    "werkdagen": "working days",
    "werkdag": "working day",
    "dagen": "days",
    "dag": "day",
    "uur": "hours",
    "uren": "hours",
    "minuten": "minutes",
    "weken": "weeks",
}
WEEKDAYS = {
    "maandag": "Monday",
    "dinsdag": "Tuesday",
    "woensdag": "Wednesday",
    "donderdag": "Thursday",
    "vrijdag": "Friday",
    "zaterdag": "Saturday",
    "zondag": "Sunday",
}
MONTHS = {
    "januari": "January",
    "februari": "February",
    "maart": "March",
    "april": "April",
    "mei": "May",
    "juni": "June",
    "juli": "July",
    "augustus": "August",
    "september": "September",
    "oktober": "October",
    "november": "November",
    "december": "December",
}
NUMBERS = {"twee": "2", "drie": "3", "vijf": "5", "tien": "10"}
# "om 10 uur", "10:30"
CLOCK = r"(?<=om\s)(?P<h>[012]?\d)(?::(?P<m>[0-5]\d))?\s*uur\b"
