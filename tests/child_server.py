"""What the engines the tests start as child processes (Fuseki, Virtuoso) share: a folder, a log, a stop."""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path
from typing import IO, Self


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ChildServer:
    """A server process writing its output to a log in its own temporary folder; stopping it deletes both."""

    process: subprocess.Popen[bytes]
    _folder: Path
    _log: IO[bytes]

    def stop(self) -> None:
        """Stop the server and delete its folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()
        shutil.rmtree(self._folder, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
