"""Ship and load any joblib artifact with the JSON metadata beside it, checking its sha256 before unpickling.

An artifact ``<name>`` is two files in one directory: ``<name>.joblib`` (the pickled object, usually a
scikit-learn Pipeline) and ``<name>.json`` (what it is: name, version, features, library versions, the
training data's hash, metrics, and the sha256 of the joblib file). Unpickling runs code, so a joblib file
whose sha256 differs from its metadata is refused before it is opened. Writing is byte-reproducible:
the same object and metadata give the same two files.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import joblib

BASE_KEYS = ("name", "version", "sha256")


class ArtifactError(RuntimeError):
    """An artifact is missing, unreadable, incomplete or fails its sha256 check."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions(modules: Iterable[str] = ("sklearn", "numpy", "scipy", "joblib")) -> dict[str, str]:
    """Python's and the named libraries' versions, for the metadata (a pickle is only safe to load with them)."""
    import importlib

    out = {"python": platform.python_version()}
    for name in modules:
        out[name] = importlib.import_module(name).__version__
    return out


def paths(directory: Path, name: str) -> tuple[Path, Path]:
    directory = Path(directory)
    return directory / f"{name}.joblib", directory / f"{name}.json"


def write(obj: Any, directory: Path, name: str, meta: dict) -> dict:
    """Dump ``obj`` to ``<name>.joblib`` and ``meta`` plus the file's sha256 to ``<name>.json``; return the
    metadata written. ``meta`` needs at least a name and a version."""
    missing = [k for k in ("name", "version") if k not in meta]
    if missing:
        raise ValueError(f"artifact metadata lacks {', '.join(missing)}")
    joblib_path, json_path = paths(directory, name)
    joblib_path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(obj, joblib_path, compress=3)
    full = {**meta, "file": joblib_path.name, "sha256": sha256_file(joblib_path)}
    json_path.write_text(json.dumps(full, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return full


def read_metadata(directory: Path, name: str, required: Iterable[str] = (), hint: str = "") -> dict:
    """The artifact's metadata, checked for the base keys and ``required`` ones."""
    _, json_path = paths(directory, name)
    where = f"{json_path.parent.name}/"
    if not json_path.is_file():
        raise ArtifactError(f"model metadata {json_path.name} is missing in {where}" + (f" ({hint})" if hint else ""))
    try:
        meta = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ArtifactError(f"model metadata {json_path.name} is unreadable: {e}") from e
    if not isinstance(meta, dict):
        raise ArtifactError(f"model metadata {json_path.name} is not a JSON object")
    missing = [k for k in (*BASE_KEYS, *required) if k not in meta]
    if missing:
        raise ArtifactError(f"model metadata {json_path.name} lacks {', '.join(missing)}")
    return meta


def verify(directory: Path, name: str, meta: dict) -> Path:
    """The joblib file's path once its sha256 matches the metadata's; refuses (raises) otherwise."""
    joblib_path, _ = paths(directory, name)
    if not joblib_path.is_file():
        raise ArtifactError(f"model file {joblib_path.name} is missing in {joblib_path.parent.name}/")
    actual = sha256_file(joblib_path)
    if actual != meta["sha256"]:
        raise ArtifactError(f"model file {joblib_path.name} fails its sha256 check (expected {meta['sha256']}, "
                            f"found {actual}): truncated or altered; refusing to unpickle it")
    return joblib_path


def load(directory: Path, name: str, required: Iterable[str] = (), hint: str = "") -> tuple[Any, dict]:
    """(object, metadata) of a verified artifact: the sha256 is checked before anything is unpickled."""
    meta = read_metadata(directory, name, required, hint)
    joblib_path = verify(directory, name, meta)
    try:
        obj = joblib.load(joblib_path)
    except Exception as e:  # a checksummed file that still fails to load is a broken artifact
        raise ArtifactError(f"model file {joblib_path.name} does not load: {e}") from e
    return obj, meta
