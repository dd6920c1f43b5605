"""Exercise checks for lesson 11 (placeholder until its owner fills it)."""
__all__ = []
SOLUTIONS = {}
SLIPS = {}
