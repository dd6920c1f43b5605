"""Plumbing for the tests that start servers on loopback (JupyterLab for tests/browser, JupyterHub for
tests/test_hub.py): a free port, and waiting until a freshly started server answers."""
import socket
import time
import urllib.error


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answers(proc, ping, timeout, name, log_tail):
    """Call ping() until it returns without a connection error; raise RuntimeError (with the server's
    log) when the process `proc` exits first or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode}:\n{log_tail()}")
        try:
            ping()
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"{name} did not answer within {timeout} s:\n{log_tail()}")


def log_tail(log, path, n):
    """The last n characters of a server's log file (flushing the open file `log` first), or ""."""
    try:
        log.flush()
        return path.read_bytes()[-n:].decode(errors="replace")
    except (OSError, ValueError, AttributeError):
        return ""
