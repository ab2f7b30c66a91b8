"""Spanish vocabulary of commitments, read by the other-language rule (other_language.py).

Spanish drops the subject: "te enviaré", "reviso" commit by their first-person endings
(PRO_DROP). Plain lower-case words; verb entries are stems. See vocab/de.py.
"""

from __future__ import annotations

from tracker.kinds import PromiseKind

CODE = "es"
NAME = "Spanish"
NOUNS_CAPITALISED = False
PRO_DROP = True

FUNCTION_WORDS = frozenset(
    [
        "la",
        "yo",
        "te",
        "le",
        "lo",
        "el",
        "los",
        "las",
        "es",
        "y",
        "para",
        "con",
        "mañana",
        "hoy",
        "tu",
        "su",
        "una",
        "que",
        "por",
        "del",
        "al",
        "se",
        "de",
        "gracias",
        "hola",
        "saludos",
        "nuestro",
        "nuestra",
        "equipo",
        "he",
        "hemos",
        "muy",
        "pero",
        "como",
        "más",
        "esta",
        "este",
        "usted",
        "le",
        "ya",
    ]
)

SELF = frozenset(("yo", "nosotros", "nosotras"))
POSSESSIVES = frozenset(("nuestro", "nuestra", "nuestros", "nuestras"))
STAFF = frozenset(
    [
        "equipo",
        "equipos",
        "departamento",
        "técnico",
        "técnica",
        "técnicos",
        "compañero",
        "compañera",
        "compañeros",
        "servicio",
        "área",
        "responsable",
        "especialista",
        "especialistas",
        "gestor",
        "gestora",
    ]
)
TITLES: frozenset[str] = frozenset()
# Opening the clause right before a staff noun, one of our people: "a technician",
# "my colleague" (other_clauses._team_subject).
STAFF_LEADS = frozenset(("un", "una", "mi"))
# Object pronouns opening a clause before its verb ("ci lavoro"): the next word is a verb.
CLITIC_PRONOUNS: frozenset[str] = frozenset(
    ("te", "le", "lo", "la", "los", "las", "me", "nos", "se")
)
RELATIVES = frozenset(("que", "quien", "quienes"))
TEAM_PRONOUNS = frozenset(("ellos", "ellas"))
HANDOVER = ("pasado", "trasladado", "escalado", "remitido", "solicitado", "derivado")

FUTURE_AUX = frozenset(("voy", "vamos", "va", "van"))
FUTURE_AUX_NEEDS = "a"
FUTURE_SELF_ENDINGS = ("ré", "remos")
FUTURE_OTHER_ENDINGS = ("rá", "rán")
PRESENT_SELF_ENDINGS = ("o", "amos", "emos", "imos")
PASSIVE_AUX = frozenset(("será", "serán"))
PARTICIPLE_ENDINGS = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")
PAST_AUX = frozenset(("he", "hemos", "había", "habíamos"))
PAST_SELF_ENDINGS: tuple[str, ...] = ()
PAST_WORDS = frozenset(("ya", "ayer"))
RIGHT_NOW = ("ahora mismo", "ahora", "adjunto", "a continuación", "aquí abajo")

ACTIONS: dict[str, PromiseKind] = {
    "llam": "callback",
    "telefone": "callback",
    "escrib": "update",
    "avis": "update",
    "inform": "update",
    "respond": "update",
    "contest": "update",
    "confirm": "update",
    "mantendr": "update",
    "en contacto": "update",
    "mantengo": "update",
    "envi": "send",
    "enví": "send",  # "te envío" (the stressed present)
    "mand": "send",
    "remit": "send",
    "devolv": "send",
    "reembols": "send",
    "abon": "send",
    "ampli": "fix",
    "arregl": "fix",
    "solucion": "fix",
    "correg": "fix",
    "corrij": "fix",
    "repar": "fix",
    "cambi": "fix",
    "sustitu": "fix",
    "activ": "fix",
    "instal": "fix",
    "tramit": "fix",
    "gestion": "fix",
    "revis": "check",
    "comprob": "check",
    "verific": "check",
    "mir": "check",
    "investig": "check",
    "consult": "check",
    "escal": "escalate",
    "traslad": "escalate",
}
ALWAYS_FUTURE = (
    "te aviso",
    "le aviso",
    "te mantengo informado",
    "te mantengo informada",
    "le mantengo informado",
    "le mantengo informada",
)
# Negation words that do not negate here ("non appena": as soon as).
NOT_NEGATIONS = ("no obstante", "no solo")
CONDITIONS = ("si", "cuando", "en cuanto nos", "una vez que", "en caso de que")
CUSTOMER = frozenset(
    [
        "me",
        "nos",
        "usted",
        "tú",
        "desea",
        "desean",
        "quieres",
        "necesitas",
        "puedes",
        "envías",
        "envía",
        "nos",
        "necesita",
        "quiere",
    ]
)
OFFER_WORDS = frozenset(("puedo", "podemos", "podría", "podríamos", "desea"))
NEGATIONS = frozenset(("no", "nunca", "ningún", "ninguna", "tampoco"))
COURTESY = (
    "no dude",
    "no dudes",
    "a su disposición",
    "a tu disposición",
    "quedamos a",
    "quedo a",
    "encantado de",
    "encantada de",
    "con gusto",
)
HEDGES = (
    "espero",
    "esperamos",
    "intentaré",
    "intentaremos",
    "intentar",
    "quizás",
    "quizá",
    "normalmente",
)
FEEDBACK = ("sugerencia", "comentario", "opinión", "valoración")
AUTOMATIC = ("automáticamente", "automático", "automática")
THIRD_PARTIES = ("banco", "entidad", "transportista", "mensajería", "correos")
INDIRECT = ("comprob", "verific", "saber", "ver", "confirmar", "revis", "mirar")
JOINING = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "de",
        "del",
        "al",
        "y",
        "o",
        "a",
        "para",
        "con",
        "su",
        "tu",
        "nuestro",
    ]
)

# A general policy, not an action for this customer ("Wir liefern grundsätzlich …").
POLICY = ("generalmente", "siempre", "habitualmente", "cada", "todos los")
# Words that open a subordinate clause: a negation after one is not the promise's own.
SUBORDINATORS = frozenset(("que", "si", "cuando", "porque"))
# Requests to the customer ("Merci de nous rappeler demain"): the customer acts.
REQUESTS = ("por favor", "le rogamos", "te rogamos", "podría", "podrías", "puede usted")
# First-person forms of FUTURE_AUX ("voy a"): a subject of their own where it is dropped.
FUTURE_AUX_SELF: frozenset[str] = frozenset(("voy", "vamos"))
# A subject only at the start of its clause ("nous" is also "us").
SELF_AT_START: frozenset[str] = frozenset()
CONJUNCTIONS = frozenset(("y", "pero", "e"))
ARTICLES = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "del",
        "al",
        "su",
        "sus",
        "tu",
        "tus",
        "mi",
        "mis",
    ]
)
NOT_VERBS = frozenset(
    (
        "hora",
        "ahora",
        "otra",
        "nuestra",
        "para",
        "cámara",
        "compra",
        "sobre",
        "muestra",
        "entre",
        "madre",
        "padre",
    )
)

DUE_WORDS = {
    "hoy mismo": "today",
    "hoy": "today",
    "esta tarde": "this afternoon",
    "esta noche": "tonight",
    "mañana por la mañana": "tomorrow morning",
    "mañana a primera hora": "tomorrow morning",
    "mañana por la tarde": "tomorrow afternoon",
    "mañana": "tomorrow",
    "pasado mañana": "in 2 days",
    "esta semana": "this week",
    "la semana que viene": "next week",
    "la próxima semana": "next week",
    "final de mes": "end of the month",
    "fin de mes": "end of the month",
    "finales de mes": "end of the month",
    "mediodía": "noon",
}
DUE_PREPOSITIONS = {
    "antes del": "before",
    "antes de": "before",
    "como muy tarde": "by",
    "hasta el": "by",
    "para el": "by",
    "el": "on",
    "en un plazo de": "within",
    "en un plazo máximo de": "within",
    "en los próximos": "within",
    "en las próximas": "within",
    "dentro de": "in",
    "en": "in",
    "a las": "at",
    "entre las": "between",
    "entre": "between",
    "y las": "and",
}
UNITS = {
    "días hábiles": "working days",
    "días laborables": "working days",
    "días": "days",
    "día": "day",
    "horas": "hours",
    "hora": "hour",
    "minutos": "minutes",
    "semanas": "weeks",
}
WEEKDAYS = {
    "lunes": "Monday",
    "martes": "Tuesday",
    "miércoles": "Wednesday",
    "jueves": "Thursday",
    "viernes": "Friday",
    "sábado": "Saturday",
    "domingo": "Sunday",
}
MONTHS = {
    "enero": "January",
    "febrero": "February",
    "marzo": "March",
    "abril": "April",
    "mayo": "May",
    "junio": "June",
    "julio": "July",
    "agosto": "August",
    "septiembre": "September",
    "setiembre": "September",
    "octubre": "October",
    "noviembre": "November",
    "diciembre": "December",
}
NUMBERS = {"dos": "2", "tres": "3", "cinco": "5", "diez": "10", "quince": "15"}
# "a las 10", "10:30 h", "10h"
CLOCK = r"(?:(?<=las\s)|(?=[012]?\d:))(?P<h>[012]?\d)(?::(?P<m>[0-5]\d))?(?:\s*h\b)?"
