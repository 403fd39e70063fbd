"""Plan benchmark: the back-calculation (逆算) of generated processes of 100, 1,000 and
2,000 stages — every arrow's rate chosen, the absorbing chain solved for the expected
entries of every stage, each stage's chance to win — against a yardstick in the same run:
numpy solving one dense linear system of the process's size (what the plan would cost solved
as one system rather than loop by loop).

    .venv/bin/python -m benchmarks.bench_plan [--sizes 100 1000 2000] [--repeat 3]

Every second stage's "Conversion rate" KPI is made to measure the move to its next stage
(99 %) and the decisions' rates are overrides (95 / 3 / 2 %); the "actual" column plans
from a simulated deal history (2,000 deals walking the graph), building the history
included.  The "win-rate targets" column adds a win-rate KPI on every odd stage, its target
50–90 % of the chance the plan gives it without one (rising along the process, so each is
within what its ways on can reach): each is solved through the chain's loops
(``model/plan/winfit.py``: one pinned solve, a closed form per stage), and the count of
targets met exactly is printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
from datetime import datetime, timedelta

from benchmarks.common import best_of, print_table
from benchmarks.synthetic import synthetic_process
from salesdesigner.model.actuals.events import DealEvent
from salesdesigner.model.entities import Measure, StageKind
from salesdesigner.model.plan import back_calculate


def planned_process(n: int):  # type: ignore[no-untyped-def]
    """The synthetic process with 99 % conversion targets on every second stage's next
    arrow, and its decisions' rates set (95 % on, 3 % lost, 2 % back: the overrides)."""
    process = synthetic_process(n)
    overrides = {}
    for i, stage in enumerate(process.stages):
        nexts = process.outgoing(stage.id)
        if stage.kind is StageKind.DECISION:
            for t, rate in zip(nexts, (0.95, 0.03, 0.02), strict=False):
                overrides[(stage.id, t.target)] = rate
        if stage.kind is not StageKind.STAGE or not nexts or i % 2:
            continue
        kpi = dataclasses.replace(stage.kpis[0], measure=Measure.CONVERSION,
                                  measure_to=nexts[0].target, target=99.0)
        process.replace_stage(dataclasses.replace(stage, kpis=(kpi, *stage.kpis[1:])))
    return process, overrides


def with_win_rates(process, rates):  # type: ignore[no-untyped-def]
    """A copy of the planned process with a win-rate KPI (50 % of the plan's chance at the
    first stage, rising to 90 % at the last) on every odd stage that a deal reaches."""
    from salesdesigner.model.entities import Kpi
    plan = back_calculate(process, won=20, overrides=rates)
    out = process.copy()
    for i, stage in enumerate(process.stages):
        chance = plan.stage(stage.id).win_chance
        if stage.kind is not StageKind.STAGE or not i % 2 or chance <= 0:
            continue
        share = 50 + 40 * i / len(process.stages)
        kpi = Kpi("Win rate", share * chance, "%", id="win", measure=Measure.WIN_RATE)
        out.replace_stage(dataclasses.replace(stage, kpis=(*stage.kpis, kpi)))
    return out


def simulated(process, deals: int, seed: int = 3) -> list[DealEvent]:  # type: ignore[no-untyped-def]
    """Deals walking the graph: the first arrow 85 % of the time, another one otherwise."""
    rng = random.Random(seed)
    out = []
    start = datetime(2026, 1, 1)
    for d in range(deals):
        sid, at = "start", start + timedelta(hours=d)
        for _ in range(10_000):  # no cap: a cap stops every long walk at one stage
            out.append(DealEvent(f"D{d}", sid, at))
            if process.stage(sid).kind.is_terminal:
                break
            exits = process.outgoing(sid)
            if not exits or rng.random() < 0.04:
                break
            sid = (exits[0] if rng.random() < 0.85 else rng.choice(exits)).target
            at += timedelta(days=1)
    return out


def yardstick(n: int) -> float:
    import numpy as np
    rng = np.random.default_rng(0)
    a = np.eye(n) - rng.random((n, n)) / (2 * n)
    b = rng.random(n)
    return best_of(lambda: np.linalg.solve(a.T, b), 5)


def run(sizes: list[int], repeat: int) -> None:
    rows = []
    for n in sizes:
        process, rates = planned_process(n)
        events = simulated(process, 2000)
        from salesdesigner.model.actuals.history import build_history  # warm numpy
        build_history(process, events[:10])
        heads = {process.lanes[1].id: 4.0}
        targets = best_of(lambda p=process, r=rates: back_calculate(p, won=20, overrides=r),
                          repeat)
        rep = best_of(lambda p=process, r=rates, h=heads: back_calculate(
            p, goal=5e6, deal_size=25_000, heads=h, working_days=20, overrides=r), repeat)
        actual = best_of(lambda p=process, e=events, r=rates: back_calculate(
            p, won=20, source="actual", events=e, overrides=r), repeat)
        winning = with_win_rates(process, rates)
        wins = best_of(lambda p=winning, r=rates: back_calculate(p, won=20, overrides=r),
                       repeat)
        fitted = back_calculate(winning, won=20, overrides=rates)
        met = sum(1 for u in fitted.targets if u.measure == "win_rate"
                  and abs(fitted.stage(u.stage_id).win_chance - u.target) < 1e-9)
        total = sum(1 for u in fitted.targets if u.measure == "win_rate")
        solve = yardstick(len(process.stage_ids))
        plan = back_calculate(process, won=20, overrides=rates)
        from benchmarks.bench_forecast import cpu_best
        cpu = cpu_best(lambda p=winning, r=rates: back_calculate(p, won=20, overrides=r),
                       repeat)
        rows.append([f"{n:,}", f"{len(process.transitions):,}", f"{targets * 1000:.0f} ms",
                     f"{rep * 1000:.0f} ms", f"{actual * 1000:.0f} ms",
                     f"{wins * 1000:.0f} ms ({met}/{total} met; CPU {cpu * 1000:.0f} ms)",
                     f"{solve * 1000:.1f} ms", f"{targets / solve:.0f}×",
                     f"{plan.entries:,.1f}"])
    print_table(["stages", "arrows", "plan (targets)", "revenue + per rep",
                 f"actual rates ({2000:,} deals, incl. history)", "win-rate targets",
                 "yardstick: one solve",
                 "ratio", "deals in"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    run(args.sizes, args.repeat)


if __name__ == "__main__":
    main()
