"""docker-compose.yml as Debian's docker-compose reads it: it parses, and every citykg setting it
passes is one the app knows (issue 9: the compose file kept in step with the settings)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from app.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_compose_file_is_valid_and_passes_only_known_settings() -> None:
    compose = shutil.which("docker-compose")
    if compose is None:
        pytest.fail("docker-compose is not installed: `make test` installs Debian's package")
    env = {
        **os.environ,
        "NEO4J_PASSWORD": "compose-check-password",
        "CITYKG_API_KEY": "compose-check-key-0123",
    }
    run = subprocess.run(
        [compose, "-f", str(ROOT / "docker-compose.yml"), "config"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    config = yaml.safe_load(run.stdout)
    passed = {k for k in config["services"]["api"]["environment"] if k.startswith("CITYKG_")}
    known = {f"CITYKG_{name.upper()}" for name in Settings.model_fields}
    assert passed <= known, sorted(passed - known)
    # The Neo4j the api mirrors into is the compose file's own, with the same password.
    api = config["services"]["api"]["environment"]
    assert api["CITYKG_NEO4J_URI"] == "bolt://neo4j:7687"
    assert config["services"]["neo4j"]["environment"]["NEO4J_AUTH"] == f"neo4j/{api['CITYKG_NEO4J_PASSWORD']}"
