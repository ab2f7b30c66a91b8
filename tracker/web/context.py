"""What every request of the web app shares: configuration, database, clock, mailer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy.engine import Engine

from tracker.config import Config
from tracker.web.mail import Mailer, MailQueue

EXTENSION = "followthrough"


@dataclass
class WebContext:
    config: Config
    engine: Engine
    clock: Callable[[], datetime]
    mailer: Mailer | None
    mail_queue: MailQueue | None = None

    def now(self) -> datetime:
        return self.clock()


def web() -> WebContext:
    return current_app.extensions[EXTENSION]
