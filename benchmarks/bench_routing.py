"""Routing-quality benchmark: how honest and how fast the arrows are on the bundled
templates, the generated 100 and 1,000-stage processes and 300 random hand-placed layouts.

    .venv/bin/python -m benchmarks.bench_routing [--repeat 3]

Columns are the findings of :func:`salesdesigner.model.route_quality.check_routes`:
overlaps (two arrows along one line), shared ends, arrows through stages — all should be
0 — and close parallels (< 4 units apart) and crossings, reported.  "ms per arrow" routes
the whole drawing (ports, detours, separation); the yardstick is drawing every arrow as
the plain curve between the middles of its facing sides (no obstacles, no ports), in the
same run.
"""

from __future__ import annotations

import argparse
import random

from benchmarks.common import best_of, print_table
from benchmarks.synthetic import synthetic_process
from salesdesigner.model import Position, Process, Stage, StageKind, Transition
from salesdesigner.model.geometry import stage_rect
from salesdesigner.model.route_quality import RoutingQuality, check_routes
from salesdesigner.model.routing import process_routes, simple_route
from salesdesigner.storage.templates import load_template

_KINDS = [StageKind.STAGE, StageKind.DECISION, StageKind.START, StageKind.LOST]


def random_layout(seed: int) -> Process:
    """Stages placed by hand in distinct cells of a coarse grid, jittered; arrows between
    random pairs (branches, merges, loops) — as the hypothesis test draws them."""
    rng = random.Random(seed)
    n = rng.randint(3, 9)
    cells = rng.sample([(x, y) for x in range(5) for y in range(4)], n)
    p = Process(name=f"random {seed}")
    for k, (cx, cy) in enumerate(cells):
        p.add_stage(Stage(f"s{k}", f"s{k}", rng.choice(_KINDS),
                          position=Position(cx * 300.0 + 150 + rng.randint(-20, 20),
                                            cy * 200.0 + 100 + rng.randint(-15, 15))))
    for _ in range(rng.randint(0, 2 * n)):
        a, b = rng.randrange(n), rng.randrange(n)
        if p.can_connect(f"s{a}", f"s{b}") is None:
            p.add_transition(Transition(f"t{a}-{b}", f"s{a}", f"s{b}"))
    return p


def _plain(process: Process) -> None:
    rects = {s.id: stage_rect(s) for s in process.stages}
    for t in process.transitions:
        simple_route(rects[t.source], rects[t.target])


def run(repeat: int) -> None:
    cases = [(f"{name} ({lang})", [load_template(name, lang)])
             for name in ("eight-step", "the-model") for lang in ("ja", "en")]
    cases += [("100 generated stages", [synthetic_process(100)]),
              ("1,000 generated stages", [synthetic_process(1000)]),
              ("300 random layouts", [random_layout(seed) for seed in range(300)])]
    rows = []
    for label, processes in cases:
        total = RoutingQuality()
        for p in processes:
            q = check_routes(p, process_routes(p))
            total.arrows += q.arrows
            total.crossings += q.crossings
            for name in ("overlaps", "close_parallels", "shared_ends", "through_stages"):
                getattr(total, name).update((p.name, *pair) for pair in getattr(q, name))
        arrows = max(1, total.arrows)
        ms = best_of(lambda ps=processes: [process_routes(p) for p in ps], repeat) * 1000
        base = best_of(lambda ps=processes: [_plain(p) for p in ps], repeat) * 1000
        rows.append([label, f"{total.arrows:,}", str(len(total.overlaps)),
                     str(len(total.shared_ends)), str(len(total.through_stages)),
                     str(len(total.close_parallels)), f"{total.crossings:,}",
                     f"{ms / arrows:.3f}", f"{base / arrows:.4f}", f"{ms / base:.0f}x"])
    print_table(["drawing", "arrows", "overlaps", "shared ends", "through stages",
                 "close parallels", "crossings", "ms per arrow", "plain curve ms", "ratio"],
                rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    run(parser.parse_args().repeat)


if __name__ == "__main__":
    main()
