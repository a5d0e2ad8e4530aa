"""Markdown from drafting repositories becomes canonical text: numbers typed, markup gone, no word lost."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import redline.load.markdown as markdown_module
from redline.cli import main
from redline.load import Format, read
from redline.load.markdown import FOOTNOTE_RULE, markdown_to_text
from redline.model import Kind
from redline.parse import parse
from tests.strategies import OPERATIVE_VERBS, PREAMBULAR_OPENERS, VOCABULARY

DRAFT = """\
# Cooperation on sustainable ocean observation

The General Assembly,

*Recalling* its resolution 97/212 of 21 December 2042 on **ocean science**,

_Noting with concern_ that the deep ocean remains poorly observed,

1. Encourages Member States to sustain ocean observation;
2. Requests the Secretary-General to report on:
   1. the state of the global observing system;
   2. the data shared under the [Ocean Decade](https://example.org/decade);
3. Decides to remain seized of the matter.
"""


def paragraphs(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


def test_docstring_examples_run() -> None:
    assert doctest.testmod(markdown_module).failed == 0


def test_numbered_items_become_typed_operative_paragraphs() -> None:
    assert paragraphs(markdown_to_text(DRAFT)) == [
        "Cooperation on sustainable ocean observation",
        "The General Assembly,",
        "Recalling its resolution 97/212 of 21 December 2042 on ocean science,",
        "Noting with concern that the deep ocean remains poorly observed,",
        "1. Encourages Member States to sustain ocean observation;",
        "2. Requests the Secretary-General to report on:",
        "(a) the state of the global observing system;",
        "(b) the data shared under the Ocean Decade;",
        "3. Decides to remain seized of the matter.",
    ]


def test_list_start_number_is_honoured() -> None:
    """A list that starts at 5 numbers its items 5, 6, 7, as a Markdown viewer shows them."""
    text = markdown_to_text("5. Decides;\n1. Requests;\n1. Invites.\n")
    assert paragraphs(text) == ["5. Decides;", "6. Requests;", "7. Invites."]


def test_nested_lists_take_un_sub_numbers() -> None:
    md = (
        "1. Calls upon States:\n   - to ratify;\n   - to report:\n"
        "     1. annually;\n     2. publicly:\n        - in full.\n"
    )
    assert paragraphs(markdown_to_text(md)) == [
        "1. Calls upon States:",
        "(a) to ratify;",
        "(b) to report:",
        "(i) annually;",
        "(ii) publicly:",
        "a. in full.",
    ]


def test_loose_items_with_two_paragraphs_number_only_the_first() -> None:
    md = "1. Decides to convene a meeting.\n\n   The meeting shall be open to all.\n\n2. Requests a report.\n"
    assert paragraphs(markdown_to_text(md)) == [
        "1. Decides to convene a meeting.",
        "The meeting shall be open to all.",
        "2. Requests a report.",
    ]


def test_footnotes_become_glued_marks_and_a_note_block() -> None:
    md = (
        "*Recalling* the Convention,[^1] and its Protocols,[^p]\n\n1. Decides.\n\n"
        "[^1]: United Nations, *Treaty Series*, vol. 2187.\n[^p]: A/80/1.\n"
    )
    assert paragraphs(markdown_to_text(md)) == [
        "Recalling the Convention,1 and its Protocols,2",
        "1. Decides.",
        FOOTNOTE_RULE,
        "1 United Nations, Treaty Series, vol. 2187.",
        "2 A/80/1.",
    ]


def test_headings_quotes_code_and_tables_keep_their_words() -> None:
    md = (
        "## Annex\n\n> Noting the report,\n\n```\nBudget line 1\n```\n\n"
        "| Item | Amount |\n|---|---|\n| Travel | 10 |\n"
    )
    assert paragraphs(markdown_to_text(md)) == [
        "Annex",
        "Noting the report,",
        "Budget line 1",
        "Item  Amount",
        "Travel  10",
    ]


def test_html_comments_are_dropped_and_tags_stripped() -> None:
    md = "<!-- facilitator's note -->\n\n1. Decides <em>to act</em>.\n"
    assert paragraphs(markdown_to_text(md)) == ["1. Decides to act."]


def test_empty_markdown_gives_empty_text() -> None:
    assert markdown_to_text("") == ""
    assert markdown_to_text("<!-- nothing -->\n") == ""


def test_md_file_is_read_as_markdown_and_parses_to_operative_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    source = read(path)
    assert source.format is Format.MARKDOWN
    doc = parse(source.text, name=str(path))
    operative = [p for r in doc.resolutions for p in r.all_paragraphs() if p.kind is Kind.OPERATIVE]
    assert [p.number for p in operative] == ["1", "2", "3"]
    assert operative[0].text.startswith("Encourages Member States")


_MARKUP = re.compile(r"[*_`#>\[\]|]")
_NUMBER = re.compile(r"\d+\.|\([a-z]+\)")

word = st.sampled_from(
    [w for w in VOCABULARY if not _MARKUP.search(w) and not _NUMBER.fullmatch(w) and " " not in w]
    + list(OPERATIVE_VERBS[:3])
)
sentence = st.lists(word, min_size=1, max_size=8).map(" ".join)


@st.composite
def drafts(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A Markdown draft with emphasis, headings and nested lists, and the words it holds."""
    blocks: list[str] = []
    words: list[str] = []
    for opener in draw(st.lists(st.sampled_from(PREAMBULAR_OPENERS), max_size=3)):
        body = draw(sentence)
        blocks.append(f"*{opener}* {body},")
        words += [*opener.split(), *body.split()]
    if draw(st.booleans()):
        heading = draw(sentence)
        blocks.append(f"## {heading}")
        words += heading.split()
    items = []
    for _ in range(draw(st.integers(1, 4))):
        body = draw(sentence)
        items.append(f"1. **{body}**;")
        words += body.split()
        for _sub in range(draw(st.integers(0, 2))):
            sub = draw(sentence)
            items.append(f"   - `{sub}`")
            words += sub.split()
    blocks.append("\n".join(items))
    return "\n\n".join(blocks) + "\n", words


@given(drafts())
def test_no_word_lost_and_no_markup_left(case: tuple[str, list[str]]) -> None:
    """Every word of the draft survives, in order, and no Markdown markup character remains."""
    md, words = case
    text = markdown_to_text(md)
    assert not _MARKUP.search(text)
    tokens = [t for t in text.split() if not _NUMBER.fullmatch(t)]
    stripped = [t.rstrip(",;") for t in tokens]
    assert [w for w in stripped if w] == [w.rstrip(",;") for w in words if w.rstrip(",;")]


@given(drafts())
def test_operative_numbers_are_consecutive(case: tuple[str, list[str]]) -> None:
    numbers = [
        int(p.split(".", 1)[0]) for p in paragraphs(markdown_to_text(case[0])) if re.match(r"\d+\. ", p)
    ]
    assert numbers == list(range(1, len(numbers) + 1))


def test_markdown_drafts_compare_by_computed_numbers(tmp_path: Path) -> None:
    """Inserting an item renumbers the ones after it: the redline reports OP2 → OP3, not an edit."""
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(DRAFT, encoding="utf-16")
    new.write_text(
        DRAFT.replace("2. Requests", "1. Invites Member States to share data;\n2. Requests"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "-f", "json"])
    assert result.exit_code == 1, result.output
    rows = [row for res in json.loads(result.stdout)["resolutions"] for row in res["rows"]]
    assert {"kind": "inserted", "new": ["OP2"]}.items() <= next(
        r for r in rows if r["new"] == ["OP2"]
    ).items()
    moved = next(r for r in rows if r["old"] == ["OP2"])
    assert moved["new"] == ["OP3"] and moved["renumbered"] and moved["kind"] == "equal"


FULL = """\
# Draft resolution

## Cooperation on sustainable ocean observation

*The General Assembly*,

*Recalling* its resolution 97/212 of 21 December 2042 on **ocean science**,[^1]

_Noting with concern_ that the deep ocean remains poorly observed,

1. *Encourages* Member States to sustain ocean observation;
2. *Requests* the Secretary-General to report on:
   1. the state of the global observing system;
   2. the data shared under the [Ocean Decade](https://example.org/decade);
3. *Decides* to remain seized of the matter.

[^1]: A/RES/97/212.
"""


def test_a_markdown_resolution_parses_like_a_printed_one(tmp_path: Path) -> None:
    """Heading, title, organ, preambular, operative, sub-paragraphs and footnote all land in place."""
    path = tmp_path / "ocean.md"
    path.write_text(FULL, encoding="utf-8")
    (res,) = parse(read(path).text, name=str(path)).resolutions
    assert (res.label, res.title, res.organ) == (
        "Draft resolution",
        "Cooperation on sustainable ocean observation",
        "The General Assembly",
    )
    assert [p.address for p in res.paragraphs] == ["PP1", "PP2", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"]
    assert res.paragraphs[0].text.endswith("on ocean science,")
    assert res.paragraphs[0].footnotes == ("1",)
    assert [(f.mark, f.text) for f in res.footnotes] == [("1", "A/RES/97/212.")]


@given(
    st.text(alphabet=st.sampled_from("abc 1.-*_[]^:()#>|`\n\t<!-->\\"), max_size=300) | st.text(max_size=200)
)
def test_any_text_reads_without_error(md: str) -> None:
    """Arbitrary input, markup characters included, never raises and yields well-formed text."""
    text = markdown_to_text(md)
    assert text == "" or (text.endswith("\n") and not text.endswith("\n\n"))
    assert "\n\n\n" not in text


def test_code_with_blank_lines_keeps_one_blank_line_between_blocks() -> None:
    assert markdown_to_text("```\nBudget\n\n\n\nTotal\n```\n") == "Budget\n\nTotal\n"


def test_an_item_whose_first_block_is_a_comment_keeps_its_number_for_the_text() -> None:
    md = "1. <!-- agreed ad ref -->\n\n   Decides to act;\n2. Requests a report.\n"
    assert paragraphs(markdown_to_text(md)) == ["1. Decides to act;", "2. Requests a report."]
