"""`followthrough demo`: the whole flow against the built-in sandbox help desk."""
