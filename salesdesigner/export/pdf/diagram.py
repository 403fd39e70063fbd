"""The process overview as vector graphics: lanes, stage shapes, arrows, labels.

Drawn from :mod:`salesdesigner.model.geometry` (stage sizes, lane bands), so the page
shows what the canvas shows.  The manual prints the flow in pieces planned for the page
(:mod:`salesdesigner.export.pdf.flowplan`), each drawn by its own :class:`DiagramFlowable`;
arrows between pieces end at off-page connectors naming the stage and page they continue on.
"""

from __future__ import annotations

import math
from collections.abc import Callable
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
from salesdesigner.model.labels_layout import STRANGER_GAP, place_labels
from salesdesigner.model.ordering import back_edges
from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process
from salesdesigner.model.routing import ObstacleIndex, Point, Route, process_routes

CONNECTOR_EXTRA = 30.0  # a connector is drawn this much wider than routed, on its outer side
NAME_SIZE = 13.0    # stage name size in scene units
LABEL_SIZE = 11.0   # arrow label size in scene units
LABEL_NEAR = STRANGER_GAP  # a label keeps this far from stages not its arrow's (at LABEL_SIZE)
MIN_BADGE_SCALE = 0.44  # badges are sized for prints down to this scale (flowplan.MIN_SCALE)
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
    name_size: float = NAME_SIZE          # scene units
    label_size: float = LABEL_SIZE        # scene units
    min_pt: float = 0.0                   # no text drawn smaller than this (points)
    back: set[tuple[str, str]] | None = None      # dashed arrows (loops); None: computed
    # off-page connectors: node id -> (first line, second line) of its text
    connectors: dict[str, Callable[[], tuple[str, str]]] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)  # connector id -> stage it names
    outgoing: dict[str, bool] = field(default_factory=dict)  # connector id -> arrow leaves
    on_drawn: Callable[[int], None] | None = None  # told the page number when drawn
    bookmark: str = ""                    # destination name of the page it is drawn on
    links_to: dict[str, str] = field(default_factory=dict)  # connector id -> destination

    def __post_init__(self) -> None:
        if not self.routes:  # routed once for every tile, as the canvas routes them
            object.__setattr__(self, "routes", process_routes(self.process))
        if self.back is None:
            object.__setattr__(self, "back", back_edges(self.process))
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
                    sizes[t.id] = label_size(text, self.routes[t.id].label_span, chain,
                                             self.label_size)
            index = ObstacleIndex((s.id, stage_rect(s)) for s in self.process.stages)
            ends = {t.id: (t.source, t.target) for t in self.process.transitions}
            spots = place_labels(self.routes, sizes, index, fixed=self._badges(), ends=ends,
                                 near=LABEL_NEAR * self.label_size / LABEL_SIZE)
            object.__setattr__(self, "_labels", {k: (texts[k], spots[k]) for k in spots})
        return self._labels


    def _badges(self) -> list[Rect]:
        """Where the chapter-number badges are drawn (scene units, at the smallest print
        scale, where they are largest): a label on one hides the number."""
        r = max(9.0, self.min_pt / MIN_BADGE_SCALE) + 0.5
        out = []
        for stage in self.process.stages:
            if stage.id not in self.numbers:
                continue
            rect = stage_rect(stage)
            if stage.kind is StageKind.DECISION:  # as DiagramFlowable._stage draws them
                cx, cy = rect.x + rect.width * 0.75, rect.y + rect.height * 0.25 - 4
            else:
                cx, cy = rect.right - 2, rect.y + 2
            out.append(Rect(cx - r, cy - r, 2 * r, 2 * r))
        return out


_ADVANCE: dict[tuple[str, tuple[str, ...]], float] = {}


def label_width(text: str, chain: tuple[str, ...], size: float = LABEL_SIZE) -> float:
    """Width of ``text`` at ``size`` in the fonts of ``chain`` (each character
    in the first font that has it, as the paragraphs set it)."""
    total = 0.0
    for c in text:
        w = _ADVANCE.get((c, chain))
        if w is None:
            w = _ADVANCE[(c, chain)] = stringWidth(c, font_for(c, chain) or chain[0], 1.0)
        total += w
    return total * size


def label_box_width(span: float, size: float = LABEL_SIZE) -> float:
    """How wide (scene units) the label of an arrow whose label stretch is ``span`` may be
    (wider for larger text, so a label keeps about as many characters per line)."""
    grow = size / LABEL_SIZE
    return min(max(span - 8, 72.0 * grow), 140.0 * grow)


def label_size(text: str, span: float, chain: tuple[str, ...],
               size: float = LABEL_SIZE) -> tuple[float, float]:
    """Width and height (scene units) of the pill :meth:`DiagramFlowable._label` draws:
    the text wraps at :func:`label_box_width`, lines are 1.25 × the size apart."""
    room, pad = label_box_width(span, size), 2.0
    used = label_width(text, chain, size)
    lines = min(4, max(1, math.ceil(used / room))) if used > room else 1
    return min(used, room) + 2 * pad, lines * size * 1.25 + 2 * pad


def scene_area(process: Process) -> Rect:
    rect = bounding_rect(process) or Rect(0, 0, 400, 200)
    pad = 20.0
    return Rect(min(rect.x, 0.0) - pad, rect.y - pad, rect.width + 2 * pad + max(0.0, rect.x),
                rect.height + 2 * pad)


class DiagramFlowable(Flowable):
    """Draws the part ``view`` of the scene at ``scale`` (points per scene unit)."""

    def __init__(self, scene: Scene, view: Rect, scale: float, *, links: bool = True) -> None:
        super().__init__()
        self.scene, self.view, self.scale = scene, view, scale
        self.links = links
        self._fitted: dict[tuple, tuple[str, float] | str] = {}  # text fitted in a pass
        self.width = min(view.width, scene.area.right - view.x) * scale
        self.height = min(view.height, scene.area.bottom - view.y) * scale

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    # scene -> page coordinates (y grows upward on the page)
    def _x(self, x: float) -> float:
        return (x - self.view.x) * self.scale

    def _y(self, y: float) -> float:
        return self.height - (y - self.view.y) * self.scale

    def _pt(self, units: float) -> float:
        """A text size in points: ``units`` scene units, never under the scene's minimum."""
        return max(units * self.scale, self.scene.min_pt)

    def draw(self) -> None:
        c = self.canv
        if self.scene.on_drawn is not None:
            self.scene.on_drawn(c.getPageNumber())
        if self.scene.bookmark:
            c.bookmarkPage(self.scene.bookmark)
        c.saveState()
        path = c.beginPath()
        path.rect(0, 0, self.width, self.height)
        c.clipPath(path, stroke=0, fill=0)
        self._lanes()
        labels = self._arrows()
        for stage in self.scene.process.stages:
            if stage.id in self.scene.connectors:
                self._connector(stage)
            else:
                self._stage(stage)
        for text, at, span in labels:
            self._label(text, at, span)
        self._lane_titles()
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
            x, w = self._x(left), max(LANE_TITLE_WIDTH * s * 0.8, self._pt(13) * 2.4)
            top, bottom = self._y(band.top), self._y(band.bottom)
            c.setFillColor(color)
            c.rect(x, bottom, w, top - bottom, stroke=0, fill=1)
            length = top - bottom - 6
            if length < 12:  # a band too thin to hold a title
                continue
            name = self.scene.ts.short(lane.name, 60)
            if self._upright(name, x + w / 2, top, bottom, self._pt(13)):
                continue
            c.saveState()
            c.translate(x + w / 2, (top + bottom) / 2)
            c.rotate(90)
            para = self._text(self.scene.ts.short(lane.name, 60), "diagram", self._pt(13),
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
        foot = 7 * s if kind is StageKind.STAGE else 0
        self._name(stage, x + inset, y, w - 2 * inset, h - foot, text_color)
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
        fitted = self._fitted.get(("name", stage.id, w, h))
        if fitted is not None:  # the document is laid out in several passes: fit once
            para = self._text(fitted[0], "diagram", fitted[1], color)
            _, ph = para.wrap(w, h)
            para.drawOn(self.canv, x, y + (h - ph) / 2)
            return
        name = ts.short(words_for(self.scene.process.language).name(stage.name), 70)
        size = self._pt(self.scene.name_size)
        for attempt in range(4):
            para = self._text(name, "diagram", size, color)
            _, ph = para.wrap(w, h)
            if ph <= h - 4 * s or attempt == 3 or size * 0.85 < self.scene.min_pt:
                break
            size *= 0.85
        if ph > h:  # still too tall: keep the first lines only
            name = ts.short(name, max(8, int(len(name) * h / ph) - 1))
            para = self._text(name, "diagram", size, color)
            _, ph = para.wrap(w, h)
        elif len(para.blPara.lines) == 2:  # two lines: break at a word, not mid-word
            better = _two_lines(name, lambda part: self._fits_line(part, size, w))
            if better is not None:
                name = better
                para = self._text(better, "diagram", size, color)
                _, ph = para.wrap(w, h)
        self._fitted[("name", stage.id, w, h)] = (name, size)
        para.drawOn(self.canv, x, y + (h - ph) / 2)

    def _fits_line(self, text: str, size: float, width: float) -> bool:
        para = self._text(text, "diagram", size, INK)
        para.wrap(width, 1000)
        return len(para.blPara.lines) <= 1

    def _badge(self, number: int, cx: float, cy: float, color: colors.Color) -> None:
        c = self.canv
        size = self._pt(9 if number < 100 else 7)
        r = size * (1.0 if number < 100 else 1.3)
        c.setFillColor(shade(color, 0.25))
        c.setStrokeColor(colors.white)
        c.setLineWidth(1)
        c.circle(cx, cy, r, stroke=1, fill=1)
        c.setFillColor(colors.white)
        c.setFont("DejaVuSans-Bold", size)
        c.drawCentredString(cx, cy - size * 0.36, str(number))

    def _arrows(self) -> list[tuple[str, tuple[float, float], float]]:
        """Draw the arrows; return their labels, drawn later on top of the stages."""
        labels = []
        scene = self.scene
        routes = scene.routes
        self.canv.setLineWidth(max(0.6, 1.2 * self.scale))
        for t in scene.process.transitions:
            r = routes[t.id]
            xs = [self._x(px) for px, _ in r.points]
            ys = [self._y(py) for _, py in r.points]
            if max(xs) < 0 or min(xs) > self.width or max(ys) < 0 or min(ys) > self.height:
                continue
            ends = (scene.alias.get(t.source, t.source), scene.alias.get(t.target, t.target))
            dim = not all(end in scene.numbers for end in ends)
            self._draw_route(r, dashed=(t.source, t.target) in scene.back,
                             stroke=MUTED if not dim else tint(MUTED, 0.6))
            placed = scene.labels().get(t.id)
            if placed is not None:
                label, (lx, ly) = placed
                labels.append((label, (self._x(lx), self._y(ly)), r.label_span))
        return labels

    def _draw_route(self, r: Route, *, dashed: bool, stroke: colors.Color) -> None:
        """One arrow: its path (as :meth:`Route.commands` shapes it) and its head.  Every
        arrow is drawn here, so a new arrow style changes this function only."""
        c, s = self.canv, self.scale
        c.saveState()
        c.setStrokeColor(stroke)
        c.setFillColor(stroke)
        if dashed:
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
        _arrowhead(c, before, tip, max(7 * s, 3.5))
        c.restoreState()

    def _connector(self, node: Stage) -> None:
        """An off-page connector: a tag pointing out of (or into) the piece, naming the
        stage the arrow continues at (or comes from) and its page; linked to it."""
        c, s = self.canv, self.scale
        rect = stage_rect(node)
        x, y = self._x(rect.x), self._y(rect.bottom)
        w, h = (rect.width + CONNECTOR_EXTRA) * s, rect.height * s
        outgoing = self.scene.outgoing.get(node.id, True)
        if not outgoing:  # widened on its outer side, away from the arrows
            x -= CONNECTOR_EXTRA * s
        target = self.scene.alias.get(node.id, "")
        lane = self.scene.process.lane(node.lane) if node.lane else None
        color = lane_color(lane.color if lane else None)
        tip = min(h / 2, 10.0)
        p = c.beginPath()
        if outgoing:  # a tag pointing right: the flow goes on elsewhere
            p.moveTo(x, y)
            p.lineTo(x + w - tip, y)
            p.lineTo(x + w, y + h / 2)
            p.lineTo(x + w - tip, y + h)
            p.lineTo(x, y + h)
        else:  # notched on the left: the flow comes in from elsewhere
            p.moveTo(x, y)
            p.lineTo(x + w, y)
            p.lineTo(x + w, y + h)
            p.lineTo(x, y + h)
            p.lineTo(x + tip, y + h / 2)
        p.close()
        c.saveState()
        c.setFillColor(tint(color, 0.75))
        c.setStrokeColor(shade(color, 0.2))
        c.setLineWidth(0.8)
        c.drawPath(p, stroke=1, fill=1)
        first, second = self.scene.connectors[node.id]()
        inset_l, inset_r = (3.0, tip + 1.0) if outgoing else (tip + 1.0, 3.0)
        size = self._pt(self.scene.label_size)
        room = w - inset_l - inset_r
        if room < 4:  # too small to hold words (a process far too tall for the page)
            c.restoreState()
            return
        head = self._text(second, "diagram_bold", size, INK, leading=1.1) if second else None
        hh = head.wrap(room, h)[1] if head is not None else 0.0
        body = self._text(first, "diagram", size, INK, leading=1.1)
        _, bh = body.wrap(room, h)
        lines = max(1, int((h - hh - 2) // (size * 1.1)))
        key = ("connector", first, room, h, bool(second))
        name = self._fitted.get(key, first)
        if name != first:
            body = self._text(name, "diagram", size, INK, leading=1.1)
            _, bh = body.wrap(room, h)
        while len(name) > 3 and bh > lines * size * 1.1 + 0.1:  # keep the page line whole
            name = self.scene.ts.short(name, len(name) - 1)
            body = self._text(name, "diagram", size, INK, leading=1.1)
            _, bh = body.wrap(room, h)
        self._fitted[key] = name
        bw = _balanced(lambda width: self._text(name, "diagram", size, INK, leading=1.1), room)
        if bw < room:  # as many lines, evened out: no syllable alone on the last one
            body = self._text(name, "diagram", size, INK, leading=1.1)
            _, bh = body.wrap(bw, h)
        top = y + (h + hh + bh) / 2
        body.drawOn(c, x + inset_l + (room - bw) / 2, top - bh)
        if head is not None:
            head.drawOn(c, x + inset_l, top - bh - hh)
        key = self.scene.links_to.get(node.id) or self.scene.keys.get(target)
        if self.links and key:
            c.linkRect("", key, (x, y, x + w, y + h), relative=1, thickness=0)
        c.restoreState()

    def _text(self, text: str, style: str, size: float, color: colors.Color,
              leading: float = 1.25) -> KinsokuParagraph:
        """A paragraph of user text at a scaled size (style fixed before parsing, as
        reportlab bakes size and colour into the text fragments)."""
        ts = self.scene.ts
        st = _sized(ts.styles[style], size, color, leading)
        return KinsokuParagraph(ts.markup(text, st), st)

    def _label(self, text: str, at: tuple[float, float], span: float) -> None:
        width = label_box_width(span, self.scene.label_size) * self.scale
        c, s = self.canv, self.scale
        size = self._pt(self.scene.label_size)
        width = _balanced(lambda w: self._text(text, "diagram_label", size, INK), width)
        para = self._text(text, "diagram_label", size, INK)
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


def _sized(style, size: float, color: colors.Color, leading: float = 1.25):
    from reportlab.lib.styles import ParagraphStyle
    return ParagraphStyle("d", parent=style, fontSize=size, leading=size * leading,
                          textColor=color)


# a particle or a separator a Japanese name may break after (one character each)
_BREAK_AFTER = frozenset(("と", "の", "を", "へ", "に", "で", "・", "、", "，", "／", "/", " ", "-",
                          "）", ")"))
_BREAK_BEFORE = set("（(")


def _balanced(make: Callable[[float], Flowable], width: float) -> float:
    """The narrowest width (down to an even share) at which the paragraph ``make``
    builds takes no more lines than at ``width``: wrapped text split evenly, never
    "ナーチャリン / グ"."""
    def lines(w: float) -> int:
        para = make(w)
        para.wrap(w, 10_000)
        return len(getattr(para.blPara, "lines", ())) or 1

    n = lines(width)
    if n < 2:
        return width
    lo, hi = width / n * 0.95, width
    for _ in range(7):
        mid = (lo + hi) / 2
        if lines(mid) <= n:
            hi = mid
        else:
            lo = mid
    return hi


def _two_lines(name: str, fits: Callable[[str], bool]) -> str | None:
    """``name`` as two lines broken at a word boundary nearest its middle (after a
    Japanese particle or a 「・」, at a space), when both halves fit a line; else None."""
    spots = [i + 1 for i, ch in enumerate(name[:-1]) if ch in _BREAK_AFTER]
    spots += [i for i, ch in enumerate(name) if ch in _BREAK_BEFORE and i > 0]
    for cut in sorted(set(spots), key=lambda i: abs(i - len(name) / 2)):
        first, second = name[:cut].rstrip(), name[cut:].lstrip()
        if first and second and fits(first) and fits(second):
            return f"{first}\n{second}"
    return None


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
