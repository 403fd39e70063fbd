"""The designer's main window: the canvas in the middle, panels docked around it.

The window owns one :class:`Process` and one undo stack for its whole life; the document
controller replaces the process's content on open, revert and new.  The canvas, the
inspector and the validation panel follow the model's events, so the window only relays
selection between them.

A language switch (Preferences) retranslates the window in place: each widget renames its
own texts on ``QEvent.LanguageChange``, so the document, undo history, selection, zoom and
panel layout are untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model import events as ev
from salesdesigner.model.entities import StageKind
from salesdesigner.model.process import Process
from salesdesigner.ui.actions import Actions
from salesdesigner.ui.after_paint import after_next_paint
from salesdesigner.ui.canvas import ui_texts
from salesdesigner.ui.canvas.editor import CanvasEditor
from salesdesigner.ui.canvas.minimap import Minimap
from salesdesigner.ui.canvas.view import ProcessView
from salesdesigner.ui.commands import retranslate_stack
from salesdesigner.ui.document_controller import DocumentController
from salesdesigner.ui.file_drop import FileDropTarget
from salesdesigner.ui.i18n import current_language
from salesdesigner.ui.inspector import Inspector
from salesdesigner.ui.performance.discovery import DiscoveryViews
from salesdesigner.ui.performance.views import PerformanceViews
from salesdesigner.ui.settings import Settings
from salesdesigner.ui.validation_dock import ValidationDockFit
from salesdesigner.ui.validation_panel import ValidationPanel

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.find import FindBar
    from salesdesigner.ui.compare.mode import CompareMode

APP_NAME = "SalesDesigner"
MIN_CANVAS_SHARE = 0.4
READABLE_ZOOM = 0.6
_COUNTED_EVENTS = (ev.StageAdded, ev.StageRemoved, ev.TransitionAdded, ev.TransitionRemoved,
                   ev.ProcessReset, ev.ActualsChanged)
_extra_windows: set[MainWindow] = set()  # windows opened after the first (kept alive here)


def zoom_text(level: float) -> str:
    """The zoom as the status bar shows it: whole percent, with one decimal below 10 %
    (a fitted 1,000-stage process is at 0.4 %, which "0 %" would hide)."""
    percent = level * 100
    return f"{percent:.0f} %" if percent >= 9.95 else f"{max(percent, 0.1):.1f} %"


class MainWindow(FileDropTarget, QMainWindow):
    """One document window.  ``autosave_dir`` is for tests; normally AppDataLocation."""

    def __init__(self, process: Process | None = None, *,
                 autosave_dir: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.process = process if process is not None else Process(
            name=self.tr("Untitled process"), language=current_language())
        self.undo_stack = QUndoStack(self)
        self._language = current_language()  # the language of the undo steps' names
        self.document = DocumentController(self.process, self.undo_stack, self,
                                           autosave_dir=autosave_dir)

        self.editor = CanvasEditor(self.process, self.undo_stack, self)
        self.editor.set_language(current_language())
        self.scene = self.editor.scene  # what the view draws; edits go through the editor
        self.view = ProcessView(self.scene)
        self._find_bar: FindBar | None = None  # made when Find is first used
        self.compare: CompareMode | None = None  # Process ▸ Compare With…, while it runs
        central = QWidget()
        self._central_layout = layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.inspector = Inspector(self.editor)
        self.validation = ValidationPanel(self.process)
        self.history = QUndoView(self.undo_stack)
        self.minimap = Minimap(self.view)
        self.docks: dict[str, QDockWidget] = {}
        # the inspector is the tallest panel: it keeps the full height on the right and the
        # validation and history panels sit under the canvas only
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._add_dock("inspector", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea)
        self._add_dock("minimap", self.minimap, Qt.DockWidgetArea.RightDockWidgetArea)
        self._add_dock("validation", self.validation, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._add_dock("history", self.history, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._arrange_docks()
        self.validation_fit = ValidationDockFit(self, self.docks["validation"], self.validation,
                                                [self.docks["history"]])

        self.performance_views = PerformanceViews(self)  # overlay and dashboard, made on use
        self.discovery_views = DiscoveryViews(self)  # the discovered flow, made on use
        self.actions_ = Actions(self)
        for dock in self.docks.values():
            self.actions_.panels_menu.addAction(dock.toggleViewAction())
        self.actions_.panels_menu.addAction(self.actions_.toolbar.toggleViewAction())

        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(60)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._show_zoom(self.view.zoom_level())

        self.empty_hint = QLabel(self.view.viewport())
        self.empty_hint.setObjectName("emptyCanvasHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setEnabled(False)  # drawn greyed: a hint, not content
        self.empty_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.view.viewport().installEventFilter(self)

        self._connect()
        self.setAcceptDrops(True)
        self.view.setAcceptDrops(False)  # files dropped on the canvas reach the window
        self.retranslate()
        self._update_empty_hint()
        self.resize(self._default_size())

    def _arrange_docks(self) -> None:
        """The default panel arrangement and sizes (at start and for View ▸ Reset Layout)."""
        docks = self.docks
        for name, area in (("inspector", Qt.DockWidgetArea.RightDockWidgetArea),
                           ("minimap", Qt.DockWidgetArea.RightDockWidgetArea),
                           ("validation", Qt.DockWidgetArea.BottomDockWidgetArea),
                           ("history", Qt.DockWidgetArea.BottomDockWidgetArea)):
            dock = docks[name]
            dock.setFloating(False)
            self.addDockWidget(area, dock)  # moves it back if the user had moved it
            dock.show()
        self.splitDockWidget(docks["inspector"], docks["minimap"], Qt.Orientation.Vertical)
        self.tabifyDockWidget(docks["validation"], docks["history"])
        docks["validation"].raise_()
        self.resizeDocks([docks["inspector"]], [440], Qt.Orientation.Horizontal)
        self.resizeDocks([docks["inspector"], docks["minimap"]], [560, 170],
                         Qt.Orientation.Vertical)
        # tall enough for several findings (150 pixels showed two and a half)
        self.resizeDocks([docks["validation"]], [docks["validation"].sizeHint().height()],
                         Qt.Orientation.Vertical)

    def _add_dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(self)
        dock.setObjectName(f"{name}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock

    def _connect(self) -> None:
        self.scene.selectionChangedIds.connect(self._selection_changed)
        self.editor.laneRenameRequested.connect(self.inspector.focus_lane_name)
        self.editor.statusMessage.connect(self.show_status)
        self.inspector.statusMessage.connect(self.show_status)
        self.document.statusMessage.connect(self.show_status)
        self.view.zoomChanged.connect(self._show_zoom)
        self.validation.findingActivated.connect(self.reveal_stages)
        self.validation.findingsChanged.connect(self.scene.set_findings)
        self.validation.findingsChanged.connect(self._update_counts)
        self.scene.set_findings(self.validation.findings)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.document.pathChanged.connect(self._update_title)
        self.document.documentReplaced.connect(self._document_replaced)
        self.process.events.connect(self._on_process_event)
        self._update_actions()

    # ------------------------------------------------------------------ start-up
    def start(self, path: str | None = None) -> None:
        """What a fresh window shows: recovered work (each document in a window of its
        own), the given file, or the sample."""
        from salesdesigner.ui.recovery import offer_recovery
        recovered = offer_recovery(self)
        if path:
            target = self.new_window() if self in recovered else self
            target.document.open_path(path, ask=False)
            return
        if recovered:
            return
        settings = Settings()
        if not settings.sample_shown:
            settings.sample_shown = True
            self.open_sample()

    def new_window(self, process: Process | None = None) -> MainWindow:
        """Another document window of this instance, shown a little below and right of
        this one; it lives until it is closed."""
        window = MainWindow(process, autosave_dir=self.document.autosave_dir)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not kept once closed
        if not self.document.autosave_timer.isActive():
            window.document.set_autosave_interval(0)
        window.restore_layout()
        window.resize(self.size())
        window.move(self.pos() + QPoint(32, 32))
        _extra_windows.add(window)
        window.show()
        return window

    def open_sample(self, name: str = "eight-step", language: str | None = None) -> None:
        """A bundled template (the eight-step sample by default; in the UI language unless
        ``language`` says otherwise), as an untitled document."""
        from salesdesigner.model.errors import UserError
        from salesdesigner.storage.templates import load_template
        try:
            process = load_template(name, language or current_language(), fresh_id=True)
        except (UserError, OSError) as exc:
            self.show_status(str(exc))
            return
        self.document.new_document(process)
        QTimer.singleShot(0, self.show_whole_process)

    def show_whole_process(self) -> None:
        """Fit the process in the view, but keep names readable: a long process starts
        at its left end at a legible zoom instead of shrinking to a strip."""
        self.view.zoom_fit()
        if self.view.zoom_level() >= READABLE_ZOOM:
            return
        rect = self.scene.content_rect()
        half_height = self.view.viewport().height() / READABLE_ZOOM / 2
        y = (rect.center().y() if rect.height() <= 2 * half_height
             else rect.top() + half_height - 20)  # tall: start at the top lane
        self.view.show_left_end(READABLE_ZOOM, rect, y)

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            # back from another program: was our file changed there?  (after the event,
            # so that a question does not open inside the activation)
            QTimer.singleShot(0, self.document, self.document.check_disk_changes)
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The window's own texts in the current UI language.  Child widgets (actions,
        inspector, validation panel, playbook reader) retranslate themselves."""
        for name, title in (("inspector", self.tr("Inspector")),
                            ("minimap", self.tr("Overview Map")),
                            ("validation", self.tr("Validation")),
                            ("history", self.tr("History"))):
            self.docks[name].setWindowTitle(title)
        self.history.setEmptyLabel(self.tr("<original document>"))
        self.performance_views.retranslate()
        self.discovery_views.retranslate()
        self.empty_hint.setText(self.tr(
            "Double-click the canvas to add a stage, or use Insert ▸ Stage.\n"
            "Drag from a stage's round handle to another stage to draw an arrow."))
        # the canvas has its own small en/ja text table: tell it the language
        lang = current_language()
        if lang != self._language:
            self._rename_undo_steps()
            self._language = lang
        self.editor.set_language(lang)
        if self._find_bar is not None:
            self._retranslate_find_bar(lang)
        self._update_title()
        self._update_counts()

    @property
    def find_bar(self) -> FindBar:
        """The find bar above the canvas, made when Find is first used (hidden until then;
        most sessions never open it, and the first paint does not need it)."""
        if self._find_bar is None:
            from salesdesigner.ui.canvas.find import FindBar
            self._find_bar = bar = FindBar(self.editor, self.view)
            bar.hide()
            self._central_layout.insertWidget(0, bar)
            bar.matchShown.connect(self.inspector.reveal)  # the tab where it matched
            self._retranslate_find_bar(current_language())
        return self._find_bar

    def _retranslate_find_bar(self, lang: str) -> None:
        bar = self.find_bar
        bar.edit.setPlaceholderText(ui_texts.text("find-placeholder", lang))
        bar.count_label.setText(bar.count_text())

    def _rename_undo_steps(self) -> None:
        """The history speaks the new language too: each step's name is translated anew
        from the edit's untranslated name."""
        retranslate_stack(self.undo_stack)
        self.history.doItemsLayout()
        self.history.viewport().update()

    # ------------------------------------------------------------------ state display
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — {APP_NAME}")
        self.setWindowFilePath(self.document.path or "")
        self.setWindowModified(self.document.is_modified())
        self._update_actions()

    def _update_actions(self) -> None:
        if hasattr(self, "actions_"):
            self.actions_.revert.setEnabled(bool(self.document.path)
                                            and self.document.is_modified())
            self.actions_.remove_actuals.setEnabled(bool(self.process.actuals))
            self.actions_.save_without_actuals.setEnabled(bool(self.process.actuals))
            self.performance_views.update_enabled()
            self.discovery_views.update_enabled()

    def _show_zoom(self, level: float) -> None:
        self.zoom_label.setText(zoom_text(level))

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)
        self._update_actions()

    def _update_counts(self, *_: object) -> None:
        text = self.tr("{stages} stages · {arrows} arrows").format(
            stages=len(self.process.stage_ids), arrows=len(self.process.transitions))
        actuals = self.process.actuals
        if actuals:  # deal data is confidential: the window says when the file holds some
            text += " · " + self.tr("actuals: {events} deal events").format(
                events=f"{len(actuals.events):,}")
        self.counts_label.setText(text)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    def _on_process_event(self, event: object) -> None:
        """Counts and the empty-canvas hint change only when stages or arrows come or go
        (counting the arrows walks the graph: not on every keystroke)."""
        if isinstance(event, _COUNTED_EVENTS):
            self._update_counts()
            self._update_empty_hint()
            self._update_actions()

    def _update_empty_hint(self) -> None:
        """An empty canvas says how to start; it disappears with the first stage."""
        self.empty_hint.setVisible(not self.process.stage_ids)
        self.empty_hint.setGeometry(self.view.viewport().rect().adjusted(40, 40, -40, -40))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._update_empty_hint()
        return super().eventFilter(watched, event)

    def _selection_changed(self) -> None:
        self.inspector.show_selection(self.scene.selected_stage_ids(),
                                      self.scene.selected_transition_ids(),
                                      self.scene.selected_lane_id())

    def _document_replaced(self) -> None:
        self.editor.set_language(current_language())
        self.inspector.show_selection((), ())
        # the canvas shows the document first; checking 1,000 stages takes 20 ms
        after_next_paint(self.view.viewport(), self.validation.revalidate)
        self._update_title()
        QTimer.singleShot(0, self.show_whole_process)

    # ------------------------------------------------------------------ commands
    def new_from_template(self) -> bool:
        from salesdesigner.ui.dialogs.new_document import NewDocumentDialog
        if not self.document.maybe_save():
            return False
        dialog = NewDocumentDialog(self)
        if not dialog.exec():
            return False
        process = dialog.create_process()
        if process is None:
            return False
        self.undo_stack.setClean()  # already asked: do not ask twice
        return self.document.new_document(process)

    def insert_stage(self, kind: StageKind) -> str:
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        return self.editor.add_stage_at(QPointF(centre), kind)

    def show_find(self) -> None:
        self.find_bar.open_bar()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def validate_now(self) -> None:
        self.validation.revalidate()
        dock = self.docks["validation"]
        dock.show()
        dock.raise_()

    def reveal_stages(self, stage_ids: tuple[str, ...]) -> None:
        """Select the stages of a finding and centre the view on the first."""
        ids = [i for i in stage_ids if self.process.has_stage(i)]
        if not ids:
            return
        self.scene.select_ids(stage_ids=ids)
        self.view.center_on_stage(ids[0])

    # ------------------------------------------------------------------ comparing
    def compare_with(self, other: Process, label: str) -> CompareMode:
        """Compare the current draft with ``other`` — a file, or a revision the caller
        loaded (``label`` names it: "Revision 3") — in the overlay, the change list and
        on request side by side.  A comparison already shown ends first."""
        from salesdesigner.ui.compare.mode import CompareMode
        self.end_compare()
        self.compare = mode = CompareMode(self, other, label)
        mode.ended.connect(lambda: self._compare_ended(mode))
        return mode

    def _compare_ended(self, mode: CompareMode) -> None:
        if self.compare is mode:
            self.compare = None

    def end_compare(self) -> None:
        if self.compare is not None:
            self.compare.end()

    def compare_with_file(self) -> CompareMode | None:
        from salesdesigner.ui.compare import compare_with_file
        return compare_with_file(self)

    def compare_with_path(self, path: str) -> CompareMode | None:
        from salesdesigner.ui.compare import compare_with_path
        return compare_with_path(self, path)

    def compare_with_revision(self, number: int | None = None) -> CompareMode | None:
        """Process ▸ Compare With Last Revision (or a revision picked in the list)."""
        from salesdesigner.ui.compare import compare_with_revision
        return compare_with_revision(self, number)

    def open_from_repository(self) -> bool:
        """File ▸ Open from Team Repository… (see ui/repository)."""
        from salesdesigner.ui.repository import open_from_repository
        return open_from_repository(self)

    def save_to_repository(self) -> bool:
        from salesdesigner.ui.repository import save_to_repository
        return save_to_repository(self)

    def show_preferences(self) -> None:
        from salesdesigner.ui.dialogs.preferences import PreferencesDialog
        dialog = PreferencesDialog(self)
        if dialog.exec():
            self.document.set_autosave_interval(Settings().autosave_seconds)

    def publish_revision(self) -> bool:
        """Process ▸ Publish Revision… (see ui/revisions)."""
        from salesdesigner.ui.revisions import publish
        return publish(self)

    def show_revisions(self) -> None:
        """Process ▸ Revisions…: the list, open read-only, restore."""
        from salesdesigner.ui.revisions import show_revisions
        show_revisions(self)

    def show_about(self) -> None:
        from salesdesigner.ui.dialogs.about import show_about
        show_about(self)

    def show_about_qt(self) -> None:
        QMessageBox.aboutQt(self)

    def fill_recent_menu(self) -> None:
        from salesdesigner.ui.recent_menu import fill_recent_menu
        fill_recent_menu(self.actions_.recent_menu, self.document)

    def show_playbook(self) -> None:
        """The rep's read-only reader on this document; it follows edits made here."""
        from salesdesigner.ui.playbook import PlaybookWindow
        reader = getattr(self, "_playbook", None)
        if reader is None:
            reader = self._playbook = PlaybookWindow(self.process, self.document.display_name,
                                                     parent=self)
        reader.show()
        reader.raise_()
        reader.activateWindow()

    def export_manual(self) -> None:
        """The manual dialog (preview, save, print) where available, else straight to PDF."""
        try:
            from salesdesigner.ui.manual_dialog import ManualDialog
        except ImportError:  # no QtPdf in this installation
            self.export("pdf")
            return
        dialog = ManualDialog(self.process, self,
                              suggested_name=self.document.suggested_export_path(".pdf"),
                              plan_goal=self.performance_views.performance.plan_goal)
        if self.process.actuals:  # handed to reps: say that the deal data stays behind
            dialog.setWindowTitle(self.tr("{title} — without the deal data").format(
                title=dialog.windowTitle()))
        dialog.exec()

    def export(self, kind: str) -> str | None:
        """Run one File ▸ Export entry; returns the written path (None if cancelled/failed)."""
        from salesdesigner.ui.export_menu import export
        return export(self, kind)

    # ------------------------------------------------------------------ closing
    def quit_application(self) -> bool:
        """File ▸ Quit: close every document window (each asks about its unsaved
        changes); stops at the first one the user keeps open.  True if all closed."""
        others = [w for w in QApplication.topLevelWidgets()
                  if isinstance(w, MainWindow) and w is not self and w.isVisible()]
        for window in [*others, self]:
            if not window.close():
                window.document.bring_to_front()
                return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.document.maybe_save():
            event.ignore()
            return
        settings = Settings()
        settings.set_window_state(self.saveGeometry(), self.saveState())
        self.document.close()
        self.end_compare()
        if self in _extra_windows:  # let go of it once this event is over
            QTimer.singleShot(0, lambda: _extra_windows.discard(self))
        self.validation.detach()
        self.performance_views.detach()
        self.discovery_views.detach()
        self.inspector.detach()
        self.editor.detach()
        # the stack dies with the window, before the canvas helpers that follow it: its
        # last signals (emitted while it is being destroyed) must reach no one
        self.undo_stack.blockSignals(True)
        event.accept()

    def _default_size(self) -> QSize:
        """1400 × 900, or less on a smaller screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        size = QSize(1400, 900)
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size() * 0.95)
        return size

    def reset_layout(self) -> None:
        """View ▸ Reset Layout: every panel and the toolbar back in its first place and
        size, and the window back on the screen.  Not a document change."""
        if self.isFullScreen() or self.isMaximized():
            self.showNormal()
        self.actions_.toolbar.show()
        self.addToolBar(self.actions_.toolbar)
        self.resize(self._default_size())
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            frame = self.frameGeometry()
            frame.moveCenter(screen.availableGeometry().center())
            self.move(frame.topLeft())
        self._arrange_docks()
        self.show_status(self.tr("Layout reset"))

    def restore_layout(self) -> None:
        """The window's last size and panel layout, unless they would trap the user: a
        window larger than the screen, or panels leaving the canvas too small to use."""
        geometry, state = Settings().window_state()
        screen = self.screen() or QGuiApplication.primaryScreen()
        if geometry and self.restoreGeometry(geometry) and screen is not None:
            available = screen.availableGeometry()
            if (self.width() > available.width() or self.height() > available.height()):
                self.resize(self._default_size())
                self.move(available.topLeft())
        if state and self.restoreState(state) and not self.canvas_is_usable():
            self._arrange_docks()

    def canvas_is_usable(self) -> bool:
        """The canvas gets at least 40 % of the window's width and height."""
        self._lay_out_now()
        canvas = self.centralWidget().geometry()
        return (canvas.width() >= MIN_CANVAS_SHARE * self.width()
                and canvas.height() >= MIN_CANVAS_SHARE * self.height())

    def _lay_out_now(self) -> None:
        """Place the panels for the current size now, even before the window is shown."""
        layout = self.layout()
        if layout is not None:
            layout.setGeometry(self.rect())

