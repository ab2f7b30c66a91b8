"""Waiting on a condition instead of sleeping a fixed time."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

TIME_SCALE = float(os.environ.get("FT_TEST_TIME_SCALE", "2"))


def wait_until(check: Callable[[], Any], timeout: float, what: str, service: Any = None) -> Any:
    """Poll `check` until it returns something true, and return that; fail naming `what`
    (and showing `service`'s log, when given) once `timeout` seconds times
    FT_TEST_TIME_SCALE have passed."""
    # A loaded 2-core machine is slow; waiting longer costs nothing when the check passes.
    timeout *= TIME_SCALE
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    extra = f"\n--- service log ---\n{service.log()}" if service else ""
    raise AssertionError(f"timed out after {timeout}s waiting for {what}{extra}")
