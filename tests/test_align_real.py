"""Alignment of real pairs from the corpus against links labelled by hand (addresses only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redline.align import align
from redline.align.metrics import Scores, score
from redline.model import Paragraph
from redline.parse import parse

LABELS = sorted((Path(__file__).parent / "fixtures" / "links").glob("*.json"))


def _paragraphs(path: Path) -> tuple[Paragraph, ...]:
    doc = parse(path.read_text(encoding="utf-8"), name=path.name)
    return tuple(p for res in doc.resolutions for p in res.all_paragraphs())


def _scores(corpus: Path, fixture: Path) -> Scores:
    """Score the alignment of one labelled pair; rows of unlabelled paragraphs are not judged."""
    label = json.loads(fixture.read_text(encoding="utf-8"))
    old = _paragraphs(corpus / "ga" / label["old"])
    new = _paragraphs(corpus / "ga" / label["new"])
    labelled = {a for side, _ in label["links"] for a in side} | {
        b for _, side in label["links"] for b in side
    }
    missing = labelled - {p.address for p in old} - {p.address for p in new}
    if missing:
        pytest.skip(f"the parser does not yet give the labelled addresses {sorted(missing)[:5]}")
    predicted = []
    for link in align(old, new):
        key = (tuple(old[i].address for i in link.old), tuple(new[j].address for j in link.new))
        if (set(key[0]) | set(key[1])) & labelled:
            predicted.append((key, link.moved))
    truth = [((tuple(a), tuple(b)), False) for a, b in label["links"]]
    return score(predicted, truth)


@pytest.mark.corpus
@pytest.mark.parametrize("fixture", LABELS, ids=[p.stem for p in LABELS])
def test_real_pair_matches_hand_labels(corpus: Path, fixture: Path) -> None:
    """Each hand-labelled real pair reaches link F1 0.9 (one holds a 5-to-1 merge we cannot express)."""
    assert _scores(corpus, fixture).f1 >= 0.9


@pytest.mark.corpus
def test_real_pairs_pooled_f1(corpus: Path) -> None:
    """All hand-labelled real pairs together reach link F1 0.97, the issue's target."""
    total = Scores()
    for fixture in LABELS:
        total += _scores(corpus, fixture)
    assert total.f1 >= 0.97, total
