"""Zendesk Support: thin client, mapping to plain records, polling and write-back."""
