"""The benchmark's report (bench/run.py): verdicts only where issue 7 sets a target."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_RUN = Path(__file__).resolve().parents[1] / "bench" / "run.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", _RUN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def _result(bench: ModuleType, *, redlines: float, difflib: float, compute: float) -> dict[str, object]:
    stages = {name: 0.001 for name in bench.STAGES}
    stages[bench.COMPUTE] = compute
    return {
        "title": "Scenario X",
        "timings": {
            "redline (html page)": {"median_s": 0.1, "runs": 5},
            "redlines (PyPI)": {"median_s": redlines, "runs": 3},
            "difflib.HtmlDiff": {"median_s": difflib, "runs": 5},
        },
        "skipped": {},
        "stages_s": stages,
        "floor_s": 0.02,
        "compute_over_floor": compute / 0.02,
    }


def test_a_scenario_with_targets_gets_verdicts(bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    checks = bench.print_whole(_result(bench, redlines=2.5, difflib=0.05, compute=0.12))
    capsys.readouterr()
    assert checks == [
        "Scenario X: redline vs redlines 25.0x faster (target >= 30x): MISSED",
        "Scenario X: redline vs difflib.HtmlDiff 0.50x (target > 1x): MISSED",
        "Scenario X: compute 6.0x the floor (target <= 5x): MISSED",
    ]
    checks = bench.print_whole(_result(bench, redlines=4.0, difflib=0.2, compute=0.09))
    assert [line.rsplit(": ", 1)[1] for line in checks] == ["met", "met", "met"]


def test_a_scenario_without_targets_reports_ratios_without_verdicts(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    checks = bench.print_whole(_result(bench, redlines=1.5, difflib=0.4, compute=0.1), target=False)
    capsys.readouterr()
    assert checks == [
        "Scenario X: redline vs redlines 15.0x faster (no target here; scenario 1's is >= 30x)",
        "Scenario X: redline vs difflib.HtmlDiff 4.00x (no target here; scenario 1's is > 1x)",
    ]
    assert not any("MISSED" in line or "met" in line.split("(")[-1] for line in checks)
