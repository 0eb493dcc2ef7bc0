"""A real Neo4j 5 for the tests and bench/: engines/neo4j's launcher run as a child process.

`make neo4j` fetches Neo4j's embedded jars from Maven Central into .engines/neo4j and compiles
the launcher; ``Neo4jServer.start`` runs that step too (a no-op once built), so a plain
``pytest`` on a fresh clone works as well as ``make test``.
"""

from __future__ import annotations

import os
import select
import shutil
import socket
import subprocess
import time
from pathlib import Path

__all__ = ["ENGINE", "Neo4jFailed", "Neo4jServer", "admin_import", "free_port"]

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / ".engines" / "neo4j"


class Neo4jFailed(RuntimeError):
    """The Neo4j child process did not start; the message quotes its output."""


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _java() -> str:
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not java:
        raise Neo4jFailed("no java on PATH (Neo4j 5.26 needs Java 17): install a JDK or set JAVA_HOME")
    return java


class Neo4jServer:
    """An embedded Neo4j Community with Bolt on 127.0.0.1 and its files in ``home``; stops with ``stop()``."""

    def __init__(
        self,
        home: Path,
        *,
        heap_mb: int = 512,
        quick_start: bool = True,
        start_timeout_s: float = 180,
    ) -> None:
        self.home = home
        self.heap_mb = heap_mb
        self.quick_start = quick_start
        self.start_timeout_s = start_timeout_s
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def uri(self) -> str:
        """Return the Bolt URI of the running server."""
        return f"bolt://127.0.0.1:{self.port}"

    def start(self) -> Neo4jServer:
        """Return this server once its Bolt connector listens; raise ``Neo4jFailed`` with its output if it does not."""
        subprocess.run(["make", "-s", "neo4j"], cwd=ROOT, check=True)
        self.home.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        log = self.home / "launcher.log"
        command = [
            _java(),
            f"-Xmx{self.heap_mb}m",
            # C1 only and the serial collector halve the start on 2 busy cores (16 s vs 34 s);
            # bench/ turns this off, since the full JIT writes faster once warm.
            *(["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"] if self.quick_start else []),
            "-cp",
            f"{ENGINE / 'lib'}/*{os.pathsep}{ENGINE / 'classes'}",
            "Neo4jLauncher",
            str(self.home / "db"),
            str(self.port),
        ]
        with log.open("wb") as err:
            # stdin stays open for the child's whole life: when this process dies, the pipe
            # closes and the launcher shuts Neo4j down (no orphaned JVM after a killed test run).
            self._process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err
            )
        assert self._process.stdout is not None
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self._process.stdout], [], [], 1.0)
            if ready:
                line = self._process.stdout.readline().decode(errors="replace")
                if line.startswith("ready"):
                    return self
            if self._process.poll() is not None:
                break
        self.stop()
        raise Neo4jFailed(
            f"Neo4j did not start within {self.start_timeout_s:g} s; its output:\n"
            + log.read_text(errors="replace")[-4000:]
        )

    def stop(self) -> None:
        """Close the launcher's standard input, which ends it (the database is thrown away)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin:
            process.stdin.close()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()

    def __enter__(self) -> Neo4jServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def admin_import(home: Path, args: list[str], *, cwd: Path, timeout_s: float = 300) -> str:
    """Return the output of ``neo4j-admin ARGS`` run on the database folder a `Neo4jServer(home)` opens.

    neo4j-admin is Neo4j's ``org.neo4j.cli.AdminTool`` from the same Maven Central jars (its
    ``database import`` command comes with neo4j-import-tool); relative paths in ``args`` are
    read from ``cwd``. Raises ``Neo4jFailed`` with the output when it exits non-zero.
    """
    subprocess.run(["make", "-s", "neo4j"], cwd=ROOT, check=True)
    conf = home / "db" / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").touch()
    environment = {**os.environ, "NEO4J_HOME": str(home / "db"), "NEO4J_CONF": str(conf)}
    command = [_java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
               f"{ENGINE / 'lib'}/*", "org.neo4j.cli.AdminTool", *args]  # fmt: skip
    done = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, timeout=timeout_s)
    output = (done.stdout + done.stderr).decode(errors="replace")
    if done.returncode != 0:
        raise Neo4jFailed(f"neo4j-admin {' '.join(args)} exited with {done.returncode}:\n{output[-4000:]}")
    return output
