"""Exercise checks for lesson 07 (placeholder until its owner fills it)."""
__all__ = []
SOLUTIONS = {}
SLIPS = {}
