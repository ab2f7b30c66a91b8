"""The configuration file: loading, validation that reports every problem, secrets.

Secrets are only ever named here (`*_env` = an environment variable, `*_file` = a
file); their values are read on use by `secret()` and never printed.
"""

from __future__ import annotations

import difflib
import ipaddress
import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.calendar import parse_time_of_day, parse_working_days, parse_working_hours
from tracker.durations import Duration, parse_duration
from tracker.sources import ConnectorRegistry, OptionType, installed

DEFAULT_PATH = "followthrough.toml"
DEFAULT_DATABASE_URL = "sqlite:///followthrough.db"


@dataclass(frozen=True)
class Problem:
    where: str  # "followthrough.toml:12"
    key: str  # "source[1].token_env"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.key}: {self.message}"


class ConfigError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class SourceConfig:
    name: str
    type: str
    poll_every: Duration
    backfill: Duration
    options: dict[str, Any]  # every key as written, secrets only by name

    def get(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)

    def secret(self, key: str) -> str | None:
        return secret(self.options, key)


@dataclass
class TeamConfig:
    name: str
    timezone: str = "UTC"
    working_hours: str = "09:00-17:00"
    working_days: str = "Mon-Fri"
    holidays: str | None = None
    leads: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)


@dataclass
class EscalationConfig:
    default_due: Duration = field(default_factory=lambda: parse_duration("1 business day"))
    remind_before: Duration = field(default_factory=lambda: parse_duration("1h"))
    grace: Duration = field(default_factory=lambda: parse_duration("2h"))
    managers: list[str] = field(default_factory=list)
    digest_at: str = "08:30"
    # The longest snooze anyone may set (calendar time).
    max_snooze: Duration = field(default_factory=lambda: parse_duration("14d"))


@dataclass
class EmailConfig:
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    sender: str = "followthrough@localhost"
    starttls: bool = False
    tls: bool = False
    username_env: str | None = None
    password_env: str | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def username(self) -> str | None:
        return secret(self.options, "username")

    def password(self) -> str | None:
        return secret(self.options, "password")


@dataclass
class SlackConfig:
    options: dict[str, Any] = field(default_factory=dict)

    def webhook_url(self) -> str | None:
        return secret(self.options, "webhook_url")

    def signing_secret(self) -> str | None:
        return secret(self.options, "signing_secret")

    def bot_token(self) -> str | None:
        return secret(self.options, "bot_token")


@dataclass
class TicketNotifyConfig:
    note: bool = True
    tags: bool = True
    due_field: str | None = None


@dataclass
class ServiceConfig:
    listen: str = "127.0.0.1:8765"
    worker_id: str | None = None
    lease: Duration = field(default_factory=lambda: parse_duration("5m"))
    sweep_every: Duration = field(default_factory=lambda: parse_duration("1m"))
    # Delivery: at most this many outbox rows per pass, and per channel at most this much
    # time per pass (a slow or silent server holds up only its own channel, and briefly).
    delivery_batch: int = 10_000
    channel_time: Duration = field(default_factory=lambda: parse_duration("1m"))
    # Closed promises, their history and sent outbox rows older than this are pruned.
    keep_history: Duration = field(default_factory=lambda: parse_duration("180d"))


@dataclass
class WebConfig:
    enabled: bool = False
    base_url: str = "http://127.0.0.1:8765"
    trusted_header: str | None = None
    admins: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    trusted_proxies: list[str] = field(default_factory=list)

    def secret_key(self) -> str | None:
        return secret(self.options, "secret_key")

    def is_trusted_proxy(self, address: str | None) -> bool:
        """Whether a request from `address` may carry `trusted_header`."""
        if not address:
            return False
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return False
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        for entry in self.trusted_proxies:
            try:
                if ip in ipaddress.ip_network(entry.strip(), strict=False):
                    return True
            except ValueError:
                continue
        return False


@dataclass
class ExtractionConfig:
    # None: the rules decide; a number from 0 to 1: the learned decision model does,
    # keeping candidates that score at least this (higher = fewer, surer promises).
    threshold: float | None = None


@dataclass
class LearningConfig:
    # Where `followthrough learn` keeps the deployment's own decision models; None: beside
    # the SQLite database file, else ./followthrough-models (tracker.learning.store).
    models_dir: str | None = None
    weekly: bool = False  # the service refits once a week
    use_local_model: bool = True  # the extractor uses the model `learn` switched to


@dataclass
class Config:
    path: Path | None = None
    database_url: str = DEFAULT_DATABASE_URL
    sources: list[SourceConfig] = field(default_factory=list)
    teams: list[TeamConfig] = field(default_factory=list)
    escalation: EscalationConfig = field(default_factory=EscalationConfig)
    email: EmailConfig | None = None
    slack: SlackConfig | None = None
    ticket: TicketNotifyConfig = field(default_factory=TicketNotifyConfig)
    service: ServiceConfig = field(default_factory=ServiceConfig)
    web: WebConfig = field(default_factory=WebConfig)
    extraction: ExtractionConfig = field(default_factory=ExtractionConfig)
    learning: LearningConfig = field(default_factory=LearningConfig)

    def source(self, name: str) -> SourceConfig:
        for source in self.sources:
            if source.name == name:
                return source
        raise KeyError(name)


def secret(options: dict[str, Any], key: str) -> str | None:
    """The value of secret `key`, from `{key}_env` or `{key}_file`; None when neither is set."""
    env_name = options.get(f"{key}_env")
    if env_name:
        value = os.environ.get(env_name)
        if value:
            return value.strip()
    file_name = options.get(f"{key}_file")
    if file_name:
        try:
            return Path(file_name).expanduser().read_text().strip() or None
        except OSError:
            return None
    return None


MIN_SECRET_KEY_BYTES = 32
_LISTEN = re.compile(r"^(?P<host>[\w.\-]*|\[[0-9A-Fa-f:.]+\]):(?P<port>\d{1,5})$")


def parse_listen(listen: str) -> tuple[str, int]:
    """`[service] listen` ("127.0.0.1:8765", "[::1]:8765") as (host, port)."""
    match = _LISTEN.match(listen.strip())
    if not match:
        raise ValueError(f"{listen!r} is not like '127.0.0.1:8765'")
    port = int(match["port"])
    if not 1 <= port <= 65535:
        raise ValueError(f"{listen!r}: the port must be between 1 and 65535")
    return match["host"].strip("[]") or "127.0.0.1", port


def secret_key_problem(key: str) -> str | None:
    """Why `key` cannot sign session cookies, or None: a short key can be guessed offline."""
    if len(key.encode("utf-8")) < MIN_SECRET_KEY_BYTES:
        return (
            f"the secret key must be at least {MIN_SECRET_KEY_BYTES} bytes "
            "(e.g. `python3 -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
        )
    return None


# ---- schema ---------------------------------------------------------------
# Each table: key -> (python type or tuple of types, required)

_TOP = {
    "database",
    "source",
    "team",
    "escalation",
    "notify",
    "service",
    "web",
    "extraction",
    "learning",
}
_EXTRACTION_KEYS = {"threshold": ((int, float), False)}
_LEARNING_KEYS = {
    "models_dir": (str, False),
    "weekly": (bool, False),
    "use_local_model": (bool, False),
}
_COMMON_SOURCE: dict[str, tuple[OptionType, bool]] = {
    "name": (str, True),
    "type": (str, True),
    "poll_every": (str, False),
    "backfill": (str, False),
    "team": (str, False),
}
_TEAM_KEYS = {
    "name": (str, True),
    "timezone": (str, False),
    "working_hours": (str, False),
    "working_days": (str, False),
    "holidays": (str, False),
    "leads": (list, False),
    "members": (list, False),
    "groups": (list, False),
}
_ESCALATION_KEYS = {
    "default_due": (str, False),
    "remind_before": (str, False),
    "grace": (str, False),
    "managers": (list, False),
    "digest_at": (str, False),
    "max_snooze": (str, False),
}
_EMAIL_KEYS = {
    "smtp_host": (str, False),
    "smtp_port": (int, False),
    "from": (str, False),
    "starttls": (bool, False),
    "tls": (bool, False),
    "username_env": (str, False),
    "username_file": (str, False),
    "password_env": (str, False),
    "password_file": (str, False),
    "reply_mailbox": (str, False),  # an imap [[source]] that receives replies to notices
    "reply_to": (str, False),  # its address; notices reply to <local>+<token>@<domain>
    "timeout": ((int, float), False),
}
_SLACK_KEYS = {
    "webhook_url_env": (str, False),
    "webhook_url_file": (str, False),
    "signing_secret_env": (str, False),  # Slack buttons: verifies the app's requests
    "signing_secret_file": (str, False),
    "bot_token_env": (str, False),  # Slack buttons: users.info, to map a user to an e-mail
    "bot_token_file": (str, False),
}
_TICKET_KEYS = {"note": (bool, False), "tags": (bool, False), "due_field": (str, False)}
_SERVICE_KEYS = {
    "listen": (str, False),
    "worker_id": (str, False),
    "lease": (str, False),
    "sweep_every": (str, False),
    "delivery_batch": (int, False),
    "channel_time": (str, False),
    "keep_history": (str, False),
}
_WEB_KEYS = {
    "enabled": (bool, False),
    "base_url": (str, False),
    "trusted_header": (str, False),
    "trusted_proxies": (list, False),
    "admins": (list, False),
    "secret_key_env": (str, False),
    "secret_key_file": (str, False),
}
_DATABASE_KEYS = {"url": (str, False)}
_NOTIFY = {"email": _EMAIL_KEYS, "slack": _SLACK_KEYS, "ticket": _TICKET_KEYS}
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class _KeyLines:
    """Finds the line of a key in the TOML text, so problems can say where they are."""

    _ARRAY = re.compile(r"^\s*\[\[\s*([\w.\-]+)\s*\]\]")
    _TABLE = re.compile(r"^\s*\[\s*([\w.\-]+)\s*\]")
    _KEY = re.compile(r"^\s*\"?([\w.\-]+)\"?\s*=")

    def __init__(self, text: str):
        self.lines: dict[tuple[str, str], int] = {}
        counts: dict[str, int] = {}
        table = ""
        for number, line in enumerate(text.splitlines(), start=1):
            if m := self._ARRAY.match(line):
                name = m[1]
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = f"{name}[{index}]"
                self.lines.setdefault((table, ""), number)
            elif m := self._TABLE.match(line):
                table = m[1]
                self.lines.setdefault((table, ""), number)
            elif m := self._KEY.match(line):
                self.lines.setdefault((table, m[1]), number)

    def line(self, table: str, key: str = "") -> int | None:
        return self.lines.get((table, key)) or self.lines.get((table, ""))


class _Validator:
    def __init__(self, path: str, text: str):
        self.path = path
        self.where = _KeyLines(text)
        self.problems: list[Problem] = []

    def problem(self, table: str, key: str, message: str) -> None:
        line = self.where.line(table, key)
        where = f"{self.path}:{line}" if line else self.path
        label = f"{table}.{key}" if table and key else (table or key)
        self.problems.append(Problem(where, label, message))

    def table(self, table: str, data: Any, schema: dict[str, tuple[Any, bool]]) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.problem(table, "", "must be a table")
            return {}
        good: dict[str, Any] = {}
        for key, value in data.items():
            if key not in schema:
                close = difflib.get_close_matches(key, list(schema), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.problem(table, key, f"unknown key{hint}")
                continue
            expected, _ = schema[key]
            if expected is bool and not isinstance(value, bool):
                self.problem(table, key, "must be true or false")
            elif expected is int and (isinstance(value, bool) or not isinstance(value, int)):
                self.problem(table, key, "must be a whole number")
            elif expected is list and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                self.problem(table, key, "must be a list of strings")
            elif expected not in (bool, int, list) and not isinstance(value, expected):
                self.problem(table, key, f"must be a {_type_name(expected)}")
            else:
                good[key] = value
        for key, (_, required) in schema.items():
            if required and key not in data:
                self.problem(table, key, "is required")
        return good

    def duration(self, table: str, key: str, value: str | None, default: str) -> Duration:
        try:
            return parse_duration(value if value is not None else default)
        except ValueError as exc:
            self.problem(table, key, str(exc))
            return parse_duration(default)

    def secret_named(self, table: str, options: dict[str, Any], key: str, required: bool) -> None:
        env_key, file_key = f"{key}_env", f"{key}_file"
        if env_key in options:
            if not os.environ.get(options[env_key]):
                self.problem(table, env_key, f"environment variable {options[env_key]} is not set")
        elif file_key in options:
            if not Path(options[file_key]).expanduser().is_file():
                self.problem(table, file_key, f"file {options[file_key]} does not exist")
        elif required:
            self.problem(table, env_key, f"is required (or {file_key})")


def _type_name(expected: Any) -> str:
    if isinstance(expected, tuple):
        return " or ".join(t.__name__ for t in expected)
    return {"str": "string"}.get(expected.__name__, expected.__name__)


def _check_timezone(v: _Validator, table: str, key: str, name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        v.problem(table, key, f"{name!r} is not an IANA time zone (e.g. 'Europe/London')")


def _check_days(spec: str) -> bool:
    parts = [p.strip().lower() for p in spec.split(",") if p.strip()]
    for part in parts:
        ends = [e.strip()[:3] for e in part.split("-")]
        if len(ends) > 2 or any(e not in _DAYS for e in ends):
            return False
    return bool(parts)


def _check_trusted_proxies(v: _Validator, web: WebConfig) -> None:
    for entry in web.trusted_proxies:
        try:
            ipaddress.ip_network(entry.strip(), strict=False)
        except ValueError:
            v.problem(
                "web",
                "trusted_proxies",
                f"{entry!r} is not an address or network (e.g. 10.0.0.0/8)",
            )
    if web.trusted_header and not web.trusted_proxies:
        v.problem(
            "web",
            "trusted_header",
            "needs [web] trusted_proxies: the addresses of the reverse proxies that set it "
            "(from anyone else the header would sign them in as whoever they name)",
        )


class _SourceCheck:
    """A connector spec's view of the `[[source]]` table being validated."""

    def __init__(self, v: _Validator, table: str, options: dict[str, Any]):
        self.v, self.table, self.options = v, table, options

    def problem(self, key: str, message: str) -> None:
        self.v.problem(self.table, key, message)

    def secret(self, key: str, *, required: bool) -> None:
        self.v.secret_named(self.table, self.options, key, required)


def _source(
    v: _Validator, index: int, data: Any, names: set[str], connectors: ConnectorRegistry
) -> SourceConfig | None:
    table = f"source[{index}]"
    if not isinstance(data, dict):
        v.problem(table, "", "must be a table")
        return None
    kind = data.get("type")
    spec = connectors.get(kind) if isinstance(kind, str) else None
    if spec is None:
        if "type" in data:
            v.problem(table, "type", f"{kind!r} is not one of {', '.join(connectors.types)}")
        schema = dict(_COMMON_SOURCE)
        for each in connectors.specs:
            schema.update(each.schema())
        v.table(table, data, schema)
        return None
    options = v.table(table, data, {**_COMMON_SOURCE, **spec.schema()})
    name = options.get("name", f"source{index + 1}")
    if name in names:
        v.problem(table, "name", f"{name!r} is used by another source")
    names.add(name)
    spec.validate(_SourceCheck(v, table, options), options)
    if "url" in options and not re.match(r"^https?://", options["url"]):
        v.problem(table, "url", "must start with http:// or https://")
    poll = v.duration(table, "poll_every", options.get("poll_every"), "2m")
    backfill = v.duration(table, "backfill", options.get("backfill"), "14d")
    return SourceConfig(name, spec.type, poll, backfill, options)


def _team(v: _Validator, index: int, data: Any, names: set[str]) -> TeamConfig | None:
    table = f"team[{index}]"
    options = v.table(table, data, _TEAM_KEYS)
    if "name" not in options:
        return None
    if options["name"] in names:
        v.problem(table, "name", f"{options['name']!r} is used by another team")
    names.add(options["name"])
    team = TeamConfig(**options)
    _check_timezone(v, table, "timezone", team.timezone)
    try:
        parse_working_hours(team.working_hours)
    except ValueError as exc:
        v.problem(table, "working_hours", str(exc))
    if not _check_days(team.working_days):
        v.problem(table, "working_days", f"{team.working_days!r} is not like 'Mon-Fri'")
    else:
        try:
            parse_working_days(team.working_days)
        except ValueError as exc:
            v.problem(table, "working_days", str(exc))
    if team.holidays:
        import holidays as holidays_lib

        country = team.holidays.split("-")[0].upper()
        if country not in holidays_lib.list_supported_countries():
            v.problem(table, "holidays", f"{team.holidays!r} is not a country code we know")
    return team


def validate(
    data: dict[str, Any],
    path: str = DEFAULT_PATH,
    text: str = "",
    *,
    connectors: ConnectorRegistry | None = None,
) -> Config:
    """Build a Config from parsed TOML, raising ConfigError with every problem found.
    `[[source]]` tables are checked against `connectors` (default: the installed ones)."""
    v = _Validator(path, text)
    for key in data:
        if key not in _TOP:
            close = difflib.get_close_matches(key, list(_TOP), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            v.problem(key, "", f"unknown section{hint}")
    config = Config(path=Path(path))

    database = v.table("database", data.get("database", {}), _DATABASE_KEYS)
    config.database_url = database.get("url", DEFAULT_DATABASE_URL)

    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list):
        v.problem("source", "", "must be written [[source]]")
        raw_sources = []
    names: set[str] = set()
    for i, raw in enumerate(raw_sources):
        if (source := _source(v, i, raw, names, connectors or installed())) is not None:
            config.sources.append(source)

    raw_teams = data.get("team", [])
    if not isinstance(raw_teams, list):
        v.problem("team", "", "must be written [[team]]")
        raw_teams = []
    team_names: set[str] = set()
    for i, raw in enumerate(raw_teams):
        if (team := _team(v, i, raw, team_names)) is not None:
            config.teams.append(team)

    esc = v.table("escalation", data.get("escalation", {}), _ESCALATION_KEYS)
    config.escalation = EscalationConfig(
        default_due=v.duration(
            "escalation", "default_due", esc.get("default_due"), "1 business day"
        ),
        remind_before=v.duration("escalation", "remind_before", esc.get("remind_before"), "1h"),
        grace=v.duration("escalation", "grace", esc.get("grace"), "2h"),
        managers=esc.get("managers", []),
        digest_at=esc.get("digest_at", "08:30"),
        max_snooze=v.duration("escalation", "max_snooze", esc.get("max_snooze"), "14d"),
    )
    try:
        parse_time_of_day(config.escalation.digest_at)
    except ValueError as exc:
        v.problem("escalation", "digest_at", str(exc))

    notify = data.get("notify", {})
    if not isinstance(notify, dict):
        v.problem("notify", "", "must be a table")
        notify = {}
    for key in notify:
        if key not in _NOTIFY:
            close = difflib.get_close_matches(key, list(_NOTIFY), n=1)
            hint = f" (did you mean 'notify.{close[0]}'?)" if close else ""
            v.problem(f"notify.{key}", "", f"unknown section{hint}")
    if "email" in notify:
        email = v.table("notify.email", notify["email"], _EMAIL_KEYS)
        config.email = EmailConfig(
            smtp_host=email.get("smtp_host", "127.0.0.1"),
            smtp_port=email.get("smtp_port", 25),
            sender=email.get("from", "followthrough@localhost"),
            starttls=email.get("starttls", False),
            tls=email.get("tls", False),
            username_env=email.get("username_env"),
            password_env=email.get("password_env"),
            options=email,
        )
        for key in ("username", "password"):
            if f"{key}_env" in email or f"{key}_file" in email:
                v.secret_named("notify.email", email, key, False)
        mailbox = email.get("reply_mailbox")
        if mailbox is not None and not any(
            s.name == mailbox and s.type == "imap" for s in config.sources
        ):
            v.problem("notify.email", "reply_mailbox", f"{mailbox!r} is not an imap [[source]]")
    if "slack" in notify:
        slack = v.table("notify.slack", notify["slack"], _SLACK_KEYS)
        v.secret_named("notify.slack", slack, "webhook_url", True)
        for key in ("signing_secret", "bot_token"):
            if f"{key}_env" in slack or f"{key}_file" in slack:
                v.secret_named("notify.slack", slack, key, False)
        config.slack = SlackConfig(options=slack)
    if "ticket" in notify:
        ticket = v.table("notify.ticket", notify["ticket"], _TICKET_KEYS)
        config.ticket = TicketNotifyConfig(**ticket)

    service = v.table("service", data.get("service", {}), _SERVICE_KEYS)
    config.service = ServiceConfig(
        listen=service.get("listen", "127.0.0.1:8765"),
        worker_id=service.get("worker_id"),
        lease=v.duration("service", "lease", service.get("lease"), "5m"),
        sweep_every=v.duration("service", "sweep_every", service.get("sweep_every"), "1m"),
        delivery_batch=service.get("delivery_batch", 10_000),
        channel_time=v.duration("service", "channel_time", service.get("channel_time"), "1m"),
        keep_history=v.duration("service", "keep_history", service.get("keep_history"), "180d"),
    )
    try:
        parse_listen(config.service.listen)
    except ValueError as exc:
        v.problem("service", "listen", str(exc))
    if not 1 <= config.service.delivery_batch <= 1_000_000:
        v.problem("service", "delivery_batch", "must be between 1 and 1000000")
    if config.service.keep_history.delta < timedelta(days=1):
        v.problem("service", "keep_history", "must be at least 1 day")

    web = v.table("web", data.get("web", {}), _WEB_KEYS)
    config.web = WebConfig(
        enabled=web.get("enabled", False),
        base_url=web.get("base_url", f"http://{config.service.listen}"),
        trusted_header=web.get("trusted_header"),
        admins=web.get("admins", []),
        options=web,
        trusted_proxies=web.get("trusted_proxies", []),
    )
    _check_trusted_proxies(v, config.web)
    if "secret_key_env" in web or "secret_key_file" in web:
        v.secret_named("web", web, "secret_key", False)
        secret_key = secret(web, "secret_key")
        if secret_key is not None and (reason := secret_key_problem(secret_key)):
            v.problem(
                "web", "secret_key_env" if "secret_key_env" in web else "secret_key_file", reason
            )

    extraction = v.table("extraction", data.get("extraction", {}), _EXTRACTION_KEYS)
    threshold = extraction.get("threshold")
    if isinstance(threshold, bool) or (
        threshold is not None and not 0.0 <= float(threshold) <= 1.0
    ):
        v.problem("extraction", "threshold", f"must be a number from 0 to 1, not {threshold!r}")
    else:
        config.extraction = ExtractionConfig(None if threshold is None else float(threshold))

    learning = v.table("learning", data.get("learning", {}), _LEARNING_KEYS)
    models_dir = learning.get("models_dir")
    if models_dir is not None and not str(models_dir).strip():
        v.problem("learning", "models_dir", "must name a directory, not an empty string")
        models_dir = None
    config.learning = LearningConfig(
        models_dir=models_dir,
        weekly=learning.get("weekly", False),
        use_local_model=learning.get("use_local_model", True),
    )

    if v.problems:
        raise ConfigError(v.problems)
    return config


def load_config(
    path: str | os.PathLike[str] | None = None, *, connectors: ConnectorRegistry | None = None
) -> Config:
    """Read and validate the configuration; a missing default file gives the built-in defaults."""
    chosen = path or os.environ.get("FOLLOWTHROUGH_CONFIG") or DEFAULT_PATH
    file = Path(chosen)
    if not file.exists():
        if path is None and "FOLLOWTHROUGH_CONFIG" not in os.environ:
            config = Config(path=None)
        else:
            raise ConfigError([Problem(str(file), "file", "does not exist")])
    else:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError([Problem(str(file), "file", f"cannot be read: {exc}")]) from exc
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = re.search(r"line (\d+)", str(exc))
            where = f"{file}:{line[1]}" if line else str(file)
            raise ConfigError([Problem(where, "syntax", str(exc))]) from exc
        config = validate(data, str(file), text, connectors=connectors)
    override = os.environ.get("FOLLOWTHROUGH_DATABASE_URL")
    if override:
        config.database_url = override
    return config
