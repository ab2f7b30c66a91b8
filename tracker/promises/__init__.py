"""Promises: the pure lifecycle and ladder, and the code that applies them to one promise."""
