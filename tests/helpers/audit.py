"""Where the audit tests keep their export files."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "audit" / "fixtures"
