"""Errors as they may be shown to anyone: in `last_error`, on /healthz, in a log line.

A database error's text carries its SQL statement and parameters (message bodies,
customer names), and an exception raised inside a parser may quote the input. Only
errors whose text we wrote ourselves (a connector's `SourceError`s, which
never carry a secret or a record's text) and the operating system's are shown in
full, and so is any error class that says `shown_in_full = True`; of everything else,
the class, and the record's id when the error names one.
"""

from __future__ import annotations

from tracker.sources import SourceError, UnknownSourceType

SHOWN_IN_FULL: tuple[type[BaseException], ...] = (SourceError, UnknownSourceType, OSError)


def error_class(exc: BaseException) -> str:
    """`DataError (StringDataRightTruncation)` for a database error, else the class name."""
    name = type(exc).__name__
    inner = getattr(exc, "orig", None)
    if isinstance(inner, BaseException) and type(inner).__name__ != name:
        return f"{name} ({type(inner).__name__})"
    return name


def safe_error(exc: BaseException) -> str:
    """One line about `exc` that holds no customer text."""
    ours = isinstance(exc, SHOWN_IN_FULL) or getattr(exc, "shown_in_full", False)
    if ours and getattr(exc, "orig", None) is None:
        text = " ".join(str(exc).split())
        return text or type(exc).__name__
    record = getattr(exc, "record_id", None)
    suffix = f" (record {record})" if record else ""
    return f"{error_class(exc)}{suffix}"
