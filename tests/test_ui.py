"""The editor's page and its assets through Flask's test client: headers, caching, no inline code, no other origin."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service import create_app, ui

APP = create_app({"TESTING": True})
ASSET_URL = re.compile(r'(?:src|href)="(/ui/([0-9a-f]+)/([\w.]+))"')
IMPORT = re.compile(r'from "\./([\w.]+)"')


@pytest.fixture(scope="module")
def client():
    return APP.test_client()


def page_assets(client) -> list[str]:
    """Every asset the page loads: linked from the HTML, or imported by a module it loads."""
    html = client.get("/").get_data(as_text=True)
    urls = [m.group(1) for m in ASSET_URL.finditer(html)]
    seen, queue = [], list(urls)
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.append(url)
        if url.endswith(".js"):
            base = url.rsplit("/", 1)[0]
            queue += [f"{base}/{name}" for name in IMPORT.findall(client.get(url).get_data(as_text=True))]
    return seen


def test_page_is_served_without_a_key_with_a_strict_policy():
    client = create_app({"api_keys": "secret"}).test_client()
    r = client.get("/")
    assert r.status_code == 200 and r.mimetype == "text/html"
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "default-src 'none'" in csp and "connect-src 'self'" in csp
    assert "unsafe" not in csp and "http" not in csp and "*" not in csp  # no inline code, no other origin
    assert "require-trusted-types-for 'script'" in csp  # HTML sinks throw in the browser
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert client.post("/v1/score", json={"text": "A said B."}).status_code == 401  # keys still guard /v1


def test_page_is_revalidated_and_answers_304_when_unchanged(client):
    r = client.get("/")
    assert r.headers["Cache-Control"] == "no-cache" and r.headers["ETag"]
    again = client.get("/", headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304 and not again.data


def test_every_asset_is_versioned_cached_for_good_and_has_the_headers(client):
    assets = page_assets(client)
    names = {url.rsplit("/", 1)[1] for url in assets}
    assert names == set(ui.FILES)  # the page loads every asset, and nothing else
    for url in assets:
        assert f"/ui/{ui.VERSION}/" in url
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.mimetype == ("text/css" if url.endswith(".css") else "text/javascript")
        assert r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["Content-Security-Policy"] == ui.CSP
        assert client.get(url, headers={"If-None-Match": r.headers["ETag"]}).status_code == 304


def test_the_version_changes_with_any_asset(tmp_path):
    for name, asset in ui.FILES.items():
        (tmp_path / name).write_bytes(asset.body)
    assert ui.load_assets(tmp_path)[0] == ui.VERSION
    (tmp_path / "editor.css").write_bytes(ui.FILES["editor.css"].body + b"\n")
    assert ui.load_assets(tmp_path)[0] != ui.VERSION


@settings(max_examples=30, deadline=None)
@given(version=st.text("0123456789abcdef", min_size=1, max_size=16), name=st.sampled_from(sorted(ui.FILES)))
def test_any_version_gets_the_current_asset_but_only_the_current_one_is_cached_for_good(version, name):
    r = APP.test_client().get(f"/ui/{version}/{name}")
    assert r.status_code == 200 and r.data == ui.FILES[name].body
    assert ("immutable" in r.headers["Cache-Control"]) == (version == ui.VERSION)


def test_unknown_asset_is_a_problem_404(client):
    r = client.get(f"/ui/{ui.VERSION}/secrets.py")
    assert r.status_code == 404 and r.mimetype == "application/problem+json"
    assert client.get(f"/ui/{ui.VERSION}/../__init__.py").status_code == 404
    assert client.post("/").status_code == 405


def test_no_inline_code_no_other_origin_no_html_sinks():
    html = (ui.ASSETS / "editor.html").read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # every script is a file
    assert not re.search(r"<style|\sstyle=|\son\w+=", html)  # no inline style or handlers
    for path in ui.ASSETS.iterdir():
        text = path.read_text()
        assert not re.search(r"https?:|[\"'(]//", text), path.name  # no absolute or protocol-relative URL
        assert "@import" not in text and "url(" not in text, path.name  # no fonts or images fetched
        if path.suffix == ".js":
            # Text reaches the page as text only (textContent, text nodes); Trusted Types enforce it too.
            assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function",
                                 text), path.name


def test_assets_stay_small():
    sizes = {name: len(asset.body) for name, asset in ui.FILES.items()}
    assert sum(sizes.values()) + len(ui.PAGE.body) < 40_000, sizes
