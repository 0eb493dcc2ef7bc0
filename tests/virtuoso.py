"""OpenLink Virtuoso 7 (Debian's virtuoso-opensource-7-bin) as a child process on 127.0.0.1.

The second remote SPARQL store the tests prove citykg against, after Fuseki. Virtuoso answers
queries and updates at one endpoint, ``/sparql``; its default graph is already the union of the
named graphs. Updates through that endpoint run as the SQL user ``SPARQL``, which needs the
``SPARQL_UPDATE`` role: granted once, through Virtuoso's own ``isql``, after start-up.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from child_server import ChildServer, free_port

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")

_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
DirsAllowed = {db}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 10
MaxClientConnections = 10

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = {timeout_s}
MaxQueryCostEstimationTime = 0
"""


class VirtuosoMissing(RuntimeError):
    """Debian's virtuoso-opensource-7-bin is not installed."""


class VirtuosoServer(ChildServer):
    """One Virtuoso with its database in a temporary folder, stopped (and deleted) on exit.

    ``timeout_s`` is Virtuoso's own query limit, a safety net behind citykg's client-side one.
    """

    name = "Virtuoso"

    def __init__(self, *, timeout_s: int = 10) -> None:
        if not (VIRTUOSO and ISQL):
            raise VirtuosoMissing(
                "virtuoso-t not found; install Debian's virtuoso-opensource-7-bin (`make virtuoso`)"
            )
        self.sql_port, self.http_port = free_port(), free_port()
        self._folder = Path(tempfile.mkdtemp(prefix="citykg-virtuoso-"))
        ini = self._folder / "virtuoso.ini"
        ini.write_text(
            _INI.format(
                db=self._folder, sql_port=self.sql_port, http_port=self.http_port, timeout_s=timeout_s
            )
        )
        self._log = (self._folder / "stdout.log").open("wb")
        self.process = subprocess.Popen(
            [VIRTUOSO, "+foreground", "+configfile", str(ini)],
            cwd=self._folder,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        try:
            self._wait_ready(self.query_url, {"query": "ASK {}"})
            self._grant_updates()
        except BaseException:
            self.stop()
            raise

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def update_url(self) -> str:
        return self.query_url

    @property
    def gsp_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud"

    def _grant_updates(self) -> None:
        assert ISQL
        subprocess.run(
            [ISQL, str(self.sql_port), "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
            check=True,
            capture_output=True,
            timeout=30,
        )

    def log_tail(self) -> str:
        """Return the last lines of Virtuoso's error log."""
        log = self._folder / "virtuoso.log"
        if not log.exists():
            return ""
        return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:])
