"""Write docs/images/redline-demo.png: the bundled demo pair's HTML redline in headless Chromium.

Run from the repository root:  python docs/images/make_screenshot.py
Needs Playwright (python) and Chromium at /usr/bin/chromium (or CHROMIUM=/path/to/chromium).
The page is rendered by redline itself, so the picture shows exactly what `redline demo --html`
and `redline diff ... --format html` write.
"""

from __future__ import annotations

import os
import sys
import tempfile
from importlib import resources
from pathlib import Path

from playwright.sync_api import sync_playwright

from redline.compare import compare
from redline.parse import parse
from redline.render import RenderOptions, render

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def demo_html() -> str:
    """Return the HTML redline of the bundled demo pair."""
    data = resources.files("redline").joinpath("data")
    old = parse(data.joinpath("demo-old.txt").read_text(encoding="utf-8"), name="demo-old.txt")
    new = parse(data.joinpath("demo-new.txt").read_text(encoding="utf-8"), name="demo-new.txt")
    options = RenderOptions(old_name="demo-old.txt", new_name="demo-new.txt")
    return str(render(compare(old, new), "html", options))


def main(out: Path) -> None:
    """Render the demo and save a 1200-pixel-wide screenshot of its first screens to ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp, "redline-demo.html")
        page_path.write_text(demo_html(), encoding="utf-8")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1200, "height": 1500}, device_scale_factor=1)
            page.goto(page_path.as_uri())
            page.screenshot(path=str(out), full_page=False)
            browser.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("redline-demo.png"))
