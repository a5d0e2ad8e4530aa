"""Benchmark redline against the tools users would otherwise pick, in one run.

Usage: python bench/run.py [--runs N] [--quick] [--json FILE]

Every scenario runs redline and its baselines alternately, N times each, and reports
medians and ratios measured in the same run: the machines are noisy, so single absolute
timings mean little. The corpus is read from $REDLINE_CORPUS (default ../shared/corpus).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redline.align import align  # noqa: E402
from redline.compare import compare  # noqa: E402
from redline.diff import word_diff  # noqa: E402
from redline.load import read  # noqa: E402
from redline.parse import parse  # noqa: E402
from redline.render import RenderOptions, render  # noqa: E402

WORD = re.compile(r"\w+|[^\w\s]+|\s+")
PY = sys.executable
ENV: dict[str, str] | None = None
"""The environment of every timed process (see `process_env`); None: this process's own."""


def process_env(tmp: Path) -> dict[str, str]:
    """Return the environment every contender runs in: bytecode may be cached, under ``tmp``.

    An installed package has its modules compiled to bytecode (pip does it at install time),
    as the standard library and the baselines' packages have here. An editable checkout under
    PYTHONDONTWRITEBYTECODE=1 would instead recompile redline's ~100 modules from source in
    every run, which measures the checkout, not the tool. The same environment serves all
    contenders; the cache lives in the benchmark's temporary folder, not in the tree.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    subprocess.run(
        [PY, "-m", "compileall", "-q", str(ROOT / "redline")], env=env, check=True, stdout=subprocess.DEVNULL
    )
    return env


def corpus_dir() -> Path:
    """Return the corpus folder: $REDLINE_CORPUS or ../shared/corpus beside the project."""
    env = os.environ.get("REDLINE_CORPUS")
    path = Path(env) if env else ROOT.parent / "shared" / "corpus"
    if not (path / "README.md").is_file():
        sys.exit(f"bench: corpus not found at {path}; set REDLINE_CORPUS")
    return path


# --------------------------------------------------------------------------- revision


def revise_report(text: str, *, seed: int = 2011, share: float = 0.05, moves: int = 3) -> str:
    """Return a seeded revision of ``text``: about ``share`` of words edited, ``moves`` paragraphs moved.

    Paragraphs are blank-line-separated blocks; a moved block goes 2 to 6 blocks later.
    Edits are replacements, deletions and insertions of single words, spread evenly.
    """
    rng = random.Random(seed)
    blocks = re.split(r"(\n[ \t]*\n)", text)
    paras = [i for i in range(0, len(blocks), 2) if len(blocks[i].split()) >= 12]
    vocab = ["further", "relevant", "all", "Member", "States", "urgently", "regional", "effective"]
    for i in range(0, len(blocks), 2):
        tokens = re.split(r"(\s+)", blocks[i])
        for t in range(0, len(tokens), 2):
            if tokens[t] and tokens[t].isalpha() and rng.random() < share:
                op = rng.random()
                if op < 0.6:
                    tokens[t] = rng.choice(vocab)
                elif op < 0.8:
                    tokens[t] = ""
                else:
                    tokens[t] = f"{tokens[t]} {rng.choice(vocab)}"
        blocks[i] = "".join(tokens)
    for src in rng.sample(paras[:-10], moves):
        dst = min(src + 2 * rng.randint(2, 6), len(blocks) - 1)
        moved = blocks[src]
        blocks[src] = ""
        blocks[dst] = blocks[dst] + "\n\n" + moved
    return "".join(blocks)


# --------------------------------------------------------------------------- timing


@dataclass
class Timing:
    """Medians of repeated runs of one contender in one scenario."""

    name: str
    runs: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else math.nan


def run_process(cmd: Sequence[str], *, stdout_path: Path | None = None, timeout: float = 600) -> float:
    """Run ``cmd`` once and return its wall time; raise if it fails (exit 1 counts as success)."""
    out = stdout_path.open("wb") if stdout_path else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, timeout=timeout, check=False, env=ENV)
    elapsed = time.perf_counter() - start
    if stdout_path:
        out.close()  # type: ignore[union-attr]
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode()[:300]}")
    return elapsed


def alternate(
    contenders: dict[str, Callable[[], float]], runs: int, *, slow: dict[str, int] | None = None
) -> list[Timing]:
    """Run each contender ``runs`` times, interleaved; ``slow`` caps the runs of costly ones."""
    timings = {name: Timing(name) for name in contenders}
    for r in range(runs):
        for name, fn in contenders.items():
            if slow and r >= slow.get(name, runs):
                continue
            timings[name].runs.append(fn())
    return list(timings.values())


# --------------------------------------------------------------------------- stages


STAGES = ("load", "clean", "parse", "pair", "align", "diff", "summary", "render")
COMPUTE = "compute (end to end)"
"""The stage table's key for everything after load, timed in one go as a process runs it."""
FLOOR = "floor: read + tokenise both"
"""The stage table's key for the floor (scenario 5)."""


STAGE_ROUNDS = 9
"""Rounds of the stage table in a full run (a round is three fresh processes, about 1 s).

More than the contenders' runs: the CPU of our shared virtual machines runs the same work
up to 1.8 times slower from one second to the next (a fixed regex workload measured 8.4 to
15.6 ms), so a single round's compute-to-floor ratio can be off by a third either way."""


def stage_times(old_path: Path, new_path: Path) -> dict[str, float]:
    """Time redline's stages on one pair of files, each in a fresh process, in seconds.

    Two processes, each with the package imported before any clock starts (imports are
    start-up, timed with the whole process): one times the stages one by one on each
    other's output (``split``), the other the whole of what ``redline diff`` does after
    loading, in one go (``COMPUTE``: the figure held against the floor, so nothing the split
    leaves out, such as building rows, escapes it). Both run every stage once, first, as a
    real run does: no cache inside redline (compiled patterns, token codes, memoised
    tokens) is warm from an earlier round. A third process times the floor (``floor_time``)
    in the same conditions, so each round gives its own compute-to-floor ratio.
    """
    out: dict[str, float] = {}
    for mode in ("split", "whole", "floor"):
        cmd = [PY, str(Path(__file__).resolve()), "--stages-of", str(old_path), str(new_path), mode]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=ENV)
        out.update(json.loads(done.stdout))
    return out


def _stages_in_process(old_path: Path, new_path: Path, mode: str) -> dict[str, float]:
    """Time the stages of one run in this (fresh) process; see `stage_times`."""
    from redline import provenance  # noqa: F401  (parse() imports it on first use: start-up, not compute)
    from redline.clean import clean_document
    from redline.compare import _pairs, build_rows
    from redline.model import Redline, ResolutionDiff
    from redline.render import html, layout  # noqa: F401  (the renderer is imported, not timed)
    from redline.summary import summarize

    if mode == "floor":
        return {FLOOR: floor_time(old_path, new_path)}
    options = RenderOptions(old_name=str(old_path), new_name=str(new_path))
    t0 = time.perf_counter()
    old_src, new_src = read(old_path), read(new_path)
    t1 = time.perf_counter()
    if mode == "whole":
        render(
            compare(parse(old_src.text, name=str(old_path)), parse(new_src.text, name=str(new_path))),
            "html",
            options,
        )
        return {COMPUTE: time.perf_counter() - t1}
    clean_document(old_src.text)
    clean_document(new_src.text)
    t2 = time.perf_counter()
    old_doc = parse(old_src.text, name=str(old_path))
    new_doc = parse(new_src.text, name=str(new_path))
    t3 = time.perf_counter()
    pairs = _pairs(old_doc.resolutions, new_doc.resolutions)
    t4 = time.perf_counter()
    sides = [
        (o.all_paragraphs() if o is not None else (), n.all_paragraphs() if n is not None else ())
        for o, n, _ in pairs
    ]
    links = [align(op, np_) for op, np_ in sides]
    t5 = time.perf_counter()
    for (op, np_), row_links in zip(sides, links, strict=True):
        for link in row_links:
            word_diff("\n".join(op[i].text for i in link.old), "\n".join(np_[j].text for j in link.new))
    t6 = time.perf_counter()
    rows = [build_rows(op, np_) for op, np_ in sides]  # not timed: aligns and diffs again
    t7 = time.perf_counter()
    summaries = [summarize(r) for r in rows]
    t8 = time.perf_counter()
    diffs = (
        ResolutionDiff(o, n, r, sm, sim) for (o, n, sim), r, sm in zip(pairs, rows, summaries, strict=True)
    )
    redline = Redline(old=old_doc, new=new_doc, resolutions=tuple(diffs))
    t9 = time.perf_counter()
    render(redline, "html", options)
    t10 = time.perf_counter()
    return {
        "load": t1 - t0,
        "clean": t2 - t1,
        # parse() cleans internally; report parsing net of the separately timed cleaning.
        "parse": max(0.0, (t3 - t2) - (t2 - t1)),
        "pair": t4 - t3,
        "align": t5 - t4,
        "diff": t6 - t5,
        "summary": t8 - t7,
        "render": t10 - t9,
    }


def floor_time(old_path: Path, new_path: Path) -> float:
    """Return the time to merely read, decode and tokenise both inputs (the physical floor)."""
    t0 = time.perf_counter()
    for p in (old_path, new_path):
        text = p.read_bytes().decode("utf-8")
        WORD.findall(text)
    return time.perf_counter() - t0


# --------------------------------------------------------------------------- scenarios


def redline_cmd() -> list[str]:
    """Return the command that runs the installed redline CLI."""
    exe = shutil.which("redline")
    return [exe] if exe else [PY, "-m", "redline"]


def contenders(old: Path, new: Path, out: Path) -> tuple[dict[str, Callable[[], float]], dict[str, str]]:
    """Return the whole-process contenders for one pair of files, and notes on the skipped."""
    html = out / "redline.html"
    procs: dict[str, Callable[[], float]] = {
        "redline (html page)": lambda: run_process(
            [*redline_cmd(), "diff", str(old), str(new), "-f", "html", "-o", str(html)]
        ),
        "redlines (PyPI)": lambda: run_process(
            [
                PY,
                "-c",
                "import sys;from redlines import Redlines;"
                "a=open(sys.argv[1],encoding='utf-8').read();b=open(sys.argv[2],encoding='utf-8').read();"
                "sys.stdout.write(Redlines(a,b).output_markdown)",
                str(old),
                str(new),
            ],
            stdout_path=out / "redlines.md",
        ),
        "difflib.HtmlDiff": lambda: run_process(
            [
                PY,
                "-c",
                "import sys,difflib;"
                "a=open(sys.argv[1],encoding='utf-8').read().splitlines();"
                "b=open(sys.argv[2],encoding='utf-8').read().splitlines();"
                "sys.stdout.write(difflib.HtmlDiff().make_file(a,b))",
                str(old),
                str(new),
            ],
            stdout_path=out / "difflib.html",
        ),
    }
    notes: dict[str, str] = {}
    if shutil.which("git"):
        procs["git diff --word-diff"] = lambda: run_process(
            ["git", "diff", "--no-index", "--word-diff", "--no-color", str(old), str(new)],
            stdout_path=out / "git.txt",
        )
    else:
        notes["git diff --word-diff"] = "git not installed"
    if shutil.which("wdiff"):
        procs["GNU wdiff"] = lambda: run_process(["wdiff", str(old), str(new)], stdout_path=out / "wdiff.txt")
    else:
        notes["GNU wdiff"] = "not installed (apt-get install wdiff)"
    return procs, notes


def whole_process(
    title: str, old: Path, new: Path, runs: int, out: Path, *, rounds: int
) -> dict[str, object]:
    """Time redline and the baselines as whole processes on one pair, plus redline's stages (``rounds``)."""
    procs, notes = contenders(old, new, out)
    timings = alternate(procs, runs, slow={"redlines (PyPI)": max(1, min(runs, 3))})
    stages = [stage_times(old, new) for _ in range(rounds)]
    stage_median = {k: statistics.median(s[k] for s in stages) for k in stages[0] if k != FLOOR}
    return {
        "title": title,
        "timings": {t.name: {"median_s": t.median, "runs": len(t.runs)} for t in timings},
        "skipped": notes,
        "stages_s": stage_median,
        "floor_s": statistics.median(s[FLOOR] for s in stages),
        # The ratio of each round (compute and floor timed one after the other), then the median:
        # a load spike during one measurement moves one round, not the verdict.
        "compute_over_floor": statistics.median(s[COMPUTE] / s[FLOOR] for s in stages),
        "compute_over_floor_rounds": [s[COMPUTE] / s[FLOOR] for s in stages],
    }


def synthetic_text(n: int, rng: random.Random, *, vocab: Sequence[str]) -> list[str]:
    """Return ``n`` distinct synthetic paragraph texts in UN style."""
    openers = ["Recalling", "Noting", "Welcoming", "Stressing"]
    verbs = ["Decides", "Requests", "Urges", "Encourages", "Invites"]
    paras = []
    for i in range(n):
        body = " ".join(rng.choice(vocab) for _ in range(rng.randint(15, 45)))
        if i < n // 5:
            paras.append(f"{rng.choice(openers)} {body} ({i}),")
        else:
            paras.append(f"{rng.choice(verbs)} {body} ({i});")
    return paras


def as_document(paras: Sequence[str]) -> str:
    """Lay paragraphs out as a plain-text resolution the parser reads."""
    lines = ["The General Assembly,", ""]
    op = 0
    for p in paras:
        if p.endswith(","):
            lines += [p, ""]
        else:
            op += 1
            lines += [f"{op}. {p}", ""]
    return "\n".join(lines)


def scaling(sizes: Sequence[int], runs: int) -> dict[str, object]:
    """Time parse+compare+render on synthetic revisions with local edits, and fit the exponent."""
    rng = random.Random(4)
    vocab = [
        "the",
        "of",
        "and",
        "to",
        "Member",
        "States",
        "United",
        "Nations",
        "cooperation",
        "development",
        "report",
        "Secretary-General",
        "international",
        "regional",
        "national",
        "implementation",
        "resolution",
        "programme",
        "support",
        "relevant",
    ]
    rows = []
    for n in sizes:
        paras = synthetic_text(n, rng, vocab=vocab)
        revised = list(paras)
        for i in rng.sample(range(n), max(1, n // 20)):
            words = revised[i].split()
            words[rng.randrange(1, len(words) - 1)] = "revised"
            revised[i] = " ".join(words)
        if n >= 10:
            del revised[rng.randrange(n)]
            revised.insert(rng.randrange(len(revised)), "Decides to remain seized of the matter (new);")
        old_text, new_text = as_document(paras), as_document(revised)
        times = []
        peak = 0
        for r in range(runs if n < 3000 else max(1, runs // 2)):
            gc.collect()
            if r == 0:
                tracemalloc.start()
            t0 = time.perf_counter()
            red = compare(parse(old_text), parse(new_text))
            render(red, "html")
            times.append(time.perf_counter() - t0)
            if r == 0:
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
        rows.append(
            {"paragraphs": n, "median_s": statistics.median(times[1:] or times), "peak_mib": peak / 2**20}
        )
    fit = [r for r in rows if r["paragraphs"] >= 100]
    xs = [math.log(r["paragraphs"]) for r in fit]
    ys = [math.log(r["median_s"]) for r in fit]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=False)) / sum((x - mx) ** 2 for x in xs)
    return {"rows": rows, "exponent": slope}


def folders(corpus: Path, runs: int, out: Path) -> dict[str, object]:
    """Time `redline pair` of the session-80 drafts against all adopted texts of sessions 78-80."""
    drafts, adopted = out / "drafts", out / "adopted"
    drafts.mkdir(exist_ok=True)
    adopted.mkdir(exist_ok=True)
    ga = corpus / "ga"
    for f in sorted(ga.glob("*.txt")):
        if "_L." in f.name and "_80_" in f.name:
            (drafts / f.name).write_bytes(f.read_bytes())
        elif f.name.startswith("A_RES_"):
            (adopted / f.name).write_bytes(f.read_bytes())
    n_d, n_a = len(list(drafts.iterdir())), len(list(adopted.iterdir()))
    cmd = [*redline_cmd(), "pair", str(drafts), str(adopted), "--format", "json"]
    times = [run_process(cmd, stdout_path=out / "pairs.json") for _ in range(runs)]
    return {"drafts": n_d, "adopted": n_a, "median_s": statistics.median(times), "runs": runs}


# --------------------------------------------------------------------------- report


def fmt_s(s: float) -> str:
    """Format seconds for a table: milliseconds below 10 s."""
    return f"{s * 1000:9.1f} ms" if s < 10 else f"{s:9.2f} s "


def _bar(bar: str, met: bool, target: bool) -> str:
    """Return how a check line ends: the target and its verdict, or the bar for reference."""
    if not target:
        return f"(no target here; scenario 1's is {bar})"
    return f"(target {bar}): {'met' if met else 'MISSED'}"


def print_whole(res: dict[str, object], *, target: bool = True) -> list[str]:
    """Print one whole-process scenario; return the lines of its target checks.

    Without a ``target`` (issue 7 sets none for scenario 2) the lines hold the ratios
    against scenario 1's bars, for reference, with no verdict.
    """
    timings: dict[str, dict[str, float]] = res["timings"]  # type: ignore[assignment]
    ours = timings["redline (html page)"]["median_s"]
    print(f"\n## {res['title']}")
    print(f"{'tool (whole process)':34} {'median':>12} {'runs':>5} {'vs redline':>11}")
    for name, t in timings.items():
        print(f"{name:34} {fmt_s(t['median_s'])} {int(t['runs']):5d} {t['median_s'] / ours:10.1f}x")
    skipped: dict[str, str] = res["skipped"]  # type: ignore[assignment]
    for name, why in skipped.items():
        print(f"{name:34} skipped: {why}")
    stages: dict[str, float] = res["stages_s"]  # type: ignore[assignment]
    floor = float(res["floor_s"])  # type: ignore[arg-type]
    print(f"\n{'redline stage (in process)':34} {'median':>12} {'vs floor':>9}")
    for k, v in stages.items():
        print(f"{k:34} {fmt_s(v)} {v / floor:8.1f}x")
    split = sum(stages[k] for k in STAGES if k != "load")
    print(f"{'sum of the stages after load':34} {fmt_s(split)} {split / floor:8.1f}x")
    print(f"{FLOOR:34} {fmt_s(floor)} {1.0:8.1f}x")
    ratio = float(res["compute_over_floor"])  # type: ignore[arg-type]
    print(f"{'compute / floor, median of rounds':34} {'':12} {ratio:8.1f}x")
    rounds: list[float] = res.get("compute_over_floor_rounds", [])  # type: ignore[assignment]
    if rounds:
        print(f"{'  (each round; lowest to highest)':34} {'':12} {min(rounds):8.1f}x to {max(rounds):.1f}x")
    checks = []
    if "redlines (PyPI)" in timings:
        r = timings["redlines (PyPI)"]["median_s"] / ours
        verdict = _bar(">= 30x", r >= 30, target)
        checks.append(f"{res['title']}: redline vs redlines {r:.1f}x faster {verdict}")
    d = timings["difflib.HtmlDiff"]["median_s"] / ours
    checks.append(f"{res['title']}: redline vs difflib.HtmlDiff {d:.2f}x {_bar('> 1x', d > 1, target)}")
    if not target:
        return checks
    verdict = "met" if ratio <= 5 else "MISSED"
    checks.append(f"{res['title']}: compute {ratio:.1f}x the floor (target <= 5x): {verdict}")
    return checks


def main(argv: Sequence[str] | None = None) -> int:
    """Run every scenario and print the table; write JSON when asked."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["--stages-of"]:  # one fresh process of `stage_times`
        print(json.dumps(_stages_in_process(Path(args_in[1]), Path(args_in[2]), args_in[3])))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per contender (median reported)")
    ap.add_argument("--quick", action="store_true", help="fewer runs and sizes, for a smoke test")
    ap.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = ap.parse_args(argv)
    runs = 2 if args.quick else args.runs
    rounds = runs if args.quick else max(runs, STAGE_ROUNDS)  # of the stage table
    corpus = corpus_dir()
    results: dict[str, object] = {"python": sys.version.split()[0], "runs": runs}
    checks: list[str] = []
    start = time.perf_counter()
    global ENV
    with tempfile.TemporaryDirectory(prefix="redline-bench-") as tmp:
        out = Path(tmp)
        ENV = process_env(out)
        report = corpus / "E-2011-30.txt"
        revised = out / "E-2011-30-revised.txt"
        revised.write_text(revise_report(report.read_text(encoding="utf-8")), encoding="utf-8")
        title = "Scenario 1: session report vs seeded revision (5% words, 3 moves)"
        s1 = whole_process(title, report, revised, runs, out, rounds=rounds)
        checks += print_whole(s1)
        results["scenario1"] = s1
        old, new = corpus / "ga" / "A_RES_78_229.txt", corpus / "ga" / "A_RES_80_229.txt"
        s2 = whole_process(
            "Scenario 2: long resolution A/RES/78/229 vs A/RES/80/229", old, new, runs, out, rounds=rounds
        )
        checks += print_whole(s2, target=False)
        results["scenario2"] = s2
        s3 = folders(corpus, max(1, min(runs, 3)), out)
        print("\n## Scenario 3: folders (redline pair, whole process)")
        took = float(s3["median_s"])  # type: ignore[arg-type]
        print(f"{s3['drafts']} session-80 drafts against {s3['adopted']} adopted texts: {fmt_s(took)}")
        checks.append(f"Scenario 3: {took:.2f} s (target < 10 s): {'met' if took < 10 else 'MISSED'}")
        results["scenario3"] = s3
    sizes = (10, 30, 100, 300, 1000) if args.quick else (10, 30, 100, 300, 1000, 3000, 10000)
    s4 = scaling(sizes, max(2, runs))
    print("\n## Scenario 4: scaling (parse + compare + render html, synthetic, local edits)")
    print(f"{'paragraphs':>10} {'median':>12} {'peak MiB':>9}")
    for row in s4["rows"]:  # type: ignore[attr-defined]
        print(f"{row['paragraphs']:>10} {fmt_s(row['median_s'])} {row['peak_mib']:9.1f}")
    print(f"fitted exponent (n >= 100): {s4['exponent']:.2f}")
    exponent = float(s4["exponent"])  # type: ignore[arg-type]
    checks.append(
        f"Scenario 4: exponent {exponent:.2f} (target <= 1.3): {'met' if exponent <= 1.3 else 'MISSED'}"
    )
    results["scenario4"] = s4
    print("\n## Scenario 5: the floor is the last line of each stage table above")
    print("\n## Targets")
    for c in checks:
        print(f"- {c}")
    print(f"\n(total benchmark time {time.perf_counter() - start:.0f} s)")
    print("(processes ran with bytecode caching on, as in an installed package: see process_env)")
    results["checks"] = checks
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
