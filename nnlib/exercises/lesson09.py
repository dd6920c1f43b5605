"""Exercise checks for lesson 09 (placeholder until its owner fills it)."""
__all__ = []
SOLUTIONS = {}
SLIPS = {}
