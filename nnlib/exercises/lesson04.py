"""Exercise checks for lesson 04 (placeholder until its owner fills it)."""
__all__ = []
SOLUTIONS = {}
SLIPS = {}
