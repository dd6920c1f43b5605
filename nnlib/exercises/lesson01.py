"""Exercise checks for lesson 01 (placeholder until its owner fills it)."""
__all__ = []
SOLUTIONS = {}
SLIPS = {}
