"""Top performers (issue 14): the per-owner comparison of 100,000 and 1,000,000 stage-history
rows, against the actuals import of the same CRM export (the yardstick), in the same run.

The export is bench_actuals_import's (50 owners, eight-step stages); one child process
imports it (``read_actuals`` + the import edit: timed), then compares the owners
(``compare_owners``: the history built from the document's events, the per-owner counts,
the days medians and Fisher's test for every owner × move: timed), then the whole
analysis (``analyze``) for scale.

    .venv/bin/python -m benchmarks.bench_owners [--sizes 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_actuals_import import write_export
from benchmarks.common import print_table


def _child(path: str) -> None:
    from salesdesigner.storage.actuals_import import read_actuals
    from salesdesigner.storage.templates import load_template

    start = time.perf_counter()
    process = load_template("eight-step", "ja")
    plan = read_actuals(path, process)
    plan.edit().apply(process)
    imported = time.perf_counter() - start

    from salesdesigner.model.discovery.owners import compare_owners
    start = time.perf_counter()
    comparison = compare_owners(process, process.actuals.events)
    owners = time.perf_counter() - start

    from salesdesigner.model.actuals import analyze
    start = time.perf_counter()
    analyze(process, process.actuals.events)
    analysis = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"import": imported, "owners": owners, "analysis": analysis,
                      "peak_mb": peak, "owner_count": len(comparison.owners),
                      "tests": len(comparison.comparisons),
                      "findings": len(comparison.findings)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--child", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"export-{n}.csv"
            write_export(path, n)
            out = subprocess.run([sys.executable, "-m", "benchmarks.bench_owners", "--child",
                                  str(path)], capture_output=True, text=True, check=True,
                                 cwd=Path(__file__).resolve().parent.parent)
            m = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append([f"{n:,}", f"{m['import']:.2f}", f"{m['owners']:.2f}",
                         f"{m['owners'] / m['import']:.2f}x", f"{m['analysis']:.2f}",
                         str(m["owner_count"]), str(m["tests"]), str(m["findings"]),
                         f"{m['peak_mb']:.0f}"])
            print(*rows[-1], flush=True)
    print()
    print_table(["rows", "import s", "per-owner s", "per-owner/import", "analysis s",
                 "owners", "tests", "findings", "peak MB"], rows)


if __name__ == "__main__":
    main()
