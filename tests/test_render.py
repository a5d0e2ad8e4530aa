"""Renderers lose nothing, keep hostile text as text, and are deterministic.

The readers below are shared by the corpus, golden and browser tests: they read a rendered
redline back into each row's old and new text with independent parsers (html.parser,
markdown-it-py, json).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from html.parser import HTMLParser

import pytest
from hypothesis import given
from markdown_it import MarkdownIt

from redline.compare import accept, compare_resolutions, reject
from redline.model import Document, Redline
from redline.render import RenderOptions, formats, render
from redline.render.layout import layout
from tests.builders import resolution
from tests.strategies import redline_text, revised_paragraphs

HOSTILE = (
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    '<a href="javascript:window.__pwned = 3">click</a>',
    "<style>body { display: none }</style>",
    "</div></del><script>window.__pwned = 4</script>",
    "{--gone--} **bold** ~~struck~~ [link](javascript:alert(1))",
)


# --- building redlines ----------------------------------------------------------------------


def redline_of(old: Sequence[str], new: Sequence[str], **titles: str | None) -> Redline:
    """Compare two lists of paragraph texts as one resolution each."""
    o = resolution(old, title=titles.get("old_title", "Cooperation on ocean observation"))
    n = resolution(new, title=titles.get("new_title", "Cooperation on ocean observation"))
    diff = compare_resolutions(o, n)
    return Redline(Document((o,), path="old.txt"), Document((n,), path="new.txt"), (diff,))


# --- readers --------------------------------------------------------------------------------


_VIEWS = ("inline-old", "inline-new", "old", "new")


class _RowReader(HTMLParser):
    """Collect, per row id, the old and new text of its inline and side-by-side views."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, str]] = []  # (tag, class, id) of div/span/del/ins only
        self.rows: dict[str, dict[str, list[str]]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("div", "span", "del", "ins"):
            a = dict(attrs)
            self.stack.append((tag, a.get("class") or "", a.get("id") or ""))
            if tag == "div" and (a.get("class") or "").split()[:1] == ["row"]:
                self.rows.setdefault(a.get("id") or "", {k: [] for k in _VIEWS})

    def handle_endtag(self, tag: str) -> None:
        if tag in ("div", "span", "del", "ins"):
            assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}>"
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        row = next((i for t, c, i in reversed(self.stack) if t == "div" and c.split()[:1] == ["row"]), None)
        if row is None or any("vh" in c.split() for _, c, _ in self.stack):
            return
        classes = [c.split() for t, c, _ in self.stack if t == "div"]
        view = next((v for cs in classes for v in ("inline", "old", "new") if v in cs), None)
        if view is None:
            return
        tags = {t for t, _, _ in self.stack}
        sides = self.rows[row]
        if view == "inline":
            if "ins" not in tags:
                sides["inline-old"].append(data)
            if "del" not in tags:
                sides["inline-new"].append(data)
        else:
            sides[view].append(data)


def html_rows(page: str) -> dict[str, dict[str, str]]:
    """Read an HTML redline back: row id -> its texts as the inline and side views show them."""
    reader = _RowReader()
    reader.feed(page)
    reader.close()
    assert reader.stack == []
    return {row: {k: "".join(v) for k, v in sides.items()} for row, sides in reader.rows.items()}


class _TextReader(HTMLParser):
    """Read all text of a page twice: without <ins> (the old reading) and without <del> (new)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = {"del": 0, "ins": 0}
        self.old: list[str] = []
        self.new: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.depth:
            self.depth[tag] += 1
        elif tag in ("br", "p", "li", "td", "th", "summary", "h1", "h2", "tr"):
            self.handle_data("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.depth:
            self.depth[tag] -= 1
        elif tag in ("p", "li", "td", "th", "summary", "h1", "h2", "tr"):
            self.old.append("\n")
            self.new.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.depth["ins"]:
            self.old.append(data)
        if not self.depth["del"]:
            self.new.append(data)


def markdown_readings(text: str) -> tuple[list[str], list[str]]:
    """Render Markdown with markdown-it-py (CommonMark + tables) and return the old and new words."""
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    reader = _TextReader()
    reader.feed(page)
    return "".join(reader.old).split(), "".join(reader.new).split()


def is_subsequence(needle: Sequence[str], haystack: Sequence[str]) -> bool:
    """Return True when ``needle`` occurs in ``haystack`` in order (gaps allowed)."""
    it = iter(haystack)
    return all(any(word == h for h in it) for word in needle)


# --- invariants, shared with the corpus and golden tests -------------------------------------


def check_nothing_lost(redline: Redline) -> None:
    """Assert every format gives back both texts of every row, and accept/reject rebuild both sides."""
    data = json.loads(render(redline, "json"))
    for diff, jdiff in zip(redline.resolutions, data["resolutions"], strict=True):
        for row, jrow in zip(diff.rows, jdiff["rows"], strict=True):
            assert "".join(t for op, t in jrow["chunks"] if op != "+") == row.old_text
            assert "".join(t for op, t in jrow["chunks"] if op != "-") == row.new_text
    page = str(render(redline, "html"))
    rows = html_rows(page)
    many = len(redline.resolutions) > 1
    for index, diff in enumerate(redline.resolutions, start=1):
        for view in layout(diff, prefix=f"R{index}-" if many else ""):
            if view.stub:
                assert rows[view.anchor] == dict.fromkeys(_VIEWS, "")
                continue
            got = rows[view.anchor]
            assert (got["inline-old"], got["inline-new"]) == (view.row.old_text, view.row.new_text)
            assert (got["old"], got["new"]) == (view.row.old_text, view.row.new_text)
    for style in ("html", "criticmarkup"):
        text = str(render(redline, "markdown", RenderOptions(markdown_style=style)))
        if style == "criticmarkup":
            text = re.sub(r"\{--(.*?)--\}", r"<del>\1</del>", text)
            text = re.sub(r"\{\+\+(.*?)\+\+\}", r"<ins>\1</ins>", text)
        old_words, new_words = markdown_readings(text)
        rows_in_order = [row for diff in redline.resolutions for row in diff.rows]
        assert is_subsequence(" ".join(r.old_text for r in rows_in_order).split(), old_words)
        assert is_subsequence(" ".join(r.new_text for r in rows_in_order).split(), new_words)
    for diff, new_text, old_text in zip(redline.resolutions, accept(redline), reject(redline), strict=True):
        assert new_text == ("\n".join(p.text for p in diff.new.all_paragraphs()) if diff.new else "")
        assert old_text == ("\n".join(p.text for p in diff.old.all_paragraphs()) if diff.old else "")


TEXT_FORMATS = ("html", "json", "markdown", "terminal")


def check_deterministic(redline: Redline, fmts: Sequence[str] = TEXT_FORMATS) -> None:
    """Assert each format renders byte-identically twice."""
    for fmt in fmts:
        for options in (RenderOptions(), RenderOptions(color=True, markdown_style="criticmarkup")):
            assert render(redline, fmt, options) == render(redline, fmt, options)


# --- tests ----------------------------------------------------------------------------------


@given(revised_paragraphs())
def test_nothing_lost_in_any_format(pair: tuple[list[str], list[str]]) -> None:
    """JSON chunks, HTML, Markdown and accept/reject all give back both texts of revised resolutions."""
    check_nothing_lost(redline_of(*pair))


@given(revised_paragraphs(redline_text))
def test_nothing_lost_with_hostile_text(pair: tuple[list[str], list[str]]) -> None:
    """Texts full of markup still read back exactly, so none of it was taken as markup."""
    check_nothing_lost(redline_of(*pair))


@given(revised_paragraphs())
def test_every_format_is_deterministic(pair: tuple[list[str], list[str]]) -> None:
    check_deterministic(redline_of(*pair))


def test_registry_lists_every_format() -> None:
    assert {"html", "json", "markdown", "terminal"} <= set(formats())
    with pytest.raises(KeyError):
        render(redline_of([], []), "nope")


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_stays_text_in_html(payload: str) -> None:
    """No tag, attribute or URL from a document reaches the page as markup."""
    redline = redline_of(
        ["Recalling its resolution,", "Decides to act;"],
        [f"Recalling its resolution {payload},", f"Decides {payload};"],
        new_title=f"Ocean {payload}",
    )
    page = str(render(redline, "html", RenderOptions(old_name=payload, new_name="new.txt")))
    assert "<script>window" not in page
    assert "<img" not in page
    assert "<style>body" not in page
    assert 'href="javascript' not in page
    assert page.count("<script") == 0
    assert page.count("<style>") == 1
    check_nothing_lost(redline)


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_stays_text_in_markdown(payload: str) -> None:
    """The Markdown, rendered by a CommonMark parser with raw HTML on, has no live tag or link."""
    redline = redline_of(["Decides to act;"], [f"Decides {payload};"], new_title=payload)
    for style in ("html", "criticmarkup"):
        text = str(render(redline, "markdown", RenderOptions(markdown_style=style, old_name=payload)))
        page = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
        assert "<script" not in page
        assert "<img" not in page
        assert "<style" not in page
        assert 'href="javascript' not in page
        assert "<strong>bold" not in page
        assert "{--gone--}" not in text


def test_markdown_leading_number_does_not_become_a_list() -> None:
    redline = redline_of(["Decides;"], ["1. Decides; 2) also\n- item\n# heading\n    code"])
    page = MarkdownIt("commonmark", {"html": True}).render(str(render(redline, "markdown")))
    for tag in ("<ol", "<ul", "<h1>heading", "<code", "<pre"):
        assert tag not in page


def test_terminal_colour_and_wdiff_style() -> None:
    redline = redline_of(["Requests a report;"], ["Encourages a report;"])
    plain = str(render(redline, "terminal"))
    assert "[-Requests-]{+Encourages+} a report;" in plain
    assert "\x1b" not in plain
    coloured = str(render(redline, "terminal", RenderOptions(color=True)))
    assert "\x1b[9;31mRequests\x1b[0m\x1b[4;34mEncourages\x1b[0m a report;" in coloured


def test_terminal_shows_control_characters_as_escapes() -> None:
    redline = redline_of(["Decides;"], ["Decides \x1b[2J\x07 now;"])
    out = str(render(redline, "terminal"))
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J\\x07" in out


def test_html_page_is_self_contained_and_scriptless() -> None:
    page = str(render(redline_of(["Decides;"], ["Decides now;"]), "html"))
    assert not re.search(r"""(?:src|href)=["']?(?:https?:|//)""", page)
    assert "<script" not in page and "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page and "script-src 'none'" in page
    assert "<ins> now</ins>" in page


def test_html_marks_moves_renumbering_and_anchors() -> None:
    old = [
        "Recalling,",
        "Welcomes progress;",
        "Urges States;",
        "Recognizes citizen science;",
        "Decides to act;",
    ]
    new = [
        "Recalling,",
        "Welcomes progress;",
        "Recognizes citizen science;",
        "Urges States;",
        "Decides to act;",
    ]
    redline = redline_of(old, new)
    page = str(render(redline, "html"))
    moved = [v for v in layout(redline.resolutions[0]) if v.row.moved and not v.stub]
    assert moved, "the aligner reports one of the swapped paragraphs as moved"
    view = moved[0]
    assert f'id="{view.anchor}"' in page
    assert f'href="#{view.partner}"' in page
    assert f'id="{view.partner}"' in page and f'href="#{view.anchor}"' in page
    assert "→" in view.label


def test_accept_and_reject_one_by_one() -> None:
    redline = redline_of(["Requests a report;", "Decides;"], ["Encourages a report;"])
    assert accept(redline) == ("Encourages a report;",)
    assert reject(redline) == ("Requests a report;\nDecides;",)


@given(revised_paragraphs())
def test_same_text_shows_no_change_anywhere(pair: tuple[list[str], list[str]]) -> None:
    """A resolution compared with itself: no deletion or insertion mark in any format."""
    old, _ = pair
    redline = redline_of(old, old)
    page = str(render(redline, "html"))
    assert "<del>" not in page[page.index("<main>") :] and "<ins>" not in page[page.index("<main>") :]
    terminal = str(render(redline, "terminal", RenderOptions(color=True)))
    assert "\x1b[9;31m" not in terminal and "\x1b[4;34m" not in terminal
    markdown = str(render(redline, "markdown"))
    assert markdown.count("<del>") == 1 and markdown.count("<ins>") == 1  # the legend only
    assert not redline.changed


def test_stubs_stand_where_moved_paragraphs_were() -> None:
    """Each moved row leaves one stub, after the nearest earlier unmoved old paragraph, in old order."""
    old = ["Recalling,", "Welcomes A;", "Urges B;", "Invites C;", "Notes D;", "Decides E;", "Requests F;"]
    new = ["Recalling,", "Welcomes A;", "Notes D;", "Decides E;", "Requests F;", "Urges B;", "Invites C;"]
    diff = redline_of(old, new).resolutions[0]
    views = layout(diff)
    stubs = [v for v in views if v.stub]
    moved = [v for v in views if v.row.moved and not v.stub]
    assert len(stubs) == len(moved) > 0
    assert {v.partner for v in stubs} == {v.anchor for v in moved}
    assert diff.old is not None
    position = {p.address: i for i, p in enumerate(diff.old.all_paragraphs())}
    for stub in stubs:
        before = [v for v in views[: views.index(stub)] if not v.stub]
        if before:
            assert not before[-1].row.moved
            assert position[before[-1].row.old[-1].address] < position[stub.row.old[0].address]
    stub_order = [s.row.old[0].address for s in stubs]
    assert stub_order == sorted(stub_order, key=lambda a: int(a[2:]))


def test_documents_without_resolutions_say_so() -> None:
    empty = Document(resolutions=())
    redline = Redline(empty, empty, ())
    for fmt in ("html", "markdown", "terminal"):
        assert "Neither file holds a resolution" in str(render(redline, fmt))
    check_nothing_lost(redline)


def test_style_hash_is_the_hash_of_the_style() -> None:
    """The CSP names the stylesheet by its SHA-256; the written-out value must be the real one."""
    import base64
    import hashlib

    from redline.render.html_style import CSS, CSS_SHA256

    actual = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
    assert actual == CSS_SHA256, f"the style changed: set CSS_SHA256 = {actual!r} in html_style.py"


def test_rendering_html_does_not_load_hashlib() -> None:
    """Rendering a page costs no OpenSSL start-up (checked in a fresh process)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from redline.compare import compare\n"
        "from redline.parse import parse\n"
        "from redline.render import render\n"
        "doc = parse('The General Assembly,\\n\\n1. Decides to act;\\n')\n"
        "render(compare(doc, doc), 'html')\n"
        "print('hashlib' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
