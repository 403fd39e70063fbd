"""Colours, fonts and text helpers shared by the canvas items (one flat, modern look)."""

from __future__ import annotations

import html
import math
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from salesdesigner.model.entities import Kpi, Stage, StageKind
from salesdesigner.model.presentation import words_for

INK = QColor("#1D2939")
MUTED = QColor("#475467")
FAINT = QColor("#98A2B3")
BORDER = QColor("#D0D5DD")
CARD = QColor("#FFFFFF")
SELECTION = QColor("#2563EB")
ARROW = QColor("#667085")
LOOP_ARROW = QColor("#7A5AF8")
CANVAS = QColor("#F7F8FA")
GRID_DOT = QColor("#E4E7EC")
ERROR = QColor("#D92D20")
WARNING = QColor("#F79009")

# the performance overlay: actual vs target -> (card fill, border / mark)
STATUS_COLORS: dict[str, tuple[QColor, QColor]] = {
    "met": (QColor("#ECFDF3"), QColor("#12B76A")),
    "near": (QColor("#FFFAEB"), QColor("#F79009")),
    "missed": (QColor("#FEF3F2"), QColor("#D92D20")),
    "none": (QColor("#F2F4F7"), QColor("#98A2B3")),
}
FLOW = QColor(14, 147, 132, 150)       # arrows drawn by the deals that took them
IDLE_FLOW = QColor("#D0D5DD")          # drawn arrows no deal took
GHOST_FLOW = QColor(220, 104, 3, 190)  # flows nobody drew (dashed)
BOTTLENECK = QColor("#B42318")

# kind -> (fill, border, text)
KIND_COLORS: dict[StageKind, tuple[QColor, QColor, QColor]] = {
    StageKind.START: (QColor("#E7F6EE"), QColor("#32A46B"), QColor("#0F5132")),
    StageKind.END: (QColor("#F2F4F7"), QColor("#98A2B3"), INK),
    StageKind.WON: (QColor("#2E9E62"), QColor("#23804F"), QColor("#FFFFFF")),
    StageKind.LOST: (QColor("#D9534F"), QColor("#B93E3A"), QColor("#FFFFFF")),
    StageKind.DECISION: (QColor("#FFF6E5"), QColor("#E9A23B"), QColor("#7A4B00")),
    StageKind.STAGE: (CARD, BORDER, INK),
}

LANE_PALETTE = ("#4C78A8", "#F58518", "#54A24B", "#B279A2", "#E45756", "#72B7B2",
                "#EECA3B", "#9D755D")

_FAMILIES = ["Noto Sans", "DejaVu Sans", "Noto Sans CJK JP", "IPAexGothic"]


def font(point_size: float, bold: bool = False) -> QFont:
    """The canvas font; CJK falls back to Noto Sans CJK / IPAexGothic."""
    f = QFont()
    f.setFamilies(_FAMILIES)
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f


def lane_color(text: str) -> QColor:
    """A lane's colour, or the first palette colour when the stored value is not a colour."""
    color = QColor(text)
    return color if color.isValid() else QColor(LANE_PALETTE[0])


def display_text(text: str, limit: int = 300) -> str:
    """User text made safe to draw on one line: no control characters, bounded length."""
    text = text[:limit]
    if text.isprintable():  # the common case, checked in C: nothing to replace
        return text.strip()
    return "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).strip()


def wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Greedy wrap that also breaks CJK (no spaces); the last line is elided."""
    text = display_text(text)
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines:
        if len(lines) == max_lines - 1 or metrics.horizontalAdvance(rest) <= width:
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        cut = _fit(rest, metrics, width)
        space = rest.rfind(" ", 0, cut + 1)
        if space > 0 and _is_word_char(rest[cut - 1]) and _is_word_char(rest[cut]):
            cut = space  # do not split a Latin word when a space allows a clean break
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return lines


def _is_word_char(c: str) -> bool:
    """Letters and digits of scripts that separate words with spaces (not CJK)."""
    return c.isalnum() and ord(c) < 0x2E80


def _fit(text: str, metrics: QFontMetricsF, width: float) -> int:
    """How many leading characters of ``text`` fit in ``width`` (at least one)."""
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if metrics.horizontalAdvance(text[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    return max(1, lo)


def tooltip(*parts: str) -> str:
    """A tooltip that shows user text literally (Qt would otherwise guess it is HTML)."""
    body = "<br>".join(html.escape(display_text(p, 400)) for p in parts if p.strip())
    return f"<p style='white-space:pre-wrap'>{body}</p>" if body else ""


def kpi_headline(kpi: Kpi, language: str) -> str:
    """E.g. "Appointment rate ≥ 10%" (≤ for KPIs where lower is better), the target
    written as every view writes it (model.presentation)."""
    name = display_text(kpi.name, 80) or "KPI"
    target = display_text(words_for(language).kpi_target(kpi), 40)
    return f"{name} {target}" if target else name


def stage_name(stage: Stage, language: str) -> str:
    """The name a stage card shows: its own, or the document language's "(untitled)"."""
    return words_for(language).name(stage.name)


def stage_tooltip(stage: Stage, language: str) -> str:
    """Name, goal, typical duration and KPI targets of a stage, shown literally."""
    words = words_for(language)
    duration = "" if stage.duration_days is None else words.duration(stage.duration_days)
    return tooltip(words.name(stage.name), stage.goal, duration,
                   *(kpi_headline(k, language) for k in stage.kpis))


# ---------------------------------------------------------------- zoomed-out names
FAR_TARGET_PX = 11.0   # a name seen from afar is drawn this many screen pixels tall ...
FAR_LEGIBLE_PX = 8.0   # ... or smaller, down to this, when that shows it whole ...
FAR_MIN_PX = 6.0       # ... and not at all below this (the shape alone is drawn)
FAR_LINE = 1.08        # line pitch of zoomed-out names, in font pixels (tight: no leading)
FAR_MIN_CHARS = 2      # a name cut shorter than this says nothing: the shape alone is drawn


def pixel_font(pixel_size: float, bold: bool = True) -> QFont:
    """The canvas font at an exact size in scene units (for names drawn when zoomed out)."""
    f = font(10, bold)
    f.setPixelSize(max(1, int(pixel_size)))
    return f


def far_layout(text: str, width: float, height: float, scale: float,
               bold: bool = True) -> tuple[QFont, list[str]] | None:
    """How to write ``text`` inside a ``width`` × ``height`` box that is drawn at ``scale``
    screen pixels per scene unit, so that it can be read: the largest size from
    :data:`FAR_TARGET_PX` down to :data:`FAR_LEGIBLE_PX` on screen that shows it whole,
    else shortened at the legible size that shows most of it, else (down to
    :data:`FAR_MIN_PX`) at whatever size one line fits.  None when not even that fits:
    the caller draws the shape only."""
    if height * scale < FAR_MIN_PX * FAR_LINE or width * scale < FAR_MIN_PX:
        return None  # not one letter fits (a big process fitted in the window: cheap)
    text = display_text(text)
    if not text:
        return None
    whole = "".join(text.split())
    # font sizes (whole scene units): the target, the legible size, and each size at which
    # one more line fits the box
    sizes = {math.floor(FAR_TARGET_PX / scale), math.ceil(FAR_LEGIBLE_PX / scale)}
    sizes.update(math.floor(height / (rows * FAR_LINE)) for rows in range(1, 9))
    shortened: tuple[QFont, list[str]] | None = None
    split: tuple[QFont, list[str]] | None = None  # whole, but a word broken across lines
    most = -1
    for size in sorted((s for s in sizes if s >= 1 and FAR_MIN_PX <= s * scale
                        <= FAR_TARGET_PX + 1e-6), reverse=True):
        f = pixel_font(size, bold)
        rows = int(height // (size * FAR_LINE))
        if rows < 1:
            continue
        lines = wrap(text, QFontMetricsF(f), width, rows)
        shown = "".join("".join(lines).split())
        if size * scale < FAR_LEGIBLE_PX - 1e-6:  # only when nothing legible fitted
            return split or shortened or _enough((f, lines), shown, whole)
        if shown == whole:
            if not _breaks_a_word(lines):
                # whole words, unless that is much smaller than a split that fitted
                keep = split is None or size >= split[0].pixelSize() * 0.7
                return (f, lines) if keep else split
            split = split or (f, lines)  # a little smaller may keep the word whole
        elif len(shown) > most and _enough((f, lines), shown, whole):
            shortened, most = (f, lines), len(shown)  # the legible size that shows most
    return split or shortened


def _breaks_a_word(lines: list[str]) -> bool:
    """Whether a Latin word runs on from one line to the next ("Qualificati" / "on")."""
    return any(a and b and _is_word_char(a[-1]) and _is_word_char(b[0])
               for a, b in zip(lines, lines[1:], strict=False))


def _enough(layout: tuple[QFont, list[str]], shown: str,
            whole: str) -> tuple[QFont, list[str]] | None:
    """``layout`` unless it cuts the name to fewer than :data:`FAR_MIN_CHARS` characters."""
    kept = len(shown) - shown.endswith("…") if shown != whole else len(whole)
    return layout if kept >= min(FAR_MIN_CHARS, len(whole)) else None
