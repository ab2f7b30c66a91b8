"""Fixtures of the audit tests: a real SMTP server."""

from __future__ import annotations

from tests.helpers.web_desk import smtp_server  # noqa: F401  (a fixture: a real SMTP server)
