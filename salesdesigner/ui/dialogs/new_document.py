"""File ▸ New: choose a template (with a live preview of its diagram) or a blank document."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.errors import UserError
from salesdesigner.model.process import Process
from salesdesigner.ui.i18n import current_language

BLANK = ("", "")
KEY_ROLE = Qt.ItemDataRole.UserRole
ENTRY_PADDING = 10


def entry_line_height(font: QFont) -> int:
    """The tallest line spacing among ``font``'s families (its CJK fallbacks included)."""
    heights = [QFontMetrics(font).lineSpacing()]
    for family in font.families():
        other = QFont(font)
        other.setFamilies([family])
        heights.append(QFontMetrics(other).lineSpacing())
    return max(heights)


class NewDocumentDialog(QDialog):
    """Lists the blank document and every installed template; previews the selected one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Document"))
        self.resize(980, 600)
        self._cache: dict[tuple[str, str], Process] = {}
        self._preview_scene = None
        self._preview_view = None
        self._stack = QUndoStack(self)

        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        blank = QListWidgetItem(self.tr("Blank document"))
        blank.setData(KEY_ROLE, BLANK)
        self.list.addItem(blank)
        from salesdesigner.storage.templates import available_templates
        lang = current_language()
        try:
            templates = available_templates()
        except (UserError, OSError):
            templates = []
        # the UI language's templates first
        templates.sort(key=lambda t: (t[1] != lang,))
        for name, language, title in templates:
            item = QListWidgetItem(f"{title}\n{self._language_name(language)}")
            item.setData(KEY_ROLE, (name, language))
            self.list.addItem(item)
        self._fit_item_heights()
        self.list.currentItemChanged.connect(lambda *_: self._show_preview())
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())

        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_box = QVBoxLayout()
        self.placeholder = QLabel(self.tr("An empty canvas: add stages from the Insert menu."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_box.addWidget(self.placeholder, 1)
        self.preview_box.addWidget(self.description)
        right = QWidget()
        right.setLayout(self.preview_box)

        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.list.setCurrentRow(1 if self.list.count() > 1 else 0)

    def _fit_item_heights(self) -> None:
        """Room for every line of an entry in the tallest font it may be drawn with: the
        list sizes rows by the first font, so a Japanese title (drawn with a taller CJK
        fallback) lost its language line and was cut to "…" without this."""
        line = entry_line_height(self.list.font())
        for row in range(self.list.count()):
            item = self.list.item(row)
            lines = item.text().count("\n") + 1
            item.setSizeHint(QSize(0, lines * line + ENTRY_PADDING))

    def _language_name(self, language: str) -> str:
        return {"ja": self.tr("Japanese"), "en": self.tr("English")}.get(language, language)

    def selected_key(self) -> tuple[str, str]:
        item = self.list.currentItem()
        if item is None:
            return BLANK
        name, language = item.data(KEY_ROLE)
        return name, language

    def _template(self, key: tuple[str, str]) -> Process | None:
        if key == BLANK:
            return None
        if key not in self._cache:
            from salesdesigner.storage.templates import load_template
            self._cache[key] = load_template(*key)
        return self._cache[key]

    def _show_preview(self) -> None:
        from salesdesigner.ui.canvas.scene import ProcessScene
        from salesdesigner.ui.canvas.view import ProcessView
        key = self.selected_key()
        try:
            process = self._template(key)
        except (UserError, OSError) as exc:
            self.description.setText(str(exc))
            return
        if self._preview_view is not None:
            self._preview_scene.detach()
            self._preview_view.setParent(None)
            self._preview_view.deleteLater()
            self._preview_view = self._preview_scene = None
        if process is None:
            self.placeholder.show()
            self.description.setText(self.tr("Start from nothing."))
            return
        self.placeholder.hide()
        preview = process.copy()  # the preview's scene must never touch the cached template
        self._preview_scene = ProcessScene(preview, self)  # a picture: no editor
        self._preview_view = ProcessView(self._preview_scene)
        self._preview_view.setInteractive(False)
        for policy in (self._preview_view.setHorizontalScrollBarPolicy,
                       self._preview_view.setVerticalScrollBarPolicy):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # a fitted picture, not a canvas
        self._preview_view.setMinimumSize(420, 300)
        self.preview_box.insertWidget(0, self._preview_view, 1)
        self.description.setText(process.description)
        QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        if self._preview_view is not None:
            self._preview_view.zoom_fit()

    def create_process(self) -> Process | None:
        """A fresh document from the chosen entry (new id), or a blank one."""
        key = self.selected_key()
        if key == BLANK:
            return Process(name=self.tr("Untitled process"), language=current_language())
        from salesdesigner.storage.templates import load_template
        try:
            return load_template(*key, fresh_id=True)
        except (UserError, OSError):
            return None

    def done(self, result: int) -> None:
        if self._preview_scene is not None:
            self._preview_scene.detach()
        super().done(result)
