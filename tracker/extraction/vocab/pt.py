"""Portuguese vocabulary of commitments, read by the other-language rule (other_language.py).

Portuguese drops the subject: "vou refazer", "envio" commit by their first-person forms
(PRO_DROP). Plain lower-case words; verb entries are stems. See vocab/de.py.
"""

from __future__ import annotations

from tracker.kinds import PromiseKind

CODE = "pt"
NAME = "Portuguese"
NOUNS_CAPITALISED = False
PRO_DROP = True

FUNCTION_WORDS = frozenset(
    [
        "eu",
        "nós",
        "você",
        "vocês",
        "o",
        "os",
        "as",
        "é",
        "para",
        "com",
        "amanhã",
        "hoje",
        "até",
        "uma",
        "um",
        "que",
        "não",
        "do",
        "da",
        "dos",
        "das",
        "no",
        "na",
        "nos",
        "nas",
        "seu",
        "sua",
        "nosso",
        "nossa",
        "obrigado",
        "obrigada",
        "olá",
        "abraços",
        "vou",
        "vamos",
        "já",
        "está",
        "também",
        "mas",
    ]
)

SELF = frozenset(("eu", "nós"))
POSSESSIVES = frozenset(("nosso", "nossa", "nossos", "nossas"))
STAFF = frozenset(
    [
        "equipe",
        "equipa",
        "time",
        "departamento",
        "técnico",
        "técnicos",
        "colega",
        "colegas",
        "setor",
        "suporte",
        "especialista",
        "especialistas",
        "responsável",
    ]
)
TITLES: frozenset[str] = frozenset()
# Opening the clause right before a staff noun, one of our people: "a technician",
# "my colleague" (other_clauses._team_subject).
STAFF_LEADS = frozenset(("um", "uma", "meu", "minha"))
# Object pronouns opening a clause before its verb (see vocab/it.py): none read here.
CLITIC_PRONOUNS: frozenset[str] = frozenset()
RELATIVES = frozenset(("que", "quem"))
TEAM_PRONOUNS = frozenset(("eles", "elas"))
HANDOVER = ("encaminhei", "encaminhamos", "encaminhado", "repassei", "escalei", "transferi")

FUTURE_AUX = frozenset(("vou", "vamos", "vai", "vão"))
FUTURE_AUX_NEEDS = ""
FUTURE_SELF_ENDINGS = ("arei", "erei", "irei", "aremos", "eremos", "iremos")
FUTURE_OTHER_ENDINGS = ("rá", "rão")
PRESENT_SELF_ENDINGS = ("o",)
PASSIVE_AUX = frozenset(("será", "serão"))
PARTICIPLE_ENDINGS = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")
PAST_AUX = frozenset(("tenho", "temos"))
PAST_SELF_ENDINGS = ("ei", "amos")
PAST_WORDS = frozenset(("já", "ontem"))
RIGHT_NOW = ("agora", "em anexo", "segue abaixo", "abaixo")

ACTIONS: dict[str, PromiseKind] = {
    "lig": "callback",
    "telefon": "callback",
    "aviso": "update",
    "avisar": "update",
    "avisarei": "update",
    "escrev": "update",
    "respond": "update",
    "retorn": "update",
    "em contato": "update",
    "informo": "update",
    "envi": "send",
    "mand": "send",
    "reembols": "send",
    "refaz": "fix",
    "corrig": "fix",
    "resolv": "fix",
    "consert": "fix",
    "substitu": "fix",
    "ativ": "fix",
    "instal": "fix",
    "verific": "check",
    "analis": "check",
    "investig": "check",
    "olh": "check",
    "encaminh": "escalate",
}
ALWAYS_FUTURE = ("te aviso", "lhe aviso", "aviso aqui", "mantenho informado", "mantenho informada")
# Negation words that do not negate here ("non appena": as soon as).
NOT_NEGATIONS = ("não só",)
CONDITIONS = ("se", "caso", "quando", "assim que você", "assim que nos")
CUSTOMER = frozenset(["você", "vocês", "nos", "me", "quiser", "precisar", "enviar", "puder"])
OFFER_WORDS = frozenset(("posso", "podemos", "poderia", "poderíamos"))
NEGATIONS = frozenset(("não", "nunca", "nenhum", "nenhuma"))
COURTESY = ("fico à disposição", "ficamos à disposição", "à disposição", "não hesite", "com prazer")
HEDGES = ("espero", "esperamos", "tentar", "tentarei", "talvez", "normalmente")
FEEDBACK = ("sugestão", "feedback", "comentário", "opinião")
AUTOMATIC = ("automaticamente", "automático", "automática")
THIRD_PARTIES = ("banco", "transportadora", "correios")
INDIRECT = ("verific", "saber", "ver", "confirmar")
JOINING = frozenset(
    ["o", "a", "os", "as", "um", "uma", "de", "do", "da", "e", "ou", "para", "com", "seu", "sua"]
)

# A general policy, not an action for this customer ("Wir liefern grundsätzlich …").
POLICY = ("geralmente", "sempre", "habitualmente", "cada", "todos os")
# Words that open a subordinate clause: a negation after one is not the promise's own.
SUBORDINATORS = frozenset(("que", "se", "quando", "porque"))
# Requests to the customer ("Merci de nous rappeler demain"): the customer acts.
REQUESTS = ("por favor", "poderia", "pode nos", "pedimos que")
# First-person forms of FUTURE_AUX ("voy a"): a subject of their own where it is dropped.
FUTURE_AUX_SELF: frozenset[str] = frozenset(("vou", "vamos"))
# A subject only at the start of its clause ("nous" is also "us").
SELF_AT_START: frozenset[str] = frozenset()
CONJUNCTIONS = frozenset(("e", "mas"))
ARTICLES = frozenset(
    ["o", "a", "os", "as", "um", "uma", "do", "da", "dos", "das", "no", "na", "seu", "sua"]
)
NOT_VERBS = frozenset(("obrigado", "abraço", "também", "quando", "como", "isso", "disso", "aqui"))

DUE_WORDS = {
    "hoje à tarde": "this afternoon",
    "hoje à noite": "tonight",
    "hoje mesmo": "today",
    "hoje": "today",
    "amanhã de manhã": "tomorrow morning",
    "amanhã cedo": "tomorrow morning",
    "amanhã à tarde": "tomorrow afternoon",
    "amanhã": "tomorrow",
    "esta semana": "this week",
    "essa semana": "this week",
    "próxima semana": "next week",
    "semana que vem": "next week",
    "fim do mês": "end of the month",
    "final do mês": "end of the month",
    "meio-dia": "noon",
}
DUE_PREPOSITIONS = {
    "até": "by",
    "antes de": "before",
    "em até": "within",
    "dentro de": "in",
    "em": "in",
    "às": "at",
    "entre": "between",
    "e": "and",
}
UNITS = {
    "dias úteis": "working days",
    "dias": "days",
    "dia": "day",
    "horas": "hours",
    "hora": "hour",
    "minutos": "minutes",
    "semanas": "weeks",
}
WEEKDAYS = {
    "segunda-feira": "Monday",
    "segunda": "Monday",
    "terça-feira": "Tuesday",
    "terça": "Tuesday",
    "quarta-feira": "Wednesday",
    "quarta": "Wednesday",
    "quinta-feira": "Thursday",
    "quinta": "Thursday",
    "sexta-feira": "Friday",
    "sexta": "Friday",
    "sábado": "Saturday",
    "domingo": "Sunday",
}
MONTHS = {
    "janeiro": "January",
    "fevereiro": "February",
    "março": "March",
    "abril": "April",
    "maio": "May",
    "junho": "June",
    "julho": "July",
    "agosto": "August",
    "setembro": "September",
    "outubro": "October",
    "novembro": "November",
    "dezembro": "December",
}
NUMBERS = {"dois": "2", "três": "3", "cinco": "5", "dez": "10"}
CLOCK = r"(?<=às\s)(?P<h>[012]?\d)(?:[:h](?P<m>[0-5]\d))?h?"
