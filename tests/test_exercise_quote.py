"""The line a reply quotes when a student's function raises is the one that ran: on a one-line def in a .py file
(`def f(H): return ...`) the part that raised, not the def header; in a file edited since it was imported, no
line at all (the line now at that number is other code); in a multi-line def, the whole line;
on a decorated one-line def, the part that raised."""
import contextlib
import importlib.util
import io
import os
import sys

import pytest

from nnlib import check


def load(path, text, name):
    path.write_text(text)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reply(fn):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert check.top_eigenvalue(fn) is None
    return out.getvalue().strip()


@pytest.fixture
def module(tmp_path):
    made = []

    def make(text):
        name = f"student_quote_{len(made)}"
        made.append(name)
        return load(tmp_path / f"{name}.py", text, name)
    yield make
    for name in made:
        sys.modules.pop(name, None)


def test_a_one_line_def_is_quoted_by_the_part_that_raised(module):
    mine = module("import numpy as np\n\n\ndef top_eigenvalue(H): return float(np.linalg.eigvalsh(H)[-1])\n")
    text = reply(mine.top_eigenvalue)
    assert text.endswith("in the line `np.linalg.eigvalsh(H)`"), text


def test_a_one_line_helper_is_quoted_by_the_part_that_raised(module):
    mine = module("import numpy as np\ndef top(H): return helper(H)\ndef helper(H): return float(np.trace(H))\n")
    text = reply(mine.top)
    assert text.endswith("in the line `np.trace(H)`"), text


def test_a_file_edited_since_its_import_is_not_quoted(module, tmp_path):
    mine = module("import numpy as np\ndef top_eigenvalue(H): return float(np.linalg.eigvalsh(H)[-1])\n")
    assert "np.linalg.eigvalsh(H)" in reply(mine.top_eigenvalue)
    path = tmp_path / "student_quote_0.py"
    path.write_text("import numpy as np\ndef helper(v): return v\ndef top_eigenvalue(H): return float(H.max())\n")
    stat = os.stat(path)
    os.utime(path, (stat.st_atime + 5, stat.st_mtime + 5))      # seen as changed whatever the clock's grain
    text = reply(mine.top_eigenvalue)                             # the old code, not re-imported
    assert "raised TypeError" in text and "in the line" not in text and "helper" not in text, text


def test_a_multi_line_and_a_decorated_def_are_quoted_as_such(module):
    mine = module("import functools\nimport numpy as np\n\n\ndef top_eigenvalue(H):\n    v = np.ones(2)\n"
                  "    return float(np.linalg.eigvalsh(H)[-1])\n\n\n@functools.lru_cache(None)\ndef unused(x):\n"
                  "    return x\n\n\ndef wrapped(f):\n    return f\n\n\n@wrapped\n"
                  "def top_decorated(H): return float(np.linalg.norm(H, 2))\n")
    text = reply(mine.top_eigenvalue)
    assert text.endswith("in the line `return float(np.linalg.eigvalsh(H)[-1])`"), text
    text = reply(mine.top_decorated)
    assert text.endswith("in the line `np.linalg.norm(H, 2)`"), text
