"""It learns: the deployment's corrections refit the extractor's decision model.

`corpus` reads the shipped training and test corpora, `examples` turns corrections into
labelled candidates, `refit` fits and validates a local model and decides whether to
switch to it, `store` keeps local models on this host and says which decision is in use,
`status` measures live precision from the corrections. Nothing here uses the network.
"""
