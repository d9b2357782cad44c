"""The command line: every feature command is mounted, and search prints ranked sources."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from plan_assistant.cli import app

COMMANDS = (
    "ingest docs remove search serve ask chat eval feedback doctor card glossary timeline "
    "programmes facts keys access"
).split()


def test_every_feature_command_is_mounted():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = {line.split()[1] for line in result.output.splitlines() if line.startswith("│ ")}
    assert set(COMMANDS) <= listed


def test_search_json_puts_videndeling_first(corpus_store):
    settings, _, _ = corpus_store
    result = CliRunner().invoke(
        app,
        [
            "search",
            "Hvor meget blev afsat til videndeling?",
            "-k",
            "3",
            "--json",
            "--data-dir",
            str(settings.data_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert hits[0]["source"] == "bilag2_kompetencepulje_2006_sof.txt"
    assert hits[0]["text"].startswith("4. Videndeling")
    assert hits[0]["lexical_rank"] == 1 and hits[0]["dense_rank"] is not None
