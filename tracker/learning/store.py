"""Local decision models on this host, and which decision the extractor uses.

A local model is one JSON file in the models directory (`[learning] models_dir`, default
beside the SQLite database file, else ./followthrough-models), named for its UTC time
stamp (`decision-local-20261118T140000Z.json`), with its weights, the threshold it was
validated at and its validation scores. `current.json` names the one `learn` switched to;
rejected refits stay in the directory for the record. The files never leave the host.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from tracker.config import Config, LearningConfig
from tracker.extraction.decision import DecisionModel, shipped_model

CURRENT = "current.json"
DEFAULT_DIR = "followthrough-models"
PREFIX = "decision-local-"

log = logging.getLogger(__name__)


class ModelStoreError(RuntimeError):
    """The models directory or a model file cannot be used; the message says which."""


@dataclass(frozen=True)
class Decider:
    """The decision the extractor uses: the rules (no model), the shipped model or a
    local one, at a threshold."""

    name: str  # "rules" | "shipped model" | "local model"
    model: DecisionModel | None
    threshold: float | None
    file: str | None = None
    info: dict[str, Any] | None = None  # a local model's created_at, threshold, validation

    def describe(self) -> str:
        if self.name == "rules":
            return "rules (no [extraction] threshold, no local model)"
        if self.name == "shipped model":
            return f"shipped model decision-v1 at threshold {self.threshold}"
        created = (self.info or {}).get("created_at", "?")
        return f"local model {self.file} of {created} at threshold {self.threshold}"


def models_dir(config: Config) -> Path:
    """`[learning] models_dir`, else the SQLite database's directory's
    followthrough-models/, else ./followthrough-models."""
    if config.learning.models_dir:
        return Path(config.learning.models_dir).expanduser()
    try:
        url = make_url(config.database_url)
    except Exception:  # a bad URL is reported by whoever opens the database
        return Path(DEFAULT_DIR)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database).expanduser().resolve().parent / DEFAULT_DIR
    return Path(DEFAULT_DIR)


def model_file_name(created_at: datetime) -> str:
    return f"{PREFIX}{created_at:%Y%m%dT%H%M%SZ}.json"


def write_json(directory: Path, name: str, data: dict[str, Any]) -> Path:
    """Write atomically (a reader sees the old file or the new one, never half)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, ensure_ascii=False)
            out.write("\n")
        os.replace(temporary, directory / name)
    except OSError as exc:
        raise ModelStoreError(f"models directory {directory}: {exc.strerror or exc}") from exc
    return directory / name


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelStoreError(f"{path}: cannot be read ({exc})") from exc
    if not isinstance(data, dict):
        raise ModelStoreError(f"{path}: not a JSON object")
    return data


def switch_to(directory: Path, name: str) -> None:
    write_json(directory, CURRENT, {"model": name})


_CACHE: dict[tuple[str, int, int], Decider] = {}


def local_decider(directory: Path) -> Decider | None:
    """The local model `current.json` names, or None when there is none. Read once per
    file version (the service asks on every sync page)."""
    pointer = directory / CURRENT
    if not pointer.exists():
        return None
    name = str(read_json(pointer).get("model", ""))
    path = directory / name
    if not name or Path(name).name != name or not path.exists():
        raise ModelStoreError(f"{pointer}: names {name!r}, which is not a model in {directory}")
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        data = read_json(path)
        try:
            model = DecisionModel.from_json(data)
            threshold = float(data["local"]["threshold"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelStoreError(f"{path}: not a local decision model ({exc})") from exc
        _CACHE.clear()
        _CACHE[key] = Decider("local model", model, threshold, name, dict(data["local"]))
    return _CACHE[key]


def decision_in_use(config: Config) -> Decider:
    """What decides in sync and ingest: the local model `learn` switched to (when
    `[learning] use_local_model`), else the shipped model at `[extraction] threshold`,
    else the rules."""
    if config.learning.use_local_model:
        local = local_decider(models_dir(config))
        if local is not None:
            return local
    if config.extraction.threshold is not None:
        return Decider("shipped model", shipped_model(), config.extraction.threshold)
    return Decider("rules", None, None)


def decision_for_sync(config: Config) -> Decider:
    """`decision_in_use`, but a local model that cannot be read is logged and skipped
    (the shipped decision goes on finding promises) rather than stopping every sync."""
    try:
        return decision_in_use(config)
    except ModelStoreError as exc:
        log.warning("local decision model not used", extra={"error": str(exc)})
        fallback = LearningConfig(config.learning.models_dir, config.learning.weekly, False)
        return decision_in_use(replace(config, learning=fallback))
