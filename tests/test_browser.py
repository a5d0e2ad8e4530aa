"""The HTML redline in a real browser (headless Chromium via Playwright).

Checks what only a browser can: computed styles of deletions and insertions, no console
errors, that hostile text did not run, the view switch, the print stylesheet. Screenshots
go to pytest's tmp dir. Skips, saying why, when Chromium cannot start on this machine.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from redline.compare import compare
from redline.model import Redline
from redline.parse import parse
from redline.render import RenderOptions, render
from tests.test_render_corpus import corpus_redline

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RED, BLUE, GREEN = "rgb(179, 0, 27)", "rgb(11, 79, 179)", "rgb(26, 127, 55)"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium, or a skip naming the reason it could not start."""
    sync_api = pytest.importorskip("playwright.sync_api")
    try:
        pw = sync_api.sync_playwright().start()
    except Exception as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"Playwright could not start: {exc}")
    try:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pw.stop()
        pytest.skip(f"Chromium could not start from {CHROMIUM}: {str(exc).splitlines()[0]}")
    yield chromium
    chromium.close()
    pw.stop()


class Opened:
    """A page opened on a rendered redline, with the console errors it logged."""

    def __init__(self, browser: Any, html: str, path: Path) -> None:
        path.write_text(html, encoding="utf-8")
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 1400})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())

    def style(self, selector: str, prop: str) -> str:
        """Return the computed value of ``prop`` on the first element matching ``selector``."""
        value = self.page.eval_on_selector(selector, f"e => getComputedStyle(e).getPropertyValue('{prop}')")
        return str(value)


def _html(redline: Redline) -> str:
    return str(render(redline, "html", RenderOptions(old_name="old.txt", new_name="new.txt")))


def _demo() -> Redline:
    data = resources.files("redline").joinpath("data")
    docs = [
        parse(data.joinpath(f"demo-{s}.txt").read_text(encoding="utf-8"), name=f"demo-{s}.txt")
        for s in ("old", "new")
    ]
    return compare(docs[0], docs[1])


def _check_change_styles(opened: Opened) -> None:
    assert "line-through" in opened.style(".row .inline del", "text-decoration-line")
    assert opened.style(".row .inline del", "color") == RED
    assert "underline" in opened.style(".row .inline ins", "text-decoration-line")
    assert opened.style(".row .inline ins", "color") == BLUE
    # Words for screen readers come from CSS: in the accessibility tree, hidden from the eye.
    before = "(e, p) => getComputedStyle(e, '::before').getPropertyValue(p)"
    assert opened.page.eval_on_selector(".row del", before, "content") == '"deleted: "'
    assert opened.page.eval_on_selector(".row ins", before, "content") == '"inserted: "'
    assert opened.page.eval_on_selector(".row del", before, "clip-path") == "inset(50%)"
    assert opened.page.eval_on_selector(".row del", "e => e.textContent.startsWith('deleted')") is False


@pytest.mark.corpus
def test_real_pair_renders_styled_without_errors(browser: Any, corpus: Path, tmp_path: Path) -> None:
    """A real draft against its adopted text: changes styled, no console error, a screenshot saved."""
    redline = corpus_redline(corpus, "ga/A_C.1_80_L.22.txt", "ga/A_RES_80_41.txt")
    opened = Opened(browser, _html(redline), tmp_path / "real.html")
    _check_change_styles(opened)
    assert opened.page.evaluate("document.scripts.length") == 0
    opened.page.screenshot(path=str(tmp_path / "real.png"), full_page=True)
    assert (tmp_path / "real.png").stat().st_size > 10_000
    assert opened.errors == []


def test_hostile_text_does_not_run(browser: Any, tmp_path: Path) -> None:
    """Script, event handlers, javascript: URLs and style tags in a draft stay visible text."""
    old = "The General Assembly,\n\nRecalling its resolution 97/212,\n\n1. Decides to act firmly;\n"
    new = (
        "The General Assembly,\n\nRecalling its resolution <script>window.__pwned = 1</script> 97/212,\n\n"
        '1. Decides to act <img src=x onerror="window.__pwned = 2"> now;\n\n'
        '2. Invites <a href="javascript:window.__pwned = 3">all</a> States '
        "<style>body{display:none}</style>;\n"
    )
    redline = compare(parse(old, name="old.txt"), parse(new, name="new.txt<script>window.__pwned=4</script>"))
    opened = Opened(browser, _html(redline), tmp_path / "hostile.html")
    assert opened.page.evaluate("typeof window.__pwned") == "undefined"
    assert opened.page.evaluate("document.scripts.length") == 0
    assert opened.page.evaluate("document.images.length") == 0
    assert opened.page.evaluate("document.querySelectorAll('main a[href^=javascript]').length") == 0
    assert opened.page.evaluate("document.styleSheets.length") == 1
    text = opened.page.inner_text("main")
    assert "<script>window.__pwned = 1</script>" in text
    assert 'onerror="window.__pwned = 2"' in text
    assert opened.style("body", "display") == "block"
    _check_change_styles(opened)
    opened.page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert opened.errors == []


def test_demo_views_moves_and_print(browser: Any, tmp_path: Path) -> None:
    """The demo: the side-by-side switch works without script, moves are green and linked, print expands."""
    opened = Opened(browser, _html(_demo()), tmp_path / "demo.html")
    page = opened.page
    assert opened.style(".row .inline", "display") != "none"
    assert opened.style(".row .side", "display") == "none"
    page.click('label[for="view-side"]')
    assert opened.style(".row .inline", "display") == "none"
    assert opened.style(".row .side", "display") == "grid"
    assert "line-through" in opened.style(".row .side .old del", "text-decoration-line")
    page.screenshot(path=str(tmp_path / "demo-side.png"), full_page=True)
    page.click('label[for="view-inline"]')
    assert opened.style(".row.moved .addr a.self", "color") == GREEN
    href = page.get_attribute(".row.moved a.move", "href")
    assert href is not None and page.locator(href).count() == 1
    back = page.get_attribute(f"{href} a.move", "href")
    assert back is not None and page.locator(back).count() == 1
    assert page.locator("details.same").count() > 0
    assert not page.locator("details.same .row").first.is_visible()
    page.emulate_media(media="print")
    assert opened.style(".views", "display") == "none"
    assert page.locator("details.same .row").first.is_visible()
    page.emulate_media(media="screen")
    page.screenshot(path=str(tmp_path / "demo.png"))
    assert opened.errors == []
