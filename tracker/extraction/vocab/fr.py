"""French vocabulary of commitments, read by the other-language rule (other_language.py).

Plain lower-case words and phrases; verb entries are stems ("envo" reads "envoie",
"envoyer", "enverrai"). See vocab/de.py for what each name means.
"""

from __future__ import annotations

from tracker.kinds import PromiseKind

CODE = "fr"
NAME = "French"
NOUNS_CAPITALISED = False
PRO_DROP = False

FUNCTION_WORDS = frozenset(
    [
        "je",
        "nous",
        "vous",
        "le",
        "la",
        "les",
        "est",
        "et",
        "pour",
        "avec",
        "dès",
        "demain",
        "aujourd",
        "hui",
        "votre",
        "vos",
        "notre",
        "nos",
        "sera",
        "une",
        "des",
        "du",
        "au",
        "aux",
        "ce",
        "cette",
        "que",
        "qui",
        "dans",
        "sur",
        "pas",
        "ne",
        "merci",
        "bonjour",
        "cordialement",
        "ai",
        "avons",
        "été",
        "sous",
        "par",
        "mais",
        "ou",
        "si",
    ]
)

SELF = frozenset(("je", "j", "nous"))
POSSESSIVES = frozenset(("notre", "nos"))
STAFF = frozenset(
    [
        "équipe",
        "équipes",
        "service",
        "services",
        "technicien",
        "technicienne",
        "techniciens",
        "collègue",
        "collègues",
        "conseiller",
        "conseillère",
        "responsable",
        "département",
        "direction",
        "support",
        "comptabilité",
        "spécialiste",
        "spécialistes",
        "expert",
        "experts",
    ]
)
TITLES: frozenset[str] = frozenset()
# Opening the clause right before a staff noun, one of our people: "a technician",
# "my colleague" (other_clauses._team_subject).
STAFF_LEADS = frozenset(("un", "une", "mon", "ma"))
# Object pronouns opening a clause before its verb (see vocab/it.py): none read here.
CLITIC_PRONOUNS: frozenset[str] = frozenset()
RELATIVES = frozenset(("qui",))
TEAM_PRONOUNS = frozenset(("ils", "elles", "il", "elle"))
HANDOVER = ("transmis", "transmets", "transféré", "escaladé", "remonté")

FUTURE_AUX = frozenset(("vais", "allons", "va", "vont"))
FUTURE_AUX_NEEDS = ""
FUTURE_SELF_ENDINGS = ("rai", "rons")
FUTURE_OTHER_ENDINGS = ("ra", "ront")
PRESENT_SELF_ENDINGS: tuple[str, ...] = ()
PASSIVE_AUX = frozenset(("sera", "seront"))
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")
PAST_AUX = frozenset(("ai", "avons", "avais", "avions", "suis", "sommes"))
PAST_SELF_ENDINGS: tuple[str, ...] = ()
PAST_WORDS = frozenset(("déjà", "hier"))
RIGHT_NOW = ("maintenant", "immédiatement", "ci-joint", "ci-dessous", "en pièce jointe")

ACTIONS: dict[str, PromiseKind] = {
    "rappel": "callback",
    "appel": "callback",
    "téléphon": "callback",
    "reviens vers": "update",
    "reviendr": "update",
    "reviendrons": "update",
    "revenir vers": "update",
    "tiens au courant": "update",
    "tiendrai au courant": "update",
    "tenir au courant": "update",
    "informer": "update",
    "informe": "update",
    "répond": "update",
    "réponds": "update",
    "écri": "update",
    "contact": "update",
    "recontact": "update",
    "confirm": "update",
    "envo": "send",
    "enverr": "send",
    "renvo": "send",
    "renverr": "send",
    "expédi": "send",
    "rembours": "send",
    "publi": "send",
    "prépar": "fix",
    "occupe": "fix",
    "occuper": "fix",
    "passer": "fix",
    "corrig": "fix",
    "répar": "fix",
    "remplac": "fix",
    "résoud": "fix",
    "résoudr": "fix",
    "install": "fix",
    "activ": "fix",
    "débloqu": "fix",
    "mettr": "fix",
    "lance": "check",
    "lancer": "check",
    "regard": "check",
    "vérifi": "check",
    "examin": "check",
    "analys": "check",
    "étudi": "check",
    "transmets": "escalate",
    "transmettr": "escalate",
    "escalad": "escalate",
}
# ("je reviens vers vous concernant …" is now, in this message: it needs a time)
ALWAYS_FUTURE = ("tiens au courant", "tiendrai au courant")
# Negation words that do not negate here ("non appena": as soon as).
NOT_NEGATIONS = ("ne que",)
CONDITIONS = ("si", "dès que", "lorsque", "quand", "une fois que", "avant que")
CUSTOMER = frozenset(("vous", "tu", "votre", "vos"))
OFFER_WORDS = frozenset(("peux", "pouvons", "pourrais", "pourrions", "souhaitez"))
NEGATIONS = frozenset(("ne", "n", "pas", "jamais", "aucun", "aucune", "plus"))
COURTESY = (
    "n'hésitez pas",
    "à votre disposition",
    "reste à votre",
    "restons à votre",
    "avec plaisir",
    "ravi de",
    "ravie de",
    "je vous souhaite",
    "je vous remercie",
)
HEDGES = ("j'espère", "nous espérons", "essayer", "essaierai", "tenter", "peut-être", "normalement")
FEEDBACK = ("suggestion", "retour", "avis", "remarque", "commentaire", "idée")
AUTOMATIC = ("automatiquement", "automatique")
THIRD_PARTIES = ("transporteur", "banque", "opérateur", "la poste", "colissimo", "chronopost")
INDIRECT = ("vérifi", "savoir", "voir", "demand", "assurer", "regard")
JOINING = frozenset(
    [
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "de",
        "du",
        "au",
        "aux",
        "et",
        "ou",
        "à",
        "pour",
        "avec",
        "votre",
        "notre",
    ]
)

# A general policy, not an action for this customer ("Wir liefern grundsätzlich …").
POLICY = ("généralement", "en général", "toujours", "habituellement", "chaque", "tous les")
# Words that open a subordinate clause: a negation after one is not the promise's own.
SUBORDINATORS = frozenset(("que", "qu", "si", "afin", "lorsque", "quand", "car", "parce"))
# Requests to the customer ("Merci de nous rappeler demain"): the customer acts.
REQUESTS = (
    "merci de",
    "veuillez",
    "pourriez-vous",
    "pouvez-vous",
    "je vous invite",
    "nous vous invitons",
)
# First-person forms of FUTURE_AUX ("voy a"): a subject of their own where it is dropped.
FUTURE_AUX_SELF: frozenset[str] = frozenset()
# A subject only at the start of its clause ("nous" is also "us").
SELF_AT_START: frozenset[str] = frozenset(("nous",))
CONJUNCTIONS = frozenset(("et", "mais", "puis"))
ARTICLES = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "au",
        "aux",
        "votre",
        "vos",
        "notre",
        "nos",
        "mon",
        "ma",
        "mes",
        "son",
        "sa",
        "ses",
        "ce",
        "cette",
        "ces",
    ]
)
NOT_VERBS = frozenset(("contra", "extra", "caméra", "opéra"))

DUE_WORDS = {
    "aujourd'hui": "today",
    "aujourd'hui même": "today",
    "ce soir": "tonight",
    "cet après-midi": "this afternoon",
    "ce matin": "this morning",
    "en fin de journée": "end of the day",
    "demain matin": "tomorrow morning",
    "demain midi": "tomorrow at noon",
    "demain après-midi": "tomorrow afternoon",
    "demain": "tomorrow",
    "après-demain": "in 2 days",
    "cette semaine": "this week",
    "fin de semaine": "end of the week",
    "la semaine prochaine": "next week",
    "semaine prochaine": "next week",
    "fin du mois": "end of the month",
    "la fin du mois": "end of the month",
    "midi": "noon",
}
DUE_PREPOSITIONS = {
    "d'ici": "by",
    "d'ici à": "by",
    "avant": "before",
    "au plus tard": "by",
    "jusqu'à": "by",
    "sous": "within",
    "dans les": "within",
    "dans": "in",
    "en moins de": "within",
    "à": "at",
    "entre": "between",
    "et": "and",
}
UNITS = {
    "jours ouvrés": "working days",
    "jours ouvrables": "working days",
    "heures ouvrées": "hours",
    "jours": "days",
    "jour": "day",
    "heures": "hours",
    "heure": "hour",
    "minutes": "minutes",
    "semaines": "weeks",
}
WEEKDAYS = {
    "lundi": "Monday",
    "mardi": "Tuesday",
    "mercredi": "Wednesday",
    "jeudi": "Thursday",
    "vendredi": "Friday",
    "samedi": "Saturday",
    "dimanche": "Sunday",
}
MONTHS = {
    "janvier": "January",
    "février": "February",
    "mars": "March",
    "avril": "April",
    "mai": "May",
    "juin": "June",
    "juillet": "July",
    "août": "August",
    "septembre": "September",
    "octobre": "October",
    "novembre": "November",
    "décembre": "December",
}
NUMBERS = {
    "deux": "2",
    "trois": "3",
    "cinq": "5",
    "dix": "10",
    "quinze": "15",
    "quarante-huit": "48",
}
# "10h", "10 h 30", "14h00"
CLOCK = r"(?P<h>[012]?\d)\s*h\s*(?P<m>[0-5]\d)?(?![\w])"
