"""`followthrough audit`: how many promises a team made in a past period and how many
it kept, from the help desk's history, read-only, in a database of its own.

period.py (which promises), run.py (read and replay with the service's own sync and
sweep), files.py (history from mailbox and help-desk export files), load.py and
report.py (the numbers, pure), html.py and export.py (the report, JSON and CSV),
sample.py (findings for a person to check), progress.py (the terminal line).
"""
