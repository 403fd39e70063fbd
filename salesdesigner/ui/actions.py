"""The window's actions, menus (File, Edit, View, Insert, Process, Help) and toolbar.

Shortcuts use ``QKeySequence.StandardKey`` wherever the platform has a convention, so
they follow macOS, Windows and Linux habits.  Canvas editing actions (cut, copy, paste,
delete, select all, …) come from the canvas's one key table (:mod:`canvas.keys`) and are
bound to the canvas only, so the same keys keep working as text editing keys in the
inspector's fields.

Actions and menus are built once without text; :meth:`Actions.retranslate` names them, at
start and again whenever the UI language changes, so the menus switch language in place.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from salesdesigner.model.entities import StageKind
from salesdesigner.ui.canvas.keys import BINDINGS

if TYPE_CHECKING:
    from salesdesigner.ui.main_window import MainWindow

SK = QKeySequence.StandardKey


def plain_text(text: str) -> str:
    """A menu text without its mnemonic and ellipsis, for toolbar buttons:
    ``&Save`` → ``Save``, ``保存(&S)…`` → ``保存``."""
    text = re.sub(r"\s*\(&\w\)", "", text).replace("&&", "\0").replace("&", "")
    return text.replace("\0", "&").rstrip("…").rstrip(".").strip()


# Keys some platforms leave without a standard binding (Linux has none for Preferences;
# X11 none for Full Screen, offscreen none for Quit): the common habit instead.
FALLBACK_KEYS = {SK.Preferences: "Ctrl+,", SK.Quit: "Ctrl+Q", SK.FullScreen: "F11"}
# Keys another action of ours owns: X11 binds Ctrl+D to Delete, but Ctrl+D is Duplicate
# here, and one key on two actions triggers neither ("Ambiguous shortcut overload").
TAKEN_KEYS = {SK.Delete: ("Ctrl+D",)}
# Keys users bring from other systems: X11's Redo is Ctrl+Shift+Z only, but Ctrl+Y is what
# Windows (and most office software) taught everyone.
EXTRA_KEYS = {SK.Redo: ("Ctrl+Y",)}


def shortcut_keys(key: QKeySequence.StandardKey,
                  bindings: list[QKeySequence] | None = None) -> list[QKeySequence]:
    """The platform's ``bindings`` for a standard key, minus keys that another action owns,
    plus keys users expect from elsewhere, or the usual key when the platform has none."""
    if bindings is None:
        bindings = QKeySequence.keyBindings(key)
    taken = {QKeySequence(k) for k in TAKEN_KEYS.get(key, ())}
    keys = [k for k in bindings if k not in taken]
    keys += [QKeySequence(k) for k in EXTRA_KEYS.get(key, ()) if QKeySequence(k) not in keys]
    if not keys and key in FALLBACK_KEYS:
        keys = [QKeySequence(FALLBACK_KEYS[key])]
    return keys


def module_available(name: str) -> bool:
    """Whether an optional module is installed, without importing it (start-up cost)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    return spec is not None and spec.origin is not None


class Actions(QObject):
    """Creates every action of a :class:`MainWindow` and puts them in menus and a toolbar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menus: dict[str, QMenu] = {}
        self._build()
        self.retranslate()

    def event(self, event: QEvent) -> bool:
        # the window passes LanguageChange on to its child objects, this one included
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().event(event)

    def _action(self, slot: Callable[[], object] | None = None, *,
                shortcut: QKeySequence.StandardKey | str | None = None,
                icon: str | QStyle.StandardPixmap | None = None,
                canvas: bool = False) -> QAction:
        action = QAction(self.window)
        if shortcut is not None:
            if isinstance(shortcut, str):
                action.setShortcut(QKeySequence(shortcut))
            else:
                action.setShortcuts(shortcut_keys(shortcut))
        if isinstance(icon, str):
            action.setIcon(QIcon.fromTheme(icon))
        elif icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        if canvas:  # active only while the canvas has focus (fields keep their own keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.window.view.addAction(action)
        else:
            self.window.addAction(action)
        return action

    def _canvas_action(self, name: str) -> QAction:
        """The Edit menu's action for a canvas key binding (declared in canvas/keys.py):
        its first key is the shortcut, bound to the canvas only."""
        binding = BINDINGS[name]
        command = getattr(self.window.editor, binding.command)
        return self._action(lambda: command(*binding.args), shortcut=binding.keys[0],
                            canvas=True)

    def _build(self) -> None:
        w = self.window
        doc = w.document
        SP = QStyle.StandardPixmap
        action = self._action
        # File ---------------------------------------------------------------
        self.new = action(w.new_from_template, shortcut=SK.New, icon=SP.SP_FileIcon)
        self.open = action(doc.open_dialog, shortcut=SK.Open, icon=SP.SP_DialogOpenButton)
        self.save = action(doc.save, shortcut=SK.Save, icon=SP.SP_DialogSaveButton)
        self.save_as = action(doc.save_as, shortcut=SK.SaveAs)
        self.open_repository = action(w.open_from_repository)
        self.save_repository = action(w.save_to_repository)
        self.publish_repository = action(lambda: _repository(w, "publish_to_repository"))
        self.save_local_copy = action(lambda: _repository(w, "save_local_copy"))
        self.save_local_copy.setEnabled(False)  # a repository process only
        doc.pathChanged.connect(
            lambda: self.save_local_copy.setEnabled(doc.remote is not None))
        self.revert = action(doc.revert)
        self.import_json = action(lambda: doc.import_file("json"))
        self.import_csv = action(lambda: doc.import_file("csv"))
        self.import_actuals = action(doc.import_actuals, shortcut="Ctrl+Shift+I")
        self.remove_actuals = action(doc.remove_actuals)
        self.save_without_actuals = action(doc.save_copy_without_actuals)
        self.export_png = action(lambda: w.export("png"))
        self.export_svg = action(lambda: w.export("svg"))
        self.export_json = action(lambda: w.export("json"))
        self.export_graphml = action(lambda: w.export("graphml"))
        self.export_pdf = action(w.export_manual, shortcut=SK.Print)
        self.export_html = action(lambda: w.export("html"))
        self.preferences = action(w.show_preferences, shortcut=SK.Preferences)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit = action(w.quit_application, shortcut=SK.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        # Edit ---------------------------------------------------------------
        # our own Undo/Redo actions (not QUndoStack.createUndoAction, whose "Undo" prefix
        # is fixed when it is created) so that they can change language
        stack = w.undo_stack
        self.undo = action(stack.undo, shortcut=SK.Undo)
        self.undo.setIcon(QIcon.fromTheme("edit-undo", w.style().standardIcon(SP.SP_ArrowBack)))
        self.redo = action(stack.redo, shortcut=SK.Redo)
        self.redo.setIcon(QIcon.fromTheme("edit-redo",
                                          w.style().standardIcon(SP.SP_ArrowForward)))
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        # the texts come with the signals (the stack may be mid-destruction when they do)
        self._undo_what, self._redo_what = stack.undoText(), stack.redoText()
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        editor = w.editor
        self.cut, self.copy, self.paste, self.duplicate, self.delete, self.select_all, \
            self.rename = (self._canvas_action(name) for name in (
                "cut", "copy", "paste", "duplicate", "delete", "select_all", "rename"))
        self.find = action(w.show_find, shortcut=SK.Find)

        # View ---------------------------------------------------------------
        view = w.view
        self.zoom_in = action(view.zoom_in, shortcut=SK.ZoomIn)
        self.zoom_out = action(view.zoom_out, shortcut=SK.ZoomOut)
        self.zoom_reset = action(view.zoom_reset, shortcut="Ctrl+0")
        self.zoom_fit = action(view.zoom_fit, shortcut="Ctrl+9")
        self.full_screen = action(w.toggle_full_screen, shortcut=SK.FullScreen)
        self.playbook = action(w.show_playbook, shortcut="Ctrl+Shift+B")
        self.reset_layout = action(w.reset_layout)
        self.performance_overlay = action(shortcut="Ctrl+Shift+P")
        self.dashboard = action()
        w.performance_views.bind(self.performance_overlay, self.dashboard)
        self.discovered_flow = action(shortcut="Ctrl+Shift+D")
        w.discovery_views.bind(self.discovered_flow, self.performance_overlay)
        self.top_performers = action()
        w.performance_views.bind_owners(self.top_performers)

        # Insert -------------------------------------------------------------
        keys = {StageKind.STAGE: "Ctrl+Alt+S", StageKind.DECISION: "Ctrl+Alt+D"}
        self.insert: dict[StageKind, QAction] = {
            kind: action(lambda k=kind: w.insert_stage(k), shortcut=keys.get(kind))
            for kind in (StageKind.STAGE, StageKind.DECISION, StageKind.START, StageKind.WON,
                         StageKind.LOST, StageKind.END)}
        self.add_lane = action(lambda: editor.add_lane(), shortcut="Ctrl+Alt+L")

        # Process ------------------------------------------------------------
        self.auto_layout = action(editor.auto_layout, shortcut="Ctrl+Shift+L")
        self.align = {how: action(lambda h=how: editor.align_selection(h))
                      for how in ("left", "hcenter", "right", "top", "vcenter", "bottom")}
        self.distribute = {how: action(lambda h=how: editor.distribute_selection(h))
                           for how in ("horizontal", "vertical")}
        self.validate = action(w.validate_now, shortcut="F7")
        self.plan = action(lambda: _show_plan(w))
        self.publish_revision = action(w.publish_revision)
        self.revisions = action(w.show_revisions)
        self.compare_file = action(w.compare_with_file)
        self.compare_revision = action(lambda: w.compare_with_revision())

        # Help ---------------------------------------------------------------
        self.about = action(w.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = action(w.show_about_qt)
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

        self.export_pdf.setEnabled(module_available("salesdesigner.export.pdf"))
        self.export_html.setEnabled(module_available("salesdesigner.export.html"))
        self._build_menus()
        self._build_toolbar()

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        file = self.menus["file"] = bar.addMenu("")
        file.addActions([self.new, self.open])
        self.recent_menu = file.addMenu("")
        self.recent_menu.aboutToShow.connect(self.window.fill_recent_menu)
        file.addSeparator()
        file.addActions([self.save, self.save_as, self.revert])
        file.addSeparator()
        file.addActions([self.open_repository, self.save_repository,
                         self.publish_repository, self.save_local_copy])
        file.addSeparator()
        self.import_menu = file.addMenu("")
        self.import_menu.addActions([self.import_json, self.import_csv])
        file.addActions([self.import_actuals, self.remove_actuals, self.save_without_actuals])
        self.export_menu = exports = file.addMenu("")
        exports.addActions([self.export_png, self.export_svg])
        exports.addSeparator()
        exports.addActions([self.export_json, self.export_graphml])
        exports.addSeparator()
        exports.addActions([self.export_pdf, self.export_html])
        file.addSeparator()
        file.addAction(self.preferences)
        file.addSeparator()
        file.addAction(self.quit)

        edit = self.menus["edit"] = bar.addMenu("")
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste, self.duplicate, self.delete])
        edit.addSeparator()
        edit.addActions([self.select_all, self.rename, self.find])

        view = self.menus["view"] = bar.addMenu("")
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset, self.zoom_fit])
        view.addSeparator()
        self.panels_menu = view.addMenu("")
        view.addAction(self.reset_layout)
        view.addSeparator()
        view.addActions([self.performance_overlay, self.dashboard, self.discovered_flow])
        view.addAction(self.top_performers)
        view.addSeparator()
        view.addAction(self.playbook)
        view.addAction(self.full_screen)

        insert = self.menus["insert"] = bar.addMenu("")
        insert.addActions(list(self.insert.values()))
        insert.addSeparator()
        insert.addAction(self.add_lane)

        process = self.menus["process"] = bar.addMenu("")
        process.addAction(self.auto_layout)
        self.align_menu = align = process.addMenu("")
        align.addActions(list(self.align.values())[:3])
        align.addSeparator()
        align.addActions(list(self.align.values())[3:])
        self.distribute_menu = process.addMenu("")
        self.distribute_menu.addActions(list(self.distribute.values()))
        process.addSeparator()
        process.addAction(self.validate)
        process.addAction(self.plan)
        process.addSeparator()
        process.addActions([self.publish_revision, self.revisions])
        process.addActions([self.compare_revision, self.compare_file])

        help_menu = self.menus["help"] = bar.addMenu("")
        help_menu.addActions([self.about, self.about_qt])

    def _build_toolbar(self) -> None:
        bar = self.toolbar = QToolBar(self.window)
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        self.window.addToolBar(bar)
        for action in (self.new, self.open, self.save):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.undo, self.redo):
            bar.addAction(action)
        bar.addSeparator()
        for kind in (StageKind.STAGE, StageKind.DECISION):
            bar.addAction(self.insert[kind])
        bar.addAction(self.add_lane)
        bar.addSeparator()
        bar.addAction(self.auto_layout)
        bar.addAction(self.zoom_fit)
        bar.addSeparator()
        bar.addAction(self.validate)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        """(Re)name every action, menu and the toolbar in the current UI language."""
        named: list[tuple[QAction, str, str]] = [
            (self.new, self.tr("&New…"), self.tr("Start a new process from a template")),
            (self.open, self.tr("&Open…"), self.tr("Open a document")),
            (self.save, self.tr("&Save"), self.tr("Save the document")),
            (self.save_as, self.tr("Save &As…"), ""),
            (self.open_repository, self.tr("Open from &Team Repository…"),
             self.tr("Open a process from the team's PostgreSQL repository")),
            (self.save_repository, self.tr("Save to Team &Repository"),
             self.tr("Save this process to the team repository (a local document is "
                     "uploaded as a new process)")),
            (self.publish_repository, self.tr("P&ublish to Team Repository…"),
             self.tr("Publish this process as its next revision: the version trainers and "
                     "reps see")),
            (self.save_local_copy, self.tr("Save a &Local Copy…"),
             self.tr("Write this team repository process to a .salesdesign file (the window "
                     "keeps saving to the repository)")),
            (self.revert, self.tr("Re&vert to Saved"), ""),
            (self.import_json, self.tr("&JSON…"), ""),
            (self.import_csv, self.tr("&CSV Stage List…"), ""),
            (self.import_actuals, self.tr("Import A&ctuals…"),
             self.tr("Add the deal history from a CRM export (CSV or Excel): preview first")),
            (self.remove_actuals, self.tr("Remove Ac&tuals…"),
             self.tr("Remove the deal history imported from the CRM (before sharing the file)")),
            (self.save_without_actuals, self.tr("Save a Cop&y Without Actuals…"),
             self.tr("Write a copy of this document without the deal history, to hand to "
                     "reps; this document keeps it")),
            (self.export_png, self.tr("Diagram as &PNG…"), ""),
            (self.export_svg, self.tr("Diagram as &SVG…"), ""),
            (self.export_json, self.tr("&JSON…"), ""),
            (self.export_graphml, self.tr("&GraphML…"), ""),
            (self.export_pdf, self.tr("&Manual (PDF)…"), ""),
            (self.export_html, self.tr("Play&book (HTML)…"), ""),
            (self.preferences, self.tr("&Preferences…"), ""),
            (self.quit, self.tr("&Quit"), ""),
            (self.cut, self.tr("Cu&t"), ""),
            (self.copy, self.tr("&Copy"), ""),
            (self.paste, self.tr("&Paste"), ""),
            (self.duplicate, self.tr("D&uplicate"), ""),
            (self.delete, self.tr("&Delete"), ""),
            (self.select_all, self.tr("Select &All"), ""),
            (self.rename, self.tr("Re&name"), ""),
            (self.find, self.tr("&Find…"), ""),
            (self.zoom_in, self.tr("Zoom &In"), ""),
            (self.zoom_out, self.tr("Zoom &Out"), ""),
            (self.zoom_reset, self.tr("&Actual Size"), ""),
            (self.zoom_fit, self.tr("&Fit to Window"), ""),
            (self.full_screen, self.tr("F&ull Screen"), ""),
            (self.reset_layout, self.tr("&Reset Layout"),
             self.tr("Put the panels and the toolbar back where they were at first")),
            (self.performance_overlay, self.tr("Performance &Overlay"),
             self.tr("Colour the stages and arrows by what the deal history says")),
            (self.dashboard, self.tr("&Dashboard"),
             self.tr("The funnel, KPI trends, the bottleneck and stalled deals")),
            (self.top_performers, self.tr("&Top Performers"),
             self.tr("Each owner against the team per stage: differences chance hardly "
                     "explains, made into tips for everyone")),
            (self.playbook, self.tr("&Playbook"),
             self.tr("Read the process as a rep would, read-only")),
            (self.insert[StageKind.STAGE], self.tr("&Stage"), ""),
            (self.insert[StageKind.DECISION], self.tr("&Decision"), ""),
            (self.insert[StageKind.START], self.tr("S&tart"), ""),
            (self.insert[StageKind.WON], self.tr("&Won"), ""),
            (self.insert[StageKind.LOST], self.tr("&Lost"), ""),
            (self.insert[StageKind.END], self.tr("&End"), ""),
            (self.add_lane, self.tr("L&ane"), ""),
            (self.auto_layout, self.tr("&Auto Layout"),
             self.tr("Arrange the stages left to right")),
            (self.align["left"], self.tr("&Left"), ""),
            (self.align["hcenter"], self.tr("&Centre"), ""),
            (self.align["right"], self.tr("&Right"), ""),
            (self.align["top"], self.tr("&Top"), ""),
            (self.align["vcenter"], self.tr("&Middle"), ""),
            (self.align["bottom"], self.tr("&Bottom"), ""),
            (self.distribute["horizontal"], self.tr("&Horizontally"), ""),
            (self.distribute["vertical"], self.tr("&Vertically"), ""),
            (self.validate, self.tr("&Check Process"), self.tr("Show the validation panel")),
            (self.plan, self.tr("Pla&n…"),
             self.tr("Work the goal back through the process: the deals and the daily "
                     "activity it needs")),
            (self.publish_revision, self.tr("&Publish Revision…"),
             self.tr("Save the document and keep this version of the process in it")),
            (self.revisions, self.tr("Re&visions…"),
             self.tr("The published revisions: open one read-only or restore it")),
            (self.compare_revision, self.tr("Compare With &Last Revision"),
             self.tr("Show what changed in the draft since the latest published revision")),
            (self.compare_file, self.tr("Compare With &File…"),
             self.tr("Show what changed between this document and another version")),
            (self.about, self.tr("&About SalesDesigner"), ""),
            (self.about_qt, self.tr("About &Qt"), ""),
        ]
        for action, text, tip in named:
            action.setText(text)
            action.setStatusTip(tip)
            action.setToolTip(tip or plain_text(text))
        self.window.performance_views.update_enabled()  # disabled ones say why
        self.window.discovery_views.retranslate()
        for action in (self.new, self.open, self.save, self.add_lane, self.auto_layout,
                       self.zoom_fit, self.validate, *self.insert.values()):
            action.setIconText(plain_text(action.text()))
        # the menu text names the command ("Undo Rename Stage"); the button stays short
        self.undo.setIconText(self.tr("Undo"))
        self.redo.setIconText(self.tr("Redo"))
        stack = self.window.undo_stack  # the window may have renamed the steps
        self._undo_what, self._redo_what = stack.undoText(), stack.redoText()
        self._name_undo_redo()

        for key, title in (("file", self.tr("&File")), ("edit", self.tr("&Edit")),
                           ("view", self.tr("&View")),
                           ("insert", self.tr("&Insert")), ("process", self.tr("&Process")),
                           ("help", self.tr("&Help"))):
            self.menus[key].setTitle(title)
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.import_menu.setTitle(self.tr("&Import"))
        self.export_menu.setTitle(self.tr("&Export"))
        self.panels_menu.setTitle(self.tr("&Panels"))
        self.align_menu.setTitle(self.tr("A&lign"))
        self.distribute_menu.setTitle(self.tr("&Distribute"))
        self.toolbar.setWindowTitle(self.tr("Main Toolbar"))

    def _undo_text_changed(self, text: str) -> None:
        self._undo_what = text
        self._name_undo_redo()

    def _redo_text_changed(self, text: str) -> None:
        self._redo_what = text
        self._name_undo_redo()

    def _name_undo_redo(self) -> None:
        """"Undo <what>" / "Redo <what>" for the commands next in line."""
        for action, prefix, what in ((self.undo, self.tr("&Undo"), self._undo_what),
                                     (self.redo, self.tr("&Redo"), self._redo_what)):
            text = f"{prefix} {what}" if what else prefix
            action.setText(text)
            action.setToolTip(plain_text(text))


def _repository(window, name: str) -> object:  # type: ignore[no-untyped-def]
    """A File menu team repository command, loaded on first use (not at start-up)."""
    import salesdesigner.ui.repository as repository
    return getattr(repository, name)(window)


def _show_plan(window) -> None:  # type: ignore[no-untyped-def]
    """Process ▸ Plan…, loaded on first use (start-up never imports the plan)."""
    from salesdesigner.ui.plan import show_plan
    show_plan(window)
