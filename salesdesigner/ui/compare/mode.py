"""Compare mode in a designer window: the overlay and its legend on the canvas, the change
list in a dock, the side-by-side window on request.  It starts with
:meth:`MainWindow.compare_with` (a file, or a revision the caller has loaded) and ends with
Esc, the legend's ×, the list's Close button, or when another document is opened.

The document is only changed by "Take Old Value Back": one edit on the undo stack, after
which the comparison is made again at once, so the list and the colours follow.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDockWidget, QMessageBox

from salesdesigner.model.compare import Change, ChangeOp, Subject
from salesdesigner.model.compare.report import PART_SUBJECTS
from salesdesigner.model.errors import ProcessError
from salesdesigner.model.process import Process
from salesdesigner.ui.compare.change_list import ChangeList
from salesdesigner.ui.compare.legend import CompareLegend
from salesdesigner.ui.compare.overlay import CanvasOverlay
from salesdesigner.ui.compare.session import CompareSession

if TYPE_CHECKING:
    from salesdesigner.ui.compare.side_by_side import SideBySide
    from salesdesigner.ui.main_window import MainWindow


#: A part's subject as the inspector's Find reveal names its tab.
_REVEAL_FIELDS = {"exit_criterion": "exit_criteria"}
_REVEALABLE = frozenset({"name", "goal", "description", "exit_criteria", "kpi", "action",
                         "script", "material", "tip"})


class CompareMode(QObject):
    """One comparison shown in ``window``, against ``other`` (called ``label``)."""

    ended = Signal()

    def __init__(self, window: MainWindow, other: Process, label: str) -> None:
        super().__init__(window)
        self.window = window
        self.session = CompareSession(window.process, other, label, self)
        self.overlay = CanvasOverlay(window.scene, self.session, "new")
        self.legend = CompareLegend(self.session, window.view.viewport())
        self.legend.closeRequested.connect(self.end)
        self.legend.show()
        self.changes = ChangeList(self.session, self.can_take_back)
        self.changes.changeActivated.connect(self.show_change)
        self.changes.takeBackRequested.connect(self.take_back)
        self.changes.sideBySideRequested.connect(self.show_side_by_side)
        self.changes.closeRequested.connect(self.end)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("compareDock")
        self.dock.setWidget(self.changes)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [380], Qt.Orientation.Horizontal)
        self.side_by_side: SideBySide | None = None
        self._active = True
        window.view.installEventFilter(self)
        self.changes.tree.installEventFilter(self)
        window.document.documentReplaced.connect(self.end)
        self.retranslate()

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Changes"))

    @property
    def active(self) -> bool:
        return self._active

    # ------------------------------------------------------------------ showing a change
    def _draft_stage(self, change: Change) -> str | None:
        if change.subject is Subject.STAGE or change.subject in PART_SUBJECTS:
            sid = change.new_id
            return sid if sid is not None and self.window.process.has_stage(sid) else None
        return None

    def show_change(self, change: Change) -> None:
        """Select the change's stage or arrow and bring it into view; a removed one is
        shown where its ghost is (there is nothing to select)."""
        self.session.flush()
        window, scene, view = self.window, self.window.scene, self.window.view
        stage_id = self._draft_stage(change)
        if stage_id is not None:
            scene.select_ids(stage_ids=[stage_id])
            view.center_on_stage(stage_id)
            self._reveal_part(change, stage_id)
            return
        if change.subject is Subject.TRANSITION and change.new_id is not None \
                and window.process.has_transition(change.new_id):
            scene.select_ids(transition_ids=[change.new_id])
            item = scene.transition_item(change.new_id)
            if item is not None:
                view.centerOn(item)
            return
        if change.subject is Subject.LANE and change.new_id is not None \
                and window.process.has_lane(change.new_id):
            scene.select_lane(change.new_id)
            return
        scene.select_ids()
        box = self.overlay.ghost_boxes.get(change.old_id or "")
        if box is None and change.old_id in self.overlay.ghost_arrows:
            box = self.overlay.ghost_arrows[change.old_id].boundingRect()
        if box is not None:
            view.centerOn(box.center())

    def _reveal_part(self, change: Change, stage_id: str) -> None:
        """A KPI, script, action… that the draft has: its tab and record in the inspector
        (as Find shows a match); a stage field: the tab it is on."""
        part = change.subject in PART_SUBJECTS
        value = change.subject.value
        field = _REVEAL_FIELDS.get(value, value) if part else change.field
        query = change.new_part if part and change.op is not ChangeOp.REMOVED else ""
        if field in _REVEALABLE:
            self.window.inspector.reveal(stage_id, field, query or "")

    # ------------------------------------------------------------------ taking back
    def _edit_for(self, change: Change):
        from salesdesigner.edits.take_back import take_back
        return take_back(change, self.session.comparison, self.session.other,
                         self.window.process)

    def can_take_back(self, change: Change) -> bool:
        return self._edit_for(change) is not None

    def take_back(self, change: Change) -> bool:
        """Put the compared version's value back as one undo step; True when done."""
        self.session.flush()
        edit = self._edit_for(change)
        if edit is None:
            return False
        try:
            self.window.editor.push(edit)
        except ProcessError as exc:
            QMessageBox.warning(self.window, self.tr("Take Old Value Back"), str(exc))
            return False
        self.session.recompute()
        if change.op is ChangeOp.REMOVED and change.subject is Subject.STAGE:
            restored = self.session.comparison.stage_pairs.get(change.old_id or "")
            if restored is not None:
                self.window.scene.select_ids(stage_ids=[restored])
        return True

    # ------------------------------------------------------------------ side by side
    def show_side_by_side(self) -> SideBySide:
        from salesdesigner.ui.compare.side_by_side import SideBySide
        if self.side_by_side is None:
            self.side_by_side = SideBySide(self.session, self.window)
        window = self.side_by_side
        window.show()
        window.raise_()
        QTimer.singleShot(0, window.fit)
        return window

    # ------------------------------------------------------------------ ending
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape \
                and getattr(self.window.editor, "gesture", None) is None \
                and self.window.editor.text_editor() is None:
            self.end()
            return True
        return super().eventFilter(watched, event)

    def end(self) -> None:
        """Take the overlay, legend, list and side-by-side window away; the document
        stays as it is."""
        if not self._active:
            return
        self._active = False
        window = self.window
        window.view.removeEventFilter(self)
        self.changes.tree.removeEventFilter(self)
        with contextlib.suppress(RuntimeError, TypeError):
            window.document.documentReplaced.disconnect(self.end)
        self.session.close()
        self.overlay.close()
        self.legend.hide()
        self.legend.deleteLater()
        if self.side_by_side is not None:
            self.side_by_side.release()
            self.side_by_side.close()
            self.side_by_side.deleteLater()
            self.side_by_side = None
        window.removeDockWidget(self.dock)
        self.dock.deleteLater()
        self.ended.emit()


__all__ = ["CompareMode"]
