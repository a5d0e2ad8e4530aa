"""`redline diff` on documents with several texts pairs them by title and content, not position."""

from __future__ import annotations

from pathlib import Path

from redline.compare import compare
from redline.model import Document
from redline.pair.files import load_items

FIXTURES = Path(__file__).parent / "fixtures" / "pairs"


def _doc(folder: str) -> Document:
    items = load_items(str(FIXTURES / folder))
    return Document(resolutions=tuple(i.resolution for i in items))


def test_multi_text_documents_are_paired_and_unpaired_texts_listed() -> None:
    redline = compare(_doc("old"), _doc("new"))
    sides = [(d.old.label if d.old else None, d.new.label if d.new else None) for d in redline.resolutions]
    # New side in its own order: the amendment (a file sorted first) and 71/7 have no partner.
    assert sides == [(None, None), ("70/10", "71/5"), ("70/11", "71/6"), ("70/12", None), (None, "71/7")]
    assert redline.resolutions[0].new is not None and redline.resolutions[0].new.kind == "amendment"
    assert redline.changed


def test_a_document_compared_with_itself_pairs_every_text_with_itself() -> None:
    """Amendments included: they pair with their own kind, so nothing shows as changed."""
    doc = _doc("new")
    redline = compare(doc, doc)
    assert [d.old is d.new for d in redline.resolutions] == [True] * len(doc.resolutions)
    assert not redline.changed
