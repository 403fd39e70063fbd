"""The inspector: the details of the selected stage, arrow or lane, or of the document.

It follows the model's events, so undo, redo and canvas edits show up in the fields at
once; its fields hand every change to the canvas editor through one :class:`EditContext`.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesigner.edits import name
from salesdesigner.model import events as ev
from salesdesigner.model.entities import Action, Lane, Script
from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process
from salesdesigner.ui.i18n import current_language
from salesdesigner.ui.inspector.context import EditContext
from salesdesigner.ui.inspector.elided import ElidedLabel
from salesdesigner.ui.inspector.forms import DocumentForm, TransitionForm
from salesdesigner.ui.inspector.undo_keys import install_undo_fallback

if TYPE_CHECKING:
    from salesdesigner.ui.canvas.editor import CanvasEditor
    from salesdesigner.ui.inspector.kpi_table import KpiTable
    from salesdesigner.ui.inspector.lane_form import LaneForm
    from salesdesigner.ui.inspector.materials import MaterialsEditor
    from salesdesigner.ui.inspector.overview import OverviewForm
    from salesdesigner.ui.inspector.records import FieldSpec, RecordListEditor

DOCUMENT, STAGE, TRANSITION, MANY, LANE = range(5)


class _StageTabs:
    """The stage page: overview, KPIs, actions, scripts, materials and tips tabs."""

    def __init__(self, inspector: Inspector) -> None:
        # the stage page's modules load with it: a window that never shows a stage's
        # details (the first paint, a read-through) does not import them
        from salesdesigner.ui.inspector.kpi_table import KpiTable
        from salesdesigner.ui.inspector.materials import MaterialsEditor
        from salesdesigner.ui.inspector.overview import OverviewForm
        from salesdesigner.ui.inspector.records import RecordListEditor

        ctx = inspector.ctx
        self.overview = OverviewForm(ctx)
        self.kpis = KpiTable(ctx)
        fields, names = inspector._record_texts()
        self.actions = RecordListEditor(
            ctx, "actions", fields["actions"],
            make_new=lambda: Action(ctx.new_name("new_action")), title_of=lambda a: a.title,
            item_name=names["actions"])
        self.scripts = RecordListEditor(
            ctx, "scripts", fields["scripts"],
            make_new=lambda: Script(ctx.new_name("new_script")), title_of=lambda s: s.title,
            item_name=names["scripts"])
        self.materials = MaterialsEditor(ctx)
        self.tips = RecordListEditor(
            ctx, "tips", fields["tips"],
            make_new=lambda: ctx.new_name("new_tip"), title_of=str, item_name=names["tips"])
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        for page in (_scrolled(self.overview), self.kpis, self.actions, self.scripts,
                     self.materials, self.tips):
            self.tabs.addTab(page, "")


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class Inspector(QWidget):
    """Shows and edits whatever is selected; call :meth:`show_selection` when it changes."""

    def __init__(self, editor: CanvasEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.process = process = editor.process
        self.ctx = EditContext(editor, self)
        self.statusMessage = self.ctx.statusMessage
        self._many_count = 0

        self.header = ElidedLabel(max_lines=2)  # a 2,000-character name must not widen us
        font = QFont(self.header.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.header.setFont(font)

        self.document_form = DocumentForm(self.ctx)
        self._stage_tabs: _StageTabs | None = None  # built when a stage is first shown
        self._stage_placeholder = QWidget()

        self.transition_form = TransitionForm(self.ctx)
        self.transition_form.editor = editor  # arrow style and route, as its context menu
        self.many = QLabel()
        self.many.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.many.setWordWrap(True)

        self.pages = QStackedWidget()
        self.pages.addWidget(_scrolled(self.document_form))
        self.pages.addWidget(self._stage_placeholder)
        self.pages.addWidget(_scrolled(self.transition_form))
        self.pages.addWidget(self.many)
        self._lane_id: str | None = None  # the lane the Lane page shows (or would)
        self._lane_form: LaneForm | None = None  # built when a lane is first shown
        self._lane_placeholder = QWidget()
        self.pages.addWidget(self._lane_placeholder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)

        self._undo_fallback = install_undo_fallback(self)
        process.events.connect(self._on_event)
        self.destroyed.connect(lambda *_: self._detach(process))
        self._retranslate_tabs()
        self.show_selection((), ())

    # ------------------------------------------------------------------ stage page
    def _stage_page(self) -> _StageTabs:
        """The six tabs of a stage, made when first needed: the first window paints
        without them (about 20 ms of start-up); most sessions open them later."""
        if self._stage_tabs is None:
            self._stage_tabs = built = _StageTabs(self)
            current = self.pages.currentIndex()
            self.pages.removeWidget(self._stage_placeholder)
            self._stage_placeholder.deleteLater()
            self.pages.insertWidget(STAGE, built.tabs)
            self.pages.setCurrentIndex(current)
            self._retranslate_tabs()
        return self._stage_tabs

    @property
    def lane_form(self) -> LaneForm:
        """The Lane page, made when first needed (like the stage page)."""
        if self._lane_form is None:
            from salesdesigner.ui.inspector.lane_form import LaneForm
            self._lane_form = form = LaneForm(self.ctx)
            form.lane_id = self._lane_id
            current = self.pages.currentIndex()
            self.pages.removeWidget(self._lane_placeholder)
            self._lane_placeholder.deleteLater()
            self.pages.insertWidget(LANE, _scrolled(form))
            self.pages.setCurrentIndex(current)
        return self._lane_form

    def _set_lane_id(self, lane_id: str | None) -> None:
        self._lane_id = lane_id
        if self._lane_form is not None:
            self._lane_form.lane_id = lane_id

    def _lane(self) -> Lane | None:
        """The lane the Lane page shows, if it still exists."""
        if self._lane_id and self.process.has_lane(self._lane_id):
            return self.process.lane(self._lane_id)
        return None

    @property
    def tabs(self) -> QTabWidget:
        return self._stage_page().tabs

    @property
    def overview(self) -> OverviewForm:
        return self._stage_page().overview

    @property
    def kpis(self) -> KpiTable:
        return self._stage_page().kpis

    @property
    def actions(self) -> RecordListEditor:
        return self._stage_page().actions

    @property
    def scripts(self) -> RecordListEditor:
        return self._stage_page().scripts

    @property
    def materials(self) -> MaterialsEditor:
        return self._stage_page().materials

    @property
    def tips(self) -> RecordListEditor:
        return self._stage_page().tips

    # ------------------------------------------------------------------ language
    def _record_texts(self) -> tuple[dict[str, list[FieldSpec]], dict[str, str]]:
        """Field labels and record names of the record editors, in the UI language."""
        from salesdesigner.ui.inspector.records import FieldSpec
        fields = {
            "actions": [FieldSpec("title", self.tr("Title:")), FieldSpec("owner", self.tr("Who:")),
                        FieldSpec("timing", self.tr("When:")),
                        FieldSpec("detail", self.tr("How:"), multiline=True)],
            "scripts": [FieldSpec("title", self.tr("Title:")),
                        FieldSpec("situation", self.tr("Situation:"),
                                  placeholder=self.tr("When to use this script")),
                        FieldSpec("body", "", multiline=True,
                                  placeholder=self.tr("What to say, word for word"))],
            "tips": [FieldSpec(None, "", multiline=True)],
        }
        names = {"actions": name("Action", "Inspector"), "scripts": name("Script", "Inspector"),
                 "tips": name("Tip", "Inspector")}
        return fields, names

    def _retranslate_tabs(self) -> None:
        """"Overview", then the parts of a stage as the manual and the playbook name them."""
        if self._stage_tabs is None:
            return  # made later, in the language of that moment
        words = words_for(current_language())
        parts = [words(key) for key in ("kpis", "actions", "scripts", "materials", "tips")]
        for index, text in enumerate((self.tr("Overview"), *parts)):
            self.tabs.setTabText(index, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Rename tabs, record fields and the header; the editors rename their own texts."""
        self._retranslate_tabs()
        fields, names = self._record_texts()
        for key in ("actions", "scripts", "tips"):
            if self._stage_tabs is not None:
                getattr(self, key).retitle(fields[key], names[key])
        if self.pages.currentIndex() == MANY:
            self._show_many(self._many_count)
        else:
            self._show_header()

    def _detach(self, process: Process) -> None:
        with contextlib.suppress(ValueError):
            process.events.disconnect(self._on_event)

    def detach(self) -> None:
        """Stop following the model (the window is closing)."""
        self._detach(self.process)

    # ------------------------------------------------------------------ selection
    def focus_lane_name(self, lane_id: str | None = None) -> None:
        """Put the cursor in the Lane page's name field (what "Rename Lane…" does)."""
        if lane_id is not None and self._lane_id != lane_id:
            self.show_selection((), (), lane_id)
        if self.pages.currentIndex() != LANE:
            return
        dock = self.parentWidget()
        while dock is not None and not dock.inherits("QDockWidget"):
            dock = dock.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        self.lane_form.name.setFocus()
        self.lane_form.name.selectAll()

    def show_selection(self, stage_ids: tuple[str, ...] | list[str],
                       transition_ids: tuple[str, ...] | list[str],
                       lane_id: str | None = None) -> None:
        """Show one stage, one arrow, one lane (when nothing else is selected), several
        items, or the document."""
        stage_ids, transition_ids = tuple(stage_ids), tuple(transition_ids)
        self._set_lane_id(lane_id if not stage_ids and not transition_ids else None)
        self.ctx.stage_id = stage_ids[0] if len(stage_ids) == 1 and not transition_ids else None
        self.ctx.transition_id = (transition_ids[0] if len(transition_ids) == 1
                                  and not stage_ids else None)
        self.ctx.new_session()
        if len(stage_ids) + len(transition_ids) > 1:
            self.pages.setCurrentIndex(MANY)
            self._show_many(len(stage_ids) + len(transition_ids))
            return
        self.refresh()

    def reveal(self, stage_id: str, field: str, query: str) -> bool:
        """Show why Find matched ``stage_id``: the tab of ``field`` (as
        :func:`~salesdesigner.model.search.search` names it) with the matching record and
        text selected.  Keyboard focus stays where it is (the find field)."""
        if not self.process.has_stage(stage_id):
            return False
        if self.ctx.stage_id != stage_id or self.pages.currentIndex() != STAGE:
            self.show_selection((stage_id,), ())
        from salesdesigner.ui.inspector.reveal import reveal as reveal_match
        return reveal_match(self, field, query)

    def _show_many(self, count: int) -> None:
        self._many_count = count
        self.header.setText(self.tr("{n} items selected").format(n=count))
        self.many.setText(self.tr("Select a single stage or arrow to edit its details."))

    def _show_header(self) -> None:
        stage = self.ctx.stage()
        if stage is not None:
            from salesdesigner.ui.inspector.overview import kind_names
            kind = kind_names()[stage.kind]
            if stage.name.strip():
                self.header.set_template("{name}  ·  {kind}", name=stage.name, kind=kind)
            else:
                self.header.setText(f"{words_for(current_language()).untitled}  ·  {kind}")
        elif self.ctx.transition() is not None:
            self.header.setText(self.tr("Arrow"))
        elif (lane := self._lane()) is not None:
            if lane.name.strip():
                self.header.set_template("{name}  ·  {kind}", name=lane.name, kind=self.tr("Lane"))
            else:
                self.header.setText(f"{words_for(current_language()).untitled}  ·  "
                                    f"{self.tr('Lane')}")
        else:
            self.header.setText(self.tr("Document"))

    def refresh(self) -> None:
        """Fill the visible page from the model."""
        stage = self.ctx.stage()
        transition = self.ctx.transition()
        if stage is not None:
            self.pages.setCurrentIndex(STAGE)
            self._show_header()
            for editor in (self.overview, self.kpis, self.actions, self.scripts,
                           self.materials, self.tips):
                editor.refresh(stage)
        elif transition is not None:
            self.pages.setCurrentIndex(TRANSITION)
            self._show_header()
            self.transition_form.refresh(transition)
        elif self._lane() is not None:
            self.pages.setCurrentIndex(LANE)
            self._show_header()
            self.lane_form.refresh()
        else:
            self._set_lane_id(None)
            self.ctx.stage_id = self.ctx.transition_id = None
            self.pages.setCurrentIndex(DOCUMENT)
            self._show_header()
            self.document_form.refresh(self.process)

    def _editors_of(self) -> dict[str, tuple]:
        """Which stage fields each tab shows (a field edit refills only those)."""
        overview = (self.overview,)
        return {"name": overview, "kind": overview, "lane": overview, "goal": overview,
                "description": overview, "exit_criteria": overview,
                "duration_days": overview, "kpis": (self.kpis,), "actions": (self.actions,),
                "scripts": (self.scripts,), "materials": (self.materials,),
                "tips": (self.tips,), "position": ()}  # moves show on the canvas only

    def refresh_fields(self, fields: tuple[str, ...]) -> None:
        """Refill only the tabs showing ``fields`` of the current stage (typing a name
        does not refill the KPI table); an unknown field refills the whole page."""
        stage = self.ctx.stage()
        editors_of = self._editors_of()
        if stage is None or not set(fields) <= editors_of.keys():
            self.refresh()
            return
        if {"name", "kind"} & set(fields):
            self._show_header()
        for editor in dict.fromkeys(e for f in fields for e in editors_of[f]):
            editor.refresh(stage)

    def _on_event(self, event: ev.Event) -> None:
        current = self.pages.currentIndex()
        if current == MANY:
            return
        if isinstance(event, ev.StageChanged) and current == STAGE:
            if event.new.id == self.ctx.stage_id:
                self.refresh_fields(event.fields)
        elif isinstance(event, (ev.StageChanged, ev.StageRemoved)):
            changed = event.new.id if isinstance(event, ev.StageChanged) else event.stage.id
            if changed == self.ctx.stage_id or current in (TRANSITION, LANE):
                self.refresh()
        elif isinstance(event, ev.StageAdded):
            if current == LANE:  # the page counts the lane's stages
                self.refresh()
        elif isinstance(event, (ev.TransitionChanged, ev.TransitionRemoved)):
            changed = (event.new.id if isinstance(event, ev.TransitionChanged)
                       else event.transition.id)
            if changed == self.ctx.transition_id:
                self.refresh()
        elif isinstance(event, (ev.LaneAdded, ev.LaneRemoved, ev.LaneChanged,
                                ev.LanesReordered)):
            if current in (STAGE, LANE):
                self.refresh()
        elif isinstance(event, (ev.ProcessChanged, ev.ProcessReset)):
            self.refresh()
