"""The README stays true: its settings table and its quickstart example."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_settings_table() -> None:
    documented = set(re.findall(r"^\| `CITYKG_([A-Z0-9_]+)`", README, flags=re.MULTILINE))
    fields = {name.upper() for name in Settings.model_fields}
    assert fields <= documented, fields - documented


def test_the_quickstart_has_exactly_two_commands_run_and_test() -> None:
    block = README.split("## Quickstart", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]


def test_the_quickstart_extract_example_works(monkeypatch: pytest.MonkeyPatch) -> None:
    line = next(line for line in README.splitlines() if "citykg extract demo/" in line)
    args = shlex.split(line.strip())[1:]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["subject_places"] == ["苏州市"]


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
