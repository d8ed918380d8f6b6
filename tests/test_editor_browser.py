"""The editor's page in a real browser: Playwright driving Debian's Chromium headless against the app on loopback.

It checks what a person sees, against what ``POST /v1/score`` answers for the same text. It also writes
``docs/editor.png``, the README's screenshot. Without Chromium (``apt-get install chromium``; ``.ci/run``
installs it) or the ``playwright`` package these tests skip and say why.
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from service import create_app

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "jalawla-2014.txt").read_text(encoding="utf-8")
SCREENSHOT = ROOT / "docs" / "editor.png"
CHROMIUM = shutil.which("chromium")
# Without the background-networking flags Chromium tries to reach Google at start.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KEY = "editor-test-key"
LIMITS = {"max_document_chars": 20_000, "max_body_bytes": 100_000}

if CHROMIUM is None:
    pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run does it where it can): "
                "the browser tests of the editor's page are skipped", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (requirements-dev.txt)")
expect = sync_api.expect  # polls from Python: the page's policy forbids evaluating strings (wait_for_function)


@pytest.fixture(scope="module")
def app():
    return create_app({"TESTING": True, "api_keys": KEY, **LIMITS})


@pytest.fixture(scope="module")
def base_url(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def page(browser, base_url, errors):
    """A fresh page; any script error or policy violation on it fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    # Refused requests (401, 413, ...) log "Failed to load resource": those are the tests' own doing.
    page.on("console", lambda m: m.type == "error" and "Failed to load resource" not in m.text
            and errors.append(m.text))
    page.goto(base_url)
    yield page
    context.close()
    assert not errors


def answer(app, *texts: str) -> list[dict]:
    """What the API says of these articles (ids "1", "2", ... as the page sends them)."""
    documents = [{"id": str(i), "text": t} for i, t in enumerate(texts, 1)]
    r = app.test_client().post("/v1/score", json={"documents": documents}, headers={"X-API-Key": KEY})
    assert r.status_code == 200
    return r.get_json()["documents"]


def analyse(page, *texts: str, key: str = KEY) -> None:
    for i, text in enumerate(texts):
        if i:
            page.click("#add")
        page.locator("textarea").nth(i).fill(text)
    type_key(page, key)
    page.click("#analyse")


def type_key(page, key: str = KEY) -> None:
    if not page.is_visible("#api-key"):
        page.click("#key-box summary")
    page.fill("#api-key", key)


def anchor(claim_id: str) -> str:
    """The element id the page gives a claim: c<document index>-<claim number>."""
    doc, number = claim_id.rsplit(":", 1)
    return f"c{int(doc) - 1}-{number}"


def test_seed_shows_its_sourcing(page, app):
    # Keys are on: without one the page shows the 401's detail and opens the key field.
    page.locator("textarea").first.fill(SEED)
    page.click("#analyse")
    page.wait_for_selector("#error:not([hidden])")
    assert "401" in page.text_content("#error") and "Send an API key" in page.text_content("#error")
    assert page.evaluate("document.activeElement.id") == "api-key"
    page.fill("#api-key", KEY)
    page.click("#analyse")
    page.wait_for_selector(".claim")

    claims = answer(app, SEED)[0]["claims"]
    shown = page.locator(".claim")
    assert shown.count() == len(claims)
    for claim in claims:  # every claim's label, and its score, on the page
        element = page.locator(f"#{anchor(claim['id'])}")
        assert element.get_attribute("data-label") == claim["label"]
        assert element.locator(".chip").text_content() == f"{claim['label']} {claim['score']:.2f}"

    # The official denial: the anonymous reports (the first and third claims among them), denied by the ministry
    # spokeswoman, linked both ways.
    reports = [c for c in claims if c["official_denial"]]
    assert {claims[0]["id"], claims[2]["id"]} <= {c["id"] for c in reports}
    # The reports and what restates them (the writer's "It is believed ... the first time Iranian troops"), never
    # a claim of the spokeswoman's own.
    assert all(c["kind"] in ("anonymous", "unattributed") for c in reports)
    (denier,) = {d for c in reports for d in c["denied_by"]}
    denial = page.locator(f"#{anchor(denier)}")
    assert "denial" in denial.locator(".badge").all_text_contents()
    assert "Marzieh Afkham" in denial.locator(".claim-text .source").text_content()
    assert denial.locator(".links--denies a").evaluate_all("els => els.map(a => a.hash)") == [
        f"#{anchor(c['id'])}" for c in reports]
    for report in reports:
        element = page.locator(f"#{anchor(report['id'])}")
        assert "officially denied" in element.locator(".badge").all_text_contents()
        line = element.locator(".links--denied")
        assert "an official denial" in line.text_content() and "Marzieh Afkham" in line.text_content()
    summary = page.locator(".profile .denial")
    number = denier.rsplit(":", 1)[1]
    spokeswoman = "Foreign Ministry spokeswoman Marzieh Afkham"
    assert summary.text_content().startswith(f"Officially denied by #{number} ({spokeswoman})")

    # Anonymous sources: a badge, and the source itself marked in the sentence.
    anonymous = [c for c in claims if c["kind"] == "anonymous"]
    assert anonymous
    for claim in anonymous:
        element = page.locator(f"#{anchor(claim['id'])}")
        assert element.locator(".badge--anonymous").text_content() == "anonymous source"
        assert element.locator(".source--anonymous").first.text_content() == claim["source"]["text"]
    assert f"{len(anonymous)} claims rest on anonymous sources" in page.text_content(".profile")

    # Hedges are marked inside the sentence.
    for claim in claims:
        marked = page.locator(f"#{anchor(claim['id'])} mark.hedge").all_text_contents()
        assert marked == [h["text"] for h in claim["hedges"]]

    # The explanation opens on click, one line per feature, in words rather than feature names.
    first = reports[0]
    why = page.locator(f"#{anchor(first['id'])} details.why")
    assert not why.locator("li").first.is_visible()
    why.locator("summary").click()
    lines = why.locator("li").all_inner_texts()
    assert len(lines) == len(first["explanation"])
    assert all("_" not in line for line in lines), lines
    assert "lowered by" in lines[0] and "1 claim in the request denies it" in lines[0]

    save_screenshot(page)

    # Click a link: the page jumps to the denial and keyboard focus goes with it; and back.
    page.locator(f"#{anchor(reports[0]['id'])} .links--denied a").click()
    assert page.evaluate("document.activeElement.id") == anchor(denier)
    assert page.evaluate("location.hash") == f"#{anchor(denier)}"
    denial.locator(".links--denies a").nth(1).click()
    assert page.evaluate("document.activeElement.id") == anchor(reports[1]["id"])


def save_screenshot(page) -> None:
    """The README's picture: the seed's summary and first claims, one explanation open."""
    page.evaluate("window.scrollTo(0, 0)")
    top = page.locator("#results-heading").bounding_box()["y"]
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), clip={"x": 0, "y": top - 16, "width": 1280, "height": 1250},
                    full_page=True)
    assert SCREENSHOT.stat().st_size < 300_000


HOSTILE = ('The minister said <script>window.__pwned = 1</script> the bridge is safe.\n'
           'Officials told reporters the <img src=x onerror="window.__pwned = 2"> report was "<b>wrong</b>".')


def test_hostile_text_is_shown_as_text(page, errors):
    # One article pasted, one dropped in as a file whose name is markup too.
    page.set_input_files("#files", files=[{"name": "<img src=y onerror=window.__pwned=3>.txt",
                                           "mimeType": "text/plain", "buffer": HOSTILE.encode()}])
    expect(page.locator("textarea")).to_have_value(HOSTILE)
    page.click("#add")
    page.locator("textarea").nth(1).fill(HOSTILE)
    type_key(page)
    page.click("#analyse")
    page.wait_for_selector(".claim")
    results = page.locator("#results")
    assert "<script>window.__pwned = 1</script>" in results.inner_text()
    assert '<img src=x onerror="window.__pwned = 2">' in results.inner_text()
    assert "<img src=y onerror=window.__pwned=3>.txt" in page.locator(".document h3").first.text_content()
    assert results.locator("script, img, b").count() == 0
    assert page.evaluate("window.__pwned") is None
    # The policy itself refuses HTML sinks, whatever a future change to the page might try.
    refused = page.evaluate("() => { try { document.body.innerHTML = '<b>x</b>'; return false } "
                            "catch (e) { return e instanceof TypeError } }")
    assert refused and errors == ["This document requires 'TrustedHTML' assignment. The action has been blocked."]
    errors.clear()


def test_links_cross_documents(page, app):
    lines = SEED.split("\n")
    first, second = "\n".join(lines[:4]), "\n".join(lines[4:])
    page.locator("textarea").first.fill(first)
    drop_file(page, "wire.txt", second)  # the second article arrives as a dropped file
    expect(page.locator(".article label").nth(1)).to_have_text("wire.txt")
    type_key(page)
    page.click("#analyse")
    page.wait_for_selector("#c1-0")
    assert page.locator(".document h3").all_text_contents() == ["Article 1", "wire.txt"]
    documents = answer(app, first, second)
    crossing = [(c["id"], d) for c in documents[0]["claims"] for d in c["denied_by"] if d.startswith("2:")]
    assert crossing, "the split seed should still have a denial across the two articles"
    denied, denier = crossing[0]
    link = page.locator(f"#{anchor(denied)} .links--denied a").first
    assert link.text_content().startswith(f"wire.txt #{denier.rsplit(':', 1)[1]}")
    link.click()
    assert page.evaluate("document.activeElement.id") == anchor(denier)
    back = page.locator(f"#{anchor(denier)} .links--denies a", has_text=f"Article 1 #{denied.rsplit(':', 1)[1]}")
    back.click()
    assert page.evaluate("document.activeElement.id") == anchor(denied)


def drop_file(page, name: str, text: str) -> None:
    """Drop a text file on the page, as a person dragging it from their desktop would."""
    transfer = page.evaluate_handle("([name, text]) => { const t = new DataTransfer(); "
                                    "t.items.add(new File([text], name, {type: 'text/plain'})); return t; }",
                                    [name, text])
    page.dispatch_event("main", "drop", {"dataTransfer": transfer})


def test_errors_show_the_problem_detail(page):
    analyse(page, "a" * 20_001)  # over the character limit: 422, naming the field and the article
    page.wait_for_selector("#error:not([hidden])")
    error = page.text_content("#error")
    assert error.startswith("422 Unprocessable") and "the limit is 20000" in error and "(Article 1)" in error

    page.locator("textarea").first.fill("b" * 120_000)  # over the body limit: 413
    page.click("#analyse")
    expect(page.locator("#error")).to_contain_text("413 Request Entity Too Large")
    assert "the limit is 100000" in page.text_content("#error")

    # Rate limits are per caller and per minute: the 429 is the service's answer, replayed.
    problem = {"type": "about:blank", "title": "Too Many Requests", "status": 429,
               "detail": "Rate limit of 60 requests a minute exceeded; retry later.", "instance": "/v1/score"}
    page.route("**/v1/score", lambda route: route.fulfill(
        status=429, content_type="application/problem+json", headers={"Retry-After": "7"}, body=json.dumps(problem)))
    page.click("#analyse")
    expect(page.locator("#error")).to_contain_text("429")
    assert page.text_content("#error") == ("429 Too Many Requests: Rate limit of 60 requests a minute exceeded; "
                                           "retry later. Try again in 7 seconds.")
    assert page.locator(".claim").count() == 0


def test_a_refusal_is_marked_and_has_no_score(page, app):
    text = "The ministry declined to comment. Police said the road was closed."
    body = {"model": {"name": "m", "version": "1", "sha256": "0" * 64}, "documents": answer(app, text)}
    refusal = body["documents"][0]["claims"][0]
    refusal.update(stance="declines", score=None, label=None, explanation=[], corroborated_by=[], denied_by=[])
    # The stance is new in the API: the page is checked against the documented shape, served here.
    page.route("**/v1/score", lambda route: route.fulfill(status=200, json=body))
    analyse(page, text)
    page.wait_for_selector(".claim")
    element = page.locator("#c0-0")
    assert element.get_attribute("data-label") == "none"
    assert element.locator(".chip").text_content() == "refusal · no score"
    assert "refusal to answer" in element.locator(".badge").all_text_contents()
    assert element.locator("details.why").count() == 0
    assert "1 refusal to answer" in page.text_content(".profile")


def test_keyboard_alone_gets_from_the_text_to_the_results(page):
    page.locator("textarea").first.focus()
    page.keyboard.insert_text(SEED)
    names = []
    for _ in range(8):  # Add article, Open files, API key, ... Analyse
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent.trim() || document.activeElement.id"))
        if names[-1] == "API key":
            page.keyboard.press("Enter")  # open it and type the key
            page.keyboard.press("Tab")
            page.keyboard.type(KEY)
        if names[-1] == "Analyse":
            break
    assert names[0] == "Add article" and names[-1] == "Analyse", names
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_selector(".claim")
    assert page.evaluate("document.activeElement.id") == "results-heading"
    page.keyboard.press("Tab")  # the first link of the summary: the first anonymous claim
    assert page.evaluate("document.activeElement.tagName") == "A"


def test_readable_at_200_percent_zoom(browser, base_url, app):
    # 200 % zoom of a 1280 px window lays out like a 640 CSS px one at twice the pixel density.
    context = browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    page.goto(base_url)
    analyse(page, SEED)
    page.wait_for_selector(".claim")
    page.locator("details.why summary").first.click()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing runs off sideways
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.claim-text')).fontSize)")
    assert font >= 16
    context.close()
