"""Show where Find matched: the inspector tab of the field, its record, the matching text.

Find reports a stage and the first field that matched (:mod:`salesdesigner.model.search`);
the user should see *why* it matched, so the inspector opens that tab, selects the KPI,
action, script, material or tip, and selects the matching phrase in its editor (a long
talk script scrolls to it).  Nothing here takes keyboard focus: the find field keeps it,
so Enter steps on.  Matching is the model's: case- and width-insensitive (NFKC).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QScrollArea, QWidget

from salesdesigner.model.search import normalize

if TYPE_CHECKING:
    from salesdesigner.ui.inspector.panel import Inspector
    from salesdesigner.ui.inspector.records import RecordListEditor

OVERVIEW, KPIS, ACTIONS, SCRIPTS, MATERIALS, TIPS = range(6)
FIELD_TABS = {"name": OVERVIEW, "goal": OVERVIEW, "description": OVERVIEW,
              "exit_criteria": OVERVIEW, "kpi": KPIS, "action": ACTIONS, "script": SCRIPTS,
              "material": MATERIALS, "tip": TIPS}
_VOICING_MARKS = "\u3099\u309a\uff9e\uff9f"  # ﾊﾟ → パ: the mark belongs to the kana before


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of a character with the combining marks that follow it (normalized together)."""
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and (unicodedata.combining(text[j]) or text[j] in _VOICING_MARKS):
            j += 1
        yield i, j
        i = j


def find_span(text: str, query: str) -> tuple[int, int] | None:
    """Where ``query`` first occurs in ``text`` (indexes into ``text``), matched the way
    Find matches; None if it does not."""
    needle = normalize(query).strip()
    if not needle or not text:
        return None
    owners: list[tuple[int, int]] = []
    pieces: list[str] = []
    for start, end in _chunks(text):
        piece = normalize(text[start:end])
        pieces.append(piece)
        owners.extend([(start, end)] * len(piece))
    found = "".join(pieces).find(needle)
    if found < 0:
        return None
    return owners[found][0], owners[found + len(needle) - 1][1]


def _utf16(text: str, index: int) -> int:
    """Qt's text positions count UTF-16 code units (an emoji is two)."""
    return len(text[:index].encode("utf-16-le")) // 2


def select_in(editor: QLineEdit | QPlainTextEdit, query: str) -> bool:
    """Select the first match of ``query`` in ``editor`` and scroll it into view, without
    focusing the editor."""
    text = editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
    span = find_span(text, query)
    if span is None:
        return False
    start, end = _utf16(text, span[0]), _utf16(text, span[1])
    if isinstance(editor, QLineEdit):
        editor.setSelection(start, end - start)
    else:
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.centerCursor()
        # a tab shown for the first time is laid out after this: centre again then
        QTimer.singleShot(0, editor, editor.centerCursor)
    return True


def _show_in_scroll_area(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if isinstance(parent, QScrollArea):
        parent.ensureWidgetVisible(widget, 8, 24)


def _record_texts(record: Any, attrs: list[str | None]) -> Iterator[tuple[str | None, str]]:
    for attr in attrs:
        yield attr, str(record if attr is None else getattr(record, attr, "") or "")


def reveal_in_records(editor: RecordListEditor, query: str) -> bool:
    """Select the first record with a field that matches and select the match in it."""
    attrs = [spec.attr for spec in editor.fields]
    for row in range(editor.list.count()):
        for attr, text in _record_texts(editor.records[row], attrs):
            if find_span(text, query) is not None:
                editor.list.setCurrentRow(row)
                editor.list.scrollToItem(editor.list.item(row))
                select_in(editor.editors[attr], query)
                return True
    return False


def reveal_in_kpis(inspector: Inspector, query: str) -> bool:
    from salesdesigner.ui.inspector.kpi_table import NAME
    table = inspector.kpis
    for row, kpi in enumerate(table.shown_kpis):
        if find_span(kpi.name, query) is not None:
            table.table.setCurrentCell(row, NAME)
            table.table.scrollToItem(table.table.item(row, NAME))
            return True
        if find_span(kpi.definition, query) is not None:
            table.table.setCurrentCell(row, NAME)
            table.table.scrollToItem(table.table.item(row, NAME))
            select_in(table.definition, query)
            return True
    return False


def reveal(inspector: Inspector, field: str, query: str) -> bool:
    """Open the tab of ``field`` ("kpi", "script", "goal", … as search reports it) on the
    shown stage and select the first match of ``query`` there."""
    if field not in FIELD_TABS:
        return False
    inspector.tabs.setCurrentIndex(FIELD_TABS[field])
    overview = inspector.overview
    if field in ("name", "goal", "description"):
        editor = getattr(overview, field)
        _show_in_scroll_area(editor)
        return select_in(editor, query)
    if field == "exit_criteria":
        _show_in_scroll_area(overview.exit_criteria)
        return reveal_in_records(overview.exit_criteria, query)
    if field == "kpi":
        return reveal_in_kpis(inspector, query)
    editor = {"action": inspector.actions, "script": inspector.scripts,
              "material": inspector.materials, "tip": inspector.tips}[field]
    return reveal_in_records(editor, query)
