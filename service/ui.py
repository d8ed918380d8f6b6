"""The editor's page: ``GET /`` and its own assets, served with a strict CSP.

The page is a plain client of ``POST /v1/score``; nothing here analyses text.
Assets live in ``service/assets/`` (not ``service/static/``, which Flask would
also serve under its own ``static`` endpoint, without these headers) and are
addressed as ``/ui/<version>/<name>``, the version being a hash of all of them:
the URLs change whenever any asset does, so they can be cached for a year, while
the page itself is revalidated on every load (ETag, 304 when unchanged).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from flask import Blueprint, Response, request

from service.errors import Problem

ASSETS = Path(__file__).resolve().parent / "assets"
TYPES = {".js": "text/javascript", ".css": "text/css"}

# No inline script or style, no other origin; Trusted Types make any HTML sink
# (innerHTML and friends) throw, so text can only ever reach the page as text.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; "
       "require-trusted-types-for 'script'; trusted-types 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
YEAR = 365 * 24 * 3600


@dataclass(frozen=True)
class Asset:
    body: bytes
    mimetype: str
    etag: str


def load_assets(folder: Path = ASSETS) -> tuple[str, dict[str, Asset]]:
    """The bundle's version and every asset by file name (read once: a few kB in all)."""
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in TYPES}
    version = hashlib.sha256(b"".join(name.encode() + b"\0" + body for name, body in files.items())).hexdigest()[:12]
    assets = {name: Asset(body, TYPES[Path(name).suffix], hashlib.sha256(body).hexdigest()[:16])
              for name, body in files.items()}
    return version, assets


def render_page(version: str, folder: Path = ASSETS) -> Asset:
    """editor.html with its asset URLs pointing at this version."""
    body = (folder / "editor.html").read_text(encoding="utf-8").replace("{{version}}", version).encode()
    return Asset(body, "text/html", hashlib.sha256(body).hexdigest()[:16])


VERSION, FILES = load_assets()
PAGE = render_page(VERSION)

bp = Blueprint("ui", __name__)


def answer(asset: Asset, cache_control: str) -> Response:
    """The asset with the page headers; 304 when the caller's ETag matches."""
    response = Response(asset.body, mimetype=asset.mimetype)
    response.set_etag(asset.etag)
    response.headers["Cache-Control"] = cache_control
    response.headers.update(HEADERS)
    # make_conditional returns the response itself (werkzeug types it as its own Response class).
    return cast(Response, response.make_conditional(request))


@bp.get("/")
def page() -> Response:
    """The editor's page (no API key needed to load it: keys guard /v1 only)."""
    return answer(PAGE, "no-cache")


@bp.get("/ui/<version>/<name>")
def asset(version: str, name: str) -> Response:
    found = FILES.get(name)
    if found is None:
        raise Problem(404, f"No asset {name[:100]!r}; the page is at '/'.", reason="not_found")
    # An old version (a page cached across a deploy) still gets the current file,
    # but only the current version's URL may be cached for good.
    cache = f"public, max-age={YEAR}, immutable" if version == VERSION else "no-cache"
    return answer(found, cache)
