"""The WebDAV server of the sync benchmarks, in a process of its own (issue 17).

A real exchange point is another machine: running WsgiDAV (cheroot) in the benchmark's
own process would count its CPU, and the GIL it takes, against the client. The
benchmarks start this script (``start()``), read the port from its first line, and stop it
by closing its standard input. It serves ``ROOT`` at ``http://127.0.0.1:<port>/dav/`` with
the tests' user and password (``tests/sync/davserver.py``).

Run by hand: ``.venv/bin/python benchmarks/bench_sync_server.py ROOT``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


class ServerProcess:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), str(root)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert self.proc.stdout is not None
        self.port = int(self.proc.stdout.readline())

    def url(self, folder: str = "exchange") -> str:
        return f"http://127.0.0.1:{self.port}/dav/{folder}"

    def cpu_seconds(self) -> float:
        """The server's CPU time so far (utime + stime of its process)."""
        return proc_cpu_seconds(self.proc.pid)

    def stop(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def proc_cpu_seconds(pid: int | str = "self") -> float:
    """utime + stime of a process from /proc/<pid>/stat, in seconds."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return ticks / os.sysconf("SC_CLK_TCK")


def main() -> int:
    sys.path.insert(0, str(REPO))
    from tests.sync.davserver import DavServer

    server = DavServer(Path(sys.argv[1]))
    server.start()
    print(server.port, flush=True)
    sys.stdin.read()  # until the benchmark closes it
    server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
