"""Apache Jena Fuseki as a child process on 127.0.0.1, for the remote-store tests and bench/remote.py.

The jars come from Maven Central through `make fuseki` (engines/fuseki.pom.xml) into the
git-ignored .engines/fuseki/lib. The dataset is TDB2 in a temporary folder with the union of
the named graphs as its default graph, the setting a production Fuseki for citykg needs.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from child_server import ChildServer, free_port

ROOT = Path(__file__).resolve().parents[1]
FUSEKI_LIB = ROOT / ".engines" / "fuseki" / "lib"
_MAIN = "org.apache.jena.fuseki.main.cmds.FusekiMainCmd"


class FusekiMissing(RuntimeError):
    """Fuseki's jars have not been fetched."""


class FusekiServer(ChildServer):
    """One Fuseki with dataset /ds (query, update and Graph Store Protocol endpoints), stopped on exit.

    ``timeout_s`` is Fuseki's own query limit: a safety net that frees the server's CPU from a
    query the client has long given up on (citykg's limit is the client's, and shorter). Without
    ``union`` the dataset is Fuseki's default in-memory one, whose default graph is its own.
    """

    name = "Fuseki"

    def __init__(
        self, *, heap_mb: int = 1024, timeout_s: float = 30.0, quick_start: bool = True, union: bool = True
    ) -> None:
        if not any(FUSEKI_LIB.glob("jena-fuseki-main-*.jar")):
            raise FusekiMissing(f"no Fuseki jars in {FUSEKI_LIB}; run `make fuseki` (Maven Central)")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/ds"
        self._folder = Path(tempfile.mkdtemp(prefix="citykg-fuseki-"))
        (self._folder / "tdb2").mkdir()
        self._log = (self._folder / "fuseki.log").open("wb")
        # C1 only: the JVM starts and warms in half the time, enough for tests; benchmarks want C2.
        quick = ["-XX:TieredStopAtLevel=1"] if quick_start else []
        command = [
            "java",
            f"-Xmx{heap_mb}m",
            *quick,
            "-cp",
            f"{FUSEKI_LIB}/*",
            _MAIN,
            "--localhost",
            f"--port={self.port}",
            *(
                ["--tdb2", f"--loc={self._folder / 'tdb2'}", "--set=tdb2:unionDefaultGraph=true"]
                if union
                else ["--mem"]
            ),
            "--update",
            f"--timeout={int(timeout_s * 1000)}",
            "--ping",
            "/ds",
        ]
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        try:
            self._wait_ready(f"http://127.0.0.1:{self.port}/$/ping")
        except BaseException:
            self.stop()
            raise

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base}/update"

    @property
    def gsp_url(self) -> str:
        return f"{self.base}/data"

    def log_tail(self) -> str:
        """Return the last lines Fuseki wrote."""
        self._log.flush()
        lines = (self._folder / "fuseki.log").read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-20:])
