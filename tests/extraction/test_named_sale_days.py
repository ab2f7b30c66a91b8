"""A weekday in the name of a sale or a holiday ("the Black Friday price") is not a due
time, so an unlisted verb beside it does not commit on its strength."""

from __future__ import annotations

from tests.helpers.extraction import promises_in


def test_a_sales_name_is_not_a_stated_time() -> None:
    assert promises_in("Good news, we'll honour the Cyber Monday rate on your renewal.") == []


def test_a_weekday_after_a_sales_name_is_still_a_due() -> None:
    (promise,) = promises_in("I'll send the Black Friday voucher on Monday.")
    assert not promise.due_is_default
    assert promise.due_text == "Monday"


def test_a_lower_case_black_before_a_weekday_is_not_a_sales_name() -> None:
    (promise,) = promises_in("I'll send the black chair on Friday.")
    assert promise.due_text == "Friday"
