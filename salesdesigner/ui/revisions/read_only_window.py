"""A published revision in a window of its own, read-only.

It is the designer's canvas and inspector on a private copy of the revision, so everything
can be looked at (zoom, select, the inspector's tabs), but its editor refuses every change:
nothing reaches the copy, the views are put back from it, and the banner says — in red —
that the revision cannot be changed and how to change it instead (Restore as Draft)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.edits import Edit
from salesdesigner.model import events as ev
from salesdesigner.model.process import Process
from salesdesigner.model.revision import RevisionInfo
from salesdesigner.ui.canvas.editor import CanvasEditor
from salesdesigner.ui.canvas.view import ProcessView
from salesdesigner.ui.inspector import Inspector

if TYPE_CHECKING:
    from salesdesigner.ui.main_window import MainWindow

_CALM = "QFrame#readOnlyBanner { background: #FFF4D6; border-bottom: 1px solid #E0C36A; }"
_ALARM = "QFrame#readOnlyBanner { background: #FDE2E1; border-bottom: 1px solid #D9534F; }"


class ReadOnlyEditor(CanvasEditor):
    """A canvas editor that changes nothing: every edit is refused (``refused`` fires) and
    the views are rebuilt from the unchanged process (a drag already moved the items)."""

    refused = Signal()

    def push(self, edit: Edit | None) -> bool:
        if edit is None:
            return False
        self.refused.emit()
        QTimer.singleShot(0, lambda: self.process.events.emit(ev.ProcessReset()))
        return False


class RevisionWindow(QMainWindow):
    """Revision ``info`` of ``owner``'s document; ``content`` is this window's own copy."""

    def __init__(self, content: Process, info: RevisionInfo, owner: MainWindow) -> None:
        super().__init__(owner)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setObjectName("revisionWindow")
        self.owner = owner
        self.info = info
        self.process = content
        self.refusals = 0
        self.undo_stack = QUndoStack(self)  # never pushed to: the editor refuses first
        self.editor = ReadOnlyEditor(content, self.undo_stack, self)
        self.scene = self.editor.scene
        self.view = ProcessView(self.scene)
        self.inspector = Inspector(self.editor)

        from PySide6.QtWidgets import QFrame
        self.banner = QFrame()
        self.banner.setObjectName("readOnlyBanner")
        self.banner_text = QLabel()
        self.banner_text.setObjectName("readOnlyText")
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)  # the title is the user's
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_as_draft)
        row = QHBoxLayout(self.banner)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.restore_button)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        dock = QDockWidget(self)
        dock.setObjectName("revisionInspectorDock")
        dock.setWidget(self.inspector)
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.resizeDocks([dock], [420], Qt.Orientation.Horizontal)

        self.scene.selectionChangedIds.connect(self._selection_changed)
        self.editor.refused.connect(self._refused)
        self.retranslate()
        self.resize(1200, 760)
        QTimer.singleShot(0, self.view.zoom_fit)

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _title(self) -> str:
        title = " ".join(self.info.title.split())
        return title if len(title) <= 120 else title[:119] + "…"

    def retranslate(self) -> None:
        name = self.owner.document.display_name
        self.setWindowTitle(self.tr("Revision {number} of {name} (read-only)").format(
            number=self.info.number, name=name))
        self.restore_button.setText(self.tr("Restore as Draft"))
        self._show_banner(alarm=self.refusals > 0)

    def _show_banner(self, *, alarm: bool) -> None:
        info = self.info
        when = f"{info.published_at:%Y-%m-%d %H:%M}"
        author = " ".join(info.author.split())[:80]
        head = (self.tr("Revision {number} “{title}”, published {date} by {author}.")
                if author else self.tr("Revision {number} “{title}”, published {date}."))
        head = head.format(number=info.number, title=self._title(), date=when, author=author)
        if alarm:
            tail = self.tr("Not changed: a published revision cannot be edited. To change "
                           "it, restore it as the draft and edit the draft.")
        else:
            tail = self.tr("Read-only: a published revision cannot be edited.")
        self.banner_text.setText(f"{head}\n{tail}")
        self.banner.setStyleSheet(_ALARM if alarm else _CALM)

    # ------------------------------------------------------------------ behaviour
    def _selection_changed(self) -> None:
        self.inspector.show_selection(self.scene.selected_stage_ids(),
                                      self.scene.selected_transition_ids(),
                                      self.scene.selected_lane_id())

    def _refused(self) -> None:
        self.refusals += 1
        self._show_banner(alarm=True)
        self.statusBar().showMessage(self.tr("Revision {number} is read-only: nothing was "
                                             "changed.").format(number=self.info.number),
                                     8000)
        QApplication.beep()

    def restore_as_draft(self) -> bool:
        """Make this revision the owner's draft (one undo step there) and close."""
        from salesdesigner.ui.revisions import restore
        if not restore(self.owner, self.info.number):
            return False
        self.owner.raise_()
        self.owner.activateWindow()
        self.close()
        return True

    def closeEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        self.editor.detach()
        super().closeEvent(event)
