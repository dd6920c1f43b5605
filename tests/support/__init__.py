"""Helpers shared by the tests, the root conftest.py and the benchmarks (test plumbing, not lesson code)."""
