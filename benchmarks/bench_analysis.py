"""Analysis benchmark: the funnel, KPI actuals and bottleneck of 100,000 and 1,000,000
generated stage-history events as it ships (numpy columns, ``analyze``), against the same
core (visits, reach, conversions, flows, days in stage) written with pandas and polars, and
a yardstick in the same run: one plain loop over the events counting entries per stage.
Each candidate runs in a fresh process so its peak memory (max RSS above the events
themselves) is its own.

    .venv/bin/python -m benchmarks.bench_analysis [--sizes 100000 1000000] [--repeat 2]

pandas and polars are not dependencies: their rows say "not installed" without them.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta

from benchmarks.common import print_table
from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.actuals import DealEvent
from salesdesigner.model.entities import Measure

STAGES = ["lead", "qualify", "meet", "demo", "proposal", "nego", "contract", "won", "lost"]
#: next stage → weight, per stage: a funnel with losses, a loop back and a skip
NEXT = {
    "lead": {"qualify": 6, "lost": 4},
    "qualify": {"meet": 7, "lost": 3},
    "meet": {"demo": 6, "proposal": 2, "lost": 2},
    "demo": {"proposal": 7, "lost": 3},
    "proposal": {"nego": 6, "demo": 1, "lost": 3},
    "nego": {"contract": 6, "proposal": 2, "lost": 2},
    "contract": {"won": 9, "lost": 1},
}


def bench_process() -> Process:
    p = Process(id="bench", name="Bench", language="en")
    for sid in STAGES:
        kind = StageKind.WON if sid == "won" else StageKind.LOST if sid == "lost" else \
            StageKind.STAGE
        kpis = ()
        if kind is StageKind.STAGE:
            kpis = (Kpi("conv", 90, "%", id=f"{sid}-c", measure=Measure.CONVERSION,
                        measure_to=max(NEXT[sid], key=NEXT[sid].get)),
                    Kpi("in", 10**6, "", id=f"{sid}-e", measure=Measure.ENTRIES))
        p.add_stage(Stage(sid, sid.title(), kind, kpis=kpis))
    for s, nexts in NEXT.items():
        for t in nexts:
            if t != "demo" or s != "proposal":    # proposal → demo happens, undrawn
                p.add_transition(Transition(f"{s}-{t}", s, t))
    return p


def generate(n: int, seed: int = 7) -> list[DealEvent]:
    """About ``n`` events: deals walking the weighted graph from lead, over 12 months."""
    rnd = random.Random(seed)
    start = datetime(2026, 1, 1)
    out: list[DealEvent] = []
    deal = 0
    while len(out) < n:
        deal += 1
        did, stage = f"DEAL-{deal:07d}", "lead"
        at = start + timedelta(minutes=rnd.randrange(365 * 24 * 60))
        amount = float(rnd.randrange(10, 500) * 10_000)
        while True:
            out.append(DealEvent(did, stage, at, amount, f"rep{deal % 40}"))
            if stage not in NEXT or len(out) >= n or rnd.random() < 0.05:   # 5 % stay open
                break
            nexts = NEXT[stage]
            stage = rnd.choices(list(nexts), weights=list(nexts.values()))[0]
            at += timedelta(hours=rnd.randrange(1, 24 * 30))
    return out


# ---------------------------------------------------------------------- candidates
def yardstick(events: list[DealEvent]) -> object:
    counts: dict[str, int] = {}
    for e in events:
        counts[e.stage_id] = counts.get(e.stage_id, 0) + 1
    return counts


def shipped(events: list[DealEvent]) -> object:
    from salesdesigner.model.actuals import analyze
    a = analyze(bench_process(), events)
    return {s.stage_id: s.reached for s in a.stages}


def shipped_month(events: list[DealEvent]) -> object:
    from salesdesigner.model.actuals import analyze
    a = analyze(bench_process(), events, "2026-06")
    return {s.stage_id: s.reached for s in a.stages}


def pandas_core(events: list[DealEvent]) -> object:
    import pandas as pd
    df = pd.DataFrame({"deal": [e.deal_id for e in events],
                       "stage": [e.stage_id for e in events],
                       "at": [e.entered for e in events]})
    df = df.drop_duplicates().sort_values(["deal", "at"], kind="stable")
    same = (df["deal"] == df["deal"].shift()) & (df["stage"] == df["stage"].shift())
    v = df[~same].copy()
    nxt_same_deal = v["deal"].shift(-1) == v["deal"]
    v["next"] = v["stage"].shift(-1).where(nxt_same_deal)
    v["left"] = v["at"].shift(-1).where(nxt_same_deal)
    v["days"] = (v["left"] - v["at"]).dt.total_seconds() / 86400
    reach = v.groupby("stage")["deal"].nunique()
    v.groupby(["stage", "next"])["deal"].nunique()            # moved on per next stage
    v.groupby(["stage", "next"]).size()                       # flows
    v.groupby("stage")["days"].agg(["mean", "median"])        # days in stage
    return reach.to_dict()


def polars_core(events: list[DealEvent]) -> object:
    import polars as pl
    df = pl.DataFrame({"deal": [e.deal_id for e in events],
                       "stage": [e.stage_id for e in events],
                       "at": [e.entered for e in events]})
    df = df.unique().sort(["deal", "at"], maintain_order=True)
    v = df.filter(~((pl.col("deal") == pl.col("deal").shift())
                    & (pl.col("stage") == pl.col("stage").shift())).fill_null(False))
    same = pl.col("deal").shift(-1) == pl.col("deal")
    v = v.with_columns(pl.when(same).then(pl.col("stage").shift(-1)).alias("next"),
                       pl.when(same).then(pl.col("at").shift(-1)).alias("left"))
    v = v.with_columns(((pl.col("left") - pl.col("at")).dt.total_seconds() / 86400)
                       .alias("days"))
    reach = v.group_by("stage").agg(pl.col("deal").n_unique())
    v.group_by(["stage", "next"]).agg(pl.col("deal").n_unique(), pl.len())
    v.group_by("stage").agg(pl.col("days").mean().alias("mean"),
                          pl.col("days").median().alias("median"))
    return dict(zip(reach["stage"], reach["deal"], strict=False))


CANDIDATES = {"yardstick": yardstick, "analyze": shipped, "analyze_month": shipped_month,
              "pandas_core": pandas_core, "polars_core": polars_core}


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def child(name: str, n: int, repeat: int) -> None:
    """Run one candidate in this (fresh) process and print JSON: seconds, peak MB above the
    events, and the reach it found (to check the candidates agree)."""
    events = generate(n)
    base = _rss_mb()
    try:
        best, result = float("inf"), None
        for _ in range(repeat):
            t0 = time.perf_counter()
            result = CANDIDATES[name](events)
            best = min(best, time.perf_counter() - t0)
    except ImportError:
        print(json.dumps({"missing": True}))
        return
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": best, "peak_mb": max(0.0, peak - base), "events_mb": base,
                      "reach": result if name != "yardstick" else None}))


def run(sizes: list[int], repeat: int) -> None:
    rows = []
    for n in sizes:
        results = {}
        for name in CANDIDATES:
            out = subprocess.run([sys.executable, "-m", "benchmarks.bench_analysis", "--child",
                                  name, str(n), str(repeat)], capture_output=True, text=True,
                                 check=True)
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
        yard = results["yardstick"]["seconds"]
        reach = results["analyze"]["reach"]
        for name, r in results.items():
            if r.get("missing"):
                rows.append([f"{n:,}", name, "not installed", "", "", ""])
                continue
            agree = "" if r["reach"] is None or name == "analyze_month" else \
                ("yes" if {k: v for k, v in r["reach"].items() if v} ==
                 {k: v for k, v in reach.items() if v} else "NO")
            rows.append([f"{n:,}", name, f"{r['seconds']:.2f}", f"{r['seconds'] / yard:.1f}",
                         f"{r['peak_mb']:.0f}", agree])
    print_table(["events", "candidate", "seconds", "× yardstick", "peak MB above events",
                 "same reach"], rows)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    run(args.sizes, args.repeat)


if __name__ == "__main__":
    main()
