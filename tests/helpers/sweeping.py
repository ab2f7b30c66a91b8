"""The sweep as the edges run it (`followthrough sweep`, the service, the demo): with
the transports the configuration enables. A test passes `transports=` to use others."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from integrations.notify import transports_for
from tracker import sweep
from tracker.config import Config
from tracker.reports import SweepReport


def run_sweep(engine: Engine, config: Config, **kwargs: Any) -> SweepReport:
    kwargs.setdefault("transports", transports_for(config))
    return sweep.run_sweep(engine, config, **kwargs)


def deliver(engine: Engine, config: Config, **kwargs: Any) -> SweepReport:
    kwargs.setdefault("transports", transports_for(config))
    return sweep.deliver(engine, config, **kwargs)
