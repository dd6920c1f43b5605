"""How many students does one hub node hold? Per lesson: a kernel's peak memory, the CPU seconds of Run All,
and the wall time when 5 and 10 students press Run All on the same lesson at once; then a capacity table.

Each "student" is a separate process with its own kernel of this Python (nbclient), as on a JupyterHub where
every student has a server and a kernel. A crowd's kernels start first; when all are idle, every student
presses Run All at the same moment (a shared go signal), and the wall time runs until the last one finishes.
Memory is the kernel's own peak (VmHWM), CPU its user + system seconds for Run All (kernel start excluded),
both read from /proc (Linux). A JupyterLab server's own memory (what every student's server adds besides the
kernel) is measured once.

Capacity of a node with C cores and M GiB: by memory, (M - 1 GiB for the system) / (server + heaviest
kernel); by CPU, the students whose simultaneous Run All of the heaviest lesson ends within --wait seconds:
C * wait / (CPU seconds of that Run All). The smaller of the two is the node's class size.

    .venv/bin/python benchmarks/classroom.py                          # every lesson, crowds of 5 and 10
    .venv/bin/python benchmarks/classroom.py --crowd-lessons 1 05 --students 5 10   # crowds on two lessons

Measured on a 2-core machine; a busy machine stretches wall times (CPU seconds and memory much less).
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")  # jupyter_core's path-migration warning otherwise

ROOT = Path(__file__).resolve().parents[1]
NODES = ((2, 8), (4, 16), (8, 32), (16, 64), (32, 128))   # (cores, GiB)
SYSTEM_GIB = 1.0
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS          # utime + stime


def peak_mib(pid, key="VmHWM"):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {key} for process {pid}")


def student(path, go):
    """One student: start a kernel, say ready, wait for `go` on stdin, Run All; print one JSON line."""
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(Path(path).parent)}})
    for _ in range(2):  # ten kernels starting at once can race for a TCP port: a kernel that died at start
        try:            # gets one more try
            client.km = client.create_kernel_manager()
            client.start_new_kernel()
            client.start_new_kernel_client()
            break
        except RuntimeError:
            client.km = client.kc = None
    with client.setup_kernel():
        pid = client.km.provisioner.pid
        print("ready", flush=True)
        if go:
            sys.stdin.readline()
        cpu0, t0 = cpu_seconds(pid), time.monotonic()
        for i, cell in enumerate(client.nb.cells):
            client.execute_cell(cell, i)
        result = {"wall": time.monotonic() - t0, "cpu": cpu_seconds(pid) - cpu0, "peak_mib": peak_mib(pid)}
    print(json.dumps(result), flush=True)


def crowd(path, n):
    """n students press Run All on `path` at once: (wall seconds until the last one is done, their results)."""
    cmd = [sys.executable, __file__, "--_student", str(path)]
    procs = [subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for _ in range(n)]
    try:
        for p in procs:
            if p.stdout.readline().strip() != "ready":
                raise RuntimeError(f"a student's kernel did not start for {path}")
        t0 = time.monotonic()
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        results = []
        for p in procs:
            line = p.stdout.readline()
            if not line:
                raise RuntimeError(f"a student's Run All of {path} failed (exit {p.wait()})")
            results.append(json.loads(line))
        return time.monotonic() - t0, results
    finally:
        for p in procs:
            p.stdin.close()
            try:
                p.wait(60)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
            p.stdout.close()


def server_mib():
    """Resident memory of an idle JupyterLab server (every student's server, besides the kernel)."""
    import socket
    import urllib.request
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           "--IdentityProvider.token=bench", f"--ServerApp.root_dir={ROOT / 'notebooks'}"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token=bench", timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
        return peak_mib(proc.pid, "VmRSS")
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def capacity(server, peak, cpu, wait):
    rows = []
    for cores, gib in NODES:
        by_memory = int((gib - SYSTEM_GIB) * 1024 // (server + peak))
        by_cpu = int(cores * wait // cpu)
        rows.append((cores, gib, by_memory, by_cpu, min(by_memory, by_cpu)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", nargs="*", help="lesson numbers or names (default: all)")
    parser.add_argument("--crowd-lessons", nargs="*", help="lessons for the 5/10-student runs (default: all)")
    parser.add_argument("--students", nargs="*", type=int, default=[5, 10])
    parser.add_argument("--wait", type=float, default=60.0, help="acceptable wait for Run All, seconds")
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--_student", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts._student:
        return student(opts._student, go=True)

    def pick(names):
        paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        return paths if names is None else [p for p in paths if any(p.stem.startswith(n) for n in names)]

    lessons, crowds = pick(opts.lessons), pick(opts.crowd_lessons)
    load = os.getloadavg()[0]
    figures = {"load_before": load, "cores": os.cpu_count(), "lessons": {}}
    print(f"{os.cpu_count()} cores, load average {load:.1f} at the start")
    server = server_mib()
    figures["server_mib"] = server
    print(f"an idle JupyterLab server: {server:.0f} MiB")
    print("| lesson | kernel peak MiB | Run All CPU s | Run All wall s (1 student) | "
          + " | ".join(f"wall s, {n} at once" for n in opts.students) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(opts.students))
    for path in lessons:
        _, (one,) = crowd(path, 1)
        row = {"peak_mib": one["peak_mib"], "cpu": one["cpu"], "wall": one["wall"]}
        for n in opts.students:
            if path in crowds:
                wall, results = crowd(path, n)
                row[f"wall_{n}"] = wall
                row[f"peak_mib_{n}"] = max(r["peak_mib"] for r in results)
        figures["lessons"][path.stem] = row
        print(f"| {path.stem} | {row['peak_mib']:.0f} | {row['cpu']:.1f} | {row['wall']:.1f} | "
              + " | ".join(f"{row[f'wall_{n}']:.1f}" if f"wall_{n}" in row else "-" for n in opts.students) + " |",
              flush=True)
    peak = max(r["peak_mib"] for r in figures["lessons"].values())
    heaviest = max(figures["lessons"], key=lambda k: figures["lessons"][k]["cpu"])
    cpu = figures["lessons"][heaviest]["cpu"]
    print(f"\nCapacity: per student {server:.0f} MiB server + {peak:.0f} MiB kernel (heaviest); CPU: "
          f"{heaviest}'s Run All, {cpu:.1f} CPU s, everyone at once done within {opts.wait:.0f} s")
    print("| node | students by memory | students by CPU | class size |")
    print("|---|---:|---:|---:|")
    figures["capacity"] = capacity(server, peak, cpu, opts.wait)
    for cores, gib, by_memory, by_cpu, size in figures["capacity"]:
        print(f"| {cores} cores, {gib} GiB | {by_memory} | {by_cpu} | {size} |")
    figures["load_after"] = os.getloadavg()[0]
    print(f"load average {figures['load_after']:.1f} at the end")
    if opts.json:
        Path(opts.json).write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
