"""Ingest: polling a source and storing what it hands over, page by page."""
