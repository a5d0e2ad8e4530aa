"""Unit tests of paragraph alignment: similarity, pairs, splits, merges, moves, order, flags."""

from __future__ import annotations

import random

import pytest

from redline.align import AlignOptions, align, similarity, tokens
from redline.align.generate import Rates, address_all, revise
from redline.model import Kind, Link, Paragraph, RowKind

PP, OP = Kind.PREAMBULAR, Kind.OPERATIVE


def paras(*texts: str) -> tuple[Paragraph, ...]:
    """Number texts as a resolution would: ending in a comma means preambular."""
    return address_all([(t, PP if t.endswith(",") else OP) for t in texts])


def pairs(links: tuple[Link, ...]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.old, link.new) for link in links]


BODY = (
    "Recalling its resolution 78/43 of 4 December 2023,",
    "Deeply concerned by the growing risk of linkages between terrorism and weapons of mass destruction,",
    "Mindful of the urgent need for addressing this threat to humanity through international cooperation,",
    "Calls upon all Member States to support international efforts to prevent terrorists from acquiring "
    "weapons of mass destruction and their means of delivery;",
    "Encourages cooperation among and between Member States and relevant regional organizations for "
    "strengthening national capacities in this regard;",
    "Decides to include in the provisional agenda of its eightieth session the item entitled "
    "“General and complete disarmament”.",
)


def test_tokens_drop_numbers_ordinals_and_the_paragraph_number() -> None:
    """Technical updates leave the tokens unchanged."""
    assert tokens("5. Decides to meet at its eightieth session, in 2025 (resolution 79/42);") == tokens(
        "Decides to meet at its eighty-first session, in 2026 (resolution 80/41);"
    )


def test_similarity_is_one_for_technical_updates_and_symmetric() -> None:
    a = "Recalling its resolution 78/43 of 4 December 2023 and the seventy-ninth session,"
    b = "Recalling its resolution 79/42 of 2 December 2024 and the eightieth session,"
    assert similarity(a, b) == 1.0
    c = "Welcomes the report of the Secretary-General;"
    assert similarity(a, c) == similarity(c, a) < AlignOptions().min_similarity


def test_grown_paragraph_is_one_changed_row() -> None:
    """The undifferent failure: a paragraph that only grew is a change, not delete plus insert."""
    old = paras("Recalling its resolution 77/16,", *BODY[1:])
    new = paras(
        "Recalling its resolutions 77/16 of 7 December 2022 and 78/120 of 19 December 2023,", *BODY[1:]
    )
    links = align(old, new)
    assert pairs(links)[0] == ((0,), (0,))
    assert links[0].kind is RowKind.CHANGED
    assert 0.5 < links[0].similarity < 1.0


def test_technical_update_is_changed_with_full_similarity() -> None:
    old = paras(*BODY)
    new = paras(*BODY[:5], BODY[5].replace("eightieth", "eighty-first"))
    last = align(old, new)[-1]
    assert (last.old, last.new, last.kind, last.similarity) == ((5,), (5,), RowKind.CHANGED, 1.0)


def test_inserted_operative_paragraph_renumbers_the_rest() -> None:
    """A new OP shifts the numbers of those after it: flagged renumbered, never a text edit."""
    new_op = "Urges all States to take and strengthen national measures to prevent such acquisition;"
    old, new = paras(*BODY), paras(*BODY[:4], new_op, *BODY[4:])
    links = align(old, new)
    assert pairs(links) == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
        ((3,), (3,)),
        ((), (4,)),
        ((4,), (5,)),
        ((5,), (6,)),
    ]
    assert [link.kind for link in links[-2:]] == [RowKind.EQUAL, RowKind.EQUAL]
    assert [link.renumbered for link in links] == [False] * 5 + [True, True]


def test_deleted_row_stands_where_it_stood_in_the_old_text() -> None:
    links = align(paras(*BODY), paras(*BODY[:2], *BODY[3:]))
    assert pairs(links) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)), ((4,), (3,)), ((5,), (4,))]
    assert links[2].kind is RowKind.DELETED


def test_split_is_one_row_with_two_new_paragraphs() -> None:
    head, tail = BODY[3][:60].rsplit(" ", 1)[0], BODY[3][len(BODY[3][:60].rsplit(" ", 1)[0]) + 1 :]
    links = align(paras(*BODY), paras(*BODY[:3], head + ";", tail, *BODY[4:]))
    assert ((3,), (3, 4)) in pairs(links)
    assert len(links) == len(BODY)


def test_merge_is_one_row_with_two_old_paragraphs() -> None:
    merged = BODY[3][:-1] + ", and " + BODY[4][0].lower() + BODY[4][1:]
    links = align(paras(*BODY), paras(*BODY[:3], merged, BODY[5]))
    assert ((3, 4), (3,)) in pairs(links)
    row = next(link for link in links if link.old == (3, 4))
    assert row.kind is RowKind.CHANGED and not row.moved


def test_preambular_paragraph_moved_to_operative_part_is_a_move() -> None:
    """ "Recalling its resolution ..." moved down as "Recalls its resolution ..." is found as a move."""
    moved = "Recalls its resolution 78/43 of 4 December 2023;"
    links = align(paras(*BODY), paras(*BODY[1:5], moved, BODY[5]))
    row = next(link for link in links if link.old == (0,))
    assert row.new == (4,) and row.moved and row.renumbered
    assert all(not link.moved for link in links if link is not row)
    assert [link.new for link in links] == [(0,), (1,), (2,), (3,), (4,), (5,)]


def test_unrelated_paragraph_in_the_same_place_is_delete_and_insert() -> None:
    other = "Expresses its appreciation to the Government of Kenya for hosting the Nairobi office;"
    links = align(paras(*BODY), paras(*BODY[:4], other, BODY[5]))
    assert ((4,), ()) in pairs(links) and ((), (4,)) in pairs(links)


def test_empty_sides() -> None:
    assert align((), ()) == ()
    assert [link.kind for link in align(paras(*BODY[:2]), ())] == [RowKind.DELETED] * 2
    assert [link.kind for link in align((), paras(*BODY[:2]))] == [RowKind.INSERTED] * 2


def test_options_raise_the_pairing_threshold() -> None:
    """A strict threshold turns a weak pair into a deletion and an insertion."""
    old = paras("Recalling its resolution 77/16,", *BODY[1:])
    new = paras("Recalling its resolutions 77/16 of 7 December 2022 and 78/120,", *BODY[1:])
    assert align(old, new)[0].old == (0,)
    strict = align(old, new, options=AlignOptions(min_similarity=0.95, move_similarity=0.97))
    assert ((0,), ()) in pairs(strict) and ((), (0,)) in pairs(strict)


@pytest.mark.parametrize("seed", range(5))
def test_alignment_is_deterministic(seed: int) -> None:
    """The same inputs give the same rows, whatever ran before."""
    revision = revise(paras(*BODY), random.Random(seed), rates=Rates(move=0.3, delete=0.2))
    assert align(revision.old, revision.new) == align(revision.old, revision.new)


def test_large_stretch_without_anchors_uses_band_and_stays_correct() -> None:
    """Every paragraph edited and none equal: fuzzy anchors or the band still pair them one to one."""
    rng = random.Random(7)
    words = [f"w{k}" for k in range(3000)]
    texts = [" ".join(rng.sample(words, 12)) + ";" for _ in range(300)]
    old = paras(*texts)
    new = paras(*(t.replace(";", " also;") for t in texts))
    links = align(old, new, options=AlignOptions(max_cells=1000))
    assert pairs(links) == [((i,), (i,)) for i in range(300)]


def test_docstring_examples_run() -> None:
    """The examples in the measure module's docstrings hold."""
    import doctest

    import redline.align.measure

    assert doctest.testmod(redline.align.measure).failed == 0


def test_recalling_paragraphs_pair_by_the_resolutions_they_cite() -> None:
    """Numbers are masked in the similarity, but shared exact numbers decide between look-alikes."""
    first = "Recalling its resolutions 71/12 of 3 December 2016 and 72/40 of 4 December 2017,"
    also = (
        "Recalling also its resolutions 60/5 of 1 December 2005, 69/10, 69/11 and 69/12 of "
        "9 December 2014 and 69/300 of 30 December 2014,"
    )
    grown = (
        "Recalling its resolutions 71/12 of 3 December 2016, 72/40 of 4 December 2017, "
        "74/8 of 5 December 2019 and 74/90 of 22 December 2019,"
    )
    links = align(paras(first, also, *BODY[1:]), paras(grown, *BODY[1:]))
    assert pairs(links)[:2] == [((0,), (0,)), ((1,), ())]


@pytest.mark.parametrize("threshold", [0.0, 1.0, 1.5])
def test_extreme_thresholds_still_cover_every_paragraph(threshold: float) -> None:
    """Thresholds at or past the ends of the scale are accepted and keep the row invariants."""
    opts = AlignOptions(min_similarity=threshold, move_similarity=threshold, anchor_similarity=threshold)
    links = align(paras(*BODY), paras(*BODY[::-1]), options=opts)
    assert sorted(i for link in links for i in link.old) == list(range(len(BODY)))
    assert [j for link in links for j in link.new] == list(range(len(BODY)))
