"""The discovered flow in the window (View ▸ Discovered Flow): the canvas overlay and a
panel with the conformance, the frequency slider and the moves the design lacks, each of
which one click adopts into the design as an arrow (an undoable edit) or opens as the list
of deals that made it.  Made on first use; the first paint loads none of it.

The figures are recomputed (debounced) after every change that can alter them: an edit
of the arrows (adopting a move makes it designed), undo, an import of actuals.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model import events as ev
from salesdesigner.model.presentation import display_number, words_for
from salesdesigner.model.process import Process
from salesdesigner.ui.i18n import current_language
from salesdesigner.ui.performance.work_job import WorkJob

if TYPE_CHECKING:
    from salesdesigner.model.actuals.history import History
    from salesdesigner.model.discovery.conformance import Conformance
    from salesdesigner.model.discovery.flow import DiscoveredFlow, Move
    from salesdesigner.ui.canvas.discovered import DiscoveredOverlay
    from salesdesigner.ui.main_window import MainWindow

DEBOUNCE_MS = 250
#: histories with more events than this are discovered off the GUI thread (a million
#: events take seconds to build into a history)
LARGE = 2_000
#: changes that leave every move and its classification as they were
_LAYOUT_ONLY = {"position", "lane", "waypoints", "source_anchor", "target_anchor", "style",
                "label", "condition", "goal", "description", "scripts", "actions",
                "materials", "exit_criteria", "tips", "extensions", "name", "kpis",
                "duration_days"}


@dataclass(frozen=True)
class Found:
    """One discovery: the history it read, the flow, the conformance."""

    history: History
    flow: DiscoveredFlow
    conformance: Conformance


def discover_now(process: Process) -> Found:
    from salesdesigner.model.actuals.history import build_history
    from salesdesigner.model.discovery.conformance import check_conformance
    from salesdesigner.model.discovery.flow import discover_history

    history = build_history(process, process.actuals.events)
    flow = discover_history(history)
    return Found(history, flow, check_conformance(history, flow))


class DiscoveryPanel(QWidget):
    """Conformance, the frequency slider and the moves the design lacks."""

    adoptRequested = Signal(str, str)
    dealsRequested = Signal(str, str)
    thresholdChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found: Found | None = None
        self.names: dict[str, str] = {}
        layout = QVBoxLayout(self)
        self.share = QLabel()
        self.share.setWordWrap(True)
        self.share.setObjectName("conformanceShare")
        layout.addWidget(self.share)
        row = QHBoxLayout()
        self.slider_label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("frequencySlider")
        self.slider.setRange(1, 1)
        self.slider.valueChanged.connect(self._threshold)
        row.addWidget(self.slider_label)
        row.addWidget(self.slider, 1)
        layout.addLayout(row)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("observedMoves")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the names
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._selection)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.adopt = QPushButton()
        self.adopt.setObjectName("adoptMove")
        self.deals = QPushButton()
        self.deals.setObjectName("dealsOfMove")
        self.adopt.clicked.connect(lambda: self._ask(self.adoptRequested))
        self.deals.clicked.connect(lambda: self._ask(self.dealsRequested))
        buttons.addWidget(self.adopt)
        buttons.addWidget(self.deals)
        layout.addLayout(buttons)
        self.skipped = QLabel()
        self.skipped.setWordWrap(True)
        layout.addWidget(self.skipped)
        self.retranslate()
        self._selection()

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Move"), self.tr("Kind"), self.tr("Moves"), self.tr("Deals"),
            self.tr("Median days")])
        self.adopt.setText(self.tr("Add to Design"))
        self.adopt.setToolTip(self.tr("Draw this move as an arrow of the process (undoable)"))
        self.deals.setText(self.tr("Show Deals…"))
        self._threshold_text()
        self.show_found(self.found)

    def _threshold_text(self) -> None:
        self.slider_label.setText(self.tr("Moves made at least: %1").replace(
            "%1", display_number(self.slider.value())))

    # ------------------------------------------------------------------ contents
    def rows(self) -> list[Move]:
        """The observed-only moves the table lists (the slider's rare ones left out)."""
        if self.found is None:
            return []
        return [m for m in self.found.flow.observed_only if m.moves >= self.slider.value()]

    def show_found(self, found: Found | None) -> None:
        self.found = found
        words = words_for(current_language(), "analysis")
        if found is None:
            self.share.setText(self.tr("The document holds no deal history."))
            self.table.setRowCount(0)
            self.skipped.setText("")
            return
        process = found.flow.process
        self.names = {s.id: words.name(s.name) for s in process.stages}
        conf = found.conformance
        share = "—" if conf.share is None else f"{display_number(round(conf.share * 100, 1))}%"
        self.share.setText(words("conformance_share", share=share,
                                 conforming=display_number(conf.conforming),
                                 deals=display_number(conf.deals)))
        most = max([m.moves for m in found.flow.observed_only] or [1])
        self.slider.blockSignals(True)
        self.slider.setRange(1, max(1, most))
        self.slider.blockSignals(False)
        self._threshold_text()
        selected = self.selected_move()
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for r, m in enumerate(rows):
            cells = [f"{self.names.get(m.source, m.source)} → {self.names.get(m.target, m.target)}",
                     words("discover_kind_" + m.kind), display_number(m.moves),
                     display_number(m.deals),
                     "" if m.median_days is None else display_number(round(m.median_days, 1))]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (m.source, m.target))
                item.setToolTip(text)  # a narrow panel cuts the names
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            if selected == (m.source, m.target):
                self.table.selectRow(r)
        skipped = [words("conformance_skip", stage=self.names.get(sid, sid),
                         deals=display_number(n)) for sid, n in conf.skipped.items()]
        self.skipped.setText("\n".join([words("conformance_skips") + ":", *skipped])
                             if skipped else "")
        self._selection()

    def selected_move(self) -> tuple[str, str] | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select_move(self, source: str, target: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == (source, target):
                self.table.selectRow(r)
                return

    def _selection(self) -> None:
        on = self.selected_move() is not None
        self.adopt.setEnabled(on)
        self.deals.setEnabled(on)

    def _ask(self, signal: Signal) -> None:
        move = self.selected_move()
        if move is not None:
            signal.emit(*move)

    def _threshold(self, value: int) -> None:
        self._threshold_text()
        self.show_found(self.found)
        self.thresholdChanged.emit(value)


class DealsDialog(QDialog):
    """The deals that made one move: id, name, owner (the designer's own view of them)."""

    def __init__(self, title: str, rows: list[tuple[str, str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Deal"), self.tr("Name"),
                                              self.tr("Owner")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        layout.addWidget(self.table)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(520, 360)


class DiscoveryViews(QObject):
    """One window's discovered flow: the overlay, the panel in a dock, adopting a move."""

    changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.process = window.process
        self.found: Found | None = None
        self.action: QAction | None = None
        self.overlay: DiscoveredOverlay | None = None
        self.panel: DiscoveryPanel | None = None
        self.dock: QDockWidget | None = None
        self.dialog: DealsDialog | None = None
        self.menu: QMenu | None = None
        self._on = False
        self._generation = 0
        self._jobs: set[WorkJob] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        me = weakref.ref(self)

        def listener(event: object) -> None:  # the model holds no strong reference
            views = me()
            if views is not None:
                views._on_event(event)

        self._listener = listener
        self.process.events.connect(listener)

    def bind(self, action: QAction, performance_action: QAction | None = None) -> None:
        """The View menu's toggle; the performance overlay and this one take turns (both
        draw on the arrows)."""
        self.action = action
        action.setCheckable(True)
        action.toggled.connect(self.set_on)
        if performance_action is not None:
            self._performance_action = performance_action
            performance_action.toggled.connect(
                lambda on: on and action.isChecked() and action.setChecked(False))
        self.retranslate()

    @property
    def has_actuals(self) -> bool:
        return bool(self.process.actuals.events)

    # ------------------------------------------------------------------ on / off
    def set_on(self, on: bool) -> None:
        on = on and self.has_actuals
        self._on = on
        if self.action is not None and self.action.isChecked() != on:
            self.action.setChecked(on)
        if on:
            other = getattr(self, "_performance_action", None)
            if other is not None and other.isChecked():
                other.setChecked(False)
            self._make()
            self.refresh()
            assert self.dock is not None
            self.dock.show()
            self.dock.raise_()
        else:
            self._timer.stop()
            if self.overlay is not None:
                self.overlay.show(None)
            if self.dock is not None:
                self.dock.hide()

    def _make(self) -> None:
        if self.overlay is not None:
            return
        from salesdesigner.ui.canvas.discovered import DiscoveredOverlay
        w = self.window
        self.overlay = DiscoveredOverlay(w.scene, current_language)
        self.overlay.moveClicked.connect(self.offer)
        self.panel = DiscoveryPanel()
        self.panel.adoptRequested.connect(self.adopt)
        self.panel.dealsRequested.connect(self.show_deals)
        self.panel.thresholdChanged.connect(self.overlay.set_threshold)
        dock = self.dock = QDockWidget(w)
        dock.setObjectName("discoveryDock")
        dock.setWidget(self.panel)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        w.tabifyDockWidget(w.docks["inspector"], dock)
        w.docks["discovery"] = dock
        dock.toggleViewAction().toggled.connect(
            lambda on: not on and self.action is not None and self.action.setChecked(False))
        self.retranslate()

    # ------------------------------------------------------------------ figures
    def _on_event(self, event: object) -> None:
        if isinstance(event, (ev.LaneAdded, ev.LaneRemoved, ev.LaneChanged, ev.LanesReordered,
                              ev.AttachmentAdded, ev.AttachmentRemoved)):
            return
        if isinstance(event, (ev.StageChanged, ev.TransitionChanged)) and \
                set(event.fields) <= _LAYOUT_ONLY:
            return
        if isinstance(event, ev.ProcessChanged):
            return  # name, language, currency, company: no move changes
        if self._on:
            self._timer.start()

    def refresh(self) -> None:
        """Discover again now and show it."""
        self._timer.stop()
        if not self._on:
            return
        if not self.has_actuals:
            self.set_on(False)
            return
        self._generation += 1
        if len(self.process.actuals.events) > LARGE:
            job = WorkJob(self._generation, partial(discover_now, self.process.copy()), self)
            job.done.connect(self._job_done)
            job.finished.connect(lambda job=job: self._job_finished(job))
            self._jobs.add(job)
            job.start()
            return
        try:
            found = discover_now(self.process)
        except Exception as error:  # a view must never take the window down
            self.window.show_status(str(error))
            return
        self._accept(found)

    def _job_done(self, generation: int, result: object) -> None:
        if generation != self._generation or not self._on:
            return  # superseded by a later change, or switched off meanwhile
        if isinstance(result, Exception):
            self.window.show_status(str(result))
        elif isinstance(result, Found):
            self._accept(result)

    def _job_finished(self, job: WorkJob) -> None:
        self._jobs.discard(job)
        job.deleteLater()

    def _accept(self, found: Found) -> None:
        self.found = found
        if self.overlay is not None:
            self.overlay.show(self.found.flow)
        if self.panel is not None:
            self.panel.show_found(self.found)
        self.changed.emit()

    def wait(self, msecs: int = 60_000) -> None:
        """Finish a pending refresh and the work under way (tests; closing the window)."""
        if self._timer.isActive():
            self.refresh()
        for job in list(self._jobs):
            job.wait(msecs)
        QCoreApplication.sendPostedEvents()  # the finished jobs' results (queued)

    # ------------------------------------------------------------------ actions on a move
    def offer(self, source: str, target: str, where: QPoint) -> None:
        """A click on an observed move: a menu to adopt it or list its deals."""
        if self.panel is not None:
            self.panel.select_move(source, target)
        menu = self.menu = QMenu(self.window)
        menu.addAction(self.tr("Add to Design as an Arrow"),
                       lambda: self.adopt(source, target))
        menu.addAction(self.tr("Show the Deals That Took It…"),
                       lambda: self.show_deals(source, target))
        menu.popup(where)

    def adopt(self, source: str, target: str) -> str | None:
        """Add ``source → target`` to the design as an arrow: one undoable edit."""
        from salesdesigner.edits import Name
        from salesdesigner.edits.stages import connect
        from salesdesigner.model.entities import Transition
        from salesdesigner.model.errors import ProcessError
        from salesdesigner.model.ids import new_id

        transition = Transition(new_id("t"), source, target)
        editor = self.window.editor
        try:
            editor.push(connect(self.process, transition, Name("Adopt Observed Move")))
        except ProcessError as error:
            editor.refused(error)
            return None
        return transition.id

    def deals_of(self, source: str, target: str) -> list[tuple[str, str, str]]:
        """(id, name, owner) of each deal that made the move."""
        from salesdesigner.model.discovery.flow import deals_taking

        if self.found is None:
            return []
        history = self.found.history
        index = {deal: i for i, deal in enumerate(history.deal_ids)}
        return [(deal, history.latest_text(index[deal], "deal_name"),
                 history.latest_text(index[deal], "owner"))
                for deal in deals_taking(history, source, target)]

    def show_deals(self, source: str, target: str) -> DealsDialog:
        names = self.panel.names if self.panel is not None else {}
        title = self.tr("Deals: %1 → %2").replace("%1", names.get(source, source)).replace(
            "%2", names.get(target, target))
        self.dialog = DealsDialog(title, self.deals_of(source, target), self.window)
        self.dialog.show()
        return self.dialog

    # ------------------------------------------------------------------ window events
    def update_enabled(self) -> None:
        if self.action is None:
            return
        has = self.has_actuals
        self.action.setEnabled(has)
        tip = "" if has else self.tr(
            "The document holds no deal history: import the CRM's export first")
        self.action.setStatusTip(tip or self.tr(
            "Draw the flow the deals really took against the design"))
        if not has and self.action.isChecked():
            self.action.setChecked(False)

    def retranslate(self) -> None:
        if self.action is not None:
            self.action.setText(self.tr("Discovered &Flow"))
            self.action.setToolTip(self.tr(
                "Draw the flow the deals really took against the design"))
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Discovered Flow"))
        if self.panel is not None:
            self.panel.retranslate()
        if self.overlay is not None:
            self.overlay.words_changed()
        self.update_enabled()

    def detach(self) -> None:
        import contextlib
        with contextlib.suppress(ValueError):
            self.process.events.disconnect(self._listener)
        self._timer.stop()
        self._on = False
        for job in list(self._jobs):
            job.wait()


__all__ = ["DealsDialog", "DiscoveryPanel", "DiscoveryViews", "Found", "discover_now"]
