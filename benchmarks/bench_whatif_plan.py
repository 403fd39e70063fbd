"""What-if with the plan on the canvas: one move of the dashboard's rate slider on a
1,000-stage process with a deal history — the odds, the forecast and the plan solved again
with that rate (the work a worker thread does per move), and the overlay written again on
the GUI thread with the new numbers (cards' plan pills, arrows' plan tags, chance pills) —
against a yardstick in the same run: one dense 1,000 × 1,000 ``numpy.linalg.solve``.

Then a drag: 30 slider moves as fast as the events come, in a real window (offscreen):
the longest the GUI thread was busy with one move, and how many moves were solved (the
rest coalesced).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_whatif_plan [--stages 1000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.bench_plan import planned_process, simulated
from benchmarks.common import best_of, print_table


def settle(performance) -> None:  # type: ignore[no-untyped-def]
    """Every pending analysis, what-if and their results delivered."""
    from PySide6.QtWidgets import QApplication
    for _ in range(20):
        performance.wait()
        QApplication.processEvents()
        if not performance._jobs and performance._what_if_job is None:
            return


def run(stages: int, deals: int) -> None:
    import numpy as np
    from PySide6.QtWidgets import QApplication

    from salesdesigner.model.actuals.record import actuals_of
    from salesdesigner.model.forecast.whatif import exits
    from salesdesigner.model.plan.onscreen import PlanGoal, arrow_for
    from salesdesigner.ui.app import application
    from salesdesigner.ui.main_window import MainWindow
    from salesdesigner.ui.performance.state import what_if

    application("en")
    process, rates = planned_process(stages)
    process.set_actuals(actuals_of(simulated(process, deals)))
    goal = PlanGoal(won=20.0, overrides=tuple(sorted(rates.items())))
    with tempfile.TemporaryDirectory() as autosave:
        window = MainWindow(process, autosave_dir=Path(autosave))
        window.document.set_autosave_interval(0)
        window.show()
        views = window.performance_views
        performance = views.performance
        window.actions_.performance_overlay.setChecked(True)
        window.actions_.dashboard.setChecked(True)
        settle(performance)
        performance.set_plan(goal, shown=True)
        settle(performance)
        result = performance.result
        assert result.plan is not None and result.plan.now is not None, result.plan
        look = result.outlook
        move = next((s, t, r) for s, t, r in exits(look.base)
                    if arrow_for(process, (s, t, r)) is not None and 0.2 < r < 0.9)
        values = iter([0.3, 0.5, 0.7, 0.4, 0.6] * 4)
        solve = best_of(lambda: what_if(result, process, (move[0], move[1], next(values)),
                                        goal), 3)
        out = what_if(result, process, (move[0], move[1], 0.5), goal)
        plan_only = best_of(lambda: what_if(
            result, process, look.change, PlanGoal(won=21.0, overrides=goal.overrides)), 3)
        from dataclasses import replace
        moved = replace(result, outlook=out[0], plan=out[1])
        overlay = views.overlay

        def repaint() -> None:
            for r in (moved, result):
                overlay.show(r.overlay, r.outlook.chances(), r.plan.now)

        write = best_of(repaint, 3) / 2
        panel = views.dashboard.forecast
        panel_write = best_of(panel.render, 3)
        rng = np.random.default_rng(0)
        a = np.eye(1000) - rng.random((1000, 1000)) / 2000
        b = rng.random(1000)
        yard = best_of(lambda: np.linalg.solve(a, b), 5)

        panel.exit.setCurrentIndex([panel.exit.itemData(i) for i in range(panel.exit.count())]
                                   .index((move[0], move[1])))
        solved = []
        performance.moved.connect(lambda: solved.append(1))
        steps = []
        start = time.perf_counter()
        for value in range(20, 50):
            t = time.perf_counter()
            panel.slider.setValue(value)
            QApplication.processEvents()
            steps.append(time.perf_counter() - t)
        settle(performance)
        import statistics
        busiest, typical = max(steps[1:]), statistics.median(steps)
        drag = time.perf_counter() - start
        print_table(["step", "ms", "× yardstick"], [
            ["yardstick: one 1,000 × 1,000 solve", f"{yard * 1000:.1f}", "1.0"],
            [f"one what-if move: odds + forecast + plan ({len(process.stages):,} stages)",
             f"{solve * 1000:.0f}", f"{solve / yard:.0f}"],
            ["the plan alone (a new goal, same rate)", f"{plan_only * 1000:.0f}",
             f"{plan_only / yard:.0f}"],
            ["overlay written again (GUI thread)", f"{write * 1000:.0f}", f"{write / yard:.0f}"],
            ["forecast panel written again (GUI thread)", f"{panel_write * 1000:.0f}",
             f"{panel_write / yard:.0f}"],
            ["drag: first move (copies the process for the worker)",
             f"{steps[0] * 1000:.0f}", f"{steps[0] / yard:.0f}"],
            ["drag: median GUI-thread step of a move", f"{typical * 1000:.0f}",
             f"{typical / yard:.1f}"],
            ["drag: longest GUI-thread step after the first", f"{busiest * 1000:.0f}",
             f"{busiest / yard:.0f}"],
            [f"drag of 30 moves: {len(solved)} solved, all done after", f"{drag * 1000:.0f}",
             ""],
        ])
        window.undo_stack.setClean()
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stages", type=int, default=1000)
    parser.add_argument("--deals", type=int, default=2000)
    args = parser.parse_args()
    run(args.stages, args.deals)


if __name__ == "__main__":
    main()
