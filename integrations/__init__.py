"""Connectors to outside systems: help desks, mailboxes, notification channels."""
