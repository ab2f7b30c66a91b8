"""Rails time-zone names → IANA."""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from integrations.freshdesk.timezones import RAILS_TO_IANA, to_iana


def test_every_rails_zone_maps_to_a_real_iana_zone():
    assert len(RAILS_TO_IANA) >= 150
    for rails, iana in RAILS_TO_IANA.items():
        assert ZoneInfo(iana), rails


def test_the_names_freshdesk_uses_map_as_expected():
    assert to_iana("Chennai") == "Asia/Kolkata"
    assert to_iana("Eastern Time (US & Canada)") == "America/New_York"
    assert to_iana("London") == "Europe/London"
    assert to_iana("International Date Line West") == "Etc/GMT+12"


def test_an_iana_name_passes_through():
    assert to_iana("Europe/Berlin") == "Europe/Berlin"


def test_an_unknown_name_gives_none_and_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        assert to_iana("Atlantis Standard Time") is None
    assert "Atlantis Standard Time" in caplog.text
    assert to_iana(None) is None and to_iana("") is None
