"""E-mail over SMTP: plain text and HTML in one message."""

from __future__ import annotations

import contextlib
import re
import smtplib
import ssl
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formatdate, make_msgid

from tracker.config import Config
from tracker.ingest.sanitize import address
from tracker.outbox.transport import Notice, TransportError

_LINE_BREAKS = re.compile(r"[\r\n\x00-\x1f\x7f]+")


class EmailTransport:
    def __init__(
        self,
        host: str,
        port: int,
        sender: str,
        *,
        starttls: bool = False,
        tls: bool = False,
        username: str | None = None,
        password: str | None = None,
        timeout: float = 30.0,
    ):
        self.host, self.port, self.sender = host, port, sender
        self.starttls, self.tls = starttls, tls
        self.username, self.password = username, password
        self.timeout = timeout
        self._smtp: smtplib.SMTP | None = None

    @classmethod
    def from_config(cls, config: Config) -> EmailTransport | None:
        email = config.email
        if email is None:
            return None
        return cls(
            email.smtp_host,
            email.smtp_port,
            email.sender,
            starttls=email.starttls,
            tls=email.tls,
            username=email.username(),
            password=email.password(),
            timeout=float(email.options.get("timeout", 30.0)),
        )

    def message(self, notice: Notice, recipient: str) -> MIMEMultipart:
        # The compat32 MIME classes: several times cheaper to build than EmailMessage,
        # which matters when ten thousand notices go out at once.
        message = MIMEMultipart("alternative")
        message["From"] = self.sender
        message["To"] = recipient
        # compat32 takes a Header for a non-ASCII value; typeshed types the MIME classes' values str
        message["Subject"] = _header(_one_line(notice.subject))  # type: ignore[assignment]
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = notice.headers.get("Message-ID") or make_msgid(
            domain=self.sender.rpartition("@")[2] or None
        )
        message["Auto-Submitted"] = "auto-generated"
        for key, value in notice.headers.items():
            if key != "Message-ID":  # a reply token's (tracker.corrections.replies)
                message[key] = _header(_one_line(value))  # type: ignore[assignment]  # as Subject
        message.attach(MIMEText(notice.text, "plain", "utf-8"))
        message.attach(MIMEText(notice.html, "html", "utf-8"))
        return message

    def _connect(self) -> smtplib.SMTP:
        smtp_class = smtplib.SMTP_SSL if self.tls else smtplib.SMTP
        smtp = smtp_class(self.host, self.port, timeout=self.timeout)
        if self.starttls and not self.tls:
            smtp.starttls(context=ssl.create_default_context())
        if self.username and self.password:
            smtp.login(self.username, self.password)
        return smtp

    def close(self) -> None:
        """End the connection kept open between messages of one delivery pass."""
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                smtp.quit()

    def send(self, notice: Notice, recipient: str) -> None:
        where = f"SMTP {self.host}:{self.port}"
        if address(recipient) is None:
            # A line break in it would smuggle headers (Bcc: …); no retry can fix it.
            raise TransportError("the recipient is not one e-mail address", permanent=True)
        message = self.message(notice, recipient)
        try:
            kept = self._smtp is not None
            try:
                if self._smtp is None:
                    self._smtp = self._connect()
                self._smtp.send_message(message)
            except smtplib.SMTPServerDisconnected:
                if not kept:
                    raise  # a new connection that failed (a silent server): no second wait
                # The server closed the connection we kept: one fresh try.
                self._smtp = self._connect()
                self._smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            self._reset()
            code, reply = next(iter(exc.recipients.values()))
            raise TransportError(
                f"{where} refused {recipient}: {code} {_text(reply)}", permanent=code >= 500
            ) from None
        except smtplib.SMTPAuthenticationError as exc:
            self.close()
            raise TransportError(
                f"{where} refused the credentials ({exc.smtp_code})", True
            ) from None
        except smtplib.SMTPResponseException as exc:
            self.close()
            raise TransportError(
                f"{where} answered {exc.smtp_code} {_text(exc.smtp_error)}",
                permanent=exc.smtp_code >= 500,
            ) from None
        except (smtplib.SMTPException, OSError) as exc:
            self._smtp = None
            raise TransportError(
                f"{where} unreachable: {type(exc).__name__}: {exc}", unreachable=True
            ) from None

    def _reset(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.rset()
            except (smtplib.SMTPException, OSError):
                self._smtp = None


def _one_line(value: str) -> str:
    """A header value on one line: a name or address with CR/LF in it (from a help desk)
    would otherwise make a header of its own."""
    return _LINE_BREAKS.sub(" ", value)


def _header(value: str) -> str | Header:
    return value if value.isascii() else Header(value, "utf-8")


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
