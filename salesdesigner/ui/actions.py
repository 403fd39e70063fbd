"""The window's actions, menus (File, Edit, View, Insert, Process, Help) and toolbar.

Shortcuts use ``QKeySequence.StandardKey`` wherever the platform has a convention, so
they follow macOS, Windows and Linux habits.  Canvas editing actions (cut, copy, paste,
delete, select all, …) are bound to the canvas only, so the same keys keep working as
text editing keys in the inspector's fields.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from salesdesigner.model.entities import StageKind

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

    def _action(self, text: str, slot: Callable[[], object] | None = None, *,
                shortcut: QKeySequence.StandardKey | str | None = None,
                icon: str | QStyle.StandardPixmap | None = None,
                canvas: bool = False, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            if isinstance(shortcut, str):
                action.setShortcut(QKeySequence(shortcut))
            else:
                action.setShortcuts(shortcut_keys(shortcut))
        if isinstance(icon, str):
            action.setIcon(QIcon.fromTheme(icon))
        elif icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        if canvas:  # active only while the canvas has focus (fields keep their own keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.window.view.addAction(action)
        else:
            self.window.addAction(action)
        return action

    def _build(self) -> None:
        w = self.window
        doc = w.document
        SP = QStyle.StandardPixmap
        # File ---------------------------------------------------------------
        self.new = self._action(self.tr("&New…"), w.new_from_template, shortcut=SK.New,
                                icon=SP.SP_FileIcon,
                                tip=self.tr("Start a new process from a template"))
        self.open = self._action(self.tr("&Open…"), doc.open_dialog, shortcut=SK.Open,
                                 icon=SP.SP_DialogOpenButton, tip=self.tr("Open a document"))
        self.save = self._action(self.tr("&Save"), doc.save, shortcut=SK.Save,
                                 icon=SP.SP_DialogSaveButton, tip=self.tr("Save the document"))
        self.save_as = self._action(self.tr("Save &As…"), doc.save_as, shortcut=SK.SaveAs)
        self.revert = self._action(self.tr("Re&vert to Saved"), doc.revert)
        self.import_json = self._action(self.tr("&JSON…"), lambda: doc.import_file("json"))
        self.import_csv = self._action(self.tr("&CSV Stage List…"),
                                       lambda: doc.import_file("csv"))
        self.export_png = self._action(self.tr("Diagram as &PNG…"), lambda: w.export("png"))
        self.export_svg = self._action(self.tr("Diagram as &SVG…"), lambda: w.export("svg"))
        self.export_json = self._action(self.tr("&JSON…"), lambda: w.export("json"))
        self.export_graphml = self._action(self.tr("&GraphML…"), lambda: w.export("graphml"))
        self.export_pdf = self._action(self.tr("&Manual (PDF)…"), w.export_manual,
                                       shortcut=SK.Print)
        self.export_html = self._action(self.tr("Play&book (HTML)…"), lambda: w.export("html"))
        self.preferences = self._action(self.tr("&Preferences…"), w.show_preferences,
                                        shortcut=SK.Preferences)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit = self._action(self.tr("&Quit"), w.close, shortcut=SK.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        # Edit ---------------------------------------------------------------
        self.undo = w.undo_stack.createUndoAction(self.window, self.tr("&Undo"))
        self.undo.setShortcuts(shortcut_keys(SK.Undo))
        self.undo.setIcon(QIcon.fromTheme("edit-undo", w.style().standardIcon(SP.SP_ArrowBack)))
        self.redo = w.undo_stack.createRedoAction(self.window, self.tr("&Redo"))
        self.redo.setShortcuts(shortcut_keys(SK.Redo))
        self.redo.setIcon(QIcon.fromTheme("edit-redo",
                                          w.style().standardIcon(SP.SP_ArrowForward)))
        self.window.addAction(self.undo)
        self.window.addAction(self.redo)
        scene = w.scene
        self.cut = self._action(self.tr("Cu&t"), scene.cut_selection, shortcut=SK.Cut, canvas=True)
        self.copy = self._action(self.tr("&Copy"), scene.copy_selection, shortcut=SK.Copy,
                                 canvas=True)
        self.paste = self._action(self.tr("&Paste"), scene.paste, shortcut=SK.Paste, canvas=True)
        self.duplicate = self._action(self.tr("D&uplicate"), scene.duplicate_selection,
                                      shortcut="Ctrl+D", canvas=True)
        self.delete = self._action(self.tr("&Delete"), scene.delete_selection,
                                   shortcut=SK.Delete, canvas=True)
        self.select_all = self._action(self.tr("Select &All"), scene.select_all,
                                       shortcut=SK.SelectAll, canvas=True)
        self.rename = self._action(self.tr("Re&name"), scene.rename_selected, shortcut="F2",
                                   canvas=True)
        self.find = self._action(self.tr("&Find…"), w.show_find, shortcut=SK.Find)

        # View ---------------------------------------------------------------
        view = w.view
        self.zoom_in = self._action(self.tr("Zoom &In"), view.zoom_in, shortcut=SK.ZoomIn)
        self.zoom_out = self._action(self.tr("Zoom &Out"), view.zoom_out, shortcut=SK.ZoomOut)
        self.zoom_reset = self._action(self.tr("&Actual Size"), view.zoom_reset,
                                       shortcut="Ctrl+0")
        self.zoom_fit = self._action(self.tr("&Fit to Window"), view.zoom_fit,
                                     shortcut="Ctrl+9")
        self.full_screen = self._action(self.tr("F&ull Screen"), w.toggle_full_screen,
                                        shortcut=SK.FullScreen)
        self.playbook = self._action(self.tr("&Playbook"), w.show_playbook,
                                     shortcut="Ctrl+Shift+B",
                                     tip=self.tr("Read the process as a rep would, read-only"))

        # Insert -------------------------------------------------------------
        self.insert: dict[StageKind, QAction] = {
            StageKind.STAGE: self._action(self.tr("&Stage"),
                                          lambda: w.insert_stage(StageKind.STAGE),
                                          shortcut="Ctrl+Alt+S"),
            StageKind.DECISION: self._action(self.tr("&Decision"),
                                             lambda: w.insert_stage(StageKind.DECISION),
                                             shortcut="Ctrl+Alt+D"),
            StageKind.START: self._action(self.tr("S&tart"),
                                          lambda: w.insert_stage(StageKind.START)),
            StageKind.WON: self._action(self.tr("&Won"), lambda: w.insert_stage(StageKind.WON)),
            StageKind.LOST: self._action(self.tr("&Lost"), lambda: w.insert_stage(StageKind.LOST)),
            StageKind.END: self._action(self.tr("&End"), lambda: w.insert_stage(StageKind.END)),
        }
        self.add_lane = self._action(self.tr("L&ane"), lambda: scene.add_lane(),
                                     shortcut="Ctrl+Alt+L")

        # Process ------------------------------------------------------------
        self.auto_layout = self._action(self.tr("&Auto Layout"), scene.auto_layout,
                                        shortcut="Ctrl+Shift+L",
                                        tip=self.tr("Arrange the stages left to right"))
        self.align = {how: self._action(text, lambda h=how: scene.align_selection(h))
                      for how, text in (("left", self.tr("&Left")),
                                        ("hcenter", self.tr("&Centre")),
                                        ("right", self.tr("&Right")),
                                        ("top", self.tr("&Top")),
                                        ("vcenter", self.tr("&Middle")),
                                        ("bottom", self.tr("&Bottom")))}
        self.distribute = {
            "horizontal": self._action(self.tr("&Horizontally"),
                                       lambda: scene.distribute_selection("horizontal")),
            "vertical": self._action(self.tr("&Vertically"),
                                     lambda: scene.distribute_selection("vertical"))}
        self.validate = self._action(self.tr("&Check Process"), w.validate_now, shortcut="F7",
                                     tip=self.tr("Show the validation panel"))

        # Help ---------------------------------------------------------------
        self.about = self._action(self.tr("&About SalesDesigner"), w.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = self._action(self.tr("About &Qt"), w.show_about_qt)
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

        self.export_pdf.setEnabled(module_available("salesdesigner.export.pdf"))
        self.export_html.setEnabled(module_available("salesdesigner.export.html"))
        self._build_menus()
        self._build_toolbar()

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        file = self.menus["file"] = bar.addMenu(self.tr("&File"))
        file.addActions([self.new, self.open])
        self.recent_menu = file.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self.window.fill_recent_menu)
        file.addSeparator()
        file.addActions([self.save, self.save_as, self.revert])
        file.addSeparator()
        imports = file.addMenu(self.tr("&Import"))
        imports.addActions([self.import_json, self.import_csv])
        exports = file.addMenu(self.tr("&Export"))
        exports.addActions([self.export_png, self.export_svg])
        exports.addSeparator()
        exports.addActions([self.export_json, self.export_graphml])
        exports.addSeparator()
        exports.addActions([self.export_pdf, self.export_html])
        file.addSeparator()
        file.addAction(self.preferences)
        file.addSeparator()
        file.addAction(self.quit)

        edit = self.menus["edit"] = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste, self.duplicate, self.delete])
        edit.addSeparator()
        edit.addActions([self.select_all, self.rename, self.find])

        view = self.menus["view"] = bar.addMenu(self.tr("&View"))
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset, self.zoom_fit])
        view.addSeparator()
        self.panels_menu = view.addMenu(self.tr("&Panels"))
        view.addSeparator()
        view.addAction(self.playbook)
        view.addAction(self.full_screen)

        insert = self.menus["insert"] = bar.addMenu(self.tr("&Insert"))
        insert.addActions(list(self.insert.values()))
        insert.addSeparator()
        insert.addAction(self.add_lane)

        process = self.menus["process"] = bar.addMenu(self.tr("&Process"))
        process.addAction(self.auto_layout)
        align = process.addMenu(self.tr("A&lign"))
        align.addActions(list(self.align.values())[:3])
        align.addSeparator()
        align.addActions(list(self.align.values())[3:])
        distribute = process.addMenu(self.tr("&Distribute"))
        distribute.addActions(list(self.distribute.values()))
        process.addSeparator()
        process.addAction(self.validate)

        help_menu = self.menus["help"] = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.about, self.about_qt])

    def _build_toolbar(self) -> None:
        bar = self.toolbar = QToolBar(self.tr("Main Toolbar"), self.window)
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        self.window.addToolBar(bar)
        for action in (self.new, self.open, self.save, self.add_lane, self.auto_layout,
                       self.zoom_fit, self.validate, *self.insert.values()):
            action.setIconText(plain_text(action.text()))
        for action in (self.new, self.open, self.save):
            bar.addAction(action)
        bar.addSeparator()
        # the menu text names the command ("Undo Rename Stage"); the button stays short
        self.undo.setIconText(self.tr("Undo"))
        self.redo.setIconText(self.tr("Redo"))
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
