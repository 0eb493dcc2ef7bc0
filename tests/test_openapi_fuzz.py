"""The API as its OpenAPI description promises it: schemathesis generates requests for every operation
of /openapi.json against a real server over the demo corpus, and none gets a 5xx or a status code the
description does not list (issue 8, "Checked by")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from servers import uvicorn_server

from graphstore.build import build
from graphstore.store import Store

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"
KEY = "fuzz-key-0123456789abcdef"


def test_generated_requests_get_no_server_error_and_no_undocumented_status(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data / "oxigraph", workers=0) as store:
        assert not build([DEMO], store).problems
    schemathesis = Path(sys.executable).with_name("schemathesis")
    with uvicorn_server(data, tmp_path / "uvicorn.log", CITYKG_API_KEY=KEY) as url:
        # Deterministic generation, so a failure here is the same failure on the next run.
        run = subprocess.run(
            [
                str(schemathesis),
                "run",
                f"{url}/openapi.json",
                "--checks",
                "not_a_server_error,status_code_conformance",
                "--phases",
                "examples,coverage,fuzzing",
                "--generation-deterministic",
                "--max-examples",
                "20",
                "--workers",
                "1",
                "--header",
                f"X-API-Key: {KEY}",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
    if run.returncode != 0:
        pytest.fail(f"schemathesis found failures:\n{run.stdout[-6000:]}\n{run.stderr[-2000:]}")
    assert "passed" in run.stdout and "0 passed" not in run.stdout
