"""Helpers shared by the tests, imported one way: `from tests.helpers.NAME import ...`.

Fixtures live in conftest.py files; everything else a test reuses lives here.
"""
