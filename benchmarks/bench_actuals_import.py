"""Importing CRM stage history (issue 10): 100,000 and 1,000,000 rows of a long CSV export
into a document's actuals, against merely reading the same CSV with Python's ``csv``
module (the yardstick), measured in the same run.  Each measurement runs in a fresh child
process, so its peak memory (max RSS) is its own.

Columns: seconds and peak MB of the yardstick (``csv.reader`` over the decoded file, every
row touched), of ``read_actuals`` (decode, detect, parse dates/amounts, map stages, the
events as columns) plus applying the import edit (merge, sort, one value on the process),
of that followed by the whole analysis (``analyze``: funnel, KPIs, bottleneck), of saving
the document with those actuals, and of opening it again.  With
``--dataframes PYTHON`` it also times pandas and polars reading the same CSV with its dates
parsed (run by that interpreter, which must have them), the measurement behind parsing with
the csv module.

    .venv/bin/python -m benchmarks.bench_actuals_import [--sizes 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.common import print_table

#: The eight-step template's stage names (Japanese), in order, as a CRM would spell them.
STAGES = ("リード発生", "プロスペクティング", "アプローチとアポイント獲得",
          "ヒアリングとニーズ把握", "提案とプレゼンテーション", "クロージング", "受注", "失注")


def write_export(path: Path, rows: int, seed: int = 10) -> None:
    """A long export: per deal, the stages it entered in order, 1–20 days apart."""
    rnd = random.Random(seed)
    start = datetime(2025, 1, 1)
    owners = [f"担当{n:02d}" for n in range(50)]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("商談ID,商談名,フェーズ,変更日,金額,担当者\n")
        written, deal = 0, 0
        while written < rows:
            deal += 1
            when = start + timedelta(days=rnd.randrange(600), minutes=rnd.randrange(600))
            amount = f'"{rnd.randrange(10, 5000) * 10_000:,}"'
            owner = rnd.choice(owners)
            reach = rnd.randrange(1, 7)
            path_ = list(STAGES[:reach]) + [rnd.choice(STAGES[6:])] * (reach == 6)
            for stage in path_:
                if written == rows:
                    break
                out.write(f"OPP-{deal:07d},株式会社{deal},{stage},"
                          f"{when:%Y/%m/%d %H:%M},{amount},{owner}\n")
                written += 1
                when += timedelta(days=rnd.randrange(1, 21), minutes=rnd.randrange(600))


def _child(mode: str, path: str) -> None:
    """Run one measurement and print {"seconds": …, "peak_mb": …}."""
    start = time.perf_counter()
    if mode == "csv":
        import csv
        with open(path, encoding="utf-8", newline="") as handle:
            count = sum(1 for row in csv.reader(handle) if row[0])
        assert count
    elif mode in ("import", "save", "analyse"):
        from salesdesigner.storage.actuals_import import read_actuals
        from salesdesigner.storage.templates import load_template
        process = load_template("eight-step", "ja")
        plan = read_actuals(path, process)
        assert not plan.rejected, plan.rejected[:3]
        plan.edit().apply(process)
        if mode == "analyse":
            from salesdesigner.model.actuals import analyze
            assert analyze(process, process.actuals.events).deals
        if mode == "save":
            from salesdesigner.storage.document import save_document
            start = time.perf_counter()
            save_document(process, path + ".salesdesign", force=True)
    elif mode == "open":
        from salesdesigner.storage.document import open_document
        assert open_document(path + ".salesdesign").actuals.events
    elif mode == "pandas":
        import pandas
        frame = pandas.read_csv(path, dtype=str)
        frame["変更日"] = pandas.to_datetime(frame["変更日"], format="%Y/%m/%d %H:%M")
        frame["金額"] = frame["金額"].str.replace(",", "").astype(float)
        assert len(frame)
    elif mode == "polars":
        import polars
        frame = polars.read_csv(path, infer_schema=False).with_columns(
            polars.col("変更日").str.strptime(polars.Datetime, "%Y/%m/%d %H:%M"),
            polars.col("金額").str.replace_all(",", "").cast(polars.Float64))
        assert frame.height
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak}))


def _measure(python: str, mode: str, path: Path) -> dict:
    out = subprocess.run([python, "-m", "benchmarks.bench_actuals_import", "--child", mode,
                          str(path)], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--dataframes", metavar="PYTHON", default=None,
                        help="an interpreter with pandas and polars, to time them too")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"export-{n}.csv"
            write_export(path, n)
            yard = _measure(sys.executable, "csv", path)
            imp = _measure(sys.executable, "import", path)
            both = _measure(sys.executable, "analyse", path)
            save = _measure(sys.executable, "save", path)
            opened = _measure(sys.executable, "open", path)
            row = [f"{n:,}", f"{yard['seconds']:.2f}", f"{imp['seconds']:.2f}",
                   f"{imp['peak_mb']:.0f}", f"{imp['seconds'] / yard['seconds']:.1f}x",
                   f"{both['seconds']:.2f}", f"{both['peak_mb']:.0f}",
                   f"{both['seconds'] / yard['seconds']:.1f}x",
                   f"{save['seconds']:.2f}", f"{save['peak_mb']:.0f}",
                   f"{opened['seconds']:.2f}", f"{opened['peak_mb']:.0f}"]
            if args.dataframes:
                for mode in ("pandas", "polars"):
                    frame = _measure(args.dataframes, mode, path)
                    row.append(f"{frame['seconds']:.2f} s / {frame['peak_mb']:.0f} MB")
            rows.append(row)
            print(*row, flush=True)
    print()
    header = ["rows", "csv.reader s", "import s", "import peak MB", "import/csv",
              "import+analysis s", "its peak MB", "import+analysis/csv", "save s",
              "save peak MB", "open s", "open peak MB"]
    if args.dataframes:
        header += ["pandas read+dates", "polars read+dates"]
    print_table(header, rows)


if __name__ == "__main__":
    main()
