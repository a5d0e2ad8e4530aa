"""Pairing on the real GA corpus, against the labelled fixtures in tests/fixtures/pairs/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redline.pair import Pairing, pair
from redline.pair.files import Item, load_items, natural_key

pytestmark = pytest.mark.corpus

FIXTURES = Path(__file__).parent / "fixtures" / "pairs"


def _gold(name: str) -> dict[str, str]:
    gold = {}
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            old, new, _ = line.split("\t")
            gold[old] = new
    return gold


def _side(corpus: Path, pattern: str) -> list[Item]:
    files = sorted(
        (p for p in (corpus / "ga").iterdir() if re.fullmatch(pattern, p.name)),
        key=lambda p: natural_key(p.name),
    )
    return [item for f in files for item in load_items(str(f))]


@pytest.fixture(scope="module")
def adopted_80(corpus: Path) -> list[Item]:
    return _side(corpus, r"A_RES_80_\d+\.txt")


def _score(
    old: list[Item], new: list[Item], result: Pairing, gold: dict[str, str]
) -> tuple[float, float, float]:
    right = tp = fp = fn = 0
    for p in result.pairs:
        want = gold[Path(old[p.old_index].path).stem]
        got = Path(new[p.new_index].path).stem if p.new_index is not None else "-"
        right += got == want
        tp += got != "-" and got == want
        fp += got != "-" and got != want
        fn += want != "-" and got != want
    return right / len(result.pairs), tp / max(1, tp + fp), tp / max(1, tp + fn)


def test_session_80_drafts_pair_with_their_adopted_texts(corpus: Path, adopted_80: list[Item]) -> None:
    """Every labelled draft (header citations, titles, reading) gets its adopted text or none."""
    drafts = _side(corpus, r"A_(C\.\d_)?80_L\.\d+\.txt")
    gold = _gold("ga80-drafts.tsv")
    assert len(drafts) == len(gold)
    result = pair([i.resolution for i in drafts], [i.resolution for i in adopted_80])
    accuracy, precision, recall = _score(drafts, adopted_80, result, gold)
    assert precision == 1.0
    assert recall >= 0.99
    assert accuracy >= 0.99
    for p in result.pairs:
        if drafts[p.old_index].resolution.kind in ("amendment", "note"):
            assert p.new_index is None


def test_session_79_texts_pair_with_their_session_80_successors(corpus: Path, adopted_80: list[Item]) -> None:
    """Recurring texts pair across sessions; biennial and one-off ones stay unpaired."""
    old = _side(corpus, r"A_RES_79_\d+\.txt")
    gold = _gold("ga79-ga80.tsv")
    result = pair([i.resolution for i in old], [i.resolution for i in adopted_80])
    accuracy, precision, recall = _score(old, adopted_80, result, gold)
    assert accuracy >= 0.98
    assert precision >= 0.98
    assert recall >= 0.98
