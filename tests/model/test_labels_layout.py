"""Label placement: crowded arrow labels slide along their own routes until their pills
are clear of each other and of stages; labels already clear stay where routing put them."""

from __future__ import annotations

import itertools
import math

from hypothesis import HealthCheck, given, settings

from benchmarks.synthetic import synthetic_process
from salesdesigner.model.geometry import Rect, stage_rect
from salesdesigner.model.labels_layout import place_labels
from salesdesigner.model.routing import ObstacleIndex, Point, Route, process_routes
from tests.samples import blocked_process, shared_channel_process
from tests.strategies import processes

H = 18.0


def _size(label: str) -> tuple[float, float]:
    return min(140.0, 6.0 * len(label) + 12), H


def _setup(process):
    routes = process_routes(process)
    index = ObstacleIndex((s.id, stage_rect(s)) for s in process.stages)
    sizes = {t.id: _size(t.label) for t in process.transitions if t.label}
    return routes, index, sizes


def _box(c: Point, size: tuple[float, float]) -> tuple[float, float, float, float]:
    return c[0] - size[0] / 2, c[1] - size[1] / 2, c[0] + size[0] / 2, c[1] + size[1] / 2


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _distance_to_route(p: Point, r: Route) -> float:
    pts = r.flattened(128) if r.curved else list(r.points)
    best = math.inf
    for a, b in itertools.pairwise(pts):
        dx, dy = b[0] - a[0], b[1] - a[1]
        seg = dx * dx + dy * dy
        t = 0.0 if seg == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / seg))
        best = min(best, math.hypot(a[0] + dx * t - p[0], a[1] + dy * t - p[1]))
    return best


def _on_stage(box, process) -> bool:
    return any(_overlap(box, (r.x, r.y, r.right, r.bottom)) > 0
               for r in (stage_rect(s) for s in process.stages))


def test_three_arrows_sharing_a_channel_get_disjoint_pills_on_their_own_routes():
    p = shared_channel_process()
    routes, index, sizes = _setup(p)
    keys = ["x0", "x1", "x2"]
    defaults = [_box(routes[k].label, sizes[k]) for k in keys]
    assert any(_overlap(a, b) > 0 for a, b in itertools.combinations(defaults, 2))  # the problem
    spots = place_labels(routes, sizes, index)
    boxes = {k: _box(spots[k], sizes[k]) for k in spots}
    for a, b in itertools.combinations(boxes, 2):
        assert _overlap(boxes[a], boxes[b]) == 0, (a, b)
    for k in spots:
        assert _distance_to_route(spots[k], routes[k]) < 0.5, k
        assert not _on_stage(boxes[k], p), k


def test_two_labels_on_the_same_route_get_apart_along_it():
    p = shared_channel_process("見送り（予算なし）", "ja")
    routes, index, sizes = _setup(p)
    twins = {"x0": routes["x0"], "x0b": routes["x0"]}  # e.g. two arrows drawn alike
    spots = place_labels(twins, {"x0": sizes["x0"], "x0b": sizes["x0"]}, index)
    assert spots["x0"] == routes["x0"].label  # the first keeps its spot, the second moves
    assert _overlap(_box(spots["x0"], sizes["x0"]), _box(spots["x0b"], sizes["x0"])) == 0
    assert _distance_to_route(spots["x0b"], routes["x0"]) < 0.5


def test_labels_that_are_clear_stay_at_the_default_spot():
    p = shared_channel_process()
    routes, index, sizes = _setup(p)
    sizes["f1"] = sizes["f2"] = (10.0, H)  # short labels on the curves between neighbours
    spots = place_labels(routes, sizes, index)
    for k in ("f1", "f2"):  # on their own curves, clear of pills, stages and other arrows
        assert spots[k] == routes[k].label


def test_a_label_over_a_stage_moves_to_a_free_spot_on_its_route():
    p = blocked_process("signed")
    _routes, index, sizes = _setup(p)
    c = stage_rect(p.stage("c"))
    y = c.bottom + 5  # a narrow channel just below the stage in the way
    r = Route(((100.0, y), (900.0, y)), False, (1.0, 0.0), (c.x + c.width / 2, y), 800.0)
    assert _on_stage(_box(r.label, sizes["ab"]), p)
    spot = place_labels({"ab": r}, sizes, index)["ab"]
    assert not _on_stage(_box(spot, sizes["ab"]), p)
    assert spot[1] == y and abs(spot[0] - r.label[0]) < c.width  # the nearest free spot


def test_a_label_with_no_free_spot_keeps_its_default():
    p = shared_channel_process()
    routes, index, sizes = _setup(p)
    huge = dict(sizes, x0=(4000.0, 4000.0))  # meets every stage wherever it goes
    assert place_labels(routes, huge, index)["x0"] == routes["x0"].label


def test_fixed_boxes_are_avoided_and_never_moved():
    p = shared_channel_process()
    routes, index, sizes = _setup(p)
    fixed = Rect(*_box(routes["x1"].label, sizes["x1"])[:2], *sizes["x1"])
    spot = place_labels(routes, {"x1": sizes["x1"]}, index, fixed=[fixed])["x1"]
    assert spot != routes["x1"].label
    assert _overlap(_box(spot, sizes["x1"]), (fixed.x, fixed.y, fixed.right, fixed.bottom)) == 0
    assert _distance_to_route(spot, routes["x1"]) < 0.5


def test_placement_is_deterministic():
    p = shared_channel_process()
    routes, index, sizes = _setup(p)
    first = place_labels(routes, sizes, index)
    again = place_labels(dict(routes), dict(sizes), ObstacleIndex(index.items()))
    assert first == again
    assert list(first) == list(sizes)


def test_every_label_of_a_thousand_stages_gets_a_spot_beside_its_arrow():
    """Speed is bench_routing's business; here: nothing is dropped or left far away."""
    p = synthetic_process(1000)
    routes, index, sizes = _setup(p)
    spots = place_labels(routes, sizes, index)
    assert set(spots) == set(sizes)
    assert all(_distance_to_route(spots[t], routes[t]) < 40 for t in sizes)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(processes(max_stages=10))
def test_placed_pills_never_overlap_more_than_the_defaults_and_stay_on_their_routes(process):
    routes, index, sizes = _setup(process)
    spots = place_labels(routes, sizes, index)
    assert spots == place_labels(routes, sizes, index)
    assert set(spots) == set(sizes)
    for k, c in spots.items():
        assert _distance_to_route(c, routes[k]) < 0.5
        if c != routes[k].label:  # a moved label went somewhere clear of stages
            assert not _on_stage(_box(c, sizes[k]), process)
    for a, b in itertools.combinations(spots, 2):
        placed = _overlap(_box(spots[a], sizes[a]), _box(spots[b], sizes[b]))
        default = _overlap(_box(routes[a].label, sizes[a]), _box(routes[b].label, sizes[b]))
        assert placed <= default + 1e-6, (a, b)


def _crosses(box, r: Route) -> bool:
    """Whether the route's polyline enters the box (sampled finely: an independent check)."""
    pts = r.flattened(64) if r.curved else list(r.points)
    for a, b in itertools.pairwise(pts):
        for i in range(65):
            x, y = a[0] + (b[0] - a[0]) * i / 64, a[1] + (b[1] - a[1]) * i / 64
            if box[0] < x < box[2] and box[1] < y < box[3]:
                return True
    return False


def test_a_label_on_another_arrow_slides_off_it_along_its_own():
    across = Route(((0.0, 100.0), (400.0, 100.0)), False, (1.0, 0.0), (200.0, 100.0), 400.0)
    down = Route(((200.0, 0.0), (200.0, 300.0)), False, (0.0, 1.0), (200.0, 250.0), 300.0)
    size = (60.0, 18.0)
    assert _crosses(_box(across.label, size), down)  # the default spot sits on the crossing
    spot = place_labels({"a": across, "d": down}, {"a": size})["a"]
    assert spot[1] == 100.0 and not _crosses(_box(spot, size), down)
    assert abs(spot[0] - 200.0) <= 30 + 3 + 6 + 1e-6  # the nearest clear spot: just beside it
    # an arrow without a label is an obstacle too, and a label may sit on its own arrow
    assert place_labels({"a": across}, {"a": size})["a"] == across.label


def test_a_label_crossed_along_its_whole_arrow_takes_the_least_bad_spot_not_a_crossing():
    """Upright arrows cross a flat one every 60 units along its whole length, and its pill
    (58 wide) cannot sit clear of them anywhere.  It used to stay at its default spot,
    right on a crossing; it sits where only one arrow meets it, near the pill's end."""
    across = Route(((0.0, 100.0), (600.0, 100.0)), False, (1.0, 0.0), (300.0, 100.0), 600.0)
    downs = {f"d{x}": Route(((float(x), 0.0), (float(x), 300.0)), False, (0.0, 1.0),
                            (float(x), 250.0), 300.0) for x in range(0, 660, 60)}
    size = (58.0, 18.0)
    spot = place_labels({"a": across, **downs}, {"a": size})["a"]
    box = _box(spot, size)
    met = [x for x in range(0, 660, 60) if _crosses(box, downs[f"d{x}"])]
    assert spot[1] == 100.0 and len(met) == 1
    assert abs(spot[0] - met[0]) >= 20  # the crossing near the pill's end, not its middle
    assert 240 <= spot[0] <= 360  # near the default, not anywhere along the arrow
