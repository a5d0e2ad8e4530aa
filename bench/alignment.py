"""Measure paragraph alignment: link precision, recall, F1, move and split/merge recall, speed.

    python bench/alignment.py                      # all three parts, corpus from REDLINE_CORPUS
    python bench/alignment.py --part generated --files 120 --seeds 5

Parts:
  generated  revisions (redline.align.generate) of real paragraphs drawn from the corpus
  real       hand-labelled real pairs in tests/fixtures/links/*.json (addresses only)
  speed      A/RES/78/229 against A/RES/80/229, and 2,000 x 2,000 synthetic paragraphs

The corpus folder is REDLINE_CORPUS, else ../shared/corpus beside the project.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from redline.align import align, tokens
from redline.align.generate import Rates, address_all, revise
from redline.align.metrics import Scores, score
from redline.model import Link, Paragraph
from redline.parse import parse

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "fixtures" / "links"


def corpus_dir() -> Path:
    env = os.environ.get("REDLINE_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


def paragraphs_of(path: Path) -> tuple[Paragraph, ...]:
    doc = parse(path.read_text(encoding="utf-8"), name=path.name)
    return tuple(p for res in doc.resolutions for p in res.all_paragraphs())


def distinct(paras: Sequence[Paragraph], *, min_tokens: int = 3) -> list[Paragraph]:
    """Drop paragraphs too short to mean much and repeats (their true links are ambiguous)."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for p in paras:
        key = tokens(p.text)
        if len(key) >= min_tokens and key not in seen:
            seen.add(key)
            out.append(p)
    return out


def keyed(links: Sequence[Link]) -> list[tuple[tuple[tuple[int, ...], tuple[int, ...]], bool]]:
    return [((link.old, link.new), link.moved) for link in links]


def changed_only(result: Sequence[Link], truth: Sequence[Link]) -> Scores:
    """Score only the rows that are not an unchanged, unmoved 1-1 pair in the truth."""
    easy = {(t.old, t.new) for t in truth if t.kind == "equal" and not t.moved}
    return score(
        [k for k in keyed(result) if k[0] not in easy], [k for k in keyed(truth) if k[0] not in easy]
    )


def line(name: str, s: Scores) -> str:
    return (
        f"{name:<34} links {s.truth:>6}  P {s.precision:.4f}  R {s.recall:.4f}  F1 {s.f1:.4f}"
        f"  moves {s.moves_found:>4}/{s.moves:<4} ({s.move_recall:.3f})"
        f"  split/merge {s.groups_found:>4}/{s.groups:<4} ({s.group_recall:.3f})"
    )


def generated(corpus: Path, files: int, seeds: int) -> None:
    names = sorted((corpus / "ga").glob("*.txt"))
    step = max(1, len(names) // files)
    chosen = names[::step][:files]
    docs = [distinct(paragraphs_of(p))[:150] for p in chosen]
    total, hard = Scores(), Scores()
    for k, doc in enumerate(docs):
        if len(doc) < 3:
            continue
        pool = [p.text for p in docs[(k + 1) % len(docs)]]
        source = address_all([(p.text, p.kind) for p in doc])
        for seed in range(seeds):
            revision = revise(source, random.Random(seed * 100_003 + k), pool=pool)
            result = align(revision.old, revision.new)
            total += score(keyed(result), keyed(revision.links))
            hard += changed_only(result, revision.links)
    print(f"generated revisions: {len(docs)} corpus files x {seeds} seeds")
    print(line("  all links", total))
    print(line("  links other than unchanged 1-1", hard))


def real(corpus: Path) -> None:
    print("hand-labelled real pairs (tests/fixtures/links)")
    total = Scores()
    for fixture in sorted(LABELS.glob("*.json")):
        label = json.loads(fixture.read_text(encoding="utf-8"))
        old = paragraphs_of(corpus / "ga" / label["old"])
        new = paragraphs_of(corpus / "ga" / label["new"])
        wanted = {a for side, _ in label["links"] for a in side} | {
            b for _, side in label["links"] for b in side
        }
        have = {p.address for p in old} | {p.address for p in new}
        predicted = []
        for r in align(old, new):
            key = (tuple(old[i].address for i in r.old), tuple(new[j].address for j in r.new))
            if (set(key[0]) | set(key[1])) & wanted:  # rows of unlabelled paragraphs are not judged
                predicted.append((key, r.moved))
        truth = [((tuple(a), tuple(b)), False) for a, b in label["links"]]
        s = score(predicted, truth)
        total += s
        note = "" if wanted <= have else f"  (parser lacks {len(wanted - have)} labelled addresses)"
        print(line(f"  {fixture.stem}", s) + note)
    print(line("  all real pairs", total))


def timed(old: Sequence[Paragraph], new: Sequence[Paragraph], runs: int) -> tuple[float, float]:
    """Return the median and best CPU seconds of ``runs`` alignments."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        align(old, new)
        times.append(time.process_time() - start)
    return statistics.median(times), min(times)


def speed(corpus: Path) -> None:
    print("speed (CPU seconds of align() alone, after parsing; median and best)")
    old = paragraphs_of(corpus / "ga" / "A_RES_78_229.txt")
    new = paragraphs_of(corpus / "ga" / "A_RES_80_229.txt")
    med, best = timed(old, new, 7)
    print(
        f"  A/RES/78/229 vs A/RES/80/229 ({len(old)} x {len(new)} paragraphs): {med:.3f} s (best {best:.3f})"
    )
    texts: list[Paragraph] = []
    for path in sorted((corpus / "ga").glob("A_RES_*.txt")):
        texts.extend(distinct(paragraphs_of(path)))
        if len(texts) >= 2000:
            break
    source = address_all([(p.text, p.kind) for p in texts[:2000]])
    pool = [p.text for p in texts[2000:2200]]
    revision = revise(source, random.Random(1), pool=pool)
    med, best = timed(revision.old, revision.new, 3)
    n, m = len(revision.old), len(revision.new)
    print(f"  synthetic revision ({n} x {m} paragraphs): {med:.3f} s (best {best:.3f})")
    every = revise(source, random.Random(2), pool=pool, rates=Rates(edit=1.0, edit_share=0.3, move=0.0))
    med, best = timed(every.old, every.new, 3)
    n, m = len(every.old), len(every.new)
    print(f"  every paragraph edited, no exact anchor ({n} x {m}): {med:.3f} s (best {best:.3f})")
    s = score(keyed(align(every.old, every.new)), keyed(every.links))
    print(line("    its links", s))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=("generated", "real", "speed", "all"), default="all")
    ap.add_argument("--files", type=int, default=80, help="corpus files to draw paragraphs from")
    ap.add_argument("--seeds", type=int, default=3, help="revisions per file")
    args = ap.parse_args()
    corpus = corpus_dir()
    if not (corpus / "ga").is_dir():
        raise SystemExit(f"no corpus at {corpus}: set REDLINE_CORPUS")
    if args.part in ("generated", "all"):
        generated(corpus, args.files, args.seeds)
    if args.part in ("real", "all"):
        real(corpus)
    if args.part in ("speed", "all"):
        speed(corpus)


if __name__ == "__main__":
    main()
