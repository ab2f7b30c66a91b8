"""A local help desk for tests, demos and benchmarks: a neutral store with vendor faces."""
