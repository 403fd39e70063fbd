"""Forecast benchmark: how well calibrated the per-stage win probability is, and how fast
the odds, the forecast and the levers of a 1,000-stage process compute.

**Calibration.**  Deals walk a known chain (lead → qualify → meeting → proposal →
negotiation → won, a loss at every stage and a loop back from negotiation to proposal).
From 20, 200 and 2,000 simulated deals we estimate each stage's chance to win three ways,
and score them on 5,000 fresh deals from the same chain: every visit of a deal to a stage
is one forecast ("this deal wins with p"), the Brier score is the mean of (p − won)²
(lower is better).

* ours: the chain from the history with the KPI targets as a weak prior (2 pseudo-deals);
  the targets are a manager's, roughly right, not the truth;
* no prior: the same chain from the history alone (prior strength 0);
* CRM defaults: fixed 10 / 20 / 50 / 70 / 90 % by stage, as CRMs ship them;
* truth: the simulating chain's own chances (the floor no estimate can beat).

Each size is repeated over seeds (different histories) and averaged.

**Speed.**  A 1,000-stage generated process (``synthetic_process``) with a simulated
history: building the history, the odds (chain + credible intervals), the forecast and
the levers, against a yardstick in the same run: one dense 1,000 × 1,000 ``numpy.linalg.
solve`` (the chain's linear system, the least any exact answer costs).

A second table repeats the calibration when half the lost deals were never closed in the
CRM (their last event, the loss, dropped): the quiet-deal rule on and off.

    .venv/bin/python -m benchmarks.bench_forecast [--repeats 20] [--test-deals 5000]
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from benchmarks.common import best_of, print_table
from benchmarks.synthetic import chain_deals, synthetic_process
from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.actuals.bottleneck import chances_from_moves
from salesdesigner.model.entities import Measure

STAGES = ["lead", "qualify", "meeting", "proposal", "nego"]
TRUE = {"lead": {"qualify": 0.6, "lost": 0.4},
        "qualify": {"meeting": 0.5, "lost": 0.5},
        "meeting": {"proposal": 0.6, "lost": 0.4},
        "proposal": {"nego": 0.6, "lost": 0.4},
        "nego": {"won": 0.6, "proposal": 0.15, "lost": 0.25}}
#: the manager's targets (%): near the truth, not equal to it
TARGETS = {"lead": ("qualify", 50), "qualify": ("meeting", 60), "meeting": ("proposal", 50),
           "proposal": ("nego", 70), "nego": ("won", 50)}
CRM_DEFAULTS = {"lead": 0.1, "qualify": 0.2, "meeting": 0.5, "proposal": 0.7, "nego": 0.9}
SIZES = (20, 200, 2000)


def calibration_process() -> Process:
    p = Process(id="calib", name="Calibration", language="en", currency="USD")
    for sid in STAGES:
        to, target = TARGETS[sid]
        p.add_stage(Stage(sid, sid.title(), kpis=(
            Kpi("conversion", target, "%", id=f"{sid}-c", measure=Measure.CONVERSION,
                measure_to=to),)))
    p.add_stage(Stage("won", "Won", StageKind.WON))
    p.add_stage(Stage("lost", "Lost", StageKind.LOST))
    for s, nexts in TRUE.items():
        for t in nexts:
            p.add_transition(Transition(f"{s}-{t}", s, t))
    return p


def _visits(history: Any) -> tuple[Any, Any]:
    """(stage index, won 0/1) of every visit to a transient stage."""
    import numpy as np

    from salesdesigner.model.actuals.history import WON
    won = (history.d_outcome == WON).astype(np.float64)[history.v_deal]
    keep = np.isin(history.v_stage, [history.stage_ids.index(s) for s in STAGES])
    return history.v_stage[keep], won[keep]


def brier(chances: dict[str, float], stage_ids: tuple[str, ...], visits: tuple[Any, Any]
          ) -> float:
    import numpy as np
    p = np.array([chances.get(s, 0.0) for s in stage_ids])
    stage, won = visits
    return float(np.mean((p[stage] - won) ** 2))


def _scoring(test_deals: int) -> tuple[Process, dict[str, float], tuple[str, ...], Any]:
    """The calibration process, its true chances, its stage ids and the fresh deals' visits
    every estimate is scored on."""
    from salesdesigner.model.actuals.history import build_history
    process = calibration_process()
    kinds = {s.id: StageKind(s.kind) for s in process.stages}
    test = build_history(process, chain_deals(TRUE, test_deals, start="lead", seed=10_000))
    return process, chances_from_moves(kinds, TRUE), test.stage_ids, _visits(test)


def calibration(repeats: int, test_deals: int) -> list[list[str]]:
    from salesdesigner.model.actuals.history import build_history
    from salesdesigner.model.forecast.odds import estimate

    process, truth, ids, visits = _scoring(test_deals)
    rows = []
    for n in SIZES:
        scores: dict[str, list[float]] = {"ours": [], "none": [], "crm": [], "truth": []}
        for seed in range(repeats if n < 2000 else max(3, repeats // 4)):
            history = build_history(process, chain_deals(TRUE, n, start="lead", seed=seed))
            scores["ours"].append(brier(estimate(history, draws=0).win, ids, visits))
            scores["none"].append(brier(estimate(history, prior_strength=0.0, draws=0).win,
                                        ids, visits))
            scores["crm"].append(brier(CRM_DEFAULTS, ids, visits))
            scores["truth"].append(brier(truth, ids, visits))
        rows.append([f"{n:,}", *(f"{statistics.fmean(scores[k]):.4f}"
                                 for k in ("ours", "none", "crm", "truth"))])
    return rows


def never_closed(events: list[Any], share: float, seed: int) -> list[Any]:
    """``events`` with the closing "lost" event of ``share`` of the lost deals dropped: deals
    the team gave up on that nobody closed in the CRM (they stay open where they were)."""
    import random
    rnd = random.Random(seed)
    last: dict[str, int] = {}
    for i, e in enumerate(events):
        last[e.deal_id] = i
    drop = {i for i in last.values() if events[i].stage_id == "lost" and rnd.random() < share}
    return [e for i, e in enumerate(events) if i not in drop]


def calibration_unclosed(repeats: int, test_deals: int, share: float = 0.5
                         ) -> list[list[str]]:
    """Brier scores when ``share`` of the lost deals were never closed in the CRM: the
    quiet-deal rule (:mod:`salesdesigner.model.actuals.quiet`) on and off."""
    from unittest import mock

    from salesdesigner.model.actuals import quiet
    from salesdesigner.model.actuals.history import build_history
    from salesdesigner.model.forecast.odds import estimate

    process, truth, ids, visits = _scoring(test_deals)
    rows = []
    for n in SIZES:
        scores: dict[str, list[float]] = {"on": [], "off": [], "truth": []}
        for seed in range(repeats if n < 2000 else max(3, repeats // 4)):
            events = never_closed(chain_deals(TRUE, n, start="lead", seed=seed), share, seed)
            history = build_history(process, events)
            scores["on"].append(brier(estimate(history, draws=0).win, ids, visits))
            with mock.patch.object(quiet, "quiet_exits", lambda *_: {}):
                scores["off"].append(brier(estimate(history, draws=0).win, ids, visits))
            scores["truth"].append(brier(truth, ids, visits))
        rows.append([f"{n:,}", *(f"{statistics.fmean(scores[k]):.4f}"
                                 for k in ("on", "off", "truth"))])
    return rows


def cpu_best(fn: Any, repeat: int) -> float:
    """Best CPU time (all threads of this process) of ``repeat`` runs: what the work costs
    when other processes share the cores (wall-clock times then measure the queue)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _walk(process: Process) -> dict[str, dict[str, float]]:
    """Every stage's arrows as steps: the main path 0.8, the others sharing 0.2."""
    steps: dict[str, dict[str, float]] = {}
    for s in process.stages:
        arrows = process.outgoing(s.id)
        if not arrows:
            continue
        main = arrows[0].target
        rest = [a.target for a in arrows[1:]]
        steps[s.id] = {main: 0.8 if rest else 1.0, **{t: 0.2 / len(rest) for t in rest}}
    return steps


def speed(deals: int) -> list[list[str]]:
    import numpy as np

    from salesdesigner.model.actuals.history import build_history
    from salesdesigner.model.forecast.levers import levers
    from salesdesigner.model.forecast.odds import estimate
    from salesdesigner.model.forecast.pipeline import forecast

    process = synthetic_process(1000)
    events = chain_deals(_walk(process), deals, start="start", seed=1, open_share=0.3)
    rng = np.random.default_rng(0)
    a = np.eye(1000) - rng.random((1000, 1000)) / 2000
    b = rng.random(1000)
    yard = best_of(lambda: np.linalg.solve(a, b), 5)
    history = build_history(process, events)
    found = estimate(history)
    timings = [
        ("build the history", best_of(lambda: build_history(process, events), 3)),
        ("odds (chain + 80 % intervals)", best_of(lambda: estimate(history), 3)),
        ("forecast of the open deals", best_of(lambda: forecast(history, found), 3)),
        ("levers (every exit and stage)", best_of(lambda: levers(history, found), 3)),
    ]
    def everything() -> None:
        odds = estimate(history)
        forecast(history, odds)
        levers(history, odds)

    timings.append(("odds + forecast + levers", best_of(everything, 3)))
    cpu = {"yardstick": cpu_best(lambda: np.linalg.solve(a, b), 5),
           "odds + forecast + levers": cpu_best(everything, 3)}
    rows = [["yardstick: one 1,000 × 1,000 solve", f"{yard * 1000:.1f}", "1.0",
             f"{cpu['yardstick'] * 1000:.1f}"]]
    rows += [[name, f"{t * 1000:.1f}", f"{t / yard:.1f}",
              f"{cpu[name] * 1000:.1f}" if name in cpu else ""] for name, t in timings]
    live = len(found.chain.live)
    rows.append([f"({len(events):,} events, {len(history.deal_ids):,} deals, {live} stages "
                 f"in the chain, intervals: {found.method})", "", "", ""])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--test-deals", type=int, default=5000)
    parser.add_argument("--speed-deals", type=int, default=5000)
    args = parser.parse_args()
    print("Calibration: mean Brier score of the per-stage win probability on "
          f"{args.test_deals:,} fresh deals (lower is better)\n")
    print_table(["deals", "ours (targets as prior)", "no prior", "CRM defaults", "truth"],
                calibration(args.repeats, args.test_deals))
    print("\nThe same when half the lost deals were never closed in the CRM (they stay open "
          "where they were; deals start over a year)\n")
    print_table(["deals", "ours, quiet deals count as lost", "ours, quiet deals open", "truth"],
                calibration_unclosed(args.repeats, args.test_deals))
    print("\nSpeed: a 1,000-stage process\n")
    print_table(["step", "ms (wall)", "× yardstick", "ms (CPU)"], speed(args.speed_deals))


if __name__ == "__main__":
    main()
