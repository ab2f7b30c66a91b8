"""The service under faults: reuses the SMTP sink and promise world of tests/lifecycle and
the sandbox helpers of tests/sandbox."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in ("lifecycle", "sandbox"):
    path = str(HERE.parent / folder)
    if path not in sys.path:
        sys.path.append(path)
