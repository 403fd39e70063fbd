"""The Top performers dock (View ▸ Top Performers): each owner × stage against the rest of
the team, the cells whose difference chance hardly explains highlighted, one sentence per
finding, and "make it a tip for everyone" (a tip, note or script draft on the stage, one
undo step through the window's editor).

Owner names are shown here, in the designer, and nowhere else unless the manager says so:
exporting or printing the comparison first asks whether to write "Rep A", "Rep B" instead.
The comparison (:mod:`salesdesigner.model.discovery.owners`) runs on a worker thread on a
copy of the process for a large history; the model loads when the dock first opens.
Words about stages come from the presentation catalogue in the UI language (as the
dashboard's); tip drafts in the document's language, since they go into the document.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model import events as ev
from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process
from salesdesigner.ui.i18n import current_language
from salesdesigner.ui.performance.work_job import WorkJob

if TYPE_CHECKING:
    from salesdesigner.edits import Edit
    from salesdesigner.model.discovery.owners import Comparison, OwnerComparison

#: histories with more events than this are compared off the GUI thread
LARGE = 2_000
HIGHER = QColor("#D1FADF")   # an owner ahead of the team (green)
LOWER = QColor("#FEE4E2")    # behind it (red)
ROLE_FINDING = 256           # Qt.UserRole: the finding's index in comparison.findings
_RECOMPUTE_FIELDS = {"name", "kind"}


def _compare(process: Process) -> OwnerComparison:
    from salesdesigner.model.discovery.owners import compare_owners
    return compare_owners(process, process.actuals.events)


class OwnersView(QWidget):
    """The dock's contents for one window's document; ``push`` applies an edit as one
    undo step (the window's editor)."""

    failed = Signal(str)

    def __init__(self, process: Process, push: Callable[[Edit], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topPerformers")
        self.process, self._push = process, push
        self.comparison: OwnerComparison | None = None
        self._stale, self._generation = True, 0
        self._jobs: set[WorkJob] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        self.method = QLabel()
        self.method.setWordWrap(True)
        self.method.setStyleSheet("color: #475467;")
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("ownerTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.findings_title = QLabel()
        self.findings_title.setStyleSheet("font-weight: bold; margin-top: 6px;")
        self.findings = QListWidget()
        self.findings.setObjectName("ownerFindings")
        self.findings.setWordWrap(True)
        self.findings.currentRowChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        self.share = QPushButton()
        self.share.setObjectName("makeItATip")
        self.share_menu = QMenu(self)
        self.share_actions = {kind: self.share_menu.addAction("") for kind in
                              ("tip", "note", "script")}
        for kind, action in self.share_actions.items():
            action.triggered.connect(lambda _=False, k=kind: self.share_finding(k))
        self.share.setMenu(self.share_menu)
        self.export_button, self.print_button = QPushButton(), QPushButton()
        self.export_button.clicked.connect(self.export)
        self.print_button.clicked.connect(self.print_comparison)
        self.busy_label = QLabel()
        buttons.addWidget(self.share)
        buttons.addStretch(1)
        buttons.addWidget(self.busy_label)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        for widget in (self.method, self.empty, self.table, self.findings_title,
                       self.findings):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        layout.addLayout(buttons)

        me = weakref.ref(self)

        def listener(event: object) -> None:
            view = me()
            if view is not None:
                view._on_event(event)

        self._listener = listener
        process.events.connect(listener)
        self.retranslate()

    # ------------------------------------------------------------------ following the document
    def _on_event(self, event: object) -> None:
        relevant = isinstance(event, (ev.ActualsChanged, ev.ProcessReset, ev.StageAdded,
                                      ev.StageRemoved)) or (
            isinstance(event, ev.StageChanged) and _RECOMPUTE_FIELDS & set(event.fields))
        if relevant:
            self._stale = True
            if self.isVisible():
                self._timer.start()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Compare now: here for a small history, on a worker thread for a large one."""
        self._timer.stop()
        self._stale = False
        self._generation += 1
        if len(self.process.actuals.events) <= LARGE:
            try:
                self._accept(_compare(self.process))
            except Exception as error:  # a view never takes the window down
                self.failed.emit(str(error))
            return
        job = WorkJob(self._generation, partial(_compare, self.process.copy()), self)
        job.done.connect(self._job_done)
        job.finished.connect(self._job_finished)
        self._jobs.add(job)
        self.busy_label.setText(self.tr("Analysing…"))
        job.start()

    def _job_done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        if isinstance(result, Exception):
            self.failed.emit(str(result))
        else:
            self._accept(result)  # type: ignore[arg-type]

    def _job_finished(self) -> None:
        job = self.sender()
        if isinstance(job, WorkJob):
            self._jobs.discard(job)
            job.deleteLater()
        if not self._jobs:
            self.busy_label.setText("")

    def wait(self, msecs: int = 60_000) -> None:
        """Finish pending work (tests; closing the window)."""
        if self._timer.isActive():
            self.refresh()
        for job in list(self._jobs):
            job.wait(msecs)

    def detach(self) -> None:
        import contextlib
        with contextlib.suppress(ValueError):
            self.process.events.disconnect(self._listener)
        self._timer.stop()
        for job in list(self._jobs):
            job.wait()

    def _accept(self, comparison: OwnerComparison) -> None:
        self.comparison = comparison
        self.render()

    # ------------------------------------------------------------------ drawing
    def retranslate(self) -> None:
        self.share.setText(self.tr("Make It a Tip for Everyone"))
        self.share.setToolTip(self.tr(
            "Add the selected finding to its stage as a tip, a note or a talk-script draft "
            "(it names no one; you can reword it first)"))
        self.share_actions["tip"].setText(self.tr("As a &Tip…"))
        self.share_actions["note"].setText(self.tr("As a &Note…"))
        self.share_actions["script"].setText(self.tr("As a &Script Draft…"))
        self.export_button.setText(self.tr("Export…"))
        self.print_button.setText(self.tr("Print…"))
        self.empty.setText(self.tr(
            "This document holds no deal history with owners. Import the CRM's export "
            "(File ▸ Import) with its owner column to compare the reps."))
        self.render()

    def render(self) -> None:
        """Show the latest comparison in the UI language."""
        c = self.comparison
        words = words_for(current_language(), "analysis")
        has = c is not None and bool(c.owners)
        for widget in (self.method, self.table, self.findings_title, self.findings,
                       self.export_button, self.print_button):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if c is None or not has:
            self.share.setEnabled(False)
            return
        from salesdesigner.model.discovery.owners_report import sentences

        self.method.setText(words("owners_method", alpha=words.number(c.alpha),
                                  gap=words.number(round(c.min_gap * 100, 1))))
        self._fill_table(c, words)
        self.findings_title.setText(words("owners_findings"))
        self.findings.clear()
        said = sentences(c, words.code)
        for i, text in enumerate(said):
            item = QListWidgetItem(text)
            item.setData(ROLE_FINDING, i)
            self.findings.addItem(item)
        if not said:
            item = QListWidgetItem(words("owners_none"))
            item.setData(ROLE_FINDING, -1)
            self.findings.addItem(item)
        self.findings.setMaximumHeight(max(60, 26 * min(len(said) or 1, 6) + 12))
        self._selection_changed(self.findings.currentRow())

    def stage_columns(self) -> list[str]:
        """The stages shown: deals stay in them (not won, lost or end), someone reached."""
        c = self.comparison
        if c is None:
            return []
        return [sid for sid in c.stage_ids if c.open_stage(sid)
                and any(o.stage(sid).reached for o in c.owners)]

    def _fill_table(self, c: OwnerComparison, words: Any) -> None:
        from salesdesigner.model.discovery.owners_report import p_text, rate

        columns = self.stage_columns()
        names = {sid: words.name(name) for sid, name in c.stage_names.items()}
        closing = {sid for sid, kind in c.stage_kinds.items() if kind in ("lost", "end")}
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(len(c.owners) + 1)
        for col, sid in enumerate(columns):
            header = QTableWidgetItem(_elide(names[sid], 14))
            header.setToolTip(names[sid])
            self.table.setHorizontalHeaderItem(col, header)
        labels = [words("owners_line", owner=o.owner, deals=o.deals) for o in c.owners]
        self.table.setVerticalHeaderLabels([*labels, words("owners_team")])
        tested = {(x.owner, x.stage_id, x.target): x for x in c.comparisons}
        bold = QFont()
        bold.setBold(True)
        for row, owner in enumerate(c.owners):
            for col, sid in enumerate(columns):
                s = owner.stage(sid)
                lines = [words("owners_reached", n=s.reached)]
                tips = [words("owners_stage", stage=names[sid], reached=s.reached,
                              team=s.team_reached)]
                for target, hits in s.moved_on.items():
                    share = rate(hits / s.reached)
                    team = rate(s.team_moved_on.get(target, 0) / s.team_reached) \
                        if s.team_reached else "—"
                    if target not in closing:  # a loss is the rest: in the tooltip only
                        lines.append(f"→ {_elide(names[target], 10)} {share}")
                    tip = words("owners_next", target=names[target], rate=share, team=team)
                    x = tested.get((owner.owner, sid, target))
                    if x is not None:
                        tip += words("owners_p", p=p_text(x.p_value))
                    tips.append(tip)
                if s.days_median is not None:
                    lines.append(words.days(round(s.days_median, 1)))
                    team_days = "—" if s.team_days_median is None else \
                        words.days(round(s.team_days_median, 1))
                    tips.append(words("owners_days", days=words.days(round(s.days_median, 1)),
                                      team=team_days))
                item = QTableWidgetItem("\n".join(lines) if s.reached else "")
                item.setToolTip("\n".join(tips) if s.reached else "")
                flagged = c.flagged(owner.owner, sid)
                if flagged:
                    item.setBackground(QBrush(HIGHER if flagged[0].higher else LOWER))
                    item.setFont(bold)
                    item.setToolTip(item.toolTip() + "\n" + "\n".join(
                        _sentence(c, f, words.code) for f in flagged))
                self.table.setItem(row, col, item)
        team_row = len(c.owners)  # every deal, owned or not
        for col, sid in enumerate(columns):
            first = c.owners[0].stage(sid)
            reached = first.reached + first.team_reached
            lines = [words("owners_reached", n=reached)]
            for target in {**first.moved_on, **first.team_moved_on}:
                if target not in closing and reached:
                    moved = first.moved_on.get(target, 0) + first.team_moved_on.get(target, 0)
                    lines.append(f"→ {_elide(names[target], 10)} {rate(moved / reached)}")
            item = QTableWidgetItem("\n".join(lines))
            item.setToolTip(words("owners_team"))
            self.table.setItem(team_row, col, item)
        self.table.resizeColumnsToContents()

    def _selection_changed(self, row: int) -> None:
        self.share.setEnabled(self.selected_finding() is not None)

    def selected_finding(self) -> Comparison | None:
        item = self.findings.currentItem()
        c = self.comparison
        if item is None or c is None:
            return None
        index = item.data(ROLE_FINDING)
        return c.findings[index] if isinstance(index, int) and 0 <= index < len(
            c.findings) else None

    # ------------------------------------------------------------------ make it a tip
    def share_finding(self, kind: str) -> bool:
        """Offer the selected finding's draft (naming no one) for ``kind`` ("tip", "note",
        "script"); the manager may reword it; OK adds it to the stage as one undo step."""
        from salesdesigner.edits.findings import share_finding
        from salesdesigner.model.discovery.owners_report import tip_draft

        finding, c = self.selected_finding(), self.comparison
        if finding is None or c is None or finding.stage_id not in self.process.stage_ids:
            return False
        title, text = tip_draft(c, finding, self.process.language)
        answer = self.edit_draft(kind, title, text)
        if answer is None or not answer[1].strip():
            return False
        return self._push(share_finding(self.process, finding.stage_id, kind, *answer))

    def edit_draft(self, kind: str, title: str, text: str) -> tuple[str, str] | None:
        """The draft in a small dialog (title only for a script); None when cancelled."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.share_actions[kind].text().replace("&", "").rstrip("…"))
        layout = QVBoxLayout(dialog)
        hint = QLabel(self.share.toolTip())  # it names no one; reword it first
        hint.setWordWrap(True)
        layout.addWidget(hint)
        title_edit = QLineEdit(title)
        title_edit.setVisible(kind == "script")
        body = QPlainTextEdit(text)
        layout.addWidget(title_edit)
        layout.addWidget(body)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        layout.addWidget(box)
        dialog.resize(460, 220)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return title_edit.text(), body.toPlainText()

    # ------------------------------------------------------------------ leaving the designer
    def ask_anonymise(self) -> bool | None:
        """Whether the comparison leaves the designer with owners as Rep A, Rep B …
        (the default answer), with their names, or not at all (None)."""
        answer = QMessageBox.question(
            self, self.tr("Anonymise Owners?"),
            self.tr("Owner names are confidential. Replace them with Rep A, Rep B … in "
                    "what you export or print?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Cancel:
            return None
        return answer == QMessageBox.StandardButton.Yes

    def report_text(self, anonymise: bool) -> str:
        from salesdesigner.model.discovery.owners_report import render_owners
        assert self.comparison is not None
        return render_owners(self.comparison, current_language(), anonymise=anonymise)

    def export(self) -> bool:
        """Write the comparison to a text or JSON file, anonymised unless declined."""
        if self.comparison is None:
            return False
        anonymise = self.ask_anonymise()
        if anonymise is None:
            return False
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Top Performers"), "top-performers.txt",
            self.tr("Text (*.txt);;JSON (*.json)"))
        if not path:
            return False
        import json

        from salesdesigner.model.discovery.owners_report import owners_to_json
        from salesdesigner.storage.files import reason, write_atomically

        if path.lower().endswith(".json"):
            data = owners_to_json(self.comparison, current_language(), anonymise=anonymise)
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            text = self.report_text(anonymise)
        try:
            write_atomically(path, text.encode("utf-8"), force=True)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Cannot Export"), reason(error))
            return False
        return True

    def print_comparison(self) -> bool:
        """Print the comparison's text, anonymised unless declined."""
        if self.comparison is None:
            return False
        anonymise = self.ask_anonymise()
        if anonymise is None:
            return False
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return False
        document = QTextDocument()
        document.setPlainText(self.report_text(anonymise))
        document.print_(printer)
        return True


def _elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _sentence(c: OwnerComparison, finding: Comparison, language: str) -> str:
    from salesdesigner.model.discovery.owners_report import finding_sentence
    return finding_sentence(c, finding, language)


__all__ = ["OwnersView"]
