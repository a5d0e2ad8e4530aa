"""Pairing resolutions one to one: titles, content and citations together, with a threshold."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.model import DocKind, Kind, Paragraph, Provenance, Resolution
from redline.pair import PairOptions, pair
from redline.pair.features import base_symbol, features, normalise_title
from redline.pair.score import score, title_idf
from tests.strategies import operative_text, preambular_text


def _res(
    title: str | None,
    texts: list[str],
    *,
    symbol: str | None = None,
    label: str | None = None,
    kind: DocKind = DocKind.RESOLUTION,
    cites: tuple[str, ...] = (),
) -> Resolution:
    paras = []
    for n, text in enumerate(texts, start=1):
        k = Kind.OPERATIVE if text[:1].isupper() and text.endswith(";") else Kind.PREAMBULAR
        paras.append(Paragraph(k, None, f"P{n}", text))
    prov = Provenance(symbols=cites) if cites else None
    return Resolution(label, title, "The General Assembly", symbol, tuple(paras), kind=kind, provenance=prov)


CORAL = [
    "Recalling its resolution 69/12 on the protection of coral reefs,",
    "Noting with concern that coral reefs are declining as a result of warming seas and pollution,",
    "Encourages Member States to strengthen regional cooperation on the protection of coral reefs;",
    "Requests the Secretary-General to report to it at its next session on the present resolution;",
]
CONGRESS = [
    "Recalling its resolution 68/40 on the preparations for the Congress on Coastal Affairs,",
    "Decides that the Congress on Coastal Affairs shall be held in Lisbon in April;",
    "Invites Member States to be represented at the Congress at the highest possible level;",
]
LIGHTHOUSE = [
    "Bearing in mind the historic role of lighthouses in the safety of navigation,",
    "Decides to proclaim 7 August International Day of Lighthouses;",
]


def test_recurring_text_with_renamed_ordinal_pairs() -> None:
    """'Eleventh Congress' -> 'Twelfth Congress' is the same recurring text."""
    old = [_res("Eleventh United Nations Congress on Coastal Affairs", CONGRESS)]
    new = [
        _res(
            "Twelfth United Nations Congress on Coastal Affairs",
            [t.replace("Lisbon", "Valparaiso") for t in CONGRESS],
        )
    ]
    result = pair(old, new)
    assert result.pairs[0].new_index == 0
    assert result.pairs[0].similarity > 0.9


def test_amendment_and_note_stay_unpaired_even_with_the_same_title() -> None:
    """An amendment carries the title of the text it amends but is never its partner."""
    old = [
        _res(
            "Protection of coral reefs",
            ["In operative paragraph 1, replace “Encourages” with “Urges”."],
            kind=DocKind.AMENDMENT,
        ),
        _res("Protection of coral reefs", CORAL, kind=DocKind.NOTE),
    ]
    new = [_res("Protection of coral reefs", CORAL)]
    result = pair(old, new)
    assert [p.new_index for p in result.pairs] == [None, None]
    assert result.unpaired_new == (0,)


def test_two_versions_of_an_amendment_pair_with_each_other() -> None:
    change = "In operative paragraph 1, replace “Encourages” with “Urges”."
    old = [_res("Protection of coral reefs", [change], kind=DocKind.AMENDMENT)]
    amendment = _res("Protection of coral reefs", [change], kind=DocKind.AMENDMENT)
    new = [_res("Protection of coral reefs", CORAL), amendment]
    assert pair(old, new).pairs[0].new_index == 1


def test_unrelated_text_stays_unpaired() -> None:
    """A one-off text with no successor does not grab the nearest text."""
    old = [_res("International Day of Lighthouses", LIGHTHOUSE)]
    new = [_res("Protection of coral reefs", CORAL)]
    result = pair(old, new)
    assert result.pairs[0].new is None
    assert result.pairs[0].similarity < PairOptions().threshold


def test_header_citation_pairs_draft_and_adopted_text_despite_a_new_title() -> None:
    """An adopted text whose header cites the draft's symbol pairs with it."""
    draft = _res("Coral reefs", CORAL, symbol="A/70/L.9/Rev.1")
    adopted = _res(
        "Protection of coral reefs for sustainable livelihoods",
        CORAL,
        symbol="A/RES/70/10",
        cites=("A/70/L.9/Rev.1",),
    )
    other = _res("International Day of Lighthouses", LIGHTHOUSE, symbol="A/RES/70/11")
    result = pair([draft], [other, adopted])
    assert result.pairs[0].new_index == 1
    assert result.unpaired_new == (0,)


def test_same_titled_templates_pair_by_name() -> None:
    """'Question of A' pairs with 'Question of A', not with the near-identical 'Question of B'."""
    body = [
        "Having considered the question of {0},",
        "Reaffirms the right of the people of {0} to self-determination;",
    ]
    old = [_res(f"Question of {n}", [b.format(n) for b in body]) for n in ("Atlantis", "Lemuria")]
    new = [_res(f"Question of {n}", [b.format(n) for b in body]) for n in ("Lemuria", "Mu")]
    result = pair(old, new)
    assert [p.new_index for p in result.pairs] == [None, 0]
    assert result.unpaired_new == (1,)


def test_decision_against_resolution_is_penalised() -> None:
    a = features(_res("Organization of work", CONGRESS))
    b = features(_res("Organization of work", CONGRESS, kind=DocKind.DECISION))
    idf = title_idf([a.title, b.title])
    assert score(a, b, idf=idf).similarity < score(a, a, idf=idf).similarity


def test_normalise_title_masks_ordinals_and_years() -> None:
    assert normalise_title("Eleventh Congress, 2015") == normalise_title("Twelfth Congress, 2020")
    assert normalise_title("Seventy-ninth session") == normalise_title("eightieth session")


def test_base_symbol_drops_revision() -> None:
    assert base_symbol("A/C.3/80/L.20/Rev.1") == "A/C.3/80/L.20"


texts = st.lists(preambular_text() | operative_text(), min_size=1, max_size=5)
resolutions = st.builds(
    lambda title, paras: _res(title, paras),
    st.sampled_from(["Coral reefs", "Lighthouses", "Question of Mu", "Oceans and the law of the sea", ""]),
    texts,
)


@settings(max_examples=40)
@given(st.lists(resolutions, max_size=6), st.lists(resolutions, max_size=6))
def test_every_old_once_and_new_at_most_once(old: list[Resolution], new: list[Resolution]) -> None:
    """Each old text appears once, in order; paired and unpaired new texts partition the new side."""
    result = pair(old, new)
    assert [p.old_index for p in result.pairs] == list(range(len(old)))
    paired = [p.new_index for p in result.pairs if p.new_index is not None]
    assert len(paired) == len(set(paired))
    assert sorted(paired + list(result.unpaired_new)) == list(range(len(new)))
    for p in result.pairs:
        assert 0.0 <= p.similarity <= 1.0
        if p.new_index is not None:
            assert p.similarity >= PairOptions().threshold


@settings(max_examples=40)
@given(st.lists(resolutions, max_size=6), st.lists(resolutions, max_size=6))
def test_pairing_is_deterministic(old: list[Resolution], new: list[Resolution]) -> None:
    assert pair(old, new) == pair(old, new)


@settings(max_examples=40)
@given(st.lists(resolutions, max_size=5, unique_by=lambda r: r.title))
def test_texts_with_distinct_titles_pair_with_themselves(docs: list[Resolution]) -> None:
    """Comparing a set with itself pairs every titled text with itself."""
    result = pair(docs, docs)
    for p in result.pairs:
        if docs[p.old_index].title:
            assert p.new_index == p.old_index


def test_duplicates_pair_in_reading_order() -> None:
    """Equal texts on both sides pair by position, not by search order."""
    same = [_res("Protection of coral reefs", CORAL) for _ in range(3)]
    assert [p.new_index for p in pair(same, same).pairs] == [0, 1, 2]
    assert [p.new_index for p in pair(same, same[:1]).pairs] == [0, None, None]


def test_revised_draft_pairs_with_the_draft_it_replaces() -> None:
    """A/70/L.9/Rev.1 replaces A/70/L.9 even under a new title and with new wording."""
    old = [_res("Coral reefs", CORAL, symbol="A/70/L.9"), _res("Lighthouses", LIGHTHOUSE, symbol="A/70/L.8")]
    revised = _res("Protection of coral reefs and mangroves", CORAL[:2] + LIGHTHOUSE, symbol="A/70/L.9/Rev.1")
    result = pair(old, [revised])
    assert [p.new_index for p in result.pairs] == [0, None]


def test_prefilter_gives_the_same_scores_without_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """rapidfuzz's cdist needs numpy; without it the pure fallback must agree."""
    from redline.align.pairscore import score_pairs

    queries, choices = (
        ["coral reefs", "lighthouses", ""],
        ["protection of coral reefs", "lighthouse day", "mu"],
    )
    with_numpy = score_pairs(queries, choices, scorer="token_set", cutoff=0.5)
    monkeypatch.setitem(sys.modules, "numpy", None)
    assert score_pairs(queries, choices, scorer="token_set", cutoff=0.5) == with_numpy
    assert with_numpy == {(0, 0): 1.0, (1, 1): 0.8}


def test_small_matrices_score_as_cdist_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain loop for small matrices rounds to float32 as cdist does: identical dicts, same order."""
    from redline.align import pairscore

    queries = ["coral reefs and mangroves", "lighthouses of the world", "ocean acidification", ""]
    choices = ["protection of coral reefs", "world lighthouse day", "acidification of the ocean", "x"]
    for scorer in ("token_set", "token_sort", "ratio"):
        monkeypatch.setattr(pairscore, "CDIST_FROM", 0)
        by_cdist = pairscore.score_pairs(queries, choices, scorer=scorer, cutoff=0.3)
        monkeypatch.setattr(pairscore, "CDIST_FROM", 10**9)
        by_loop = pairscore.score_pairs(queries, choices, scorer=scorer, cutoff=0.3)
        assert list(by_loop.items()) == list(by_cdist.items())
        assert by_loop


def test_a_parallel_folder_reports_its_first_bad_file(tmp_path: Path) -> None:
    """Parsed by a pool (largest files first), a folder still fails on its first bad file in order."""
    from redline.errors import InputError
    from redline.pair.files import load_items

    for k in range(1, 18):
        body = "The General Assembly,\n\n1. Decides to remain seized of the matter.\n" * k
        (tmp_path / f"L.{k}.txt").write_text(body, encoding="utf-8")
    (tmp_path / "L.3.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "L.12.txt").write_bytes(b"\x00\x01binary" * 50)
    with pytest.raises(InputError, match=r"L\.3\.txt"):
        load_items(str(tmp_path), workers=2)
    (tmp_path / "L.3.txt").unlink()
    (tmp_path / "L.12.txt").unlink()
    assert load_items(str(tmp_path), workers=2) == load_items(str(tmp_path), workers=1)
