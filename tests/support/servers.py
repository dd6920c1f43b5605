"""Plumbing for the tests that start servers on loopback (JupyterLab for tests/browser, JupyterHub for
tests/test_hub.py): a free port, waiting until a freshly started server answers, and stopping it."""
import contextlib
import os
import signal
import socket
import subprocess
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


def stop_server(proc, log, timeout):
    """Stop a server started in its own process group: SIGTERM (it stops its kernels and exits), then the
    whole group, to be sure; close its log file. Either may be None."""
    if proc is not None:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout)
    if log is not None:
        log.close()
