"""Bad-input rows for nnlib's lesson maths and plumbing (see bad_input_row.Row)."""
from bad_input_row import Row  # noqa: F401

ROWS = []
