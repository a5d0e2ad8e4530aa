"""Measure pairing: accuracy on the labelled GA fixtures, and speed of 300 drafts x 900 adopted texts.

    python bench/pairing.py                  # accuracy + speed, corpus from REDLINE_CORPUS
    python bench/pairing.py --part speed --runs 3

Parts:
  accuracy  session-80 drafts -> session-80 adopted (tests/fixtures/pairs/ga80-drafts.tsv) and
            session-79 adopted -> session-80 adopted (ga79-ga80.tsv): right share, precision, recall
  speed     300 texts (the 267 session-80 drafts + the first 33 session-78 resolutions) against
            900 (all 871 adopted resolutions + the first 29 Main Committee drafts): load + parse
            time, pair() time, and `redline pair OLD NEW -f json` end to end on two folders

The corpus folder is REDLINE_CORPUS, else ../shared/corpus beside the project.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from redline.pair import Pairing, pair
from redline.pair.files import Item, load_items, natural_key

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "pairs"


def corpus_dir() -> Path:
    env = os.environ.get("REDLINE_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


def files(pattern: str) -> list[Path]:
    ga = corpus_dir() / "ga"
    return sorted(
        (p for p in ga.iterdir() if re.fullmatch(pattern, p.name)), key=lambda p: natural_key(p.name)
    )


def load(paths: Sequence[Path]) -> list[Item]:
    return [item for p in paths for item in load_items(str(p))]


def gold(name: str) -> dict[str, str]:
    out = {}
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            old, new, _ = line.split("\t")
            out[old] = new
    return out


def evaluate(old: list[Item], new: list[Item], result: Pairing, truth: dict[str, str]) -> dict[str, object]:
    right = tp = fp = fn = 0
    errors = []
    for p in result.pairs:
        name = Path(old[p.old_index].path).stem
        want = truth[name]
        got = Path(new[p.new_index].path).stem if p.new_index is not None else "-"
        right += got == want
        tp += got != "-" and got == want
        fp += got != "-" and got != want
        fn += want != "-" and got != want
        if got != want:
            errors.append(f"{name}: labelled {want}, paired {got} ({p.similarity:.2f})")
    return {
        "texts": len(result.pairs),
        "right": right,
        "accuracy": right / len(result.pairs),
        "precision": tp / max(1, tp + fp),
        "recall": tp / max(1, tp + fn),
        "errors": errors,
    }


def accuracy() -> None:
    adopted = load(files(r"A_RES_80_\d+\.txt"))
    cases = (
        ("session-80 drafts -> session-80 adopted", r"A_(C\.\d_)?80_L\.\d+\.txt", "ga80-drafts.tsv"),
        ("session-79 adopted -> session-80 adopted", r"A_RES_79_\d+\.txt", "ga79-ga80.tsv"),
    )
    for title, pattern, fixture in cases:
        old = load(files(pattern))
        result = pair([i.resolution for i in old], [i.resolution for i in adopted])
        r = evaluate(old, adopted, result, gold(fixture))
        print(
            f"{title}: {r['right']}/{r['texts']} right = {r['accuracy']:.2%}, "
            f"precision {r['precision']:.2%}, recall {r['recall']:.2%}"
        )
        for line in r["errors"]:  # type: ignore[attr-defined]
            print(f"    {line}")


def speed_sets() -> tuple[list[Path], list[Path]]:
    drafts = files(r"A_(C\.\d_)?80_L\.\d+\.txt")
    old = drafts + files(r"A_RES_78_\d+\.txt")[: 300 - len(drafts)]
    adopted = files(r"A_RES_\d+_\d+\.txt")
    committee = [p for p in drafts if p.name.startswith("A_C.")]
    new = adopted + committee[: 900 - len(adopted)]
    return old, new


def speed(runs: int) -> None:
    old_paths, new_paths = speed_sets()
    print(f"speed: {len(old_paths)} texts x {len(new_paths)} texts, {runs} run(s), median")
    t, c = time.perf_counter(), time.process_time()
    old, new = load(old_paths), load(new_paths)
    loading, loading_cpu = time.perf_counter() - t, time.process_time() - c
    pairing, pairing_cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = pair([i.resolution for i in old], [i.resolution for i in new])
        pairing.append(time.perf_counter() - t)
        pairing_cpu.append(time.process_time() - c)
    paired = sum(1 for p in result.pairs if p.new_index is not None)
    print(
        f"  load + parse {len(old_paths) + len(new_paths)} files, one process: "
        f"{loading:.2f} s wall, {loading_cpu:.2f} s CPU (one run)"
    )
    print(
        f"  pair(): {statistics.median(pairing):.2f} s wall, {statistics.median(pairing_cpu):.2f} s CPU "
        f"({paired} pairs)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for side, paths in (("old", old_paths), ("new", new_paths)):
            (Path(tmp) / side).mkdir()
            for i, p in enumerate(paths):
                # Numbered links keep duplicates apart and the folder order as listed.
                (Path(tmp) / side / f"{i:04d}-{p.name}").symlink_to(p)
        cmd = [sys.executable, "-m", "redline", "pair", f"{tmp}/old", f"{tmp}/new", "-f", "json"]
        whole, whole_cpu = [], []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            whole.append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            whole_cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(
        f"  redline pair -f json, end to end (parsing on {os.cpu_count()} cores): "
        f"{statistics.median(whole):.2f} s wall, {statistics.median(whole_cpu):.2f} s CPU in all processes"
    )
    print(f"  load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--part", choices=["accuracy", "speed", "all"], default="all")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args(argv)
    if args.part in ("accuracy", "all"):
        accuracy()
    if args.part in ("speed", "all"):
        speed(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
