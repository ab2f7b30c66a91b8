"""Sending the sign-in e-mail through the configured SMTP server (`[notify.email]`)."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable
from email.message import EmailMessage

from tracker.config import EmailConfig

Mailer = Callable[[str, str, str], None]  # (to, subject, plain-text body)


def smtp_mailer(email: EmailConfig, timeout: float = 20) -> Mailer:
    def send(to: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"] = email.sender
        message["To"] = to
        message["Subject"] = subject
        message.set_content(body)
        if email.tls:
            context = ssl.create_default_context()
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                email.smtp_host, email.smtp_port, timeout=timeout, context=context
            )
        else:
            smtp = smtplib.SMTP(email.smtp_host, email.smtp_port, timeout=timeout)
        with smtp:
            if email.starttls and not email.tls:
                smtp.starttls(context=ssl.create_default_context())
            username, password = email.username(), email.password()
            if username and password:
                smtp.login(username, password)
            smtp.send_message(message)

    return send
