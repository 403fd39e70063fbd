"""Compare mode while the user edits (issue 11): on a 1,000-stage draft with 5 % of its
stages changed against the original, one edit's update — the comparison made again, the
canvas overlay and the change list redrawn — against the bare comparison measured in the
same run (the yardstick), and against the same edit with no comparison shown (the
window's own work: validation, overview map).  The update runs once per burst of typing
(debounced), so the figure is what a pause in typing costs.

    .venv/bin/python -m benchmarks.bench_compare_ui [--sizes 1000] [--repeat 3]

Runs on Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from benchmarks.bench_compare import revised
from benchmarks.common import best_of, print_table
from benchmarks.synthetic import synthetic_process

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from salesdesigner.model.compare import compare
    from salesdesigner.ui.app import application
    from salesdesigner.ui.main_window import MainWindow
    app = application("en")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            old = synthetic_process(n)
            window = MainWindow(revised(old), autosave_dir=Path(folder))
            window.document.set_autosave_interval(0)
            window.show()
            app.processEvents()
            draft = window.process
            stage = draft.stages[1]
            goals = iter(range(10**6))

            def settled(fn) -> float:
                """Best time of ``fn`` (the edit, then what compare mode does right away);
                the window's deferred work (validation, overview map) runs untimed."""
                best = float("inf")
                for _ in range(args.repeat):
                    app.processEvents()
                    start = time.perf_counter()
                    fn()
                    best = min(best, time.perf_counter() - start)
                    app.processEvents()
                return best

            def edit(draft=draft, stage=stage, goals=goals) -> None:
                draft.update_stage(stage.id, goal=f"goal {next(goals)}")

            without = settled(edit)
            mode = window.compare_with(old, "original")
            app.processEvents()

            def update(mode=mode) -> None:
                edit()
                mode.session.recompute()  # what the debounce timer does after typing

            seconds = settled(update)
            yard = best_of(lambda old=old, draft=draft: compare(old, draft), args.repeat)
            overlay = best_of(mode.overlay.redraw, args.repeat)
            listing = best_of(mode.changes.refresh, args.repeat)
            rows.append([f"{n:,}", f"{len(mode.session.comparison.content)}",
                         f"{without * 1000:.0f}", f"{seconds * 1000:.0f}",
                         f"{overlay * 1000:.0f}", f"{listing * 1000:.0f}",
                         f"{yard * 1000:.0f}", f"{(seconds - without) / yard:.2f}x"])
            print(*rows[-1], flush=True)
            window.end_compare()
            window.undo_stack.setClean()
            window.close()
            window.deleteLater()
            app.processEvents()
    print()
    print_table(["stages", "content changes", "edit, no compare ms", "edit, comparing ms",
                 "overlay ms", "list ms", "compare() ms (yardstick)",
                 "added by compare mode / compare()"], rows)


if __name__ == "__main__":
    main()
