"""The discovered flow (issue 14): how long discovery and conformance take on a large stage
history, against importing the same export (the yardstick, measured in the same run), and
whether its moves and counts equal pm4py's directly-follows discovery of the same log.

1. Speed: ``bench_actuals_import.write_export`` writes a long CSV export of N rows; the
   import (``read_actuals`` + the import edit) is timed, then discovery on the document's
   events: building the history, the directly-follows graph, the conformance.  With pm4py
   installed (``pip install -e '.[yardstick]'``), pm4py's ``discover_dfg`` on the same
   events (as a pandas frame, the frame's making not timed) is timed too.
2. Yardstick of correctness (pm4py installed): a few thousand generated deals that skip
   stages, go back and loop; the moves, their counts, the start stages and the median
   days per move must equal pm4py's ``discover_dfg`` / ``discover_performance_dfg``.
   The run fails (non-zero exit) when they differ.

    .venv/bin/python -m benchmarks.bench_discovery [--sizes 100000 1000000] [--deals 5000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.bench_actuals_import import write_export
from benchmarks.common import print_table

#: the eight-step template's selling stages, in order, then its two outcomes
WALK = ("lead", "prospecting", "approach", "hearing", "proposal", "closing")


def messy_events(deals: int, seed: int = 14) -> list:
    """Deals that mostly follow the design but skip a stage, go back a stage or stop,
    entering stages at distinct moments (pm4py orders ties its own way)."""
    from salesdesigner.model.actuals import DealEvent

    rnd = random.Random(seed)
    out = []
    for d in range(deals):
        when = datetime(2025, 1, 1) + timedelta(days=rnd.randrange(365),
                                                minutes=rnd.randrange(1440))
        i = rnd.randrange(2)
        path = [WALK[i]]
        while len(path) < 40:
            roll = rnd.random()
            if roll < 0.06:
                break                                  # still open
            if i == len(WALK) - 1 and roll < 0.5:
                path.append(rnd.choice(("won", "lost")))
                break
            if roll < 0.14 and i + 2 < len(WALK):
                i += 2                                 # a skip
            elif roll < 0.24 and i > 0:
                i -= 1                                 # back a stage
            elif roll < 0.30:
                path.append("lost")
                break
            else:
                i = min(i + 1, len(WALK) - 1)
            if WALK[i] != path[-1]:
                path.append(WALK[i])
        for stage in path:
            out.append(DealEvent(f"M-{d:06d}", stage, when, owner=f"rep{d % 7}"))
            when += timedelta(days=rnd.randrange(1, 15), minutes=rnd.randrange(1, 1440))
    return out


def _frame(events: list):
    import pandas as pd

    return pd.DataFrame({"case:concept:name": [e.deal_id for e in events],
                         "concept:name": [e.stage_id for e in events],
                         "time:timestamp": pd.to_datetime([e.entered for e in events])})


def compare_with_pm4py(deals: int) -> list[str]:
    """The differences between our discovery and pm4py's on ``deals`` generated deals
    (empty: none)."""
    import pm4py

    from salesdesigner.model.discovery import discover
    from salesdesigner.storage.templates import load_template

    events = messy_events(deals)
    flow = discover(load_template("eight-step", "en"), events)
    frame = _frame(events)
    dfg, starts, _ends = pm4py.discover_dfg(frame)
    perf, _s, _e = pm4py.discover_performance_dfg(frame)
    ours = {(m.source, m.target): m.moves for m in flow.moves}
    theirs = {tuple(k): int(v) for k, v in dfg.items()}
    problems = []
    if ours != theirs:
        problems.append(f"moves differ: ours only {set(ours) - set(theirs)}, pm4py only "
                        f"{set(theirs) - set(ours)}, counts "
                        f"{[(k, ours[k], theirs[k]) for k in ours if theirs.get(k) != ours[k]]}")
    if flow.starts != {k: int(v) for k, v in starts.items()}:
        problems.append(f"start stages differ: {flow.starts} vs {dict(starts)}")
    for m in flow.moves:
        median = perf.get((m.source, m.target), {}).get("median")
        if median is None or abs(median / 86400 - (m.median_days or 0)) > 1e-6:
            problems.append(f"median days of {m.source}→{m.target}: {m.median_days} vs "
                            f"{None if median is None else median / 86400}")
    print(f"pm4py yardstick: {deals:,} deals, {len(events):,} events, "
          f"{len(ours)} distinct moves, {sum(ours.values()):,} moves: "
          + ("equal" if not problems else "DIFFERENT"))
    return problems


def _time_size(n: int, tmp: Path, pm4py_on: bool) -> list[str]:
    from salesdesigner.model.actuals.history import build_history
    from salesdesigner.model.discovery.conformance import check_conformance
    from salesdesigner.model.discovery.flow import discover_history
    from salesdesigner.storage.actuals_import import read_actuals
    from salesdesigner.storage.templates import load_template

    path = tmp / f"export-{n}.csv"
    write_export(path, n)
    process = load_template("eight-step", "ja")
    start = time.perf_counter()
    plan = read_actuals(str(path), process)
    plan.edit().apply(process)
    imported = time.perf_counter() - start
    events = process.actuals.events
    start = time.perf_counter()
    history = build_history(process, events)
    built = time.perf_counter() - start
    flow = discover_history(history)
    conf = check_conformance(history, flow)
    found = time.perf_counter() - start
    assert flow.moves and conf.deals
    row = [f"{n:,}", f"{imported:.2f}", f"{built:.2f}", f"{found - built:.2f}",
           f"{found:.2f}", f"{found / imported:.2f}x"]
    if pm4py_on:
        import pm4py
        frame = _frame(list(events))
        start = time.perf_counter()
        pm4py.discover_dfg(frame)
        row.append(f"{time.perf_counter() - start:.2f}")
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--deals", type=int, default=5000,
                        help="generated deals for the pm4py comparison")
    args = parser.parse_args()
    try:
        import pm4py  # noqa: F401
        pm4py_on = True
    except ImportError:
        pm4py_on = False
        print("pm4py is not installed (pip install -e '.[yardstick]'): no comparison")
    problems = compare_with_pm4py(args.deals) if pm4py_on else []
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            rows.append(_time_size(n, Path(tmp), pm4py_on))
            print(*rows[-1], flush=True)
    print()
    header = ["rows", "import s", "history s", "flow+conformance s", "discovery s",
              "discovery/import"] + (["pm4py discover_dfg s"] if pm4py_on else [])
    print_table(header, rows)
    for p in problems:
        print("error:", p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
