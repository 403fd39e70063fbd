"""Routing-quality benchmark: how honest and how fast the arrows are on the bundled
templates, the generated 100 and 1,000-stage processes, 300 random hand-placed layouts and
300 more with four stages then moved about (close to others, at times onto them).

    .venv/bin/python -m benchmarks.bench_routing [--repeat 3] [--canvas 300]

Columns are the findings of :func:`salesdesigner.model.route_quality.check_routes`:
overlaps (two arrows along one line), shared ends, arrows through stages — all should be
0; "+N piled" counts arrows through a stage dropped onto one of their own end stages,
which no route avoids — and close parallels (< 4 units apart) and crossings, reported.
``--canvas N`` also opens N of the moved layouts on the canvas (offscreen) and makes the
four moves as the manager would (one undo step each), checking what the screen draws.
"ms per arrow" routes the whole drawing (ports, detours, separation); the yardstick is
drawing every arrow as the plain curve between the middles of its facing sides (no
obstacles, no ports), in the same run.
"""

from __future__ import annotations

import argparse
import random

from benchmarks.common import best_of, print_table
from benchmarks.synthetic import synthetic_process
from salesdesigner.model import Position, Process, Stage, StageKind, Transition
from salesdesigner.model.geometry import stage_rect
from salesdesigner.model.route_quality import RoutingQuality, check_routes, piled
from salesdesigner.model.routing import Route, process_routes, simple_route
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


def moved_layout(seed: int, moves: int = 4) -> Process:
    """:func:`random_layout` with ``moves`` stages then dragged up to 150 units sideways
    and 100 up or down (:func:`layout_moves`)."""
    p = random_layout(seed)
    for sid, pos in layout_moves(p, seed, moves):
        p.update_stage(sid, position=pos)
    return p


def layout_moves(p: Process, seed: int, moves: int = 4) -> list[tuple[str, Position]]:
    """The moves :func:`moved_layout` makes on ``random_layout(seed)`` (stage id, new
    place), in order; a stage may move twice."""
    rng = random.Random(seed * 7919 + 1)
    at = {s.id: s.position for s in p.stages}
    ids = [s.id for s in p.stages]
    out = []
    for _ in range(moves):
        sid = rng.choice(ids)
        pos = Position(at[sid].x + rng.randint(-150, 150), at[sid].y + rng.randint(-100, 100))
        at[sid] = pos
        out.append((sid, pos))
    return out


def _plain(process: Process) -> None:
    rects = {s.id: stage_rect(s) for s in process.stages}
    for t in process.transitions:
        simple_route(rects[t.source], rects[t.target])


def _findings(checked: list[tuple[Process, dict[str, Route]]]) -> list[str]:
    """The table's finding columns for drawings and their routes."""
    total, at_piles = RoutingQuality(), set()
    for p, routes in checked:
        q = check_routes(p, routes)
        total.arrows += q.arrows
        total.crossings += q.crossings
        for name in ("overlaps", "close_parallels", "shared_ends", "through_stages"):
            getattr(total, name).update((p.name, *pair) for pair in getattr(q, name))
        at_piles.update((p.name, *pair) for pair in piled(p, q.through_stages))
    through = str(len(total.through_stages - at_piles))
    if at_piles:
        through += f" (+{len(at_piles)} piled)"
    return [f"{total.arrows:,}", str(len(total.overlaps)), str(len(total.shared_ends)), through,
            str(len(total.close_parallels)), f"{total.crossings:,}"]


def canvas_routes(seed: int) -> tuple[Process, dict[str, Route]]:
    """``random_layout(seed)`` opened on the canvas, its :func:`layout_moves` made as edits
    (each its own undo step, re-routed as a drag's release re-routes), and the routes the
    screen then draws."""
    from PySide6.QtGui import QUndoStack

    from salesdesigner.ui.canvas.editor import CanvasEditor

    p = random_layout(seed)
    editor = CanvasEditor(p, QUndoStack())
    editor.scene.flush_pending()
    for sid, pos in layout_moves(random_layout(seed), seed):
        editor.move_stages({sid: pos})
        editor.scene.flush_pending()
    routes = {tid: item.routed for tid, item in editor.scene.transition_items().items()}
    editor.detach()
    return p, routes


def run(repeat: int, canvas: int = 0) -> None:
    cases = [(f"{name} ({lang})", [load_template(name, lang)])
             for name in ("eight-step", "the-model") for lang in ("ja", "en")]
    cases += [("100 generated stages", [synthetic_process(100)]),
              ("1,000 generated stages", [synthetic_process(1000)]),
              ("300 random layouts", [random_layout(seed) for seed in range(300)]),
              ("300 random layouts, 4 moves each", [moved_layout(seed) for seed in range(300)])]
    rows = []
    for label, processes in cases:
        found = _findings([(p, process_routes(p)) for p in processes])
        arrows = max(1, sum(len(p.transitions) for p in processes))
        ms = best_of(lambda ps=processes: [process_routes(p) for p in ps], repeat) * 1000
        base = best_of(lambda ps=processes: [_plain(p) for p in ps], repeat) * 1000
        rows.append([label, *found, f"{ms / arrows:.3f}", f"{base / arrows:.4f}",
                     f"{ms / base:.0f}x"])
    if canvas:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        _app = QApplication.instance() or QApplication([])
        found = _findings([canvas_routes(seed) for seed in range(canvas)])
        rows.append([f"on the canvas: {canvas} layouts, 4 moves each", *found, "-", "-", "-"])
    print_table(["drawing", "arrows", "overlaps", "shared ends", "through stages",
                 "close parallels", "crossings", "ms per arrow", "plain curve ms", "ratio"],
                rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--canvas", type=int, default=0, metavar="N",
                        help="also check N moved layouts as the canvas draws them")
    args = parser.parse_args()
    run(args.repeat, args.canvas)


if __name__ == "__main__":
    main()
