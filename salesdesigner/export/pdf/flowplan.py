"""The process laid out for paper: the flow wrapped into strips that fill the page.

The canvas draws a process as one long band of lanes, left to right; printed whole it is a
thumbnail, cut into page-sized tiles it loses arrows at the edges.  For print we keep the
manager's arrangement (the left-to-right order of stages and their places inside a lane)
but *wrap* it like text: the stage columns are packed tightly and broken into strips of a
few columns, each strip showing only the lanes it has stages in, shrunk to those stages;
strips are stacked down the page.  A strip taller than a page is cut at lane borders.

Every arrow whose ends land in different pieces ends at an **off-page connector** naming
the stage it continues to ("→ 7. Discovery, p. 6") and starts again at one naming the
stage it comes from, so no arrow runs off a page.  Each piece is a small
:class:`~salesdesigner.model.process.Process` of its stages plus the connectors (as small
shapes), routed by :func:`~salesdesigner.model.routing.process_routes` like the canvas.

Why strips rather than lanes as columns or one page per lane: strips keep the shape
the manager drew (the lane bands, the flow to the right), so the printout and the screen
look alike; lanes as columns turn every name box and label sideways to the canvas; a
page per lane leaves a one-stage page for a back-office lane (eight-step) and splits the
most important part, the hand-offs, across pages.  Strips print the-model (18 stages,
four lanes, a staircase) on two pages and eight-step on one, on A4 as on Letter, every
name ≥ 7 pt; pages after the first (which holds the overview's heading) fill their full height.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from salesdesigner.model.entities import Lane, Position, Stage, StageKind, Transition
from salesdesigner.model.geometry import LANE_TITLE_WIDTH, Rect, stage_rect, stage_size
from salesdesigner.model.ordering import back_edges
from salesdesigner.model.process import Process
from salesdesigner.model.routing import Route, process_routes

PRINT_NAME = 16.5      # stage name size in scene units (7.3 pt at the smallest scale)
PRINT_LABEL = 16.0     # arrow label size in scene units (7.0 pt at the smallest scale)
MIN_PT = 7.0           # nothing a reader must read prints smaller
MIN_SCALE = 0.44       # points per scene unit, at least: four columns on A4 and Letter landscape
MAX_SCALE = 0.8
COLUMN = 270.0         # one stage column: a card (200) and room for an arrow label
MAX_SPREAD = 1.4       # a strip of few columns may spread them this much wider
OUT_GAP = COLUMN - 200.0   # between the last card of a strip and its outgoing connectors
CONNECTOR_KIND = StageKind.WON   # connectors take this kind's size (140 × 64) for routing
CONNECTOR_EXTRA = 30.0  # drawn this much wider than routed, on its outer side
CONNECTOR_COLUMN = stage_size(CONNECTOR_KIND)[0] + 50.0 + CONNECTOR_EXTRA
LANE_PAD = 22.0        # room above and below the stages of a lane
MAX_GAP = 60.0         # empty space between stages of a lane shrinks to this
MIN_LANE = 166.0       # a lane is never thinner than this (a 9-character Japanese title
                       # set upright or on its side at 7 pt, at the smallest scale)
STACK_GAP = 18.0       # between connectors stacked in one lane
X0 = LANE_TITLE_WIDTH + 20.0   # where the first column starts
PIECE_GAP = 12.0       # points between strips on a page
SCALE_STEP = 0.02      # the scales tried between the smallest and the largest
_SEARCH_LIMIT = 200    # above this many columns the smallest scale is taken at once
_EXACT_LIMIT = 60      # up to this many columns the scale is chosen on drawn pieces


@dataclass(frozen=True)
class Connector:
    """An off-page connector: the arrow continues at (``outgoing``) or comes from
    ``stage_id``, drawn on piece number ``piece``."""

    stage_id: str
    piece: int
    outgoing: bool


@dataclass
class Piece:
    """One strip (or part of a strip) of the printed flow."""

    index: int
    process: Process                          # its lanes, stages and connector shapes
    connectors: dict[str, Connector]          # node id in ``process`` -> what it names
    origin: dict[str, str]                    # piece transition id -> original transition id
    back: set[tuple[str, str]]                # arrows drawn dashed (loops), by node pair
    routes: dict[str, Route] = field(default_factory=dict)
    area: Rect = Rect(0, 0, 0, 0)

    def stage_ids(self) -> list[str]:
        return [s for s in self.process.stage_ids if s not in self.connectors]


@dataclass
class FlowPlan:
    scale: float
    pieces: list[Piece]
    piece_of: dict[str, int]                  # stage id -> index of the piece holding it


# ---------------------------------------------------------------------------- columns
def columns(process: Process) -> list[list[str]]:
    """Stages grouped into columns by their x on the canvas, left to right: a stage joins
    the column when its centre is within 60 units of the column's first stage."""
    out: list[list[str]] = []
    first_x = -math.inf
    for stage in sorted(process.stages, key=lambda s: (s.position.x, s.position.y)):
        if out and stage.position.x - first_x <= 60.0:
            out[-1].append(stage.id)
        else:
            out.append([stage.id])
            first_x = stage.position.x
    return out


def _band_key(process: Process, stage: Stage) -> str | None:
    return stage.lane if stage.lane and process.has_lane(stage.lane) else None


def _band_order(process: Process) -> list[str | None]:
    return [lane.id for lane in process.lanes] + [None]


def _compressed_y(process: Process, ids: list[str]) -> dict[str, float]:
    """Centre y of each stage with the empty stretches of its band (as drawn on the
    canvas) shortened to :data:`MAX_GAP`: the order and nearness of stages stay, empty
    space does not go to paper."""
    out: dict[str, float] = {}
    by_band: dict[str | None, list[Stage]] = {}
    for sid in ids:
        stage = process.stage(sid)
        by_band.setdefault(_band_key(process, stage), []).append(stage)
    for stages in by_band.values():
        stages.sort(key=lambda st: stage_rect(st).y)
        shift, reach = 0.0, -math.inf
        for stage in stages:
            r = stage_rect(stage)
            if r.y > reach + MAX_GAP and reach > -math.inf:
                shift -= r.y - (reach + MAX_GAP)
            out[stage.id] = stage.position.y + shift
            reach = max(reach, r.bottom)
    return out


def _lane_extent(process: Process, ids: list[str]) -> dict[str | None, tuple[float, float]]:
    """Per band, the top and bottom (compressed y) of its stages among ``ids``."""
    ys = _compressed_y(process, ids)
    ext: dict[str | None, tuple[float, float]] = {}
    for sid in ids:
        stage = process.stage(sid)
        h = stage_size(stage.kind)[1]
        key = _band_key(process, stage)
        lo, hi = ext.get(key, (math.inf, -math.inf))
        ext[key] = (min(lo, ys[sid] - h / 2), max(hi, ys[sid] + h / 2))
    return ext


def _band_height(extent: tuple[float, float]) -> float:
    return max(MIN_LANE, extent[1] - extent[0] + 2 * LANE_PAD)


def _strips(n: int, per: int) -> list[range]:
    """``n`` columns in the fewest strips of at most ``per``, as even as possible."""
    count = max(1, math.ceil(n / max(1, per)))
    size, extra = divmod(n, count)
    out, start = [], 0
    for i in range(count):
        stop = start + size + (1 if i < extra else 0)
        out.append(range(start, stop))
        start = stop
    return out


def _strip_width(columns: int, ins: bool, outs: bool) -> float:
    """Width (scene units) of a strip of ``columns`` stage columns at the narrowest
    pitch, with an incoming and/or an outgoing connector column (as :func:`_piece`
    lays it out)."""
    card = stage_size(StageKind.STAGE)[0]
    tail = card + (OUT_GAP + stage_size(CONNECTOR_KIND)[0] + CONNECTOR_EXTRA if outs else 0.0)
    return X0 + (CONNECTOR_COLUMN if ins else 0.0) + (columns - 1) * COLUMN + tail + 12


def _per_strip(n: int, width_units: float) -> int:
    """Columns a strip holds: all ``n`` when they fit one strip, else as many as fit
    between an incoming and an outgoing connector column."""
    if _strip_width(n, False, False) <= width_units:
        return n
    fixed = _strip_width(1, True, True) - COLUMN
    return max(1, int((width_units - fixed) // COLUMN))


def _groups(process: Process, ids: list[str], height_units: float
            ) -> list[tuple[list[str], list[str | None]]]:
    """(stage ids, bands) of a strip's pieces: its bands in page-high groups, cut at
    band borders; a band taller than a page on its own is cut between its stages."""
    ext = _lane_extent(process, ids)
    ys = _compressed_y(process, ids)
    pieces: list[tuple[list[str], list[str | None]]] = [([], [])]
    used = 0.0
    for band in (b for b in _band_order(process) if b in ext):
        members = sorted((sid for sid in ids if _band_key(process, process.stage(sid)) == band),
                         key=ys.__getitem__)
        chunks: list[list[str]] = [[]]
        for sid in members:  # cut a band too tall for a page between its stages
            trial = chunks[-1] + [sid]
            if chunks[-1] and _band_height(_lane_extent(process, trial)[band]) > height_units:
                chunks.append([sid])
            else:
                chunks[-1] = trial
        for chunk in chunks:
            h = _band_height(_lane_extent(process, chunk)[band])
            if pieces[-1][1] and used + h > height_units:
                pieces.append(([], []))
                used = 0.0
            pieces[-1][0].extend(chunk)
            pieces[-1][1].append(band)
            used += h
    order = {sid: i for i, sid in enumerate(ids)}
    return [(sorted(chunk, key=order.__getitem__), bands) for chunk, bands in pieces if chunk]


def _members(process: Process, cols: list[list[str]], strips: list[range],
             height_units: float) -> list[tuple[list[str], list[str | None]]]:
    """(stage ids, bands) of every piece: each strip's bands in page-high groups."""
    return [group for strip in strips
            for group in _groups(process, [sid for c in strip for sid in cols[c]],
                                 height_units)]


def _piece_heights(process: Process, members: list[tuple[list[str], list[str | None]]]
                   ) -> list[float]:
    """Height (scene units) of each piece, connectors stacked in their bands included."""
    piece_of = {sid: i for i, (ids, _) in enumerate(members) for sid in ids}
    stacks: dict[tuple[int, str | None, str], set[str]] = {}
    for t in process.transitions:
        a, b = piece_of[t.source], piece_of[t.target]
        if a != b:
            band_a = _band_key(process, process.stage(t.source))
            band_b = _band_key(process, process.stage(t.target))
            stacks.setdefault((a, band_a, "out"), set()).add(t.target)
            stacks.setdefault((b, band_b, "in"), set()).add(t.source)
    step = stage_size(CONNECTOR_KIND)[1] + STACK_GAP
    out = []
    for i, (ids, bands) in enumerate(members):
        ext = _lane_extent(process, ids)
        total = 0.0
        for band in bands:
            need = max(len(stacks.get((i, band, side), ())) for side in ("in", "out"))
            total += max(_band_height(ext[band]), need * step - STACK_GAP + 2 * LANE_PAD)
        out.append(total)
    return out


def _pages(process: Process, cols: list[list[str]], scale: float, width: float,
           height: float, heading: float = 0.0) -> tuple[int, list[range]]:
    """How many pages the strips at ``scale`` fill (the first less ``heading``), and the
    strips."""
    strips = _strips(len(cols), _per_strip(len(cols), width / scale))
    members = _members(process, cols, strips, (height - heading) / scale - 30)
    pages, used = 1, heading
    for h in _piece_heights(process, members):
        h = (h + 30) * scale
        if used > heading and used + h > height:
            pages, used = pages + 1, 0.0
        used += h + PIECE_GAP
    return pages, strips


def choose_scale(process: Process, cols: list[list[str]], width: float,
                 height: float, heading: float = 0.0) -> tuple[float, list[range], int]:
    """The largest scale that needs no more pages than the smallest one: the flow fills
    its pages, but never at the cost of an extra page.  Also the (estimated) pages.

    Rows may be more and shorter than at the smallest scale: the pages count, not the
    rows (40 stages on Letter kept ten rows at the smallest scale, pages 56-72 % full,
    where thirteen larger rows fill the same five pages to 80-100 %)."""
    fewest, strips = _pages(process, cols, MIN_SCALE, width, height, heading)
    best = MIN_SCALE
    if len(cols) <= _SEARCH_LIMIT:
        for step in range(1, round((MAX_SCALE - MIN_SCALE) / SCALE_STEP) + 1):
            scale = MIN_SCALE + step * SCALE_STEP
            pages, found = _pages(process, cols, scale, width, height, heading)
            if pages <= fewest:
                best, strips = scale, found
    return best, strips, fewest


def page_groups(plan: FlowPlan, height: float, heading: float = 0.0) -> list[list[int]]:
    """The pieces on each page, as the overview stacks them: each piece's drawing
    (:attr:`Piece.area` at the plan's scale) and a :data:`PIECE_GAP` under it, a new page
    when the next drawing does not fit in ``height`` points (less ``heading`` on the
    first page)."""
    pages: list[list[int]] = [[]]
    used = heading
    for piece in plan.pieces:
        h = piece.area.height * plan.scale
        if pages[-1] and used + h > height + 0.01:
            pages.append([])
            used = 0.0
        pages[-1].append(piece.index)
        used += h + PIECE_GAP
    return pages


# ---------------------------------------------------------------------------- pieces
def plan_flow(process: Process, width: float, height: float,
              heading: float = 0.0) -> FlowPlan:
    """Pieces of the printed flow for ``width`` × ``height`` (points) frames, the first
    of which loses ``heading`` to the overview's title: each piece fits the first page,
    later pages are filled to their full height."""
    cols = columns(process)
    if len(cols) <= _EXACT_LIMIT:
        return _exact_plan(process, cols, width, height, heading)
    scale, strips, pages = choose_scale(process, cols, width, height, heading)
    room = height - heading
    plan = _plan_at(process, cols, strips, scale, width, room)
    # the estimate leaves loops below their lanes out: where the drawn pieces need a page
    # more than estimated, step down (never below the smallest scale) until they fit
    while (len(cols) <= _SEARCH_LIMIT and scale > MIN_SCALE + 1e-9
           and len(page_groups(plan, height, heading)) > pages):
        scale = max(MIN_SCALE, scale - SCALE_STEP)
        strips = _strips(len(cols), _per_strip(len(cols), width / scale))
        plan = _plan_at(process, cols, strips, scale, width, room)
    return plan


def _exact_plan(process: Process, cols: list[list[str]], width: float, height: float,
                heading: float) -> FlowPlan:
    """For a process of a few dozen columns, the scale chosen on drawn pieces rather than
    estimates: the largest that takes no more pages than the smallest scale (rows may be
    more), found going up a step at a time until two steps in a row take more pages (the
    pages grow with the scale, but not strictly: a row more can fit where one did not)."""
    def build(scale: float) -> tuple[FlowPlan, int]:
        strips = _strips(len(cols), _per_strip(len(cols), width / scale))
        plan = _plan_at(process, cols, strips, scale, width, height - heading)
        return plan, len(page_groups(plan, height, heading))

    best, fewest = build(MIN_SCALE)
    misses = 0
    for step in range(1, round((MAX_SCALE - MIN_SCALE) / SCALE_STEP) + 1):
        plan, pages = build(MIN_SCALE + step * SCALE_STEP)
        if pages <= fewest:
            best, misses = plan, 0
        else:
            misses += 1
            if misses == 2:
                break
    return best


def _plan_at(process: Process, cols: list[list[str]], strips: list[range], scale: float,
             width: float, height: float) -> FlowPlan:
    """The pieces of ``strips`` laid out for a frame at ``scale``."""
    members = _members(process, cols, strips, height / scale - 30)
    piece_of = {sid: i for i, (ids, _) in enumerate(members) for sid in ids}
    column_of = {sid: k for strip in strips for k, c in enumerate(strip) for sid in cols[c]}
    back = back_edges(process)
    width_of = {sid: len(strip) for strip in strips for c in strip for sid in cols[c]}
    touching: list[list[Transition]] = [[] for _ in members]  # each piece's arrows, in order
    for t in process.transitions:
        a, b = piece_of[t.source], piece_of[t.target]
        touching[a].append(t)
        if b != a:
            touching[b].append(t)
    pieces = [_piece(process, i, ids, bands, piece_of, column_of, back,
                     width / scale, width_of[ids[0]], touching[i])
              for i, (ids, bands) in enumerate(members)]
    # loops run below their lane: never let that make a piece taller than the page
    tallest = max((p.area.height for p in pieces), default=0.0)
    widest = max((p.area.width for p in pieces), default=0.0)
    if tallest * scale > height or widest * scale > width:
        scale = min(height / tallest, width / widest)
    return FlowPlan(scale, pieces, piece_of)


def _piece(process: Process, index: int, ids: list[str], bands: list[str | None],
           piece_of: dict[str, int], column_of: dict[str, int],
           back: set[tuple[str, str]], width_units: float, n_columns: int,
           transitions: list[Transition]) -> Piece:
    inside = set(ids)
    # connectors: one per (other stage, band) on each side
    ins: dict[str, tuple[str, str | None]] = {}     # node id -> (source stage, band)
    outs: dict[str, tuple[str, str | None]] = {}    # node id -> (target stage, band)
    edges: list[tuple[str, str, Transition]] = []   # (piece source, piece target, original)
    for t in transitions:
        s_in, t_in = t.source in inside, t.target in inside
        if s_in and t_in:
            edges.append((t.source, t.target, t))
        elif s_in:
            band = _band_key(process, process.stage(t.source))
            node = f"\x00out:{t.target}:{band}"
            outs[node] = (t.target, band)
            edges.append((t.source, node, t))
        elif t_in:
            band = _band_key(process, process.stage(t.target))
            node = f"\x00in:{t.source}:{band}"
            ins[node] = (t.source, band)
            edges.append((node, t.target, t))
    first_col = X0 + (CONNECTOR_COLUMN if ins else 0.0)
    # a strip of few columns spreads them (up to MAX_SPREAD) to fill the page's width
    card = stage_size(StageKind.STAGE)[0]
    tail = card + (OUT_GAP + stage_size(CONNECTOR_KIND)[0] + CONNECTOR_EXTRA if outs else 0.0) + 12
    room = (width_units - first_col - tail) / max(1, n_columns - 1)
    pitch = min(COLUMN * MAX_SPREAD, max(COLUMN, room))
    out_gap = OUT_GAP
    if outs:  # the gap before the outgoing tags as wide as those between the columns:
        # a label there ("ナーチャリング", "Nurture and retry") needs a column's room too
        even = (width_units - first_col - (tail - card - OUT_GAP)) / n_columns
        if even >= COLUMN:
            pitch = min(pitch, even)
            out_gap = pitch - card
    ext = _lane_extent(process, ids)
    ys = _compressed_y(process, ids)
    want: dict[str, float] = {}                        # stage id -> print centre y
    conn_y: dict[str, float] = {}
    heights: dict[str | None, float] = {}
    top = 0.0
    for band in bands:
        lo, hi = ext[band]
        height = _band_height(ext[band])
        offset = top + (height - (hi - lo)) / 2 - lo   # canvas y -> print y
        members = [sid for sid in ids if _band_key(process, process.stage(sid)) == band]
        for sid in members:
            want[sid] = ys[sid] + offset
        bottom = top + height
        for side in (ins, outs):
            nodes = sorted((n for n, (_, b) in side.items() if b == band),
                           key=lambda n: _partner_y(n, side, edges, want))
            h = stage_size(CONNECTOR_KIND)[1]
            floor = top + LANE_PAD
            for n in nodes:
                y = max(_partner_y(n, side, edges, want) - h / 2, floor)
                conn_y[n] = y + h / 2
                floor = y + h + STACK_GAP
            bottom = max(bottom, floor - STACK_GAP + LANE_PAD)
        heights[band] = bottom - top
        top = bottom
    piece = Process(id=f"print-{index}", name=process.name, language=process.language)
    for band in bands:
        if band is not None:
            lane = process.lane(band)
            piece.add_lane(Lane(lane.id, lane.name, lane.color, height=heights[band]))
    for sid in ids:
        stage = process.stage(sid)
        x = first_col + column_of[sid] * pitch + stage_size(StageKind.STAGE)[0] / 2
        piece.add_stage(_moved(stage, Position(x, want[sid])))
    last = max((column_of[sid] for sid in ids), default=0)
    half = stage_size(CONNECTOR_KIND)[0] / 2
    connectors: dict[str, Connector] = {}
    for side, x, outgoing in ((ins, X0 + CONNECTOR_EXTRA + half, False),
                              (outs, first_col + last * pitch + card + out_gap + half, True)):
        for node, (other, band) in side.items():
            connectors[node] = Connector(other, piece_of[other], outgoing)
            piece.add_stage(Stage(node, process.stage(other).name, CONNECTOR_KIND,
                                  band if band is not None else None,
                                  Position(x, conn_y[node])))
    origin: dict[str, str] = {}
    dashed: set[tuple[str, str]] = set()
    for n, (a, b, t) in enumerate(edges):
        if piece.transition_between(a, b) is not None:
            continue
        tid = t.id if (a, b) == (t.source, t.target) else f"{t.id}\x00{n}"
        incoming = a in ins  # its label is printed on the other half, beside the source
        piece.add_transition(Transition(tid, a, b, "" if incoming else t.label,
                                        "" if incoming else t.condition))
        origin[tid] = t.id
        if (t.source, t.target) in back:
            dashed.add((a, b))
    result = Piece(index, piece, connectors, origin, dashed)
    result.routes = process_routes(piece)
    result.area = _area(piece, result.routes)
    return result


def _partner_y(node: str, side: dict[str, tuple[str, str | None]],
               edges: list[tuple[str, str, Transition]], want: dict[str, float]) -> float:
    """Where a connector would like to be: level with the stages it is joined to."""
    ys = [want[b] for a, b, _ in edges if a == node and b in want]
    ys += [want[a] for a, b, _ in edges if b == node and a in want]
    return sum(ys) / len(ys) if ys else 0.0


def _moved(stage: Stage, position: Position) -> Stage:
    from dataclasses import replace
    return replace(stage, position=position)


def _area(piece: Process, routes: dict[str, Route]) -> Rect:
    """What the piece must show: its lanes, stages and every routed arrow, with a margin
    (a loop below the last lane is drawn whole, never cut)."""
    xs, ys = [0.0], [0.0]
    total = sum(lane.height for lane in piece.lanes)
    ys.append(total)
    for stage in piece.stages:
        r = stage_rect(stage)
        xs += [r.x, r.right]
        ys += [r.y, r.bottom]
    for r in routes.values():
        for px, py in r.flattened(8):
            xs.append(px)
            ys.append(py)
    pad = 12.0
    xs += [stage_rect(s).right + CONNECTOR_EXTRA for s in piece.stages
           if s.id.startswith("\x00out:")]
    x0, y0 = min(xs), min(ys) - pad
    return Rect(min(x0, 0.0), y0, max(xs) + pad - min(x0, 0.0), max(ys) + pad - y0)


def crossing_arrows(plan: FlowPlan) -> list[tuple[int, int, str]]:
    """(source piece, target piece, original transition id) of every arrow the plan splits."""
    out = []
    for piece in plan.pieces:
        for tid, original in piece.origin.items():
            t = piece.process.transition(tid)
            conn = piece.connectors.get(t.target)
            if conn is not None and conn.outgoing:
                out.append((piece.index, conn.piece, original))
    return out


__all__ = ["FlowPlan", "Piece", "Connector", "plan_flow", "columns", "crossing_arrows",
           "page_groups", "MIN_PT", "PRINT_NAME", "PRINT_LABEL", "PIECE_GAP"]
