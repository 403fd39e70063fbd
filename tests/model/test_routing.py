"""Arrow routing shared by canvas, PDF and HTML: simple curves between clear neighbours,
orthogonal detours around stages in the way, loops below for back edges."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.synthetic import synthetic_process
from salesdesigner.model.geometry import Rect, stage_rect
from salesdesigner.model.routing import (
    MARGIN,
    ObstacleIndex,
    Route,
    _segment_meets,
    process_routes,
    route,
    simple_route,
)


def _meets(r: Route, rect: Rect, pad: float = 0.0) -> bool:
    line = r.flattened(48)
    return any(_segment_meets(a, b, rect, pad) for a, b in itertools.pairwise(line))


def _on_border(p: tuple[float, float], rect: Rect) -> bool:
    x, y = p
    inside_x = rect.x - 1e-6 <= x <= rect.right + 1e-6
    inside_y = rect.y - 1e-6 <= y <= rect.bottom + 1e-6
    on_x = abs(x - rect.x) < 1e-6 or abs(x - rect.right) < 1e-6
    on_y = abs(y - rect.y) < 1e-6 or abs(y - rect.bottom) < 1e-6
    return (on_x and inside_y) or (on_y and inside_x)


def _row() -> tuple[Rect, Rect, Rect, ObstacleIndex]:
    a, m, b = Rect(0, 0, 200, 100), Rect(300, 0, 200, 100), Rect(600, 0, 200, 100)
    return a, m, b, ObstacleIndex([("a", a), ("m", m), ("b", b)])


def test_an_arrow_past_a_stage_in_between_goes_around_it_orthogonally():
    a, m, b, index = _row()
    r = route(a, b, obstacles=index, ignore=("a", "b"))
    assert not r.curved
    assert not _meets(r, m, MARGIN - 1)  # clear of it by the margin, not just outside
    assert _on_border(r.start, a) and _on_border(r.end, b)
    for p, q in itertools.pairwise(r.points):
        assert p[0] == q[0] or p[1] == q[1]  # orthogonal
    assert len(r.points) - 2 <= 4  # out of the right side, under (or over) the row, in
    assert r.start[0] == a.right and r.end[0] == b.x  # sides that follow the flow
    assert r.end_dir == (1.0, 0.0)


def test_without_obstacles_the_same_arrow_is_the_plain_curve_straight_through():
    a, m, b, _ = _row()
    r = route(a, b)
    assert r.curved and r == simple_route(a, b)
    assert _meets(r, m)  # which is what the routing exists to avoid


def test_clear_neighbours_keep_the_simple_curve():
    a, m, _, index = _row()
    r = route(a, m, obstacles=index, ignore=("a", "m"))
    assert r == simple_route(a, m)
    assert r.curved and r.start == (200.0, 50.0) and r.end == (300.0, 50.0)
    assert r.end_dir == (1.0, 0.0)


def test_back_edges_loop_below_both_stages():
    a, m, b, index = _row()
    r = route(b, a, back=True, obstacles=index, ignore=("b", "a"))
    assert not r.curved
    assert r.start == (700.0, 100.0) and r.end == (100.0, 100.0)  # bottom middles
    floor = max(p[1] for p in r.points)
    assert floor > 100 + MARGIN
    assert not _meets(r, m)
    assert r.end_dir == (0.0, -1.0)  # arrives going up into the target
    assert r.label[1] == floor  # the label sits on the loop's floor


def test_a_back_edge_sinks_below_a_stage_lying_on_its_floor():
    a, _, b, _ = _row()
    low = Rect(300, 120, 200, 60)  # below the row, where the loop would run
    index = ObstacleIndex([("a", a), ("b", b), ("low", low)])
    r = route(b, a, back=True, obstacles=index, ignore=("b", "a"))
    assert not _meets(r, low, MARGIN - 1)
    assert max(p[1] for p in r.points) > low.bottom


def test_a_back_edge_blocked_straight_below_goes_around_the_blocker():
    a, _, b, _ = _row()
    under = Rect(600, 150, 200, 100)  # right under the loop's source
    index = ObstacleIndex([("a", a), ("b", b), ("under", under)])
    r = route(b, a, back=True, obstacles=index, ignore=("b", "a"))
    assert not _meets(r, under)
    assert _on_border(r.start, b) and _on_border(r.end, a)


def test_nested_loops_into_one_stage_run_at_different_depths():
    a, _, b, index = _row()
    floors = {max(p[1] for p in route(b, a, back=True, obstacles=index,
                                      ignore=("a", "b"), lane=n).points) for n in range(3)}
    assert len(floors) == 3


def test_rounded_commands_start_and_end_where_the_route_does():
    a, _, b, index = _row()
    r = route(a, b, obstacles=index, ignore=("a", "b"))
    cmds = r.commands()
    assert cmds[0] == ("M", r.start)
    assert cmds[-1] == ("L", r.end)
    assert sum(op == "C" for op, _ in cmds) == len(r.points) - 2  # one arc per corner


def test_the_index_follows_moves_and_removals():
    index = ObstacleIndex([("x", Rect(0, 0, 100, 100))])
    assert not index.clear(40, 40, 60, 60)
    assert index.set("x", Rect(1000, 500, 100, 100))
    assert not index.set("x", Rect(1000, 500, 100, 100))  # unchanged
    assert index.clear(40, 40, 60, 60)
    assert [k for k, _ in index.hits(990, 490, 1010, 510)] == ["x"]
    assert index.clear(990, 490, 1010, 510, ignore=("x",))
    index.remove("x")
    assert len(index) == 0 and index.clear(-1e6, -1e6, 1e6, 1e6)


def test_an_index_built_with_a_key_twice_keeps_the_last_rect_only():
    index = ObstacleIndex([("x", Rect(0, 0, 100, 100)), ("x", Rect(500, 0, 100, 100))])
    assert len(index) == 1
    assert index.clear(40, 40, 60, 60)
    assert not index.clear(540, 40, 560, 60)


def test_routes_of_a_large_process_never_cross_a_stage():
    process = synthetic_process(150, seed=2)
    rects = {s.id: stage_rect(s) for s in process.stages}
    routes = process_routes(process)
    detours = 0
    for t in process.transitions:
        r = routes[t.id]
        detours += not r.curved
        others = [rect for sid, rect in rects.items() if sid not in (t.source, t.target)]
        assert not any(_meets(r, rect) for rect in others), t.id
    assert detours  # the lost branches and the loops do route around


def test_template_routes_never_cross_a_stage_and_labels_stay_off_stages():
    from salesdesigner.storage.templates import load_template

    for name in ("the-model", "eight-step"):
        process = load_template(name, "en")
        rects = {s.id: stage_rect(s) for s in process.stages}
        for t in process.transitions:
            r = process_routes(process)[t.id]
            for sid, rect in rects.items():
                if sid not in (t.source, t.target):
                    assert not _meets(r, rect), (name, t.id, sid)
            if not r.curved:  # routed labels sit in a channel, off every stage
                lx, ly = r.label
                assert not any(rect.x < lx < rect.right and rect.y - 8 < ly < rect.bottom + 8
                               for rect in rects.values()), (name, t.id)


# ---------------------------------------------------------------------- property
_KINDS = [(200.0, 100.0), (160.0, 110.0), (140.0, 56.0), (140.0, 64.0)]


@st.composite
def layouts(draw) -> tuple[list[Rect], int, int, bool]:
    """Stages in distinct cells of a coarse grid (jittered), never closer than the
    margin allows, and two of them to connect."""
    n = draw(st.integers(3, 10))
    cells = draw(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 4)), min_size=n,
                          max_size=n, unique=True))
    rects = []
    for cx, cy in cells:
        w, h = draw(st.sampled_from(_KINDS))
        jx, jy = draw(st.integers(-20, 20)), draw(st.integers(-15, 15))
        x, y = cx * 300.0 + 150 + jx, cy * 200.0 + 100 + jy
        rects.append(Rect(x - w / 2, y - h / 2, w, h))
    i = draw(st.integers(0, n - 1))
    j = draw(st.integers(0, n - 2))
    j = j if j < i else j + 1
    return rects, i, j, draw(st.booleans())


@settings(max_examples=150, deadline=None)
@given(layouts())
def test_routes_never_cross_a_stage_and_start_and_end_on_their_stages(case):
    rects, i, j, back = case
    index = ObstacleIndex(enumerate(rects))
    r = route(rects[i], rects[j], back=back, obstacles=index, ignore=(i, j))
    assert _on_border(r.start, rects[i]) and _on_border(r.end, rects[j])
    for k, rect in enumerate(rects):
        if k not in (i, j):
            assert not _meets(r, rect), (k, r)
    if not r.curved:
        for p, q in itertools.pairwise(r.points):
            assert p[0] == q[0] or p[1] == q[1]
