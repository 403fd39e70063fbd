"""Comparing two revisions (issue 11): two 1,000-stage processes with 5 % of the stages
changed — field edits, KPI targets, renames, lane moves, stages removed, added and
deleted-and-re-created under a new id, plus stages moved on the canvas — against writing
both as interchange JSON (the yardstick, measured in the same run).  Goal: compare < 0.5 s.

    .venv/bin/python -m benchmarks.bench_compare [--sizes 1000 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import random

from benchmarks.common import best_of, print_table
from benchmarks.synthetic import synthetic_process
from salesdesigner.model import Position, Process, Stage, Transition
from salesdesigner.model.compare import compare, comparison_to_json, report_text
from salesdesigner.storage.json_format import process_to_json


def revised(old: Process, share: float = 0.05, seed: int = 1) -> Process:
    """A copy of ``old`` with ``share`` of its stages changed, each in one of eight ways."""
    rng = random.Random(seed)
    new = old.copy()
    body = [s.id for s in old.stages if s.id.startswith("s")]
    chosen = rng.sample(body, int(len(old.stages) * share))
    for n, sid in enumerate(chosen):
        if not new.has_stage(sid):
            continue
        stage = new.stage(sid)
        way = n % 8
        if way == 0:
            new.update_stage(sid, goal=stage.goal.replace("clear", "written"))
        elif way == 1:
            kpi = stage.kpis[0]
            new.update_stage(sid, kpis=(dataclasses.replace(kpi, target=(kpi.target or 0) + 5),
                                        *stage.kpis[1:]))
        elif way == 2:
            new.update_stage(sid, name=stage.name + " (revised)")
        elif way == 3:
            lanes = [lane.id for lane in new.lanes if lane.id != stage.lane]
            new.update_stage(sid, lane=rng.choice(lanes))
        elif way == 4:
            new.remove_stage(sid)
        elif way == 5:
            new.add_stage(Stage(f"new-{n}", f"Added step {n}", lane=stage.lane,
                                goal="A step the last quarter showed was missing."))
            new.add_transition(Transition(f"new-t{n}", sid, f"new-{n}", "then"))
        elif way == 6:  # deleted and drawn again: a new id, the same stage
            removal = new.remove_stage(sid)
            new.add_stage(dataclasses.replace(removal.stage, id=f"again-{n}"))
            for t, _ in removal.transitions:
                if new.has_stage(t.source if t.source != sid else t.target):
                    new.add_transition(dataclasses.replace(
                        t, id=f"{t.id}-again", source=f"again-{n}" if t.source == sid else t.source,
                        target=f"again-{n}" if t.target == sid else t.target))
        else:
            new.update_stage(sid, scripts=(*stage.scripts, dataclasses.replace(
                stage.scripts[0], title="Price objection")),
                position=Position(stage.position.x + 40, stage.position.y))
    return new


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        old = synthetic_process(n)
        new = revised(old)
        yard = best_of(lambda old=old, new=new: (process_to_json(old), process_to_json(new)),
                       args.repeat)
        holder = {}
        seconds = best_of(lambda old=old, new=new, holder=holder:
                          holder.update(c=compare(old, new)), args.repeat)
        found = holder["c"]
        text = best_of(lambda found=found, old=old, new=new: (report_text(found, old, new),
                                                               comparison_to_json(found)),
                       args.repeat)
        rows.append([f"{n:,}", f"{len(found.content)}", f"{len(found.layout)}",
                     f"{seconds * 1000:.0f}", f"{text * 1000:.0f}", f"{yard * 1000:.0f}",
                     f"{seconds / yard:.2f}x"])
        print(*rows[-1], flush=True)
    print()
    print_table(["stages", "content changes", "layout changes", "compare ms",
                 "report+json ms", "2× JSON export ms", "compare/export"], rows)


if __name__ == "__main__":
    main()
