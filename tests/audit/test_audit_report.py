"""The report model: pure counts over the period's promises."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from click.testing import CliRunner

from tracker.audit.period import parse_period
from tracker.audit.report import AuditPromise, build_report
from tracker.cli import cli

NOW = datetime(2025, 3, 20, 12, tzinfo=UTC)
DAY = timedelta(days=1)


def promise(n: int, state: str, due: datetime, kept: datetime | None = None, **kw) -> AuditPromise:
    values = dict(ticket=str(n), ticket_url=None, quote=f"promise {n}", kind="update",
                  made_at=due - DAY, due_at=due, state=state, kept_at=kept, maker="Amy",
                  owner="Amy", team="Tier 1")  # fmt: skip
    values.update(kw)
    return AuditPromise(id=n, **values)


def test_the_kept_on_time_rate_leaves_out_promises_not_yet_due() -> None:
    report = build_report(
        [
            promise(1, "kept", NOW - 5 * DAY, kept=NOW - 6 * DAY),  # on time
            promise(2, "kept", NOW - 5 * DAY, kept=NOW - 4 * DAY),  # late
            promise(3, "broken", NOW - 3 * DAY),
            promise(4, "open", NOW - DAY),  # overdue
            promise(5, "open", NOW + DAY),  # not due yet: not judged
        ],
        source="s", start=NOW - 30 * DAY, end=NOW, now=NOW,
    )  # fmt: skip
    t = report.total
    assert (t.made, t.kept_on_time, t.kept_late, t.broken, t.open, t.overdue) == (5, 1, 1, 1, 2, 1)
    assert t.judged == 4 and t.kept_on_time_rate == 0.25


def test_the_oldest_list_holds_the_twenty_oldest_broken_or_open_by_due_time() -> None:
    promises = [promise(n, "open" if n % 2 else "broken", NOW - n * DAY) for n in range(1, 41)]
    promises.append(promise(99, "kept", NOW - 90 * DAY, kept=NOW - 91 * DAY))  # kept: not listed
    report = build_report(promises, source="s", start=NOW - 99 * DAY, end=NOW, now=NOW)
    assert [row.promise.id for row in report.oldest] == list(range(40, 20, -1))
    assert report.oldest[0].late_by == 40 * DAY  # open: late until now


def test_hand_offs_are_counted_with_their_fate() -> None:
    report = build_report(
        [
            promise(1, "kept", NOW - 5 * DAY, kept=NOW - 6 * DAY, handed_off=True),
            promise(2, "broken", NOW - 5 * DAY, handed_off=True),
            promise(3, "kept", NOW - 5 * DAY, kept=NOW - 6 * DAY),
        ],
        source="s", start=NOW - 30 * DAY, end=NOW, now=NOW,
    )  # fmt: skip
    data = report.as_dict()
    assert (data["handed_off"], data["handed_off_kept"]) == (2, 1)
    assert data["handed_off_outcomes"]["broken"] == 1


def test_a_to_date_includes_its_whole_day() -> None:
    period = parse_period(NOW, None, "2025-03-01", "2025-03-15")
    assert period.start == datetime(2025, 3, 1, tzinfo=UTC)
    assert period.end == datetime(2025, 3, 16, tzinfo=UTC)


def test_the_audit_refuses_the_services_own_database(tmp_path) -> None:
    config = tmp_path / "ft.toml"
    url = f"sqlite:///{tmp_path / 'service.db'}"
    config.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "--config",
            str(config),
            "audit",
            "--type",
            "zendesk-export",
            "--from-file",
            str(config),
            "--database",
            url,
        ],
    )
    assert result.exit_code == 2
    assert "the service's own database" in result.stderr
    assert not (tmp_path / "service.db").exists()
