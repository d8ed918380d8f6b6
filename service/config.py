"""Service settings: one object, read from the environment, overridable per app.

Every knob has a default that serves the shipped model with no keys and no
rate limit; ``create_app(config)`` overrides any field by name (tests, fault
injection), and the environment variables below override the defaults.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.request import LIMIT_ENV, Limits

_DEFAULT_LIMITS = Limits()

# field name -> environment variable (documented in the README). The request limits are model/'s, which the
# batch command reads too, so a record and a request are held to the same ones.
ENV = {
    **LIMIT_ENV,
    "api_keys": "RELIABILITY_API_KEYS",
    "api_keys_file": "RELIABILITY_API_KEYS_FILE",
    "rate_limit_per_minute": "RELIABILITY_RATE_LIMIT_PER_MINUTE",
    "model_dir": "RELIABILITY_MODEL_DIR",
}


@dataclass(frozen=True)
class Settings:
    max_body_bytes: int = _DEFAULT_LIMITS.max_body_bytes
    max_documents: int = _DEFAULT_LIMITS.max_documents
    max_document_chars: int = _DEFAULT_LIMITS.max_document_chars
    # Plain keys (comma-separated in the environment); only their hashes are kept.
    api_keys: tuple[str, ...] = ()
    # A file of sha256 hex digests of keys, one per line ('#' comments allowed).
    api_keys_file: str | None = None
    rate_limit_per_minute: int = 0  # 0 = no rate limit
    model_dir: str | None = None  # None = the shipped artifact

    def __post_init__(self) -> None:
        self.limits()  # each at least 1
        if self.rate_limit_per_minute < 0:
            raise ValueError("rate_limit_per_minute must not be negative")

    def limits(self) -> Limits:
        return Limits(self.max_body_bytes, self.max_documents, self.max_document_chars)

    def key_digests(self) -> tuple[bytes, ...]:
        """sha256 digests of every configured key; empty means auth is off."""
        digests = [hashlib.sha256(k.encode()).digest() for k in self.api_keys]
        if self.api_keys_file:
            for n, line in enumerate(Path(self.api_keys_file).read_text().splitlines(), 1):
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                try:
                    digest = bytes.fromhex(line)
                except ValueError:
                    digest = b""
                if len(digest) != 32:
                    # Say where, never what: the line may be a key pasted by mistake.
                    raise ValueError(f"{self.api_keys_file}:{n}: not a sha256 hex digest")
                digests.append(digest)
        return tuple(digests)


def _convert(name: str, raw: Any) -> Any:
    """Turn an environment string (or a config value) into the field's type."""
    if name == "api_keys":
        parts = raw.split(",") if isinstance(raw, str) else raw
        return tuple(k.strip() for k in parts if k and k.strip())
    if name in ("api_keys_file", "model_dir"):
        return str(raw) if raw else None
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise ValueError(f"{ENV[name]} must be an integer, got {raw!r}") from None


def load_settings(overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Defaults, then the environment, then ``overrides`` (keys are field names)."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for name, var in ENV.items():
        if environ.get(var, "") != "":
            values[name] = _convert(name, environ[var])
    fields = {f.name for f in dataclasses.fields(Settings)}
    for name, value in (overrides or {}).items():
        if name in fields:
            values[name] = _convert(name, value)
    return Settings(**values)
