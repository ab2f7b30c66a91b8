"""Corrections: agents fix the extractor where they work (help-desk notes and tags, Slack
buttons, replies to notices), and every fix is kept as a labelled example.

`commands` parses what they write (pure), `applying` acts on it with the web's access
rule, `examples` stores the labelled examples; the channels live in their own modules.
"""
