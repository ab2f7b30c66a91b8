"""[learning] settings, the weekly job, where local models go, and the shipped corpora."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tracker.config import Config, ConfigError, load_config, validate
from tracker.db import make_engine, upgrade
from tracker.learning import store
from tracker.learning.corpus import shipped_cases
from tracker.service.scheduler import Service

ROOT = Path(__file__).resolve().parents[2]


def test_learning_keys_are_read_and_bad_ones_named(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text(
        '[learning]\nmodels_dir = "/var/lib/ft"\nweekly = true\nuse_local_model = false\n'
    )
    learning = load_config(path).learning
    assert (learning.models_dir, learning.weekly, learning.use_local_model) == (
        "/var/lib/ft", True, False
    )  # fmt: skip
    with pytest.raises(ConfigError) as error:
        validate({"learning": {"weekly": "yes", "models_dir": "", "modeldir": "x"}}, "f.toml")
    text = str(error.value)
    assert "weekly" in text and "true or false" in text
    assert "models_dir" in text and "modeldir" in text and "did you mean 'models_dir'" in text


def test_local_models_go_beside_the_sqlite_database_unless_configured(tmp_path):
    config = Config(database_url=f"sqlite:///{tmp_path / 'data' / 'ft.db'}")
    assert store.models_dir(config) == tmp_path / "data" / "followthrough-models"
    config.database_url = "postgresql+psycopg://u@db/ft"
    assert store.models_dir(config) == Path("followthrough-models")
    config.learning.models_dir = str(tmp_path / "m")
    assert store.models_dir(config) == tmp_path / "m"


def test_a_broken_current_model_is_skipped_by_sync_and_named(tmp_path, caplog):
    config = Config()
    config.learning.models_dir = str(tmp_path)
    (tmp_path / store.CURRENT).write_text('{"model": "decision-local-x.json"}')
    with pytest.raises(store.ModelStoreError, match=r"decision-local-x\.json"):
        store.decision_in_use(config)
    assert store.decision_for_sync(config).name == "rules"
    assert "local decision model not used" in caplog.text


def test_the_weekly_refit_is_scheduled_only_when_switched_on(tmp_path):
    url = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(url)
    engine = make_engine(url)
    config = Config(database_url=url)
    assert "learn" not in {job.id for job in Service(config, engine).build_scheduler().get_jobs()}
    config.learning.weekly = True
    job = Service(config, engine).build_scheduler().get_job("learn")
    after = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)  # a Wednesday
    assert job.trigger.get_next_fire_time(None, after) == datetime(2026, 7, 5, 3, 0, tzinfo=UTC)
    engine.dispose()


def test_the_shipped_corpora_are_the_repositorys_training_files_and_blind_batches_04_to_06():
    if not (ROOT / ".." / "shared" / "corpus" / "dev.jsonl").exists():
        pytest.skip("../shared/corpus/dev.jsonl (part of the training corpus) is absent")
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bundle_learning_corpus.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    ids = [case.id for case in shipped_cases("test")]
    assert len(ids) == 300 and len(set(ids)) == 300
    assert not {c.id for c in shipped_cases("training")} & set(ids)
