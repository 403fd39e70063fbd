"""A label for user text that never widens its window: at most N lines, the rest elided.

A word-wrapped QLabel asks for the width of its longest unbreakable run, so a stage
called "xxxx…" (2,000 characters) or a long URL made the inspector dock, and with it the
main window, 18,000 px wide.  :class:`ElidedLabel` wraps at word boundaries or anywhere
(CJK has no spaces), shows at most ``max_lines`` lines at its *actual* width, shortens
the user's values with "…" (the label's own words, e.g. 「…」の定義, stay readable) and
puts the full text in its tooltip.  Its minimum width is a few characters whatever the
text; ``text()`` and the accessible name are the full text.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QWidget

ELLIPSIS = "…"
CJK_SAMPLE = "目標値受注率"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def one_line(text: str) -> str:
    """Runs of whitespace (line breaks, tabs) as one space: a caption is a single paragraph."""
    return " ".join(str(text).split())


def _utf16_slices(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """QTextLayout counts UTF-16 code units; cut ``text`` by its spans (emoji safe)."""
    data = text.encode("utf-16-le")
    return [data[2 * start:2 * (start + length)].decode("utf-16-le", "replace")
            for start, length in spans]


def plain_tooltip(text: str) -> str:
    """User text as a tooltip shown literally (Qt would guess that "<b>…" is HTML)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def wrap_lines(text: str, label: QWidget, width: int, limit: int) -> list[str]:
    """``text`` broken into lines of ``width`` px in ``label``'s font, at word boundaries
    where there are some, anywhere otherwise; stops after ``limit`` + 1 lines."""
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while len(spans) <= limit:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1, width))
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    return [s.strip() for s in _utf16_slices(text, spans)]


def fit_combo(combo: QComboBox, characters: int = 12) -> QComboBox:
    """A choice of user-named items (lanes) sized by a few characters, not by its longest
    item (Qt's default would make a 2,000-character lane name the form's minimum width)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


class ElidedLabel(QLabel):
    """Plain text in at most ``max_lines`` lines; user values are shortened with "…"."""

    def __init__(self, max_lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)  # we wrap ourselves, by our real width
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._pieces: list[tuple[str, bool]] = []  # (text, is the user's and may shrink)
        self._lines: list[str] = []
        self._elided = False
        self._laid_out_width = -1
        self._heights: dict[int, int] = {}  # heightForWidth, asked often by layouts

    # ------------------------------------------------------------------ text
    def setText(self, text: str) -> None:
        """User text, elided at its end when it does not fit."""
        self._set_pieces([(one_line(text), True)], text)

    def set_template(self, template: str, **values: str) -> None:
        """``template`` (the UI's words, with ``{name}`` placeholders) filled with user
        ``values``; only the values are shortened, so the words around them stay whole."""
        pieces: list[tuple[str, bool]] = []
        last = 0
        for found in _PLACEHOLDER.finditer(template):
            if found.group(1) not in values:
                continue
            pieces.append((template[last:found.start()], False))
            pieces.append((one_line(values[found.group(1)]), True))
            last = found.end()
        pieces.append((template[last:], False))
        self._set_pieces([p for p in pieces if p[0]],
                         "".join(text for text, _ in pieces))

    def _set_pieces(self, pieces: list[tuple[str, bool]], full: str) -> None:
        self._pieces = pieces
        super().setText(full)
        self.setAccessibleName(one_line(full))
        self._laid_out_width = -1
        self._heights.clear()
        self._relayout()

    def shown_lines(self) -> list[str]:
        """The lines as drawn (for tests and the accessibility of what is visible)."""
        self._ensure_layout()
        return list(self._lines)

    def is_elided(self) -> bool:
        self._ensure_layout()
        return self._elided

    # ------------------------------------------------------------------ layout
    def line_height(self) -> int:
        """One line, tall enough for Latin and the (often taller) Japanese fallback glyphs."""
        metrics = QFontMetrics(self.font())
        return max(metrics.lineSpacing(), metrics.boundingRect(CJK_SAMPLE).height())

    def _text_width(self) -> int:
        return max(1, self.contentsRect().width() - 2 * max(0, self.margin()))

    def _compose(self, cap: int | None) -> str:
        return "".join(text if cap is None or not user or len(text) <= cap
                       else text[:cap].rstrip() + ELLIPSIS for text, user in self._pieces)

    def _fit(self, width: int) -> tuple[list[str], bool]:
        """The longest version of the text (user values cut to a common length) that fits
        in ``max_lines`` lines of ``width`` px."""
        limit = self.max_lines
        full = self._compose(None)
        lines = wrap_lines(full, self, width, limit)
        if len(lines) <= limit:
            return lines, False
        longest = max((len(t) for t, user in self._pieces if user), default=0)
        # two full lines never hold more than about one character per 3 px
        low, high = 0, min(longest, limit * width // 3 + 8)
        while low < high:
            mid = (low + high + 1) // 2
            if len(wrap_lines(self._compose(mid), self, width, limit)) <= limit:
                low = mid
            else:
                high = mid - 1
        lines = wrap_lines(self._compose(low), self, width, limit)
        if len(lines) > limit:  # even the label's own words are too long: cut the end
            metrics = QFontMetrics(self.font())
            rest = " ".join(lines[limit - 1:])
            lines = lines[:limit - 1] + [metrics.elidedText(
                rest + ELLIPSIS, Qt.TextElideMode.ElideRight, width)]
        return lines, True

    def _ensure_layout(self) -> None:
        if self._laid_out_width != self._text_width():
            self._relayout()

    def _relayout(self) -> None:
        width = self._text_width()
        old = len(self._lines)
        self._laid_out_width = width
        self._lines, self._elided = self._fit(width) if self._pieces else ([], False)
        self.setToolTip(plain_tooltip(one_line(self.text())) if self._elided else "")
        if len(self._lines) != old:
            self.updateGeometry()
        self.update()

    # ------------------------------------------------------------------ Qt
    def _height_for(self, lines: int) -> int:
        margins = self.contentsMargins()
        return (max(1, lines) * self.line_height() + margins.top() + margins.bottom()
                + 2 * max(0, self.margin()))

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance("M" * 4), self._height_for(1))

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        natural = metrics.horizontalAdvance(self._compose(None)[:60])
        self._ensure_layout()
        return QSize(min(natural, metrics.averageCharWidth() * 30) + 2,
                     self._height_for(len(self._lines)))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            margins = self.contentsMargins()
            inner = width - margins.left() - margins.right() - 2 * max(0, self.margin())
            lines = wrap_lines(self._compose(None), self, inner, self.max_lines)
            self._heights[width] = self._height_for(min(len(lines), self.max_lines))
        return self._heights[width]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._ensure_layout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._laid_out_width = -1
            self._heights.clear()
            self._relayout()

    def paintEvent(self, _event: QPaintEvent) -> None:
        self._ensure_layout()
        painter = QPainter(self)
        rect = self.contentsRect().adjusted(self.margin(), self.margin(),
                                            -self.margin(), -self.margin())
        step = self.line_height()
        align = self.alignment() & ~Qt.AlignmentFlag.AlignVertical_Mask
        for i, line in enumerate(self._lines):
            box = rect.adjusted(0, i * step, 0, 0)
            box.setHeight(step)
            self.style().drawItemText(painter, box, int(align | Qt.AlignmentFlag.AlignVCenter),
                                      self.palette(), self.isEnabled(), line,
                                      self.foregroundRole())
        painter.end()
