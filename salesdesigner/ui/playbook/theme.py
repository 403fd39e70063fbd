"""The reader's look: calm neutrals, lane colours as accents, large type for what reps say.

One style sheet scoped by object names, so the reader looks the same inside the editor
(View ▸ Playbook) and on its own, and never restyles the editor's widgets.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from salesdesigner.model.presentation import language_code

PAGE_BG = "#F5F6F8"
CARD_BG = "#FFFFFF"
BORDER = "#E2E5EA"
TEXT = "#1F2933"
MUTED = "#5F6B7A"
ACCENT = "#2F6FDE"
NO_LANE_COLOR = "#8A94A3"


def lane_color(value: str | None) -> QColor:
    """A lane's colour, or a neutral grey when it has none or an unreadable one."""
    color = QColor(value or "")
    return color if color.isValid() else QColor(NO_LANE_COLOR)


_CJK_FAMILIES = ["Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo UI",
                 "IPAexGothic"]


def font_families(language: str, default_family: str) -> list[str]:
    """CJK families with real bold weights first for Japanese documents.

    Without this, Qt's per-character fallback can mix a CJK font without bold and one with,
    so half a bold Japanese heading looks regular.
    """
    if language_code(language) == "ja":
        return [*_CJK_FAMILIES, default_family]
    return [default_family, *_CJK_FAMILIES]


def style_sheet(language: str, default_family: str) -> str:
    """The reader's style sheet with the font families for the document's language."""
    families = ", ".join('"' + f.replace('"', "") + '"'
                         for f in font_families(language, default_family))
    widgets = ", ".join(f"#playbookRoot {w}" for w in (
        "QLabel", "QPushButton", "QToolButton", "QLineEdit", "QComboBox", "QListView"))
    return STYLE_SHEET + f"\n{widgets} {{ font-family: {families}; }}\n"


def tint(color: QColor, amount: float = 0.88) -> str:
    """A pale version of ``color`` (mixed with white) for backgrounds, as ``#rrggbb``."""
    r = round(color.red() + (255 - color.red()) * amount)
    g = round(color.green() + (255 - color.green()) * amount)
    b = round(color.blue() + (255 - color.blue()) * amount)
    return QColor(r, g, b).name()


STYLE_SHEET = f"""
#playbookRoot {{ background: {PAGE_BG}; }}
#playbookRoot QLabel {{ color: {TEXT}; }}
#playbookTopBar {{ background: {CARD_BG}; border-bottom: 1px solid {BORDER}; }}
#playbookTitle {{ font-size: 15pt; font-weight: 600; }}
#playbookSide, #playbookRoute {{ background: {CARD_BG}; border: none; }}
#playbookSide {{ border-right: 1px solid {BORDER}; }}
#playbookRoute {{ border-left: 1px solid {BORDER}; }}
#playbookPageScroll, #playbookPage {{ background: {PAGE_BG}; border: none; }}
#playbookSearch {{ padding: 6px 8px; border: 1px solid {BORDER}; border-radius: 6px;
                   background: {PAGE_BG}; font-size: 11pt; }}
#playbookSearch:focus {{ border-color: {ACCENT}; background: {CARD_BG}; }}
#playbookNavigator, #playbookResults {{ background: {CARD_BG}; border: none; outline: none; }}
#playbookListHeader {{ color: {MUTED}; font-size: 9pt; padding: 6px 4px 2px 4px; }}
QFrame#card {{ background: {CARD_BG}; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame#card QLabel {{ background: transparent; border: none; }}
QFrame#scriptCard {{ background: {CARD_BG}; border: 1px solid {BORDER};
                     border-left: 4px solid {ACCENT}; border-radius: 10px; }}
QFrame#scriptCard QLabel {{ background: transparent; border: none; }}
#sectionTitle {{ color: {MUTED}; font-size: 10pt; font-weight: 600; letter-spacing: 0.5px; }}
#stageName {{ font-size: 22pt; font-weight: 600; }}
#breadcrumb {{ color: {MUTED}; font-size: 10pt; }}
#goalText {{ font-size: 13pt; }}
#bodyText {{ font-size: 11pt; }}
#mutedText {{ color: {MUTED}; font-size: 10pt; }}
#sourceText {{ color: {ACCENT}; font-size: 9.5pt; }}
#itemTitle {{ font-size: 11.5pt; font-weight: 600; }}
#kpiTarget {{ font-size: 17pt; font-weight: 600; color: {ACCENT}; }}
#scriptBody {{ font-size: 15pt; }}
#routeHeading {{ color: {MUTED}; font-size: 10pt; font-weight: 600; }}
QPushButton#copyButton, QPushButton#openButton {{
    padding: 5px 14px; border: 1px solid {BORDER}; border-radius: 6px; background: {PAGE_BG};
    color: {TEXT}; font-size: 10pt; }}
QPushButton#copyButton:hover, QPushButton#openButton:hover {{ border-color: {ACCENT};
    color: {ACCENT}; }}
QPushButton#branchButton, QPushButton#fromButton, QPushButton#pageBranchButton {{
    text-align: left; padding: 8px 10px; border: 1px solid {BORDER}; border-radius: 8px;
    background: {CARD_BG}; color: {TEXT}; }}
QPushButton#branchButton:hover, QPushButton#fromButton:hover,
QPushButton#pageBranchButton:hover {{ border-color: {ACCENT};
    background: #EEF3FD; }}
QPushButton#stepButton {{ padding: 6px 12px; border: 1px solid {BORDER}; border-radius: 6px;
    background: {CARD_BG}; color: {TEXT}; }}
QPushButton#stepButton:disabled {{ color: #B8BFC9; }}
"""
