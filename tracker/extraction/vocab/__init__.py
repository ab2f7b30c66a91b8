"""The extractor's vocabulary as data, one module per language (issue 12, item 1).

The grammar (lexicon.py, detect.py) builds its patterns from these lists; a new
phrasing is an edit here plus an example in the rule tests."""
