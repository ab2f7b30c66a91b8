"""German vocabulary of commitments, read by the other-language rule (other_language.py).

Every list is plain lower-case words or phrases (a space for any whitespace). Verb
entries are stems: a word counts when it starts with one ("schick" reads "schicke",
"schickt", "schicken"). German writes nouns with a capital, so a capitalised word
inside a sentence is never read as a verb (NOUNS_CAPITALISED).
"""

from __future__ import annotations

from tracker.kinds import PromiseKind

CODE = "de"
NAME = "German"
NOUNS_CAPITALISED = True
PRO_DROP = False  # the subject is always written ("ich schicke")

# Frequent words of the language that English does not have: recognising it.
FUNCTION_WORDS = frozenset(
    [
        "ich",
        "wir",
        "sie",
        "ihnen",
        "ihr",
        "ihre",
        "ihren",
        "und",
        "nicht",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ist",
        "sind",
        "mit",
        "bei",
        "uns",
        "euch",
        "dir",
        "dich",
        "auf",
        "für",
        "von",
        "zu",
        "zum",
        "zur",
        "auch",
        "noch",
        "schon",
        "heute",
        "morgen",
        "bis",
        "ein",
        "eine",
        "einen",
        "einem",
        "habe",
        "haben",
        "hat",
        "wird",
        "werde",
        "werden",
        "danke",
        "vielen",
        "grüße",
        "gruß",
        "bitte",
        "ob",
        "oder",
        "wenn",
        "dass",
        "aber",
        "sehr",
        "leider",
        "gerne",
        "gern",
        "nach",
        "über",
        "wie",
        "im",
        "am",
        "vom",
    ]
)

# Who commits for the company.
SELF = frozenset(("ich", "wir"))
POSSESSIVES = frozenset(["unser", "unsere", "unseren", "unserem", "unserer"])
# Staff and departments; a compound ending in one counts too ("Entwicklungsteam").
STAFF = (
    "team",
    "teams",
    "abteilung",
    "buchhaltung",
    "techniker",
    "technikerin",
    "kollege",
    "kollegin",
    "kollegen",
    "support",
    "kundendienst",
    "kundenservice",
    "service",
    "vertrieb",
    "versandlager",
    "lager",
    "netzbetrieb",
    "entwickler",
    "entwicklerin",
    "fachabteilung",
    "spezialist",
    "spezialisten",
)
TITLES = frozenset(("herr", "frau"))  # "Herr Schmitt wird Sie anrufen"
# Opening the clause right before a staff noun, one of our people: "a technician",
# "my colleague" (other_clauses._team_subject).
STAFF_LEADS = frozenset(("ein", "eine", "mein", "meine"))
# Object pronouns opening a clause before its verb (see vocab/it.py): none read here.
CLITIC_PRONOUNS: frozenset[str] = frozenset()
# "…, die Ihnen die Rechnung zusendet": a relative clause after a team we handed it to.
RELATIVES = frozenset(("die", "der", "das"))
# "Diese prüft den Fall": the team named before ("sie" is also "Sie", you: not read).
TEAM_PRONOUNS = frozenset(("diese", "dieser", "dort"))
# Passing the case to someone who acts for the customer.
HANDOVER = ("übergeb", "weitergeleitet", "weitergegeben", "eskaliert", "übertrag")

# Future: an auxiliary with an infinitive ("ich werde … schicken").
FUTURE_AUX = frozenset(("werde", "werden", "wird", "wirst"))
FUTURE_AUX_NEEDS: str = ""  # a word that must follow the auxiliary ("voy a")
FUTURE_SELF_ENDINGS: tuple[str, ...] = ()
FUTURE_OTHER_ENDINGS: tuple[str, ...] = ()
PRESENT_SELF_ENDINGS: tuple[str, ...] = ()  # only for PRO_DROP languages
PASSIVE_AUX = frozenset(("wird", "werden"))
# Past: an auxiliary of the perfect, or a simple past.
PAST_AUX = frozenset(["habe", "haben", "hat", "hatte", "hatten", "hab"])
PAST_WORDS = frozenset(("bereits", "schon", "eben", "gestern"))
# In this message, not later.
RIGHT_NOW = ("jetzt", "gerade", "sofort", "anbei", "hiermit", "im anhang", "unten")

# Action verbs (stems) and their kinds.
ACTIONS: dict[str, PromiseKind] = {
    "ruf": "callback",
    "anruf": "callback",
    "zurückruf": "callback",
    "telefonier": "callback",
    "meld": "update",
    "schreib": "update",
    "antwort": "update",
    "informier": "update",
    "bescheid": "update",
    "auf dem laufenden": "update",
    "schick": "send",
    "send": "send",
    "zusend": "send",
    "zuschick": "send",
    "versend": "send",
    "verschick": "send",
    "liefer": "send",
    "erstatt": "send",
    "überweis": "send",
    "gutschreib": "send",
    "mail": "send",
    "kümmer": "fix",
    "komm": "fix",
    "beheb": "fix",
    "korrigier": "fix",
    "tausch": "fix",
    "ersetz": "fix",
    "reparier": "fix",
    "bau": "fix",
    "trag": "fix",
    "mach": "fix",
    "aktivier": "fix",
    "freischalt": "fix",
    "richt": "fix",
    "installier": "fix",
    "aktualisier": "fix",
    "erledig": "fix",
    "lös": "fix",
    "stell": "fix",
    "prüf": "check",
    "überprüf": "check",
    "schau": "check",
    "klär": "check",
    "untersuch": "check",
    "kontrollier": "check",
    "wertet": "check",
    "bring": "check",
    "weiterleit": "escalate",
    "eskalier": "escalate",
}
# Present-tense promises that need no time ("ich melde mich", "ich gebe Bescheid").
ALWAYS_FUTURE = (
    "auf dem laufenden",
    "melde mich",
    "melden uns",
    "meldet sich",
    "melden sich",
    "bescheid",
)

# Conditions: before the commitment they make it wait ("Wenn Sie möchten, kann ich …");
# after it, only one where the customer acts ("…, sobald Sie uns … senden").
CONDITIONS = ("wenn", "falls", "sofern", "sobald", "bevor")
# Negation words that do not negate here ("nicht nur": not only).
NOT_NEGATIONS = ("nicht nur",)
CUSTOMER = frozenset(("sie", "du", "ihr", "ihre", "ihnen", "dein", "deine", "euch"))
# Offers and abilities, not commitments ("kann ich Ihnen … anlegen").
OFFER_WORDS = frozenset(("kann", "können", "könnte", "könnten", "möchten", "würde", "würden"))
NEGATIONS = frozenset(("nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals"))
COURTESY = (
    "zur verfügung",
    "helfe ich gern",
    "helfe gern",
    "gerne helfe",
    "freue mich",
    "freuen uns",
    "melden sie sich gern",
    "wenden sie sich",
)
HEDGES = ("hoffentlich", "versuche", "versuchen", "voraussichtlich", "vielleicht", "eventuell")
FEEDBACK = ("feedback", "rückmeldung", "beschwerde", "anregung", "vorschlag", "kritik")
AUTOMATIC = ("automatisch",)
THIRD_PARTIES = ("extern", "spediteur", "paketdienst", "zusteller", "bank", "dhl", "hermes", "ups")
# Words that open an indirect question: "prüfen, ob …" (not a condition).
INDIRECT = ("ob",)
# A hard-wrapped line ending on one of these goes on: "Ich schicke Ihnen die\nNummer".
JOINING = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "und",
        "oder",
        "mit",
        "bei",
        "für",
        "von",
        "zu",
        "im",
        "am",
        "an",
        "auf",
        "bis",
        "ihnen",
        "ihr",
        "ihre",
        "ihren",
        "unser",
        "unsere",
        "unseren",
        "dir",
    ]
)

# Due words, as the English the due grammar (due.py) reads.
DUE_WORDS = {
    "heute abend": "tonight",
    "heute nachmittag": "this afternoon",
    "heute vormittag": "today",
    "heute noch": "today",
    "heute": "today",
    "morgen früh": "tomorrow morning",
    "morgen mittag": "tomorrow at noon",
    "morgen vormittag": "tomorrow morning",
    "morgen nachmittag": "tomorrow afternoon",
    "morgen": "tomorrow",
    "übermorgen": "in 2 days",
    "diese woche": "this week",
    "ende der woche": "end of the week",
    "nächste woche": "next week",
    "nächsten woche": "next week",
    "ende des monats": "end of the month",
    "monatsende": "end of the month",
    "mittag": "noon",
}
DUE_PREPOSITIONS = {
    "bis": "by",
    "bis zum": "by",
    "bis spätestens": "by",
    "spätestens": "by",
    "vor": "before",
    "am": "on",
    "um": "at",
    "ab": "from",
    "vom": "on",
    "innerhalb von": "within",
    "innerhalb der nächsten": "within",
    "in den nächsten": "within",
    "binnen": "within",
    "in": "in",
    "zwischen": "between",
    "und": "and",
}
UNITS = {
    "werktagen": "working days",
    "werktage": "working days",
    "arbeitstagen": "working days",
    "arbeitstage": "working days",
    "tagen": "days",
    "tage": "days",
    "tag": "day",
    "stunden": "hours",
    "stunde": "hour",
    "minuten": "minutes",
    "wochen": "weeks",
}
WEEKDAYS = {
    "montag": "Monday",
    "dienstag": "Tuesday",
    "mittwoch": "Wednesday",
    "donnerstag": "Thursday",
    "freitag": "Friday",
    "samstag": "Saturday",
    "sonntag": "Sunday",
}
MONTHS = {
    "januar": "January",
    "jänner": "January",
    "februar": "February",
    "märz": "March",
    "april": "April",
    "mai": "May",
    "juni": "June",
    "juli": "July",
    "august": "August",
    "september": "September",
    "oktober": "October",
    "november": "November",
    "dezember": "December",
}
NUMBERS = {"zwei": "2", "drei": "3", "vier": "4", "fünf": "5", "zehn": "10", "einer": "1"}
# A clock time: "14 Uhr", "14:30 Uhr", "14.30 Uhr".
CLOCK = r"(?P<h>[012]?\d)(?:[:.](?P<m>[0-5]\d))?\s*uhr\b"

# Grammar words.
# A general policy, not an action for this customer ("Wir liefern grundsätzlich …").
POLICY = (
    "grundsätzlich",
    "in der regel",
    "normalerweise",
    "üblicherweise",
    "immer",
    "jeden",
    "jede",
    "jeweils",
)
# Words that open a subordinate clause: a negation after one is not the promise's own.
SUBORDINATORS = frozenset(("dass", "ob", "weil", "damit", "sobald", "wenn", "falls", "was"))
# Requests to the customer ("Merci de nous rappeler demain"): the customer acts.
REQUESTS = ("bitte", "könnten sie", "können sie", "würden sie", "wären sie")
# First-person forms of FUTURE_AUX ("voy a"): a subject of their own where it is dropped.
FUTURE_AUX_SELF: frozenset[str] = frozenset()
# A subject only at the start of its clause ("nous" is also "us").
SELF_AT_START: frozenset[str] = frozenset()
CONJUNCTIONS = frozenset(("und", "aber", "sowie"))
ARTICLES = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"]
)
PARTICIPLE_ENDINGS = ("t",)
PAST_SELF_ENDINGS: tuple[str, ...] = ()
# Words with a verb's ending that are not verbs.
NOT_VERBS: frozenset[str] = frozenset()
