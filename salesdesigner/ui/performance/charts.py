"""The dashboard's charts, drawn with pyqtgraph (imported with this module, which the
dashboard loads when it is first opened: start-up never pays for it).

Why pyqtgraph rather than QtCharts: it is pure Python on numpy (which the bottleneck needs
anyway) and adds 5 MB installed, where QtCharts exists only in the PySide6-Addons wheel
(59 MB download, 157 MB installed, for every pip install and build machine).  In the frozen
bundle pyqtgraph costs more — 12 MB (2.4 MB its own, 9.8 MB for the QtOpenGL binding and
libraries it imports) against QtCharts' 4.1 MB; see the commits that added it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen

from salesdesigner.ui.canvas import style

pg.setConfigOptions(antialias=True, background="w", foreground="#475467")

BAR = QColor("#2E90FA")
WON_BAR = QColor("#12B76A")
ACTUAL = QColor("#0E9384")
TARGET = QColor("#D92D20")
CHOSEN = QColor(37, 99, 235, 40)


def _font(size: float = 8) -> QFont:
    return style.font(size)


def plot_widget(height: int) -> pg.PlotWidget:
    """A small, still chart: no mouse zoom or pan, no context menu."""
    widget = pg.PlotWidget()
    widget.setMinimumHeight(height)
    widget.setMaximumHeight(height)
    widget.setMenuEnabled(False)
    widget.setMouseEnabled(x=False, y=False)
    widget.hideButtons()
    # pyqtgraph makes its context menus without a parent: tie them to the chart so they
    # go with it (the menus are disabled anyway)
    plot = widget.getPlotItem()
    for menu in (plot.ctrlMenu, getattr(plot.vb, "menu", None)):
        if menu is not None and menu.parent() is None:
            menu.setParent(widget, menu.windowFlags())
    for name in ("left", "bottom"):
        axis = widget.getAxis(name)
        axis.setTickFont(_font())
        axis.setTextPen(pg.mkPen("#475467"))
        axis.setPen(pg.mkPen("#D0D5DD"))
    return widget


def elide(text: str, limit: int) -> str:
    text = style.display_text(text, 200)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def draw_funnel(widget: pg.PlotWidget, names: Sequence[str], values: Sequence[int],
                won: Sequence[bool]) -> None:
    """Horizontal bars, the first stage on top, each labelled with its count."""
    plot = widget.getPlotItem()
    plot.clear()
    n = len(values)
    ys = [n - 1 - i for i in range(n)]
    brushes = [pg.mkBrush(WON_BAR if w else BAR) for w in won]
    if n:
        plot.addItem(pg.BarGraphItem(x0=[0] * n, y=ys, height=0.7, width=list(values),
                                     brushes=brushes, pen=pg.mkPen(None)))
    most = max(values, default=0) or 1
    for y, v in zip(ys, values, strict=True):
        label = pg.TextItem(f"{v:,}", color="#1D2939", anchor=(0, 0.5))
        label.setFont(_font())
        label.setPos(v + most * 0.01, y)
        plot.addItem(label)
    left = widget.getAxis("left")
    left.setTicks([[(y, elide(name, 22)) for y, name in zip(ys, names, strict=True)]])
    left.setWidth(150)
    plot.setXRange(0, most * 1.15, padding=0)
    plot.setYRange(-0.6, max(n - 0.4, 0.4), padding=0)
    widget.getAxis("bottom").setTicks(None)


def draw_trend(widget: pg.PlotWidget, labels: Sequence[str], actuals: Sequence[float | None],
               target: float | None, chosen: tuple[int, int] | None, title: str) -> None:
    """One KPI per period: the actual as a line with points (gaps where it cannot be
    measured), the target dashed across, the period on show shaded (``chosen``: its first
    and last index; a date range spans several months)."""
    plot = widget.getPlotItem()
    plot.clear()
    plot.setTitle(title, size="9pt", color="#1D2939")
    xs = list(range(len(labels)))
    ys = [math.nan if v is None else float(v) for v in actuals]
    if any(not math.isnan(y) for y in ys):  # a KPI never measured: the target alone
        plot.plot(xs, ys, pen=pg.mkPen(ACTUAL, width=2), symbol="o", symbolSize=6,
                  symbolBrush=ACTUAL, symbolPen=None, connect="finite")
    if target is not None:
        pen = QPen(TARGET, 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        plot.addItem(pg.InfiniteLine(pos=target, angle=0, pen=pen))
    if chosen is not None and 0 <= chosen[0] <= chosen[1] < len(xs):
        plot.addItem(pg.LinearRegionItem((chosen[0] - 0.4, chosen[1] + 0.4), movable=False,
                                         brush=pg.mkBrush(CHOSEN), pen=pg.mkPen(None)))
    step = max(1, math.ceil(len(labels) / 6))
    widget.getAxis("bottom").setTicks([[(x, labels[x]) for x in xs[::step]]])
    finite = [y for y in ys if not math.isnan(y)] + ([target] if target is not None else [])
    low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
    pad = (high - low) * 0.15 or max(abs(high) * 0.15, 1.0)
    plot.setYRange(min(0.0, low - pad) if low >= 0 else low - pad, high + pad, padding=0)
    plot.setXRange(-0.5, max(len(xs) - 0.5, 0.5), padding=0)


__all__ = ["draw_funnel", "draw_trend", "plot_widget"]
