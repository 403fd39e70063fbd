"""The flow diagram as inline SVG, drawn from :mod:`salesdesigner.model.geometry`.

Same stage boxes and lane bands as the canvas and the PDF; every stage is a link to its
page (``#stage-<id>``).  All user text is escaped; colours pass a hex check first.
"""

from __future__ import annotations

import unicodedata
from html import escape

from salesdesigner.export.html.data import safe_color, stage_fragment
from salesdesigner.model.entities import Stage, StageKind
from salesdesigner.model.geometry import (
    LANE_TITLE_WIDTH,
    Rect,
    bounding_rect,
    lane_bands,
    stage_rect,
)
from salesdesigner.model.labels_layout import STRANGER_GAP, place_labels
from salesdesigner.model.ordering import back_edges, process_order
from salesdesigner.model.process import Process
from salesdesigner.model.routing import ObstacleIndex, Point, Route, process_routes

PAD = 24.0
FONT = 13.0
EDGE_FONT = 11.0     # .edge-label font size in playbook.css
EDGE_HALO = 4.0      # its white stroke (stroke-width), drawn around the glyphs
_MAX_LINES = {StageKind.STAGE: 3, StageKind.DECISION: 2}


def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _clean(text: str) -> str:
    """One line of printable text (control characters and newlines become spaces)."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _char_width(c: str) -> float:
    return 1.0 if unicodedata.east_asian_width(c) in "WF" else 0.58


def wrap(text: str, width: float, max_lines: int, size: float = FONT) -> list[str]:
    """Break ``text`` into lines that fit ``width`` (estimated), ending in … if cut."""
    text = _clean(text)
    lines: list[str] = []
    line, used = "", 0.0
    for c in text:
        w = _char_width(c) * size
        if used + w > width and line:
            brk = line.rfind(" ")  # break Latin text at a space when there is one
            if c != " " and brk > 0 and _char_width(line[-1]) < 1:
                lines.append(line[:brk])
                line = line[brk + 1:]
                used = sum(_char_width(x) * size for x in line)
            else:
                lines.append(line.rstrip())
                line, used = "", 0.0
            if c == " ":
                continue
        line += c
        used += w
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and sum(_char_width(x) * size for x in last + "…") > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def _shape(stage: Stage, r: Rect, color: str) -> str:
    kind = stage.kind
    if kind is StageKind.DECISION:
        cx, cy = r.x + r.width / 2, r.y + r.height / 2
        pts = (f"{_f(cx)},{_f(r.y)} {_f(r.right)},{_f(cy)} "
               f"{_f(cx)},{_f(r.bottom)} {_f(r.x)},{_f(cy)}")
        return f'<polygon class="shape" points="{pts}" stroke="{color}"/>'
    radius = r.height / 2 if kind in (StageKind.START, StageKind.END) else 10
    return (f'<rect class="shape" x="{_f(r.x)}" y="{_f(r.y)}" width="{_f(r.width)}" '
            f'height="{_f(r.height)}" rx="{_f(radius)}" stroke="{color}"/>')


def _label(stage: Stage, r: Rect, untitled: str) -> str:
    width = r.width * (0.62 if stage.kind is StageKind.DECISION else 1) - 16
    lines = wrap(stage.name or untitled, width, _MAX_LINES.get(stage.kind, 2))
    cx, cy = r.x + r.width / 2, r.y + r.height / 2
    step = FONT * 1.3
    first = cy - step * (len(lines) - 1) / 2
    spans = "".join(f'<tspan x="{_f(cx)}" y="{_f(first + i * step)}">{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text class="name" dominant-baseline="central">{spans}</text>'


def _edge(r: Route) -> str:
    """The SVG path data of a route (same rounded corners as the canvas and the PDF)."""
    parts = []
    for op, args in r.commands():
        parts.append(op + " ".join(f"{_f(args[i])},{_f(args[i + 1])}"
                                   for i in range(0, len(args), 2)))
    return " ".join(parts)


def edge_labels(process: Process, routes: dict[str, Route]) -> dict[str, tuple[str, Point]]:
    """Each labelled arrow's text and the centre it is drawn at (by transition id): the
    texts estimated at the label font and placed apart by
    :func:`~salesdesigner.model.labels_layout.place_labels`, clear of stages that are not
    their arrow's ends as in the PDF (a label beside a stranger's card reads as its arrow's;
    the label font is the PDF's size, so the same gap)."""
    texts: dict[str, str] = {}
    sizes: dict[str, tuple[float, float]] = {}
    for t in process.transitions:
        text = wrap(t.label, 150, 1, EDGE_FONT)
        if text:
            texts[t.id] = text[0]
            width = sum(_char_width(c) for c in text[0]) * EDGE_FONT
            sizes[t.id] = (width + EDGE_HALO, EDGE_FONT * 1.3 + EDGE_HALO)
    index = ObstacleIndex((s.id, stage_rect(s)) for s in process.stages)
    ends = {t.id: (t.source, t.target) for t in process.transitions}
    spots = place_labels(routes, sizes, index, ends=ends, near=STRANGER_GAP)
    return {tid: (texts[tid], spots[tid]) for tid in spots}


def diagram_svg(process: Process, labels: dict[str, str]) -> str:
    """The whole process as one ``<svg>`` element, or "" for an empty process."""
    box = bounding_rect(process)
    if box is None:
        return ""
    routes = process_routes(process)
    for r in routes.values():  # loops and detours may run outside the stages
        xs = [p[0] for p in r.points]
        ys = [p[1] for p in r.points]
        box = box.united(Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys) + 12))
    vx, vy = box.x - PAD, box.y - PAD
    vw, vh = box.width + 2 * PAD, box.height + 2 * PAD
    index_of = {sid: i for i, sid in enumerate(process_order(process))}
    colors = {lane.id: safe_color(lane.color) for lane in process.lanes}
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram" role="group" '
            f'aria-label="{escape(labels["diagram_label"])}" viewBox="{_f(vx)} {_f(vy)} '
            f'{_f(vw)} {_f(vh)}" width="{_f(vw)}" height="{_f(vh)}">'),
           ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            'class="arrowhead"/></marker></defs>')]
    right = box.right + PAD
    for i, band in enumerate(lane_bands(process)):
        lane = process.lane(band.lane_id)
        color = colors[lane.id]
        h = band.bottom - band.top
        cx, cy = LANE_TITLE_WIDTH / 2, band.top + h / 2
        name = wrap(lane.name, max(h - 16, 20), 1, 12)
        out.append(f'<g class="lane" data-lane="{i}"><title>{escape(_clean(lane.name))}</title>'
                   f'<rect class="band" x="0" y="{_f(band.top)}" width="{_f(right)}" '
                   f'height="{_f(h)}" fill="{color}"/>'
                   f'<rect class="title" x="0" y="{_f(band.top)}" width="{_f(LANE_TITLE_WIDTH)}" '
                   f'height="{_f(h)}" fill="{color}"/>'
                   f'<text class="lane-name" transform="translate({_f(cx)},{_f(cy)}) rotate(-90)" '
                   f'dominant-baseline="central">{escape(name[0] if name else "")}</text></g>')
    rects = {s.id: stage_rect(s) for s in process.stages}
    cut = back_edges(process)
    edges: list[str] = []
    placed = edge_labels(process, routes)
    texts = []
    for t in process.transitions:
        back = (t.source, t.target) in cut
        d = _edge(routes[t.id])
        cls = "edge back" if back else "edge"
        tip = f"<title>{escape(_clean(t.condition))}</title>" if t.condition.strip() else ""
        edges.append(f'<path class="{cls}" d="{d}" marker-end="url(#arrow)"/>')
        if t.id in placed:
            text, mid = placed[t.id]
            texts.append(f'<text class="edge-label" x="{_f(mid[0])}" y="{_f(mid[1])}" '
                         f'dominant-baseline="central">{tip}{escape(text)}</text>')
    out.append('<g class="edges">' + "".join(edges) + "</g>")
    for stage in process.stages:
        r = rects[stage.id]
        color = colors.get(stage.lane or "", "#64748B")
        href = escape(stage_fragment(stage.id))
        out.append(f'<a class="st kind-{stage.kind.value}" href="#{href}" '
                   f'data-i="{index_of[stage.id]}"><title>{escape(_clean(stage.name))}</title>'
                   f'{_shape(stage, r, color)}{_label(stage, r, labels["untitled"])}</a>')
    out.append('<g class="edge-labels">' + "".join(texts) + "</g>")
    out.append("</svg>")
    return "".join(out)
