"""Who works at the sandbox help desk: the API user, two groups, four agents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from helpdesk_sandbox.store import Group, MovableClock, Person, Store, Ticket

API_EMAIL = "followthrough@acme.example"


@dataclass
class Seeded:
    store: Store
    clock: MovableClock
    api_user: Person
    agents: dict[str, Person] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    customers: dict[str, Person] = field(default_factory=dict)
    tickets: dict[str, Ticket] = field(default_factory=dict)


def directory(store: Store, at: datetime) -> tuple[Person, dict[str, Group], dict[str, Person]]:
    groups = {name: store.add_group(name, at=at) for name in ("Tier 1", "Tier 2")}
    api_user = store.add_agent("Follow-through", API_EMAIL, "UTC", (), role="admin", at=at)
    agents = {
        "amy": store.add_agent(
            "Amy Archer", "amy@acme.example", "Europe/London", [groups["Tier 1"]], at=at
        ),
        "ben": store.add_agent(
            "Ben Brooks", "ben@acme.example", "Europe/London", [groups["Tier 1"]], at=at
        ),
        "chen": store.add_agent(
            "Chen Wei", "chen@acme.example", "America/New_York", [groups["Tier 2"]], at=at
        ),
        "dana": store.add_agent(
            "Dana Diaz",
            "dana@acme.example",
            "America/New_York",
            [groups["Tier 2"]],
            role="admin",
            at=at,
        ),
    }
    return api_user, groups, agents
