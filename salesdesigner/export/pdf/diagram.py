"""The process overview as vector graphics: lanes, stage shapes, arrows, labels.

Drawn from :mod:`salesdesigner.model.geometry` (stage sizes, lane bands), so the page
shows what the canvas shows.  A diagram too big to be legible on one page is cut into
tiles (:func:`plan_tiles`), each drawn by its own :class:`DiagramFlowable`, preceded by a
small map of the whole process with the tiles framed.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from salesdesigner.export.pdf.fonts import font_for
from salesdesigner.export.pdf.styles import (
    END,
    INK,
    LOST,
    MUTED,
    RULE,
    START,
    WON,
    Typesetter,
    lane_color,
    shade,
    tint,
)
from salesdesigner.export.pdf.text import KinsokuParagraph, _wide
from salesdesigner.model.entities import Stage, StageKind
from salesdesigner.model.geometry import (
    LANE_TITLE_WIDTH,
    Rect,
    bounding_rect,
    lane_bands,
    stage_rect,
)
from salesdesigner.model.labels_layout import place_labels
from salesdesigner.model.ordering import back_edges
from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process
from salesdesigner.model.routing import ObstacleIndex, Point, Route, process_routes

MIN_SCALE = 0.45    # below this, stage names print under 6 pt: cut into tiles
PART_SCALE = 0.5    # once cut, names print at 6.5 pt or more
NAME_SIZE = 13.0    # stage name size in scene units
LABEL_SIZE = 11.0   # arrow label size in scene units
MAX_TILES = 24      # more pages than this and the overview is no longer an overview
_FILL = {StageKind.START: START, StageKind.END: END, StageKind.WON: WON, StageKind.LOST: LOST}


@dataclass(frozen=True)
class Scene:
    """What every tile of one diagram shares."""

    process: Process
    area: Rect                      # the scene rectangle the whole diagram covers
    numbers: dict[str, int]         # stage id -> chapter number (stages in the manual)
    keys: dict[str, str]            # stage id -> bookmark key of its chapter
    ts: Typesetter
    routes: dict[str, Route] = field(default_factory=dict)  # transition id -> its route

    def __post_init__(self) -> None:
        if not self.routes:  # routed once for every tile, as the canvas routes them
            object.__setattr__(self, "routes", process_routes(self.process))
        object.__setattr__(self, "_labels", None)

    def labels(self) -> dict[str, tuple[str, Point]]:
        """Each labelled arrow's text and the scene point its label is centred on (by
        transition id), placed apart once for every tile by
        :func:`~salesdesigner.model.labels_layout.place_labels`."""
        if self._labels is None:
            texts: dict[str, str] = {}
            sizes: dict[str, tuple[float, float]] = {}
            chain = self.ts.chain_for(self.ts.styles["diagram_label"])
            for t in self.process.transitions:
                text = self.ts.short(t.label or t.condition, 40)
                if text:
                    texts[t.id] = text
                    sizes[t.id] = label_size(text, self.routes[t.id].label_span, chain)
            index = ObstacleIndex((s.id, stage_rect(s)) for s in self.process.stages)
            spots = place_labels(self.routes, sizes, index)
            object.__setattr__(self, "_labels", {k: (texts[k], spots[k]) for k in spots})
        return self._labels


_ADVANCE: dict[tuple[str, tuple[str, ...]], float] = {}


def label_width(text: str, chain: tuple[str, ...]) -> float:
    """Width of ``text`` at :data:`LABEL_SIZE` in the fonts of ``chain`` (each character
    in the first font that has it, as the paragraphs set it)."""
    total = 0.0
    for c in text:
        w = _ADVANCE.get((c, chain))
        if w is None:
            w = _ADVANCE[(c, chain)] = stringWidth(c, font_for(c, chain) or chain[0], 1.0)
        total += w
    return total * LABEL_SIZE


def label_box_width(span: float) -> float:
    """How wide (scene units) the label of an arrow whose label stretch is ``span`` may be."""
    return min(max(span - 8, 72.0), 140.0)


def label_size(text: str, span: float, chain: tuple[str, ...]) -> tuple[float, float]:
    """Width and height (scene units) of the pill :meth:`DiagramFlowable._label` draws:
    the text wraps at :func:`label_box_width`, lines are 1.25 × the size apart."""
    room, pad = label_box_width(span), 2.0
    used = label_width(text, chain)
    lines = min(4, max(1, math.ceil(used / room))) if used > room else 1
    return min(used, room) + 2 * pad, lines * LABEL_SIZE * 1.25 + 2 * pad


def scene_area(process: Process) -> Rect:
    rect = bounding_rect(process) or Rect(0, 0, 400, 200)
    pad = 20.0
    return Rect(min(rect.x, 0.0) - pad, rect.y - pad, rect.width + 2 * pad + max(0.0, rect.x),
                rect.height + 2 * pad)


class _Spans:
    """Intervals (with a payload) sorted by start, so those overlapping a range are found
    by bisection instead of a scan of every stage: planning stays linear."""

    def __init__(self, spans: list[tuple[float, float, object]]) -> None:
        self.spans = sorted(spans, key=lambda s: s[0])
        self.starts = [s[0] for s in self.spans]
        self.longest = max((s[1] - s[0] for s in self.spans), default=0.0)

    def overlapping(self, a: float, b: float) -> list[tuple[float, float, object]]:
        """Spans with start < b and end > a."""
        i = bisect.bisect_right(self.starts, a - self.longest)
        j = bisect.bisect_left(self.starts, b)
        return [s for s in self.spans[i:j] if s[1] > a]


def _cuts(start: float, stop: float, step: float, spans: _Spans,
          prefer: list[float] = (), first_extra: float = 0.0,
          limit: int = 10 ** 9) -> list[float]:
    """Cut positions from ``start`` to ``stop`` about ``step`` apart, moved back into a gap
    between stages where a cut would slice one (never shorter than half a step).  The first
    piece may be ``first_extra`` longer (it needs no repeated lane titles).  Stops early
    (returning more than ``limit`` pieces) once there are more than ``limit``."""
    cuts = [start]
    while len(cuts) <= limit and cuts[-1] + step + (first_extra if len(cuts) == 1 else 0.0) < stop:
        cut = cuts[-1] + step + (first_extra if len(cuts) == 1 else 0.0)
        preferred = [p for p in prefer if cuts[-1] + step / 2 < p <= cut]
        sliced = [lo for lo, _, _ in spans.overlapping(cut, cut)]
        if preferred:  # e.g. the border between two lanes
            cut = max(preferred)
        elif sliced and min(sliced) - 15 > cuts[-1] + step / 2:
            cut = min(sliced) - 15
        cuts.append(cut)
    cuts.append(stop)
    return cuts


def plan_tiles(area: Rect, width: float, height: float, stages: list[Rect] = (),
               bands: list[float] = ()) -> tuple[float, list[Rect]]:
    """Scale and scene rectangles so each tile fits a ``width`` × ``height`` box legibly.

    One page when the whole diagram fits at :data:`MIN_SCALE`.  Otherwise the fewest
    parts at any scale from 1 down to :data:`PART_SCALE` (the largest scale among those
    with that fewest count): the diagram is cut across between stage columns, each
    column keeps only the lanes from its highest to its lowest stage (a staircase needs
    no empty lanes), is cut at lane borders only when still too tall, and parts with no
    stage are skipped.  ``bands`` are the lane borders (scene y).
    """
    fit = min(width / area.width, height / area.height)
    if fit >= MIN_SCALE:
        return min(fit, 1.0), [area]
    best: tuple[float, list[Rect]] | None = None
    for step in range(round((1.0 - PART_SCALE) / 0.01) + 1):
        scale = 1.0 - step * 0.01
        if area.width * scale / width > MAX_TILES + 1:  # too many columns at this scale
            continue
        tiles = _tiling(area, width, height, scale, list(stages), list(bands))
        if tiles is not None and (best is None or len(tiles) < len(best[1])):
            best = (scale, tiles)
    if best is None:  # a giant process: one overall page, not a booklet of tiles
        return fit, [area]
    return best


def _tiling(area: Rect, width: float, height: float, scale: float, stages: list[Rect],
            bands: list[float]) -> list[Rect] | None:
    """The parts at ``scale``, or None when there would be more than MAX_TILES."""
    title = LANE_TITLE_WIDTH  # later tiles repeat the lane titles over their left edge
    columns = _Spans([(r.x, r.right, r) for r in stages])
    xs = _cuts(area.x, area.right, width / scale - title, columns, first_extra=title,
               limit=MAX_TILES)
    if len(xs) - 1 > MAX_TILES:
        return None
    bounds = sorted({area.y, area.bottom, *(b for b in bands if area.y < b < area.bottom)})
    tiles: list[Rect] = []
    for left, right in itertools.pairwise(xs):
        lead = title if left > area.x else 0.0
        inside = [r for _, _, r in columns.overlapping(left - lead, right)]
        if stages and not inside:
            continue
        top, bottom = area.y, area.bottom
        if inside:  # keep only the lanes this column's stages are in
            top = max((b for b in bounds if b <= min(r.y for r in inside)), default=area.y)
            bottom = min((b for b in bounds if b >= max(r.bottom for r in inside)),
                         default=area.bottom)
        ys = _cuts(top, bottom, height / scale, _Spans([(r.y, r.bottom, r) for r in inside]),
                   bounds, limit=MAX_TILES)
        for y0, y1 in itertools.pairwise(ys):
            tile = Rect(left - lead, y0, right - left + lead, y1 - y0)
            if tile.width * scale > width + 0.01 or tile.height * scale > height + 0.01:
                return None  # never a part larger than the page
            if not stages or any(r.bottom > y0 and r.y < y1 for r in inside):
                tiles.append(tile)
        if len(tiles) > MAX_TILES:
            return None
    return tiles or [area]


class DiagramFlowable(Flowable):
    """Draws the part ``view`` of the scene at ``scale`` (points per scene unit)."""

    def __init__(self, scene: Scene, view: Rect, scale: float, *, frames: list[Rect] = (),
                 links: bool = True) -> None:
        super().__init__()
        self.scene, self.view, self.scale = scene, view, scale
        self.frames, self.links = list(frames), links
        self.width = min(view.width, scene.area.right - view.x) * scale
        self.height = min(view.height, scene.area.bottom - view.y) * scale

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    # scene -> page coordinates (y grows upward on the page)
    def _x(self, x: float) -> float:
        return (x - self.view.x) * self.scale

    def _y(self, y: float) -> float:
        return self.height - (y - self.view.y) * self.scale

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        path = c.beginPath()
        path.rect(0, 0, self.width, self.height)
        c.clipPath(path, stroke=0, fill=0)
        self._lanes()
        labels = self._arrows()
        for stage in self.scene.process.stages:
            self._stage(stage)
        for text, at, span in labels if not self.frames else ():  # the map stays uncluttered
            self._label(text, at, span)
        self._lane_titles()
        for n, frame in enumerate(self.frames, 1):
            self._draw_tile_frame(frame, n)
        c.restoreState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)

    def _lanes(self) -> None:
        c, s = self.canv, self.scale
        process = self.scene.process
        right = self.scene.area.right
        for n, band in enumerate(lane_bands(process)):
            color = lane_color(process.lane(band.lane_id).color)
            c.setFillColor(tint(color, 0.9 if n % 2 == 0 else 0.85))
            c.setStrokeColor(tint(color, 0.5))
            c.setLineWidth(0.6)
            x0 = self._x(self.scene.area.x)
            c.rect(x0, self._y(band.bottom), (right - self.scene.area.x) * s,
                   (band.bottom - band.top) * s, stroke=1, fill=1)

    def _lane_titles(self) -> None:
        """Lane titles in a column pinned to the tile's left edge, so every tile has them."""
        c, s = self.canv, self.scale
        process = self.scene.process
        left = max(self.view.x, self.scene.area.x)
        for band in lane_bands(process):
            lane = process.lane(band.lane_id)
            color = lane_color(lane.color)
            x, w = self._x(left), LANE_TITLE_WIDTH * s * 0.8
            top, bottom = self._y(band.top), self._y(band.bottom)
            c.setFillColor(color)
            c.rect(x, bottom, w, top - bottom, stroke=0, fill=1)
            length = top - bottom - 6
            if length < 12:  # a band too thin to hold a title
                continue
            name = self.scene.ts.short(lane.name, 60)
            if self._upright(name, x + w / 2, top, bottom, 13 * s):
                continue
            c.saveState()
            c.translate(x + w / 2, (top + bottom) / 2)
            c.rotate(90)
            para = self._text(self.scene.ts.short(lane.name, 60), "diagram", 13 * s,
                              colors.white)
            _, ph = para.wrap(length, w)
            para.drawOn(c, -length / 2, -ph / 2 + 1)
            c.restoreState()

    def _upright(self, name: str, cx: float, top: float, bottom: float, size: float) -> bool:
        """Japanese lane titles set vertically with upright characters (tategaki), when
        the name is CJK and fits; returns False to fall back to rotated text."""
        chars = [ch for ch in name if not ch.isspace()]
        if not chars or not all(_wide(ch) for ch in chars):
            return False
        step = size * 1.1
        if len(chars) * step > top - bottom - 8:
            return False
        c = self.canv
        c.setFillColor(colors.white)
        y = (top + bottom) / 2 + len(chars) * step / 2 - size * 0.9
        for ch in chars:
            font = font_for(ch, self.scene.ts.chains.body) or self.scene.ts.chains.body[0]
            if ch in "ー—―…‥〜～-":  # long marks run along the line: turn them
                c.saveState()
                c.translate(cx, y + size * 0.35)
                c.rotate(-90)
                c.setFont(font, size)
                c.drawCentredString(0, -size * 0.35, ch)
                c.restoreState()
            else:
                c.setFont(font, size)
                c.drawCentredString(cx, y, ch)
            y -= step
        return True

    def _stage(self, stage: Stage) -> None:
        c, s = self.canv, self.scale
        rect = stage_rect(stage)
        if rect.right < self.view.x or rect.x > self.view.right or (
                rect.bottom < self.view.y or rect.y > self.view.bottom):
            return
        kind = StageKind(stage.kind)
        included = stage.id in self.scene.numbers
        lane = self.scene.process.lane(stage.lane) if stage.lane else None
        color = lane_color(lane.color if lane else None)
        x, y = self._x(rect.x), self._y(rect.bottom)
        w, h = rect.width * s, rect.height * s
        c.saveState()
        if not included:
            c.setFillAlpha(0.35)
            c.setStrokeAlpha(0.35)
        text_color = colors.white
        if kind in _FILL:
            c.setFillColor(_FILL[kind])
            c.setStrokeColor(shade(_FILL[kind], 0.3))
            c.setLineWidth(0.8)
            radius = h / 2 if kind in (StageKind.START, StageKind.END) else h / 4
            c.roundRect(x, y, w, h, radius, stroke=1, fill=1)
            if kind in (StageKind.WON, StageKind.LOST):  # a double border marks an outcome
                c.setStrokeColor(colors.white)
                c.roundRect(x + 2.5 * s, y + 2.5 * s, w - 5 * s, h - 5 * s,
                            max(radius - 2.5 * s, 0), stroke=1, fill=0)
        elif kind is StageKind.DECISION:
            c.setFillColor(colors.white)
            c.setStrokeColor(shade(color, 0.15))
            c.setLineWidth(1.2)
            p = c.beginPath()
            p.moveTo(x + w / 2, y + h)
            p.lineTo(x + w, y + h / 2)
            p.lineTo(x + w / 2, y)
            p.lineTo(x, y + h / 2)
            p.close()
            c.drawPath(p, stroke=1, fill=1)
            text_color = INK
        else:
            c.setFillColor(colors.white)
            c.setStrokeColor(shade(color, 0.1))
            c.setLineWidth(1.0)
            c.roundRect(x, y, w, h, 8 * s, stroke=1, fill=1)
            c.setFillColor(color)
            c.rect(x + 0.5, y + h - 7 * s, w - 1, 6.5 * s, stroke=0, fill=1)
            text_color = INK
        inset = w * 0.2 if kind is StageKind.DECISION else 10 * s
        self._name(stage, x + inset, y, w - 2 * inset, h - (7 * s if kind is StageKind.STAGE else 0),
                   text_color)
        number = self.scene.numbers.get(stage.id)
        if number is not None:
            if kind is StageKind.DECISION:  # on the diamond's upper right edge
                self._badge(number, x + w * 0.75, y + h * 0.75 + 4 * s, color)
            else:
                self._badge(number, x + w - 2 * s, y + h - 2 * s, color)
            key = self.scene.keys.get(stage.id)
            if self.links and key:
                c.linkRect("", key, (x, y, x + w, y + h), relative=1, thickness=0)
        c.restoreState()

    def _name(self, stage: Stage, x: float, y: float, w: float, h: float,
              color: colors.Color) -> None:
        ts, s = self.scene.ts, self.scale
        if w < 4 or h < 4:
            return
        name = ts.short(words_for(self.scene.process.language).name(stage.name), 70)
        size = NAME_SIZE * s
        for attempt in range(4):
            para = self._text(name, "diagram", size, color)
            _, ph = para.wrap(w, h)
            if ph <= h - 4 * s or attempt == 3:
                break
            size *= 0.85
        if ph > h:  # still too tall: keep the first lines only
            name = ts.short(name, max(8, int(len(name) * h / ph) - 1))
            para = self._text(name, "diagram", size, color)
            _, ph = para.wrap(w, h)
        para.drawOn(self.canv, x, y + (h - ph) / 2)

    def _badge(self, number: int, cx: float, cy: float, color: colors.Color) -> None:
        c, s = self.canv, self.scale
        r = 9 * s
        c.setFillColor(shade(color, 0.25))
        c.setStrokeColor(colors.white)
        c.setLineWidth(1)
        c.circle(cx, cy, r, stroke=1, fill=1)
        c.setFillColor(colors.white)
        c.setFont("DejaVuSans-Bold", 9 * s if number < 100 else 7 * s)
        c.drawCentredString(cx, cy - 3.2 * s, str(number))

    def _arrows(self) -> list[tuple[str, tuple[float, float], float]]:
        """Draw the arrows; return their labels, drawn later on top of the stages."""
        c, s = self.canv, self.scale
        labels = []
        process = self.scene.process
        back = back_edges(process)
        routes = self.scene.routes
        c.setLineWidth(max(0.6, 1.2 * s))
        for t in process.transitions:
            r = routes[t.id]
            xs = [self._x(px) for px, _ in r.points]
            ys = [self._y(py) for _, py in r.points]
            if max(xs) < 0 or min(xs) > self.width or max(ys) < 0 or min(ys) > self.height:
                continue
            dim = t.source not in self.scene.numbers or t.target not in self.scene.numbers
            c.saveState()
            stroke = MUTED if not dim else tint(MUTED, 0.6)
            c.setStrokeColor(stroke)
            c.setFillColor(stroke)
            if (t.source, t.target) in back:
                c.setDash(3 * s, 2 * s)
            p = c.beginPath()
            for op, args in r.commands():
                pts = [(self._x(args[i]), self._y(args[i + 1])) for i in range(0, len(args), 2)]
                if op == "M":
                    p.moveTo(*pts[0])
                elif op == "L":
                    p.lineTo(*pts[0])
                else:
                    p.curveTo(*pts[0], *pts[1], *pts[2])
            c.drawPath(p, stroke=1, fill=0)
            c.setDash()
            tip = (self._x(r.end[0]), self._y(r.end[1]))
            before = (tip[0] - r.end_dir[0], tip[1] + r.end_dir[1])  # page y grows upward
            _arrowhead(c, before, tip, 7 * s)
            c.restoreState()
            placed = self.scene.labels().get(t.id)
            if placed is not None:
                label, (lx, ly) = placed
                labels.append((label, (self._x(lx), self._y(ly)), r.label_span))
        return labels

    def _text(self, text: str, style: str, size: float, color: colors.Color) -> KinsokuParagraph:
        """A paragraph of user text at a scaled size (style fixed before parsing, as
        reportlab bakes size and colour into the text fragments)."""
        ts = self.scene.ts
        st = _sized(ts.styles[style], size, color)
        return KinsokuParagraph(ts.markup(text, st), st)

    def _label(self, text: str, at: tuple[float, float], span: float) -> None:
        width = label_box_width(span) * self.scale
        c, s = self.canv, self.scale
        para = self._text(text, "diagram_label", LABEL_SIZE * s, INK)
        _, ph = para.wrap(width, 60 * s)
        used = max((ln.currentWidth for ln in getattr(para.blPara, "lines", [])
                    if hasattr(ln, "currentWidth")), default=width)
        pad = 2 * s
        c.setFillColor(colors.white)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.roundRect(at[0] - used / 2 - pad, at[1] - ph / 2 - pad, used + 2 * pad, ph + 2 * pad,
                    2 * s, stroke=1, fill=1)
        para.drawOn(c, at[0] - width / 2, at[1] - ph / 2)

    def _draw_tile_frame(self, frame: Rect, n: int) -> None:
        c, s = self.canv, self.scale
        c.setStrokeColor(colors.HexColor("#D64545"))
        c.setLineWidth(1.2)
        c.setDash(4, 3)
        x, y = self._x(frame.x), self._y(frame.bottom)
        c.rect(x + 1, y + 1, frame.width * s - 2, frame.height * s - 2, stroke=1, fill=0)
        c.setDash()
        c.setFillColor(colors.HexColor("#D64545"))
        c.setFont("DejaVuSans-Bold", 12)
        c.drawString(x + 6, y + frame.height * s - 16, str(n))


def _sized(style, size: float, color: colors.Color):
    from reportlab.lib.styles import ParagraphStyle
    return ParagraphStyle("d", parent=style, fontSize=size, leading=size * 1.25,
                          textColor=color)


def _arrowhead(c, before: tuple[float, float], tip: tuple[float, float], size: float) -> None:
    angle = math.atan2(tip[1] - before[1], tip[0] - before[0])
    if before == tip:
        angle = 0.0
    p = c.beginPath()
    p.moveTo(*tip)
    for da in (2.7, -2.7):
        p.lineTo(tip[0] + size * math.cos(angle + da), tip[1] + size * math.sin(angle + da))
    p.close()
    c.drawPath(p, stroke=0, fill=1)
