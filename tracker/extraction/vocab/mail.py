"""How mail clients and mailing lists mark what is not the sender's own words, by language.

cleaning.py builds its patterns from these tables: attribution lines above quoted text,
the header block of an original or forwarded message, banners, sign-offs, device
footers, disclaimers and list footers. A new client or language is one more row here
plus an example in tests/extraction/test_quoted_history_by_client.py.

Entries are regular-expression fragments, matched case-insensitively.
"""

from __future__ import annotations

# The word opening an attribution line ("On Tue, 1 Dec 2026 at 10:02, Ben <ben@x> wrote:").
ATTRIBUTION_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("On",),
    "de": ("Am",),
    "fr": ("Le",),
    "es": ("El",),
    "it": ("Il", "Il giorno"),
    "nl": ("Op",),
    "pt": ("Em", "No dia"),
    "sv/da/no": ("Den",),
    "pl": ("W dniu", "Dnia"),
    "cs": ("Dne",),
    "zh": ("在",),
}
# The verb near the end of an attribution line, before its colon. Entries that start
# with a letter are matched as whole words; the CJK ones anywhere.
ATTRIBUTION_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("wrote", "writes"),
    "de": ("schrieb", "schreibt"),
    "fr": (r"a\s+(?:é|e)crit", r"(?:é|e)crit"),
    "es": (r"escribi(?:ó|o)",),
    "it": (r"ha\s+scritto", "scrive"),
    "nl": ("schreef",),
    "pt": ("escreveu",),
    "sv/da/no": ("skrev",),
    "pl": (r"napisa(?:ł|l)(?:\(a\)|a)?", "pisze"),
    "cs": (r"napsal(?:\(a\)|a)?",),
    "fi": ("kirjoitti",),
    "tr": (r"yazd(?:ı|i)",),
    "hu": (r"(?:í|i)rta",),
    "ru": (r"написал(?:\(а\)|а)?", "пишет"),
    "ja": ("のメッセージ", "のメール", "書きました"),
    "zh": ("写道", "寫道"),
    "ko": ("작성",),
}
# Outlook's header block of the original message: the sender field and the date field
# that follows it within a few lines ("From: … / Sent: …").
HEADER_FIELDS: dict[str, tuple[str, str]] = {
    "en": ("From", r"Sent|Date"),
    "de": ("Von", r"Gesendet|Datum"),
    "fr": ("De", r"Envoy(?:é|e)|Date"),
    "es/pt": ("De", r"Enviad[oa](?:[ \t]+(?:el|em))?|Fecha|Data"),
    "it": ("Da", r"Inviato|Data"),
    "nl": ("Van", r"Verzonden|Datum"),
    "sv": ("Från", r"Skickat|Datum"),
    "da/no": ("Fra", r"Sendt|Dato"),
    "pl/cs": ("Od", r"Wys(?:ł|l)ano|Odesl(?:á|a)no|Data|Datum"),
    "fi": ("Lähettäjä", r"Lähetetty|Päivämäärä"),
    "tr": ("Kimden", r"Gönderildi|Tarih"),
    "ru": ("От", r"Отправлено|Дата"),
    "ja": ("差出人", r"送信日時|日付"),
    "zh": (r"发件人|寄件者", r"发送时间|時間|日期|寄件日期"),
    "ko": ("보낸 사람", r"보낸 날짜|날짜"),
    "hu": ("Feladó", r"Elküldve|Dátum"),
    "ro": ("De la", r"Trimis|Data"),
    "el": ("Από", r"Στάλθηκε|Ημερομηνία"),
    "id": ("Dari", r"Dikirim|Tanggal"),
    "uk": ("Від", r"Надіслано|Дата"),
}
# Banners opening an original or forwarded message ("-----Original Message-----").
BANNERS: tuple[str, ...] = (
    "Original Message",
    "Forwarded message",
    "Forwarded Message",
    "Ursprüngliche Nachricht",
    "Originalnachricht",
    "Weitergeleitete Nachricht",
    "Message d'origine",
    "Message original",
    "Message transféré",
    "Mensaje original",
    "Mensaje reenviado",
    "Messaggio originale",
    "Messaggio inoltrato",
    "Oorspronkelijk bericht",
    "Origineel bericht",
    "Doorgestuurd bericht",
    "Mensagem original",
    "Mensagem encaminhada",
    "Ursprungligt meddelande",
    "Vidarebefordrat meddelande",
    "Oprindelig meddelelse",
    "Opprinnelig melding",
    "Oryginalna wiadomość",
    "Przekazana wiadomość",
    "Alkuperäinen viesti",
    "Původní zpráva",
    "Исходное сообщение",
    "Пересылаемое сообщение",
    "原始邮件",
    "原始郵件",
    "转发的邮件",
    "已转发邮件",
    "Videresendt meddelelse",
    "Videresendt melding",
    "Välitetty viesti",
    "Přeposlaná zpráva",
    "Пересылаемое письмо",
    "İletilen mesaj",
    "元のメッセージ",
    "転送されたメッセージ",
)
# A line of its own that opens a forwarded message (Apple Mail).
FORWARD_LINES: tuple[str, ...] = (
    "Begin forwarded message",
    "Anfang der weitergeleiteten Nachricht",
    "Début du message réexpédié",
    "Début du message transféré",
    "Inicio del mensaje reenviado",
    "Inizio messaggio inoltrato",
    "Begin doorgestuurd bericht",
    "Início da mensagem encaminhada",
    "Vidarebefordrat brev",
    "Videresendt besked",
    "Początek przekazywanej wiadomości",
    "転送されたメッセージ",
    "转发的邮件",
)
# The first line of a mailing list's footer or digest: the rest of the message is the
# list's, not the sender's. (Mailman's rule of underscores is matched separately.)
LIST_FOOTERS: tuple[str, ...] = (
    r"You received this message because you are subscribed to",
    r"To unsubscribe from this group and stop receiving",
    r"To unsubscribe from (?:this|these|the)\b",  # Discourse, LISTSERV, Sympa
    r"You (?:are receiving|received) this (?:e-?mail|mail|message|notification)s?\b",
    r"(?:-=){4,}-?[ \t]*$",  # Groups.io's rule above its links
    r"Reply to this email directly(?:,| or) view it on",
    r"Send [^\n]{1,80} mailing list submissions to",
    r"Today's Topics:",
    r"Message:[ \t]*\d+[ \t]*\n[ \t]*(?:Date|From):",
)
# Words that close a message before the sender's name ("Kind regards,"), whole lines.
SIGN_OFFS: tuple[str, ...] = (
    # English
    r"(?:(?:kind|best|warm|warmest|many|with|yours|all the|kindest)[ \t]*)?"
    r"(?:regards|wishes|thanks|best|sincerely|faithfully|cheers|greetings)",
    r"(?:kind |best |warm )?regards from [^\n]{1,30}",
    r"thanks(?: again| (?:and|&) regards| in advance| so much| a lot| a million)?",
    r"thank you(?: in advance| so much| very much)?",
    r"many thanks(?: in advance)?",
    r"warmly",
    r"respectfully",
    r"all best",
    r"yours(?: sincerely| truly| faithfully)?",
    r"take care",
    r"talk soon",
    r"speak soon",
    r"speak then",
    r"safe travels",
    r"have a (?:lovely|good|great|nice) [a-z]+",
    r"all the best",
    r"(?:best |kind |warm )?rgds",
    r"br",
    r"thx",
    r"ta",
    r"aloha",
    r"ciao",
    # German
    r"(?:viele|beste|liebe|freundliche|herzliche|schöne|sonnige)[ \t]+grüße[^\n]*",
    r"mit (?:freundlichen|besten|herzlichen) grüßen",
    r"mit freundlichem gru(?:ß|ss)",
    r"grüße aus [^\n]{1,30}",
    r"(?:mfg|lg|vg|gruß|grüße)",
    # French
    r"(?:bien )?cordialement",
    r"bien à (?:vous|toi)",
    r"(?:bonne journée|salutations(?: distinguées)?|amicalement|merci(?: d'avance)?)",
    r"(?:à|a) bient(?:ô|o)t",
    r"(?:bonne|belle) (?:journée|soirée)",
    # Spanish, Portuguese, Italian
    r"(?:un )?(?:saludos?|saludo)(?: cordiales| atentamente)?",
    r"(?:un )?(?:cordial|afectuoso) saludo",
    r"(?:un )?abrazos?",
    r"cordialmente",
    r"(?:com os )?(?:melhores )?cumprimentos",
    r"buona (?:giornata|serata)",
    r"(?:un )?caro saluto",
    r"a presto",
    r"atentamente",
    r"(?:cordiais )?(?:atenciosamente|abraços|abraço|obrigad[oa])",
    r"(?:cordiali |distinti )?saluti",
    r"(?:un )?cordiale saluto",
    r"grazie(?: mille)?",
    # Dutch
    r"met vriendelijke groet(?:en)?",
    r"(?:vriendelijke |hartelijke )?groet(?:en|jes)?",
    r"mvg",
    # Scandinavian
    r"med vänliga hälsningar",
    r"(?:vänliga |venlig |vennlig |bästa )?hälsningar",
    r"(?:venlig|vennlig)(?: hilsen)?",
    r"med (?:venlig|vennlig) hilsen",
    # Finnish, Hungarian, Turkish, Russian, Greek, Croatian and Serbian
    r"(?:ystävällisin )?terveisin",
    r"üdvözlettel",
    r"tisztelettel",
    r"saygılarımla",
    r"с уважением",
    r"με εκτίμηση",
    r"(?:srdačan |lijep )?pozdrav",
    r"mvh",
    r"hilsen",
    # Polish, Czech
    r"pozdrawiam(?: serdecznie)?",
    r"(?:z )?(?:wyrazami szacunku|pozdrowieniami)",
    r"s pozdravem",
    # Japanese, Chinese
    r"(?:以上、?)?よろしくお願いします。?",
    r"(?:以上、?)?よろしくお願いいたします。?",
    r"谢谢[！!]?",
    r"此致敬礼",
    r"祝好",
    r"(?:顺|順)祝商祺",
    # Korean
    r"감사합니다\.?",
)
# A mobile client's footer: the end of the sender's own words, whatever follows.
DEVICE_FOOTERS: tuple[str, ...] = (
    r"sent from (?:my |mail for |yahoo mail |outlook|the |aol )[^\n]*",
    r"sent (?:via|with|using) [^\n]*(?:mail|phone|galaxy|android|ios|proton)[^\n]*",
    # Mail apps and phone makers named after "Sent from / with / via"
    r"sent (?:from|with|via|using) (?:my )?(?:spark|superhuman|bluemail|airmail|newton|"
    r"edison|fastmail|tuta|tutanota|canary|spike|k-9|fairemail|thunderbird|samsung|huawei|"
    r"xiaomi|pixel|oneplus|motorola|nokia|blackberry|mobile)\b[^\n]*",
    r"get outlook for [^\n]+",
    r"(?:von meinem|gesendet von meinem|gesendet mit) [^\n]{1,40}",
    r"envoyé (?:de|depuis) mon [^\n]+",
    r"enviado (?:desde|do|de) (?:mi|meu|o meu) [^\n]+",
    r"(?:verzonden|verstuurd) (?:vanaf|met|van) mijn [^\n]+",
    r"inviato da(?:l mio)? (?:iphone|ipad|android|outlook|mobile|smartphone|galaxy)[^\n]*",
    r"(?:skickat från|sendt fra) min [^\n]+",
    r"wysłane z [^\n]+",
    r"(?:iphone|ipad|android|outlook|gmail)から送信",
    r"发自我的[^\n]+",
)
# Words of a confidentiality disclaimer. A paragraph is a disclaimer when it opens with one
# of the openers or holds two different terms.
DISCLAIMER_TERMS: tuple[str, ...] = (
    r"confidential(?:ity)?",
    r"intended (?:solely )?(?:for the )?(?:addressee|recipient)",
    r"privileged",
    r"disclaimer",
    r"received this (?:e-?mail|message|communication|transmission) in error",
    r"notify the sender",
    r"strictly prohibited",
    r"unauthori[sz]ed",
    r"dissemination",
    r"vertraulich",
    r"empfänger",
    r"confidentiel(?:le)?s?",
    r"destinataire",
    r"confidencial",
    r"destinatario",
    r"vertrouwelijk",
    r"geadresseerde",
    r"riservat[aeio]",
    r"destinatari[oa]?",
    r"sekretess",
    r"poufn[aey]",
)
# Lower-case words one of which every notice holds: a message without any is not searched.
DISCLAIMER_KEY_WORDS: tuple[str, ...] = (
    "confiden",
    "privileged",
    "disclaimer",
    "intended",
    "vertraulich",
    "vertrouwelijk",
    "riservat",
    "sekretess",
    "poufn",
)
DISCLAIMER_OPENERS: tuple[str, ...] = (
    r"(?:confidential(?:ity)?|disclaimer|privileged)\b",
    r"(?:this|the information (?:contained )?in this|the) "
    r"(?:e-?mail|message|communication|transmission)[^\n.]{0,80}?"
    r"(?:confidential|privileged|intended (?:only |solely )?for (?:the )?"
    r"(?:use|addressee|named|individual|person|recipient))",
)
# HTML bodies: the id or class of an element that mail clients put around history or a
# signature. History containers start an original message (to the end of the body);
# quote containers hold quoted text like a <blockquote>.
HTML_HISTORY_CONTAINERS: tuple[str, ...] = (
    "divRplyFwdMsg",  # Outlook on the web and mobile, before the From:/Sent: block
    "appendonsend",  # Outlook, before the rule above the original message
    "mail-editor-reference-message-container",  # new Outlook for Mac
    "OutlookMessageHeader",
)
# Outlook for Windows draws a rule above the original message's header block with this
# style (lower case, spaces removed), whatever the language of the fields.
HTML_HISTORY_STYLES: tuple[str, ...] = (
    "border-top:solid#e1e1e11.0pt",  # Outlook 2013 and later
    "border-top:solid#b5c4df1.0pt",  # Outlook 2007 and 2010
)
HTML_QUOTE_CONTAINERS: tuple[str, ...] = (
    "yahoo_quoted",
    "protonmail_quote",
    "zmail_extra",
)
HTML_SIGNATURE_CONTAINERS: tuple[str, ...] = (
    "gmail_signature",
    "moz-signature",
    "Signature",  # Outlook on the web
    "ms-outlook-mobile-signature",
    "ms-outlook-ios-signature",
    "protonmail_signature_block",
)

# A private note to colleagues pasted into the thread ("Internal note: customer is gold tier.
# I'll ring her at 3", "[Internal note — not visible to customer] …"): not written to the
# customer, so not a promise to them. A line starting with one of these, then ":", "]", "-"
# or a dash, is private to the end of its paragraph.
PRIVATE_NOTE_MARKERS: tuple[str, ...] = (
    "internal note",
    "internal comment",
    r"internal(?=[ \t]*(?::|\]|[-\u2013\u2014][ \t]))",
    "private note",
    "private comment",
    "staff note",
    "agent note",
    "note to self",
    "note to team",
    "note for the team",
    "note for team",
    "for internal use",
    "not visible to (?:the )?customer",
)

# A help desk's notification of a ticket thread ("##- Please type your reply above this
# line -##", "Your request (#123) has been updated"): it lists the thread's comments, the
# newest first, each under a header of its author and time ("Morgan (Acme Support)" over
# "Jan 8, 2027, 4:45 PM MST"). Only the first comment is new; the ones below it are the
# thread's history, already sent. A tracker's notification puts the summary and
# history below a long rule of dashes.
HELPDESK_THREAD_MARKERS: tuple[str, ...] = (
    r"type\s+your\s+reply\s+above\s+this\s+line",
    r"your\s+(?:request|ticket)\s+\(?#?\d+\)?\s+has\s+been\s+updated",
    # A tracker's issue notification ("Issue #123 has been updated by Tom Reyes.", Redmine)
    r"#\d+\s+has\s+been\s+updated\s+by",
)
