"""Code run as a notebook cell runs: compiled under a cell's file name whose lines linecache holds, as IPython
does, so `inspect.getsource` reads a function defined in it (the exercise engine tells handed-out code from a
change by its source)."""
import itertools
import linecache

_COUNT = itertools.count()


def cell_code(source):
    """`source` compiled as a notebook cell's code, its lines readable by inspect."""
    filename = f"<test cell {next(_COUNT)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return compile(source, filename, "exec")
