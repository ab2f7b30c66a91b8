"""The connector registry, `[[source]]` validation and the docs agree; and a connector is
one spec plus one registry line: a tiny extra one is validated and synced with no other edit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

from integrations.registry import REGISTRY
from tracker.config import ConfigError, SourceConfig, validate
from tracker.ingest.records import Batch, MessageRecord, PersonRecord, TicketRecord
from tracker.ingest.sync import sync_source
from tracker.models import Assignment, Promise
from tracker.sources import ConnectorSpec, Option, Poller, TicketWriter

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
SPECS = REGISTRY.specs


def _table(spec: ConnectorSpec, **changes: Any) -> dict[str, Any]:
    table = {"name": f"my-{spec.type}", "type": spec.type, **spec.example, **changes}
    return {k: v for k, v in table.items() if v is not None}


def _problems(data: dict[str, Any], **kwargs: Any) -> list[str]:
    try:
        validate(data, **kwargs)
    except ConfigError as exc:
        return [f"{p.key}: {p.message}" for p in exc.problems]
    return []


@pytest.fixture
def secrets_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every secret the examples name is set, as an operator would."""
    for spec in SPECS:
        for key, value in spec.example.items():
            if key.endswith("_env"):
                monkeypatch.setenv(value, "s3cret-value")


def test_the_registry_lists_each_connector_package_once() -> None:
    assert REGISTRY.types == ("zendesk", "freshdesk", "imap")
    for spec in SPECS:
        package = ROOT / "integrations" / spec.type
        assert (package / "spec.py").is_file()
        assert spec.build.__module__ == f"integrations.{spec.type}.spec"
        assert spec.ticket_channel <= spec.writes_tickets


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.type)
def test_a_source_of_every_registered_type_validates_with_its_example(
    spec: ConnectorSpec, secrets_set: None
) -> None:
    config = validate({"source": [_table(spec)]})
    (source,) = config.sources
    assert (source.type, source.name) == (spec.type, f"my-{spec.type}")
    for option in spec.options:
        if option.required:
            assert any(k in spec.example for k in option.written_as()), (spec.type, option.key)


@pytest.mark.parametrize(
    ("spec", "key"),
    [(spec, key) for spec in SPECS for key in spec.example],
    ids=lambda v: v.type if isinstance(v, ConnectorSpec) else v,
)
def test_leaving_out_any_option_of_the_example_fails_naming_it(
    spec: ConnectorSpec, key: str, secrets_set: None
) -> None:
    table = _table(spec)
    del table[key]
    problems = _problems({"source": [table]})
    assert [p for p in problems if p.startswith(f"source[0].{key}: ")], problems


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.type)
def test_an_unknown_option_is_refused_and_every_option_is_accepted(
    spec: ConnectorSpec, secrets_set: None
) -> None:
    assert _problems({"source": [_table(spec, colour="blue")]}) == ["source[0].colour: unknown key"]
    keys = {k for o in spec.options for k in o.written_as()}
    assert keys == set(spec.schema())


def test_an_unknown_type_names_every_registered_one() -> None:
    problems = _problems({"source": [{"name": "x", "type": "pigeon"}]})
    assert problems[0] == f"source[0].type: 'pigeon' is not one of {', '.join(REGISTRY.types)}"


def test_the_docs_list_every_connector_type_and_option() -> None:
    reference = (ROOT / "docs" / "configuration.md").read_text()
    common = re.search(r"Common keys: .*?\n\n", reference, re.S)
    assert common is not None
    rows = {m[1]: m[2] for m in re.finditer(r"^\| `(\w+)` \| (.*) \|$", reference, re.M)}
    for spec in SPECS:
        assert f"`{spec.type}`" in common[0], f"{spec.type} missing from the type list"
        assert spec.type in rows, f"no row for {spec.type} in docs/configuration.md"
        for option in spec.options:
            assert f"`{option.written_as()[0]}`" in rows[spec.type], (spec.type, option.key)
        assert spec.type in (ROOT / spec.docs).read_text().lower()
    guide = (ROOT / "docs" / "contributing.md").read_text()
    assert "## Adding a connector" in guide and "integrations/registry.py" in guide


def test_the_built_connectors_are_pollers_and_only_desks_write_tickets(
    secrets_set: None,
) -> None:
    config = validate({"source": [_table(spec) for spec in SPECS]})
    for spec, source in zip(SPECS, config.sources, strict=True):
        poller = spec.build(source, sleep=lambda s: None)
        assert isinstance(poller, Poller)
        if spec.writer is not None:
            assert isinstance(spec.writer(poller), TicketWriter)


# -- a connector that is not in integrations/: one spec, registered in-process ------------------

T0 = NOW - timedelta(hours=3)


class ListPoller:
    """A real, minimal connector: pages from a list, the cursor is how many were read."""

    stats = None

    def __init__(self, name: str, pages: list[Batch]):
        self.name = name
        self.source_pages = pages

    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        start = int(cursor or 0)
        for index, page in enumerate(self.source_pages[start:], start=start + 1):
            yield Batch(
                cursor=str(index),
                people=page.people,
                tickets=page.tickets,
                messages=page.messages,
            )


def _page(assignee: str, *messages: MessageRecord) -> Batch:
    return Batch(
        cursor=None,
        people=[
            PersonRecord("amy", "agent", "Amy", "amy@acme.example"),
            PersonRecord("bob", "agent", "Bob", "bob@acme.example"),
            PersonRecord("cat", "customer", "Cat", "cat@example.com"),
        ],
        tickets=[TicketRecord("t1", "Fence", "open", "cat", assignee, None, None, T0, T0)],
        messages=list(messages),
    )


PAGES = [
    _page("amy", MessageRecord("m1", "t1", T0, "My fence broke again.", "cat", "customer")),
    _page(
        "bob",
        MessageRecord(
            "m2", "t1", T0 + timedelta(minutes=5), "I'll call you back tomorrow.", "bob", "agent"
        ),
    ),
]


def _build_list(source: SourceConfig, **runtime: Any) -> Poller:
    return ListPoller(source.name, PAGES[: int(source.get("pages", len(PAGES)))])


LIST_SPEC = ConnectorSpec(
    type="listdesk",
    label="a help desk in a list",
    options=(
        Option("shelf", required=True, help="which list"),
        Option("pages", int, help="how many of its pages exist yet"),
        Option("token", secret=True, help="not needed to read a list"),
    ),
    build=_build_list,
    derives_handoffs=True,  # snapshots only: a new assignee is a hand-off
    example={"shelf": "one"},
)


def test_an_extra_spec_is_validated_and_synced_with_no_other_edit(engine) -> None:
    connectors = REGISTRY.with_specs([LIST_SPEC])
    table = {"name": "shelf", "type": "listdesk", "shelf": "one", "pages": 1}
    unregistered = _problems({"source": [table]})
    assert (
        unregistered[0] == f"source[0].type: 'listdesk' is not one of {', '.join(REGISTRY.types)}"
    )
    assert "source[0].shelf: unknown key" in unregistered
    missing = {"source": [{"name": "shelf", "type": "listdesk"}]}
    assert _problems(missing, connectors=connectors) == ["source[0].shelf: is required"]
    unset = {"source": [{**table, "token_env": "FT_TEST_UNSET_LIST_TOKEN"}]}
    assert _problems(unset, connectors=connectors) == [
        "source[0].token_env: environment variable FT_TEST_UNSET_LIST_TOKEN is not set"
    ]
    config = validate({"source": [table]}, connectors=connectors)
    source = config.sources[0]

    first = sync_source(engine, config, source, now=NOW, connectors=connectors)
    assert (first.error, first.pages, first.tickets, first.messages) == (None, 1, 1, 1)

    source.options["pages"] = 2  # the desk has one more page now
    second = sync_source(engine, config, source, now=NOW, connectors=connectors)
    assert (second.error, second.pages, second.messages, second.promises) == (None, 1, 1, 1)
    assert second.handoffs == 1  # amy -> bob, derived from snapshots as the spec says
    with Session(engine) as session:
        assert len(session.exec(select(Promise)).all()) == 1
        assert len(session.exec(select(Assignment)).all()) == 1

    again = sync_source(engine, config, source, now=NOW, connectors=connectors)
    assert (again.error, again.pages) == (None, 0)  # the stored cursor is where it left off


def test_the_audit_reads_the_export_files_the_specs_list() -> None:
    from tracker.audit.files import FileInputError, file_connector
    from tracker.cli.audit import audit_command

    choices = next(p for p in audit_command.params if p.name == "file_type").type.choices
    assert sorted(REGISTRY.export_types) == sorted(choices)
    assert len(set(REGISTRY.export_types)) == len(REGISTRY.export_types)
    with pytest.raises(FileInputError, match="'csv' is not one of zendesk-export, "):
        file_connector("csv", ROOT, name="x", registry=REGISTRY)
    for kind in REGISTRY.export_types:  # every reader refuses a path that is not its kind
        with pytest.raises(FileInputError, match="nowhere"):
            reader = file_connector(kind, ROOT / "nowhere", name="x", agent_addresses=["*@a"])
            next(iter(reader.pages(None, NOW)))


def test_an_audits_request_budget_is_the_specs_history_option() -> None:
    from tracker.audit.progress import budget_per_minute

    def source(kind: str, **options: Any) -> SourceConfig:
        return SourceConfig("s", kind, None, None, options)  # type: ignore[arg-type]

    assert budget_per_minute(source("zendesk")) == 10
    assert budget_per_minute(source("zendesk", export_requests_per_minute=4)) == 4
    assert budget_per_minute(source("freshdesk")) == 50
    assert budget_per_minute(source("freshdesk", requests_per_minute=400)) == 400
    assert budget_per_minute(source("imap")) is None
    assert budget_per_minute(source("mbox")) is None
