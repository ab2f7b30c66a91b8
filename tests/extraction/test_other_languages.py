"""Promises written in German, French, Spanish, Dutch, Italian and Portuguese.

The other-language rule (tracker/extraction/other_language.py) reads each language with
its data file (tracker/extraction/vocab/de.py, fr.py, es.py, nl.py, it.py, pt.py). Each
language has examples it finds (with kind and due) and counter-examples it must not:
questions, conditions where the customer acts first, past actions, courtesy, passing on
feedback and third parties.
"""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from tests.helpers.extraction import calendar_for
from tracker.extraction import Trace, extract
from tracker.extraction.other_language import RULE, mixed

# A Wednesday morning in Berlin.
SENT = datetime.fromisoformat("2026-11-18T09:00:00+01:00")

# (text, kind, due: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or None for the default)
EXAMPLES = {
    "de": [
        ("Ich schicke Ihnen die Sendungsnummer heute bis 14 Uhr.", "send", "2026-11-18T14:00"),
        ("Ich melde mich bis 16 Uhr bei Ihnen mit dem Ergebnis.", "update", "2026-11-18T16:00"),
        ("Ich gebe Ihnen Bescheid, sobald das Update verfügbar ist.", "update", None),
        ("Herr Schmitt wird Sie bis Freitag, 1. Dezember, anrufen.", "callback", "2026-12-01"),
        (
            "Ihre Bestellung wird morgen früh verschickt, und ich sende Ihnen die Nummer bis "
            "morgen Mittag.",
            "send",
            "2026-11-19T12:00",
        ),
        (
            "Ich habe Ihre Unterlagen an unsere Rechtsabteilung weitergeleitet. Diese prüft den "
            "Fall und wird sich innerhalb von 10 Werktagen bei Ihnen melden.",
            "escalate",
            "2026-12-02",
        ),
        (
            "Ich habe den Vorgang an unsere Buchhaltung übergeben, die Ihnen die Rechnung "
            "innerhalb von 3 Werktagen zusendet.",
            "escalate",
            "2026-11-23",
        ),
    ],
    "fr": [
        ("Je vous rappellerai le mardi 24 novembre pour vérifier.", "callback", "2026-11-24"),
        ("Je vous envoie un correctif d'ici ce soir.", "send", "2026-11-18"),
        (
            "J'ai transmis votre demande au service réclamations, qui vous répondra par écrit "
            "sous 10 jours ouvrés.",
            "escalate",
            "2026-12-02",
        ),
        ("Notre équipe formation vous contactera d'ici jeudi.", "escalate", "2026-11-19"),
        (
            "Je vais vérifier avec la logistique et je vous rappelle demain.",
            "callback",
            "2026-11-19",
        ),
    ],
    "es": [
        ("Te enviaré hoy mismo el justificante de la devolución por correo.", "send", "2026-11-18"),
        ("Mañana por la mañana revisaré los registros y te escribiré.", "update", "2026-11-19"),
        (
            "He pasado tu caso al equipo de Logística, que te llamará en un plazo de 48 horas.",
            "escalate",
            "2026-11-20T09:00",
        ),
    ],
    "nl": [
        ("Ik stuur je vandaag alle facturen van 2025.", "send", "2026-11-18"),
        ("Ik ga het vandaag nog controleren en laat het u morgen weten.", "update", "2026-11-19"),
        (
            "Ik heb met onze technische afdeling overlegd. Zij zullen uw slimme meter opnieuw "
            "instellen binnen 2 werkdagen.",
            "fix",
            "2026-11-20",
        ),
    ],
    "it": [
        ("Glielo invio io per email entro oggi.", "send", "2026-11-18"),
        (
            "Il nostro reparto tecnico lo risolverà entro venerdì e le scriverò non appena "
            "sarà tutto a posto.",
            "update",
            "2026-11-20",
        ),
    ],
    "pt": [
        ("Vou refazer o upload hoje à tarde e aviso aqui na lista.", "update", "2026-11-18"),
        ("Te enviarei o comprovante amanhã.", "send", "2026-11-19"),
        (
            "Nossa equipe técnica vai entrar em contato em até 48 horas.",
            "escalate",
            "2026-11-20T09:00",
        ),
    ],
}
COUNTER_EXAMPLES = {
    "de": [
        "Können Sie mir die Rechnungsnummer schicken?",  # a question
        "Wenn Sie möchten, kann ich Ihnen ein neues Konto anlegen.",  # an offer
        "Sobald Sie uns den Erbschein zusenden, wird sich unser Nachlass-Team melden.",
        "Ich habe Ihnen die Rechnung gestern geschickt.",  # past
        "Bei Fragen stehe ich Ihnen gern zur Verfügung.",  # courtesy
        "Ich schicke Ihnen die Unterlagen nicht per Post.",  # negation
        "Der Paketdienst liefert morgen.",  # a third party
        "Wir liefern grundsätzlich innerhalb von 3 Werktagen.",  # a policy
        "Ich schicke Ihnen heute leider keine neue Rechnung.",
        "Ich schicke Ihnen den Link, damit Sie sich morgen anmelden können.",  # not its due
        "Ich schicke Ihnen anbei die Rechnung.",  # done in this message
    ],
    "fr": [
        "N'hésitez pas à revenir vers nous si besoin.",
        "Pouvez-vous m'envoyer une capture d'écran ?",
        "Si vous nous envoyez la facture, nous vous rembourserons.",
        "J'ai envoyé le colis hier.",
        "Nous transmettrons votre suggestion à notre équipe produit.",  # feedback
        "Vous recevrez automatiquement un courriel de confirmation demain.",
        "Je reviens vers vous concernant votre demande.",
        "Merci de nous rappeler demain.",  # a request to the customer
        "Le transporteur vous livrera demain.",
        "Le colis a été remis au transporteur ; il sera livré demain par Chronopost.",
    ],
    "es": [
        "¿Nos puedes enviar una foto del producto?",
        "Si me envías el número de pedido, lo reviso mañana.",
        "He enviado el reembolso esta mañana.",
        "No dude en contactarnos si necesita algo más.",
        "El banco suele tardar entre 3 y 5 días hábiles.",
        "Tu pedido ha salido hoy y llegará mañana por la tarde con SEUR.",
    ],
    "nl": [
        "Kunt u ons een foto sturen?",
        "Ik heb de facturen gisteren gestuurd.",
        "Als u ons de bon stuurt, betalen wij het bedrag terug.",
    ],
    "it": [
        "Non esiti a contattarci per qualsiasi domanda.",
        "Se ci manda l'errore completo, proviamo a capire cosa manca.",
        "Ho inviato il certificato ieri.",
        "Il suo ordine è stato spedito ieri e sarà consegnato dal corriere entro venerdì.",
    ],
    "pt": [
        "Você pode enviar o log completo?",
        "Enviei o arquivo ontem.",
    ],
}


def _found(text: str) -> tuple[list, Trace]:
    trace = Trace()
    return extract(text, SENT, calendar_for("Europe/Berlin"), trace=trace), trace


def _due(promise) -> str | None:  # type: ignore[no-untyped-def]
    if promise.due_is_default:
        return None
    local = promise.due.astimezone(calendar_for("Europe/Berlin").timezone)
    return local.strftime("%Y-%m-%dT%H:%M") if promise.precision == "time" else str(local.date())


@pytest.mark.parametrize(
    ("language", "text", "kind", "due"),
    [(lang, *case) for lang, cases in EXAMPLES.items() for case in cases],
)
def test_the_rule_finds_a_promise_in_another_language(
    language: str, text: str, kind: str, due: str | None
) -> None:
    found, trace = _found(text)
    assert len(found) == 1, trace.decisions
    assert (found[0].kind, _due(found[0])) == (kind, due)
    assert any(d.rule == RULE and d.kept for d in trace.decisions)


@pytest.mark.parametrize(
    ("language", "text"),
    [(lang, text) for lang, texts in COUNTER_EXAMPLES.items() for text in texts],
)
def test_the_rule_finds_no_promise_where_there_is_none(language: str, text: str) -> None:
    found, trace = _found(text)
    assert found == [], trace.decisions


def test_a_translated_pair_holds_one_promise() -> None:
    found, _ = _found("Ich melde mich morgen bei Ihnen. / I'll get back to you tomorrow.")
    assert [p.quote for p in found] == ["I'll get back to you tomorrow"]


def test_english_text_is_not_read_by_the_rule() -> None:
    _, trace = _found("I'll send you the invoice today, and Marie will call you.")
    assert all(d.rule != RULE for d in trace.decisions)


def test_a_long_message_in_another_language_is_read_within_the_time_budget() -> None:
    text = (
        "Wir haben das Problem geprüft und die Buchhaltung informiert, die Rechnung kommt. " * 240
    )[:19_900]
    best = float("inf")
    for _ in range(3):
        began = time.process_time()
        extract(text, SENT, calendar_for("Europe/Berlin"))
        best = min(best, time.process_time() - began)
    assert best < 0.05


def test_english_month_and_day_names_do_not_make_an_english_reply_look_mixed() -> None:
    # "november" and "december" are Dutch and German words too; English replies name them.
    assert not mixed("Your November invoice is fixed. I'll call you on Monday 7 December.")
    assert mixed("Thanks, Pieter. Ik stuur je morgen de nieuwe factuur, met de correctie.")
