"""Materials of a stage: links, and files embedded in the document as attachments.

Attaching a file is one undo step (a macro: the attachment plus the new material).
Opening writes an embedded file to a private temporary folder and hands it to the
desktop; links open only for web and mail addresses, never arbitrary local paths.
"""

from __future__ import annotations

import mimetypes
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolButton, QWidget

from salesdesigner.edits import AddAttachment, Compound, SetStage, name
from salesdesigner.model.entities import Attachment, Material
from salesdesigner.model.ids import new_id
from salesdesigner.ui.attachment_files import copy_out
from salesdesigner.ui.inspector.context import EditContext
from salesdesigner.ui.inspector.records import FieldSpec, RecordListEditor

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
SAFE_SCHEMES = ("http", "https", "mailto")


def write_attachment_to_temp(attachment: Attachment) -> Path:
    """The attachment as a file the desktop can open (a fresh private folder each time)."""
    folder = Path(tempfile.mkdtemp(prefix="salesdesigner-"))
    return copy_out(attachment, folder)


class MaterialsEditor(RecordListEditor):
    def __init__(self, ctx: EditContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, "materials", self._fields(),
            make_new=lambda: Material(ctx.new_name("new_link"), "https://"),
            title_of=self._describe, item_name=self.tr("Material"), parent=parent)
        self.attach_button = QToolButton()
        self.attach_button.clicked.connect(self.attach_file_dialog)
        self.open_button = QToolButton()
        self.open_button.clicked.connect(self.open_current)
        self.buttons.insertWidget(1, self.attach_button)
        self.buttons.insertWidget(self.buttons.count() - 1, self.open_button)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_current())
        self.retranslate()
        self._update_enabled()

    def _fields(self) -> list[FieldSpec]:
        return [FieldSpec("title", self.tr("Title:")),
                FieldSpec("uri", self.tr("Link:"), placeholder="https://…"),
                FieldSpec("note", self.tr("Note:"), multiline=True)]

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "attach_button"):
            return  # the base class's constructor: the fields are named already
        self.retitle(self._fields(), name("Material", "MaterialsEditor"))
        self.add_button.setText(self.tr("Add Link"))
        self.add_button.setToolTip(self.tr("Add Link"))
        self.attach_button.setText(self.tr("Attach File…"))
        self.open_button.setText(self.tr("Open"))

    def _describe(self, material: Material) -> str:
        if material.attachment_id:
            return f"📎 {material.title}"
        return f"🔗 {material.title}"

    def _update_enabled(self) -> None:
        super()._update_enabled()
        if hasattr(self, "attach_button"):
            self.attach_button.setEnabled(self.ctx.stage() is not None)
            self.open_button.setEnabled(self.current_record() is not None)
            record = self.current_record()
            self.editors["uri"].setReadOnly(bool(record and record.attachment_id))

    # ------------------------------------------------------------------ attach
    def attach_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach File"))
        if path:
            self.attach_file(path)

    def attach_file(self, path: str) -> bool:
        """Embed the file at ``path`` and add a material pointing to it, as one undo step."""
        stage = self.ctx.stage()
        if stage is None:
            return False
        try:
            size = Path(path).stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                raise OSError(0, self.tr("the file is larger than 200 MB"), path)
            data = Path(path).read_bytes()
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Cannot Attach File"),
                                 f"{exc.filename or path}: {exc.strerror or exc}")
            return False
        filename = Path(path).name
        attachment = Attachment(new_id("attachment"), filename, data,
                                mimetypes.guess_type(filename)[0] or "application/octet-stream")
        material = Material(Path(filename).stem or filename,
                            Material.ATTACHMENT_PREFIX + attachment.id)
        self._pending_row = len(self._records)
        return self.ctx.push(Compound((
            AddAttachment(attachment),
            SetStage(stage.id, {"materials": stage.materials + (material,)})),
            name=name("Attach File", "MaterialsEditor")))

    # ------------------------------------------------------------------ open
    def open_current(self) -> bool:
        material = self.current_record()
        if material is None:
            return False
        if material.attachment_id:
            process = self.ctx.process
            if material.attachment_id not in process.attachments:
                QMessageBox.warning(self, self.tr("Cannot Open"),
                                    self.tr("The attached file is missing from the document."))
                return False
            try:
                path = write_attachment_to_temp(process.attachment(material.attachment_id))
            except OSError as exc:
                QMessageBox.critical(self, self.tr("Cannot Open"), str(exc.strerror or exc))
                return False
            return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        url = QUrl(material.uri.strip())
        if not url.isValid() or url.scheme().lower() not in SAFE_SCHEMES:
            QMessageBox.warning(self, self.tr("Cannot Open"),
                                self.tr("Only web (http, https) and mail links can be opened."))
            return False
        return QDesktopServices.openUrl(url)
