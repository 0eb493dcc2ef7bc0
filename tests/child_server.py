"""What the engines the tests start as child processes (Fuseki, Virtuoso) share: a folder, a log, a stop."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import IO, Any, Self

import httpx


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ChildServer:
    """A server process writing its output to a log in its own temporary folder; stopping it deletes both."""

    name: str
    process: subprocess.Popen[bytes]
    _folder: Path
    _log: IO[bytes]

    @property
    def query_url(self) -> str:
        raise NotImplementedError

    @property
    def update_url(self) -> str:
        raise NotImplementedError

    @property
    def gsp_url(self) -> str:
        raise NotImplementedError

    def env(self, *, gsp: bool = False) -> dict[str, str]:
        """Return the CITYKG_* settings that point citykg at this server."""
        out = {"CITYKG_SPARQL_QUERY_URL": self.query_url, "CITYKG_SPARQL_UPDATE_URL": self.update_url}
        return out | ({"CITYKG_SPARQL_GSP_URL": self.gsp_url} if gsp else {})

    def log_tail(self) -> str:
        """Return the last lines the server logged."""
        raise NotImplementedError

    def _wait_ready(self, url: str, params: dict[str, Any] | None = None, limit_s: float = 60.0) -> None:
        """Return once ``url`` answers 200; raise with the log's tail if the server exits or stays silent."""
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}: {self.log_tail()}")
            try:
                if httpx.get(url, params=params, timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer within {limit_s:g} s: {self.log_tail()}")

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
