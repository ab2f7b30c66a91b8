"""The outbox: rows to send, their words, their delivery, and the daily digest."""
