"""Italian vocabulary of commitments, read by the other-language rule (other_language.py).

Italian drops the subject: "le scriverò", "invio" commit by their first-person endings
(PRO_DROP). Plain lower-case words; verb entries are stems. See vocab/de.py.
"""

from __future__ import annotations

from tracker.kinds import PromiseKind

CODE = "it"
NAME = "Italian"
NOUNS_CAPITALISED = False
PRO_DROP = True

FUNCTION_WORDS = frozenset(
    [
        "la",
        "ti",
        "alle",
        "ciao",
        "così",
        "io",
        "noi",
        "lei",
        "le",
        "il",
        "lo",
        "gli",
        "è",
        "per",
        "con",
        "domani",
        "oggi",
        "entro",
        "una",
        "che",
        "della",
        "delle",
        "del",
        "sua",
        "suo",
        "nostro",
        "nostra",
        "sarà",
        "non",
        "ci",
        "vi",
        "ha",
        "ho",
        "abbiamo",
        "grazie",
        "saluti",
        "cordiali",
        "buongiorno",
        "gentile",
        "ringraziamo",
        "anche",
        "già",
    ]
)

SELF = frozenset(("io", "noi"))
POSSESSIVES = frozenset(("nostro", "nostra", "nostri", "nostre"))
STAFF = frozenset(
    [
        "reparto",
        "team",
        "ufficio",
        "servizio",
        "tecnico",
        "tecnici",
        "collega",
        "colleghi",
        "assistenza",
        "amministrazione",
        "specialista",
        "specialisti",
        "responsabile",
    ]
)
TITLES: frozenset[str] = frozenset()
# Opening the clause right before a staff noun, one of our people: "a technician",
# "my colleague" (other_clauses._team_subject).
STAFF_LEADS = frozenset(("un", "uno", "una", "mio", "mia"))
# Object pronouns opening a clause before its verb ("ci lavoro"): the next word is a verb.
CLITIC_PRONOUNS: frozenset[str] = frozenset(
    ("ci", "vi", "ti", "lo", "la", "li", "le", "ne", "gli", "mi")
)
RELATIVES = frozenset(("che", "il quale", "la quale"))
TEAM_PRONOUNS = frozenset(("loro",))
HANDOVER = ("inoltrato", "passato", "trasmesso", "girato", "segnalato")

FUTURE_AUX: frozenset[str] = frozenset()
FUTURE_AUX_NEEDS = ""
FUTURE_SELF_ENDINGS = ("rò", "remo")
FUTURE_OTHER_ENDINGS = ("rà", "ranno")
PRESENT_SELF_ENDINGS = ("o", "iamo")
PASSIVE_AUX = frozenset(("sarà", "saranno", "verrà", "verranno"))
PARTICIPLE_ENDINGS = ("ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta")
# (with "essere": "è stato rimandato", "sono state inviate")
PAST_AUX = frozenset(("ho", "abbiamo", "avevo", "avevamo", "stato", "stata", "stati", "state"))
PAST_SELF_ENDINGS: tuple[str, ...] = ()
PAST_WORDS = frozenset(("già", "ieri"))
RIGHT_NOW = ("adesso", "ora", "subito", "qui sotto", "in allegato", "eccole", "eccolo", "ecco")

ACTIONS: dict[str, PromiseKind] = {
    "chiam": "callback",
    "richiam": "callback",
    "ricontatt": "callback",
    "telefon": "callback",
    "scriv": "update",
    "scriver": "update",
    "faccio sapere": "update",
    "faremo sapere": "update",
    "aggiorn": "update",
    "rispond": "update",
    "contatt": "update",
    "invi": "send",
    "mand": "send",
    "spedi": "send",
    "rimbors": "send",
    "risolv": "fix",
    "sistem": "fix",
    "corregg": "fix",
    "ripar": "fix",
    "sostitu": "fix",
    "attiv": "fix",
    "install": "fix",
    "verific": "check",
    "controll": "check",
    "analizz": "check",
    "esamin": "check",
    "inoltr": "escalate",
}
ALWAYS_FUTURE = ("le faccio sapere", "ti faccio sapere", "vi faccio sapere", "la ricontatto")
# Negation words that do not negate here ("non appena": as soon as).
NOT_NEGATIONS = ("non appena", "non solo")
CONDITIONS = ("se", "qualora", "quando", "non appena ci", "una volta che")
CUSTOMER = frozenset(
    ["lei", "ci", "mi", "desidera", "vuole", "volete", "vuoi", "invia", "invierà", "manda"]
)
OFFER_WORDS = frozenset(("posso", "possiamo", "potrei", "potremmo", "desidera"))
NEGATIONS = frozenset(("non", "mai", "nessun", "nessuna"))
COURTESY = ("non esiti", "a disposizione", "a sua disposizione", "con piacere", "volentieri")
HEDGES = (
    "spero",
    "speriamo",
    "proveremo",
    "proverò",
    "cercheremo",
    "cercherò",
    "forse",
    "normalmente",
)
FEEDBACK = ("suggerimento", "feedback", "commento", "opinione")
AUTOMATIC = ("automaticamente", "automatico", "automatica")
THIRD_PARTIES = ("banca", "corriere", "vettore", "poste")
INDIRECT = ("verific", "sapere", "vedere", "controll", "capire")
JOINING = frozenset(
    [
        "il",
        "lo",
        "la",
        "i",
        "gli",
        "le",
        "un",
        "una",
        "di",
        "del",
        "della",
        "e",
        "o",
        "a",
        "per",
        "con",
        "suo",
        "sua",
    ]
)

# A general policy, not an action for this customer ("Wir liefern grundsätzlich …").
POLICY = ("generalmente", "sempre", "di solito", "ogni")
# Words that open a subordinate clause: a negation after one is not the promise's own.
SUBORDINATORS = frozenset(("che", "se", "quando", "perché"))
# Requests to the customer ("Merci de nous rappeler demain"): the customer acts.
REQUESTS = ("la preghiamo", "per favore", "potrebbe", "può")
# First-person forms of FUTURE_AUX ("voy a"): a subject of their own where it is dropped.
FUTURE_AUX_SELF: frozenset[str] = frozenset()
# A subject only at the start of its clause ("nous" is also "us").
SELF_AT_START: frozenset[str] = frozenset()
CONJUNCTIONS = frozenset(("e", "ma", "poi"))
ARTICLES = frozenset(
    [
        "il",
        "lo",
        "la",
        "i",
        "gli",
        "un",
        "una",
        "uno",
        "del",
        "della",
        "dei",
        "al",
        "alla",
        "suo",
        "sua",
    ]
)
NOT_VERBS = frozenset(("ora", "ancora", "allora", "fuori", "sopra", "dentro", "lavoro", "numero"))

DUE_WORDS = {
    "entro oggi": "today",
    "in giornata": "today",
    "oggi stesso": "today",
    "oggi": "today",
    "stasera": "tonight",
    "questo pomeriggio": "this afternoon",
    "domani mattina": "tomorrow morning",
    "domattina": "tomorrow morning",
    "domani pomeriggio": "tomorrow afternoon",
    "domani": "tomorrow",
    "dopodomani": "in 2 days",
    "questa settimana": "this week",
    "la prossima settimana": "next week",
    "settimana prossima": "next week",
    "fine mese": "end of the month",
    "fine del mese": "end of the month",
    "mezzogiorno": "noon",
}
DUE_PREPOSITIONS = {
    "entro il": "by",
    "entro": "within",
    "prima di": "before",
    "il": "on",
    "alle": "at",
    "tra le": "between",
    "fra": "in",
    "tra": "in",
    "e le": "and",
}
UNITS = {
    "giorni lavorativi": "working days",
    "giorni": "days",
    "giorno": "day",
    "ore": "hours",
    "ora": "hour",
    "minuti": "minutes",
    "settimane": "weeks",
}
WEEKDAYS = {
    "lunedì": "Monday",
    "martedì": "Tuesday",
    "mercoledì": "Wednesday",
    "giovedì": "Thursday",
    "venerdì": "Friday",
    "sabato": "Saturday",
    "domenica": "Sunday",
}
MONTHS = {
    "gennaio": "January",
    "febbraio": "February",
    "marzo": "March",
    "aprile": "April",
    "maggio": "May",
    "giugno": "June",
    "luglio": "July",
    "agosto": "August",
    "settembre": "September",
    "ottobre": "October",
    "novembre": "November",
    "dicembre": "December",
}
NUMBERS = {"due": "2", "tre": "3", "cinque": "5", "dieci": "10"}
CLOCK = r"(?<=alle\s)(?P<h>[012]?\d)(?:[:.](?P<m>[0-5]\d))?"
