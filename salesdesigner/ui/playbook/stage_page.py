"""The stage page: everything a rep needs while a deal is in one stage, in reading order.

Built from widgets, not HTML: every text is a plain-text ``QLabel`` (never rich text), so
markup in a stage name is shown as typed.  Headings come from the presentation catalogue
(:mod:`salesdesigner.model.presentation`) in the document's language; the Copy and Open
buttons are UI and go through ``tr()``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.model.entities import Material, Script, Stage
from salesdesigner.model.ordering import back_edges
from salesdesigner.model.presentation import Words as PageLabels
from salesdesigner.model.process import Process
from salesdesigner.ui.playbook.theme import BORDER, CARD_BG, lane_color, tint
from salesdesigner.ui.playbook.widgets import RouteButton, branch_button, card, text_label

PAGE_MAX_WIDTH = 900
REVEAL_MARGIN = 60  # pixels of context kept above a search hit scrolled into view


WORD_JOINER = "\u2060"


def keep_unit_whole(target: str) -> str:
    """A big target such as "≥ 12 meetings/month" may wrap before its unit, never inside
    it ("meetings/" above "month"): a word joiner after each slash forbids that break."""
    return target.replace("/", "/" + WORD_JOINER)


def _plain(text: str) -> str:
    """A label's text without the invisible break hints the page adds."""
    return text.replace("\u200b", "").replace(WORD_JOINER, "")


def settle_layout() -> None:
    """Lay out now what is pending (the highlight changed a label's look), so positions
    are final before scrolling to it."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


class StagePage(QScrollArea):
    """Shows one stage; emits ``copyRequested`` / ``openRequested`` for the window to act on."""

    copyRequested = Signal(object)   # Script
    openRequested = Signal(object)   # Material
    stageRequested = Signal(str)     # a "next step" button

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("playbookPageScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stage_id: str | None = None
        self.next_buttons: list[RouteButton] = []
        self.with_next_steps = False  # the window turns it on when its route panel is closed
        self._pending_scroll = 0
        self.verticalScrollBar().rangeChanged.connect(self._apply_pending_scroll)
        self.found: QLabel | None = None  # the search hit shown highlighted
        self.show_message("")

    # ------------------------------------------------------------------ building
    def _new_column(self) -> QVBoxLayout:
        content = QWidget()
        content.setObjectName("playbookPage")
        outer = QHBoxLayout(content)
        outer.setContentsMargins(24, 20, 24, 32)
        column = QWidget()
        column.setMaximumWidth(PAGE_MAX_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        outer.addStretch(0)
        outer.addWidget(column, 1)
        outer.addStretch(0)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self._building = content
        return layout

    def _install(self) -> None:
        """Put the page just built in place of the old one.  Built first, installed
        whole: widgets added to a page already on screen are shown and measured only
        when the event loop comes round, so the first paint showed squashed cards."""
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(self._building)

    def show_message(self, message: str) -> None:
        """An empty page with one line (no stage, or nothing matches the filter)."""
        self.stage_id = None
        self.next_buttons = []
        self.found = None
        self._pending_scroll = 0
        layout = self._new_column()
        if message:
            layout.addWidget(text_label(message, "mutedText"))
        layout.addStretch(1)
        self._install()

    def _apply_pending_scroll(self, _minimum: int, maximum: int) -> None:
        """Restore a kept position once the rebuilt page is tall enough to hold it."""
        if self._pending_scroll and maximum >= self._pending_scroll:
            self.verticalScrollBar().setValue(self._pending_scroll)
            self._pending_scroll = 0

    # ------------------------------------------------------------------ search hits
    def reveal(self, text: str, query: str = "") -> QLabel | None:
        """Scroll to the label showing ``text`` (a search hit), highlight it and select
        ``query`` in it; the label, or None when the page does not show that text."""
        from salesdesigner.model.search import normalize
        want, needle = normalize(text).strip(), normalize(query).strip()
        labels = [label for label in self.widget().findChildren(QLabel)
                  if label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse]
        shown = {id(label): normalize(_plain(label.text())) for label in labels}
        found = (next((lb for lb in labels if want and want in shown[id(lb)]), None)
                 or next((lb for lb in labels if needle and needle in shown[id(lb)]), None))
        self.found = found
        if found is None:
            return None
        found.setProperty("searchHit", True)
        found.setStyleSheet("QLabel { background: #FFE8A3; border-radius: 4px; }")
        raw = found.text()
        at = normalize(raw).find(needle) if needle else -1
        if at >= 0 and len(normalize(raw)) == len(raw):  # same offsets: select the words
            found.setSelection(at, len(needle))
        settle_layout()
        self._scroll_to_found()
        return found

    def _scroll_to_found(self) -> None:
        """Put the hit a little below the top of the view, its heading still in sight."""
        if self.found is None or self.widget() is None:
            return
        top = self.found.mapTo(self.widget(), self.found.rect().topLeft()).y()
        bar = self.verticalScrollBar()
        bar.setValue(max(0, top - REVEAL_MARGIN))
        # the page may not be tall enough yet: finish once its range allows it
        self._pending_scroll = max(0, top - REVEAL_MARGIN) if bar.value() < top - REVEAL_MARGIN \
            else 0

    def show_stage(self, process: Process, stage_id: str, labels: PageLabels,
                   step: int, total: int, keep_scroll: int = 0) -> None:
        """Show a stage from the top, or at ``keep_scroll`` when it is the same stage again."""
        stage = process.stage(stage_id)
        self.stage_id = stage_id
        self.next_buttons = []
        self.found = None
        layout = self._new_column()
        color = lane_color(process.lane(stage.lane).color if stage.lane and
                           process.has_lane(stage.lane) else None)
        layout.addWidget(self._header(process, stage, labels, step, total, color))
        sections = [self._goal(stage, labels), self._exit_criteria(stage, labels),
                    self._kpis(stage, labels), self._actions(stage, labels),
                    *self._scripts(stage, labels, color), self._materials(process, stage, labels),
                    self._tips(stage, labels)]
        sections = [s for s in sections if s is not None]
        for section in sections:
            layout.addWidget(section)
        if not sections and not stage.description.strip():
            layout.addWidget(text_label(labels.empty_stage, "mutedText"))
        if self.with_next_steps:
            layout.addWidget(self._next_steps(process, stage, labels))
        layout.addStretch(1)
        self._install()
        self.verticalScrollBar().setValue(0)
        self._pending_scroll = keep_scroll
        self._apply_pending_scroll(0, self.verticalScrollBar().maximum())

    def _next_steps(self, process: Process, stage: Stage, labels: PageLabels) -> QFrame:
        """Where the deal goes from here, at the end of the page where the reading ends."""
        frame, layout = self._section(labels.next_steps)
        self.next_buttons = []
        outgoing = process.outgoing(stage.id)
        if not outgoing:
            text = labels.outcome if stage.kind.is_terminal else labels.no_next
            layout.addWidget(text_label(text, "mutedText"))
        loops = back_edges(process) if outgoing else set()
        for transition in outgoing:
            button = branch_button(process, transition, labels, loops, "pageBranchButton")
            button.clicked.connect(
                lambda _=False, t=transition.target: self.stageRequested.emit(t))
            layout.addWidget(button)
            self.next_buttons.append(button)
        return frame

    def _section(self, title: str) -> tuple[QFrame, QVBoxLayout]:
        frame, layout = card()
        heading = text_label(title, "sectionTitle", selectable=False)
        layout.addWidget(heading)
        return frame, layout

    def _header(self, process: Process, stage: Stage, labels: PageLabels, step: int,
                total: int, color: QColor) -> QFrame:
        frame, layout = card()
        frame.setStyleSheet(f"QFrame#card {{ background: {CARD_BG}; border: 1px solid {BORDER};"
                            f" border-top: 5px solid {color.name()}; border-radius: 10px; }}")
        crumbs = QHBoxLayout()
        crumbs.setSpacing(8)
        lane_name = (process.lane(stage.lane).name if stage.lane and process.has_lane(stage.lane)
                     else labels.no_lane)
        lane_name = " ".join(lane_name.split()) or labels.no_lane
        if len(lane_name) > 40:
            lane_name = lane_name[:39] + "…"
        chip = text_label(lane_name, "laneChip", selectable=False)
        chip.setWordWrap(False)
        chip.setStyleSheet(f"QLabel#laneChip {{ background: {tint(color, 0.82)}; color: #1F2933;"
                           " border-radius: 9px; padding: 2px 10px; font-size: 10pt; }")
        chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        chip.setMaximumWidth(360)
        crumbs.addWidget(chip)
        parts = [labels.step_of.format(n=step, m=total) if step else "",
                 labels.kind(stage.kind)]
        if stage.duration_days is not None and stage.duration_days >= 0:
            parts.append(labels.duration(stage.duration_days))
        crumb = text_label("  ·  ".join(p.replace(" ", "\u00a0") for p in parts if p),
                           "breadcrumb", selectable=False)
        crumbs.addWidget(crumb, 1)
        layout.addLayout(crumbs)
        layout.addWidget(text_label(labels.name(stage.name), "stageName"))
        if stage.description.strip():
            layout.addWidget(text_label(stage.description, "bodyText"))
        return frame

    def _goal(self, stage: Stage, labels: PageLabels) -> QFrame | None:
        if not stage.goal.strip():
            return None
        frame, layout = self._section(labels.goal)
        layout.addWidget(text_label(stage.goal, "goalText"))
        return frame

    def _checklist(self, layout: QVBoxLayout, title: str, detail: str = "",
                   meta: str = "") -> None:
        row = QHBoxLayout()
        row.setSpacing(10)
        box = text_label("☐", "itemTitle", selectable=False)
        box.setAlignment(Qt.AlignmentFlag.AlignTop)
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(text_label(title, "itemTitle" if (detail or meta) else "bodyText"))
        if meta:
            texts.addWidget(text_label(meta, "mutedText"))
        if detail.strip():
            texts.addWidget(text_label(detail, "bodyText"))
        row.addLayout(texts, 1)
        layout.addLayout(row)

    def _exit_criteria(self, stage: Stage, labels: PageLabels) -> QFrame | None:
        items = [c for c in stage.exit_criteria if c.strip()]
        if not items:
            return None
        frame, layout = self._section(labels.exit_criteria)
        for item in items:
            self._checklist(layout, item)
        return frame

    def _kpis(self, stage: Stage, labels: PageLabels) -> QFrame | None:
        if not stage.kpis:
            return None
        frame, layout = self._section(labels.kpis)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(12)
        grid.setColumnStretch(1, 1)
        for row, kpi in enumerate(stage.kpis):
            target = labels.kpi_target(kpi)
            value = text_label(keep_unit_whole(target) or labels.no_target, "kpiTarget")
            value.setMaximumWidth(220)
            value.setToolTip(labels.direction(kpi) if target else "")
            grid.addWidget(value, row, 0, Qt.AlignmentFlag.AlignTop)
            texts = QVBoxLayout()
            texts.setSpacing(2)
            texts.addWidget(text_label(labels.name(kpi.name), "itemTitle"))
            hint = labels.direction(kpi) if target else ""
            if kpi.definition.strip():
                hint = labels.parens.format(kpi.definition, hint) if hint else kpi.definition
            if hint:
                texts.addWidget(text_label(hint, "mutedText"))
            grid.addLayout(texts, row, 1)
        layout.addLayout(grid)
        return frame

    def _actions(self, stage: Stage, labels: PageLabels) -> QFrame | None:
        if not stage.actions:
            return None
        frame, layout = self._section(labels.actions)
        for action in stage.actions:
            meta = "  ·  ".join(f"{name}{labels.colon}{value}" for name, value in (
                (labels.owner, action.owner), (labels.timing, action.timing)) if value.strip())
            self._checklist(layout, labels.name(action.title), action.detail, meta)
        return frame

    def _scripts(self, stage: Stage, labels: PageLabels, color: QColor) -> list[QFrame]:
        frames = []
        for n, script in enumerate(stage.scripts):
            frame, layout = card("scriptCard")
            frame.setStyleSheet(f"QFrame#scriptCard {{ border-left: 4px solid {color.name()}; }}")
            top = QHBoxLayout()
            titles = QVBoxLayout()
            titles.setSpacing(2)
            heading = labels.scripts if n == 0 else ""
            if heading:
                titles.addWidget(text_label(heading, "sectionTitle", selectable=False))
            titles.addWidget(text_label(labels.name(script.title), "itemTitle"))
            if script.situation.strip():
                titles.addWidget(text_label(f"{labels.situation}{labels.colon}{script.situation}",
                                            "mutedText"))
            top.addLayout(titles, 1)
            copy = QPushButton(self.tr("Copy"))
            copy.setObjectName("copyButton")
            copy.setToolTip(self.tr("Copy this script to the clipboard"))
            copy.setCursor(Qt.CursorShape.PointingHandCursor)
            copy.setAccessibleName(f"{self.tr('Copy')}: {' '.join(script.title.split())}")
            copy.setEnabled(bool(script.body))
            copy.clicked.connect(lambda _=False, s=script, b=copy: self._copy_clicked(s, b))
            top.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(top)
            if script.body:
                body = text_label(script.body, "scriptBody")
                body.setProperty("script", n)
                layout.addSpacing(4)
                layout.addWidget(body)
            frames.append(frame)
        return frames

    def _copy_clicked(self, script: Script, button: QPushButton) -> None:
        """Ask the window to copy, and confirm on the button itself for a moment."""
        self.copyRequested.emit(script)
        original = self.tr("Copy")
        button.setText(self.tr("Copied ✓"))
        timer = QTimer(button)  # dies with the button if the page changes meanwhile
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: button.setText(original))
        timer.start(1500)

    @staticmethod
    def _material_source(process: Process, material: Material) -> str:
        """What the Open button opens: the embedded file's name and size, or the link."""
        attachment_id = material.attachment_id
        if attachment_id is None:
            return material.uri.strip()
        attachment = process.attachments.get(attachment_id)
        if attachment is None:
            return ""
        size = len(attachment.data)
        amount = f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"
        if size >= 1024 * 1024:
            amount = f"{size / (1024 * 1024):.1f} MB"
        return f"{attachment.filename}  ·  {amount}"

    def _materials(self, process: Process, stage: Stage,
                   labels: PageLabels) -> QFrame | None:
        if not stage.materials:
            return None
        frame, layout = self._section(labels.materials)
        for material in stage.materials:
            row = QHBoxLayout()
            texts = QVBoxLayout()
            texts.setSpacing(2)
            texts.addWidget(text_label(labels.name(material.title or material.uri), "itemTitle"))
            if material.note.strip():
                texts.addWidget(text_label(material.note, "mutedText"))
            where = self._material_source(process, material)
            if where:
                texts.addWidget(text_label(where, "sourceText"))
            row.addLayout(texts, 1)
            if material.uri.strip():
                button = QPushButton(self.tr("Open"))
                button.setObjectName("openButton")
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setToolTip(self.tr("Open this material"))
                button.setAccessibleName(
                    f"{self.tr('Open')}: {' '.join(material.title.split())}")
                button.clicked.connect(lambda _=False, m=material: self.openRequested.emit(m))
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)
        return frame

    def _tips(self, stage: Stage, labels: PageLabels) -> QFrame | None:
        tips = [t for t in stage.tips if t.strip()]
        if not tips:
            return None
        frame, layout = self._section(labels.tips)
        for tip in tips:
            row = QHBoxLayout()
            row.setSpacing(10)
            dot = text_label("•", "itemTitle", selectable=False)
            dot.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
            row.addWidget(dot, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text_label(tip, "bodyText"), 1)
            layout.addLayout(row)
        return frame

    # ------------------------------------------------------------------ inspection
    def copy_buttons(self) -> list[QPushButton]:
        return self.widget().findChildren(QPushButton, "copyButton")

    def open_buttons(self) -> list[QPushButton]:
        return self.widget().findChildren(QPushButton, "openButton")

    def texts(self) -> list[str]:
        """Every label's text as shown (zero-width break hints removed), for tests and a11y."""
        return [label.text().replace("\u200b", "").replace(WORD_JOINER, "")
                for label in self.widget().findChildren(QLabel)]

