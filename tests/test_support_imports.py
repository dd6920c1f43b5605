"""Helpers shared between test modules live in tests/support: no test module imports another test module,
and conftest.py imports none either (it puts tests/ on sys.path for tests/support only)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path):
    """The top-level names of the modules a Python file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_no_test_module_imports_another():
    files = [*ROOT.joinpath("tests").rglob("*.py"), ROOT / "conftest.py", *ROOT.joinpath("benchmarks").glob("*.py")]
    found = [f"{path.relative_to(ROOT)} imports {name}" for path in files for name in imported_modules(path)
             if any(part.startswith("test_") for part in name.split("."))]
    assert found == []
