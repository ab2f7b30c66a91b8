"""Shared pieces of the audit tests: the sandbox week's config, a real SMTP server."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import smtp_server  # noqa: F401  (a fixture: a real SMTP server)

FIXTURES = Path(__file__).parent / "fixtures"
