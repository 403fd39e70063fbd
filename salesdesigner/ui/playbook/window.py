"""The rep's playbook: a read-only reader of a sales process, made for use during a deal.

Left: search and the stages in process order (filterable by lane).  Middle: the stage
page.  Right: where the stage sits in the flow, with buttons to the next branches.  There
is no way to edit anything and no save action; the window only reads ``Process``.
It follows the process's events, so the editor's View ▸ Playbook stays current.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.entities import Material, Script
from salesdesigner.model.ordering import process_order
from salesdesigner.model.presentation import Words, words_for
from salesdesigner.model.process import Process
from salesdesigner.model.search import search
from salesdesigner.ui.playbook.history import History
from salesdesigner.ui.playbook.materials import MaterialError, MaterialOpener
from salesdesigner.ui.playbook.navigator import StageNavigator
from salesdesigner.ui.playbook.route_panel import RoutePanel
from salesdesigner.ui.playbook.search_panel import ResultRow, SearchResults
from salesdesigner.ui.playbook.snippets import snippet
from salesdesigner.ui.playbook.stage_page import StagePage
from salesdesigner.ui.playbook.theme import style_sheet

ALL_LANES = None          # lane filter value: every stage
NO_LANE = ""              # lane filter value: stages without a lane
MAX_RESULTS = 500
SEARCH_AS_YOU_TYPE_LIMIT = 200   # stages; above this, search after a pause in typing
SEARCH_PAUSE_MS = 250


class ElidedLabel(QLabel):
    """A one-line plain-text label that ends in "…" instead of pushing the bar wider."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(80)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                   max(20, self.width())))


class PlaybookWindow(QMainWindow):
    """Read-only reader for ``process``; ``title`` (e.g. the file name) goes in the title bar."""

    def __init__(self, process: Process, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)  # its own window, even with the editor as parent
        self.process = process
        self.title = title
        self.history = History()
        self.labels: Words = words_for(process.language, "playbook")
        self.order: list[str] = []
        self.current_stage_id: str | None = None
        self.open_url = QDesktopServices.openUrl  # replaceable (tests, embedding)
        self._opener = MaterialOpener()
        #: What the page says when there is no stage to show (a followed process not
        #: fetched yet says why); None: the reader's own words.
        self.empty_message: str | None = None
        self._listening = False
        self._filtering_app = False
        self._auto_split = True
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self._run_search)

        self._build()
        self._install_shortcuts()
        self.resize(1280, 800)
        self.refresh()
        first = self._visible_order()[:1] or self.order[:1]
        if first:
            self.go_to(first[0])
        self._listen(True)
        self.navigator.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        root = QWidget()
        root.setObjectName("playbookRoot")
        outer = QVBoxLayout(root)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        bar = QWidget()
        bar.setObjectName("playbookTopBar")
        top = QHBoxLayout(bar)
        top.setContentsMargins(12, 8, 16, 8)
        top.setSpacing(8)
        self.back_button = QToolButton()
        self.back_button.setText("←")
        self.back_button.clicked.connect(self.back)
        self.forward_button = QToolButton()
        self.forward_button.setText("→")
        self.forward_button.clicked.connect(self.forward)
        for button in (self.back_button, self.forward_button):
            button.setAutoRaise(True)
            button.setStyleSheet("QToolButton { font-size: 14pt; padding: 0 6px; }")
            top.addWidget(button)
        self.title_label = ElidedLabel()
        self.title_label.setObjectName("playbookTitle")
        top.addWidget(self.title_label, 1)
        self.badge = badge = QLabel()
        badge.setTextFormat(Qt.TextFormat.PlainText)
        badge.setStyleSheet("QLabel { color: #5F6B7A; background: #EEF0F3; border-radius: 9px;"
                            " padding: 2px 10px; font-size: 9pt; }")
        top.addWidget(badge)
        top.addSpacing(12)
        self.lane_caption = QLabel()
        top.addWidget(self.lane_caption)
        self.lane_filter = QComboBox()
        self.lane_filter.setObjectName("playbookLaneFilter")
        self.lane_filter.setMinimumContentsLength(14)
        self.lane_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lane_filter.currentIndexChanged.connect(self._on_lane_filter_changed)
        top.addWidget(self.lane_filter)
        outer.addWidget(bar)

        side = QWidget()
        side.setObjectName("playbookSide")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(10, 12, 6, 6)
        side_layout.setSpacing(6)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("playbookSearch")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self._on_search_typed)
        self.search_field.returnPressed.connect(self._on_search_return)
        self.search_field.installEventFilter(self)
        side_layout.addWidget(self.search_field)
        self.list_header = QLabel()
        self.list_header.setObjectName("playbookListHeader")
        self.list_header.setTextFormat(Qt.TextFormat.PlainText)
        side_layout.addWidget(self.list_header)
        self.side_stack = QStackedWidget()
        self.navigator = StageNavigator()
        self.navigator.stageActivated.connect(self.go_to)
        self.results = SearchResults()
        self.results.matchActivated.connect(self.open_match)
        self.side_stack.addWidget(self.navigator)
        self.side_stack.addWidget(self.results)
        side_layout.addWidget(self.side_stack, 1)

        self.page = StagePage()
        self.page.copyRequested.connect(self.copy_script)
        self.page.openRequested.connect(self.open_material)
        self.page.stageRequested.connect(self.go_to)
        self.route = RoutePanel()
        self.route.stageRequested.connect(self.go_to)
        self.route.previousRequested.connect(self.previous_stage)
        self.route.nextRequested.connect(self.next_stage)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setHandleWidth(1)
        for widget in (side, self.page, self.route):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([280, 680, 320])
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        side.setMinimumWidth(180)
        self.route.setMinimumWidth(200)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(root)
        self.hint = hint = QLabel()
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setStyleSheet("QLabel { color: #5F6B7A; padding: 0 6px; }")
        self.statusBar().addWidget(hint)  # stays; confirmations show over it for a moment
        self._retranslate_chrome()

    def _retranslate_chrome(self) -> None:
        """The reader's fixed UI texts (the page follows the document's language)."""
        self.back_button.setToolTip(self.tr("Back (Alt+Left)"))
        self.forward_button.setToolTip(self.tr("Forward (Alt+Right)"))
        self.badge.setText(self.tr("Read-only playbook"))
        self.lane_caption.setText(self.tr("Lane:"))
        self.search_field.setPlaceholderText(self.tr("Search the playbook (Ctrl+F)"))
        self.hint.setText(self.tr("Ctrl+F search · Alt+← / Alt+→ back and forward · "
                                  "Ctrl+[ / Ctrl+] previous and next stage"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "hint"):
            self._retranslate_chrome()
            self.refresh()  # title, lane filter, list header, the page's buttons; keeps place
        super().changeEvent(event)

    def _install_shortcuts(self) -> None:
        def bind(keys: QKeySequence | str | QKeySequence.StandardKey, slot) -> None:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        bind("Ctrl+F", self.focus_search)  # also the platform's Find key on every desktop
        bind("Alt+Left", self.back)
        bind("Alt+Right", self.forward)
        bind("Ctrl+]", self.next_stage)
        bind("Ctrl+[", self.previous_stage)
        bind("Ctrl+PgDown", self.next_stage)
        bind("Ctrl+PgUp", self.previous_stage)
        for n in range(1, 10):
            bind(f"Alt+{n}", lambda n=n: self.take_branch(n))

    # ------------------------------------------------------------------ model → view
    def _listen(self, on: bool) -> None:
        if on and not self._listening:
            self.process.events.connect(self._on_process_event)
        elif not on and self._listening:
            self.process.events.disconnect(self._on_process_event)
        self._listening = on

    def _on_process_event(self, _event) -> None:
        self._refresh_timer.start(0)  # many events (a macro) → one refresh

    def refresh(self) -> None:
        """Rebuild everything from the process (first show, or after it changed)."""
        self.labels = words_for(self.process.language, "playbook")
        sheet = style_sheet(self.process.language, self.font().family())
        if self.centralWidget().styleSheet() != sheet:
            self.centralWidget().setStyleSheet(sheet)
        name = " ".join(self.process.name.split())
        self.title_label.set_full_text(name or self.title or self.tr("Playbook"))
        window_title = " — ".join(p for p in (self.title or name, self.tr("Playbook")) if p)
        self.setWindowTitle(window_title)
        self.order = process_order(self.process)
        self.history.prune(set(self.order))
        self._fill_lane_filter()
        self._fill_navigator()
        self._on_search_changed(self.search_field.text())
        current = self.current_stage_id
        if current is None or not self.process.has_stage(current):
            current = self.history.current or (self._visible_order()[:1] or self.order[:1] or
                                               [None])[0]
        self._show(current)

    def set_process(self, process: Process, title: str | None = None) -> None:
        """Read ``process`` instead (a newer published revision arrived); the rep stays on
        the stage they were reading when it is still there."""
        listening = self._listening
        self._listen(False)
        self.process = process
        if title is not None:
            self.title = title
        self._listen(listening)
        self.refresh()

    def _lane_name(self, lane_id: str | None) -> str:
        if lane_id and self.process.has_lane(lane_id):
            return " ".join(self.process.lane(lane_id).name.split()) or lane_id
        return self.labels.no_lane

    def _lane_color(self, lane_id: str | None) -> str:
        if lane_id and self.process.has_lane(lane_id):
            return self.process.lane(lane_id).color
        return ""

    def _fill_lane_filter(self) -> None:
        selected = self.lane_filter.currentData() if self.lane_filter.count() else ALL_LANES
        self.lane_filter.blockSignals(True)
        try:
            self.lane_filter.clear()
            self.lane_filter.addItem(self.tr("All lanes"), ALL_LANES)
            used = {s.lane for s in self.process.stages}
            for lane in self.process.lanes:
                self.lane_filter.addItem(" ".join(lane.name.split()) or lane.id, lane.id)
            if any(lane is None or not self.process.has_lane(lane) for lane in used):
                self.lane_filter.addItem(self.labels.no_lane, NO_LANE)
            index = self.lane_filter.findData(selected) if selected is not None else 0
            self.lane_filter.setCurrentIndex(max(0, index))
        finally:
            self.lane_filter.blockSignals(False)

    def lane_filter_value(self) -> str | None:
        """None: all lanes; "": stages without a lane; otherwise a lane id."""
        return self.lane_filter.currentData()

    def set_lane_filter(self, lane_id: str | None) -> None:
        index = self.lane_filter.findData(lane_id) if lane_id is not None else 0
        self.lane_filter.setCurrentIndex(max(0, index))

    def _visible(self, stage_id: str) -> bool:
        wanted = self.lane_filter_value()
        if wanted is ALL_LANES:
            return True
        lane = self.process.stage(stage_id).lane
        if wanted == NO_LANE:
            return lane is None or not self.process.has_lane(lane)
        return lane == wanted

    def _visible_order(self) -> list[str]:
        return [s for s in self.order if self._visible(s)]

    def _fill_navigator(self) -> None:
        rows = []
        step_of = {sid: n for n, sid in enumerate(self.order, start=1)}
        for sid in self._visible_order():
            stage = self.process.stage(sid)
            rows.append((sid, self.labels.name(stage.name), self._lane_name(stage.lane),
                         self._lane_color(stage.lane), step_of[sid], stage.kind))
        self.navigator.set_stages(rows)
        self.navigator.select_stage(self.current_stage_id)
        if not self.search_field.text().strip():
            self._set_list_header()

    def _set_list_header(self) -> None:
        count = self.navigator.count()
        self.list_header.setText(self.tr("Stages in process order: %1").replace("%1", str(count)))

    # ------------------------------------------------------------------ navigation
    def go_to(self, stage_id: str, record: bool = True) -> None:
        """Show a stage (from the list, a branch button, a search result, the keyboard)."""
        if not stage_id or not self.process.has_stage(stage_id):
            return
        if record:
            self.history.visit(stage_id)
        self._show(stage_id)

    def _show(self, stage_id: str | None) -> None:
        self.current_stage_id = stage_id
        if stage_id is None:
            message = (self.empty_message or self.tr("This playbook has no stages yet.")
                       if not self.order else self.tr("No stage in this lane."))
            self.page.show_message(message)
            self.route.clear()
        else:
            step = self.order.index(stage_id) + 1 if stage_id in self.order else 0
            keep = self.page.verticalScrollBar().value() if self.page.stage_id == stage_id else 0
            self.page.with_next_steps = not self._route_shown()
            # keep: the editor changed this stage, so stay where the rep was reading
            self.page.show_stage(self.process, stage_id, self.labels, step, len(self.order),
                                 keep_scroll=keep)
            self.route.show_stage(self.process, stage_id, self.labels,
                                  self._neighbour(-1), self._neighbour(+1))
        self.navigator.select_stage(stage_id)
        self.back_button.setEnabled(self.history.can_back())
        self.forward_button.setEnabled(self.history.can_forward())

    def _neighbour(self, step: int) -> str | None:
        """The previous/next visible stage in process order from the current one."""
        if self.current_stage_id is None:
            return None
        pos = self.order.index(self.current_stage_id)
        candidates = self.order[pos + 1:] if step > 0 else self.order[:pos][::-1]
        return next((s for s in candidates if self._visible(s)), None)

    def next_stage(self) -> None:
        target = self._neighbour(+1)
        if target:
            self.go_to(target)

    def previous_stage(self) -> None:
        target = self._neighbour(-1)
        if target:
            self.go_to(target)

    def take_branch(self, n: int) -> None:
        """Follow the n-th outgoing transition (1-based, branch order)."""
        if self.current_stage_id is None:
            return
        outgoing = self.process.outgoing(self.current_stage_id)
        if 1 <= n <= len(outgoing):
            self.go_to(outgoing[n - 1].target)

    def back(self) -> None:
        if self.history.can_back():
            self._show(self.history.back())

    def forward(self) -> None:
        if self.history.can_forward():
            self._show(self.history.forward())

    def _on_lane_filter_changed(self, _index: int) -> None:
        self._fill_navigator()
        self._on_search_changed(self.search_field.text())
        visible = self._visible_order()
        if self.current_stage_id not in visible:
            if visible:
                self.go_to(visible[0])
            else:
                self._show(None)
        else:
            self._show(self.current_stage_id)  # previous/next buttons follow the filter

    # ------------------------------------------------------------------ search
    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _on_search_typed(self, _text: str) -> None:
        """Search as the rep types; in big playbooks wait for a pause in typing first."""
        if len(self.order) > SEARCH_AS_YOU_TYPE_LIMIT:
            self._search_timer.start(SEARCH_PAUSE_MS)
        else:
            self._run_search()

    def _run_search(self) -> None:
        self._search_timer.stop()
        self._on_search_changed(self.search_field.text())

    def _on_search_changed(self, text: str) -> None:
        query = text.strip()
        if not query:
            self.side_stack.setCurrentWidget(self.navigator)
            self.results.clear()
            self._set_list_header()
            return
        rows = []
        matches = [m for m in search(self.process, query) if self._visible(m.stage_id)]
        for match in matches[:MAX_RESULTS]:
            stage = self.process.stage(match.stage_id)
            before, hit, after = snippet(match.text, query)
            rows.append(ResultRow(match.stage_id, self.labels.name(stage.name),
                                  self._lane_color(stage.lane),
                                  self.labels.fields.get(match.field, match.field),
                                  before, hit, after, match.text))
        self.results.set_rows(rows)
        self.side_stack.setCurrentWidget(self.results)
        self.list_header.setText(self.tr("Results: %1").replace("%1", str(len(matches))) if matches
                                 else self.tr("Nothing found"))

    def open_match(self, stage_id: str, text: str) -> None:
        """Show a search result's stage scrolled to what matched, highlighted (a script
        deep in the page, not the page's top)."""
        self.go_to(stage_id)
        if self.current_stage_id == stage_id:
            self.page.reveal(text, self.search_field.text().strip())

    def _on_search_return(self) -> None:
        if self._search_timer.isActive():
            self._run_search()
        self.results.activate_current()

    # ------------------------------------------------------------------ actions
    def copy_script(self, script: Script) -> None:
        """Put the script's body on the clipboard, exactly as written."""
        QApplication.clipboard().setText(script.body)
        title = " ".join(script.title.split())
        self.statusBar().showMessage(
            self.tr("Copied “%1” to the clipboard").replace("%1", title[:60]), 4000)

    def open_material(self, material: Material) -> None:
        try:
            url = self._opener.url_for(self.process, material)
        except MaterialError as exc:
            if exc.reason == "missing":
                text = self.tr("The embedded file for “%1” is missing.")
            else:
                text = self.tr("Cannot open “%1”: only web, mail and file links can be opened.")
            self.statusBar().showMessage(text.replace("%1", " ".join(exc.subject.split())), 8000)
            return
        except OSError as exc:
            self.statusBar().showMessage(self.tr("Cannot open the file: %1")
                                         .replace("%1", exc.strerror or str(exc)), 8000)
            return
        if not self.open_url(url):
            self.statusBar().showMessage(self.tr("No application could open this material."),
                                         8000)

    # ------------------------------------------------------------------ events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) and \
                isinstance(watched, QWidget) and watched.window() is self:
            if event.button() == Qt.MouseButton.BackButton:
                self.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        if watched is self.search_field and kind == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search_field.text():
                self.search_field.clear()
                return True
            if key == Qt.Key.Key_Down:
                target = self.results if self.search_field.text().strip() else self.navigator
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        """Side panels take a share of the width (the page keeps the most) until the rep
        drags the splitter; from then on their choice is kept."""
        super().resizeEvent(event)
        if self._auto_split:
            self._fit_splitter()

    def _fit_splitter(self) -> None:
        total = self.width() - 2 * self.splitter.handleWidth()
        side = max(180, min(290, int(total * 0.22)))
        route = max(200, min(330, int(total * 0.25)))
        self.splitter.blockSignals(True)
        self.splitter.setSizes([side, max(0, total - side - route), route])
        self.splitter.blockSignals(False)

    def _route_shown(self) -> bool:
        return self.splitter.sizes()[2] > 0 and not self.route.isHidden()

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        """The rep arranged the panels: keep their choice; with the route panel closed the
        page itself ends with the next steps."""
        self._auto_split = False
        if self.page.with_next_steps == self._route_shown() and self.current_stage_id:
            self._show(self.current_stage_id)

    def event(self, event: QEvent) -> bool:
        """Watch the whole application for mouse back/forward only while this window is active,
        so the editor never pays for a Python filter on its events."""
        kind = event.type()
        app = QApplication.instance()
        filtering = getattr(self, "_filtering_app", False)  # events can come before __init__ ends
        if kind == QEvent.Type.WindowActivate and app is not None and not filtering:
            app.installEventFilter(self)
            self._filtering_app = True
        elif kind == QEvent.Type.WindowDeactivate and app is not None and filtering:
            app.removeEventFilter(self)
            self._filtering_app = False
        return super().event(event)

    def showEvent(self, event) -> None:
        if not self._listening:
            self._listen(True)
            self.refresh()
        super().showEvent(event)

    def closeEvent(self, event) -> None:
        self._listen(False)
        self._opener.cleanup()
        super().closeEvent(event)
