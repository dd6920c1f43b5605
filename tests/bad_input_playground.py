"""Bad-input rows for the playground app (see bad_input_row.Row)."""
from bad_input_row import Row  # noqa: F401

ROWS = []
