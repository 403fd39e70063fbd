"""What the selected KPI measures: a choice of :class:`Measure` and, for a conversion, the
next stage it converts to, so the deal history can be set against the KPI's target.

The measure names come from the presentation catalogue (the words the analysis report
uses); the next stages offered are the stage's successors, looking through decisions (a
CRM has no decision stages), plus "Won" (any won stage).  A change is handed back as a
new :class:`Kpi`; the KPI table pushes it as one undo step.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from salesdesigner.model.entities import Kpi, Measure, StageKind
from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process
from salesdesigner.ui.i18n import current_language

NOT_MEASURED = ""


def next_stages(process: Process, stage_id: str) -> list[str]:
    """Stages a deal goes on to from ``stage_id``: successors, through decisions, in
    branch order, without decisions themselves and without the stage itself."""
    out: list[str] = []
    seen = {stage_id}
    todo = [t.target for t in process.outgoing(stage_id)]
    while todo:
        sid = todo.pop(0)
        if sid in seen:
            continue
        seen.add(sid)
        if StageKind(process.stage(sid).kind) is StageKind.DECISION:
            todo[:0] = [t.target for t in process.outgoing(sid)]
        else:
            out.append(sid)
    return out


class KpiMeasureRow(QWidget):
    """"Measures: [Conversion to the next stage ▾] → [Proposal ▾]"."""

    def __init__(self, changed: Callable[[Kpi], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._changed = changed
        self._kpi: Kpi | None = None
        self._filling = False
        self.label = QLabel()
        self.measure = QComboBox()
        self.to_label = QLabel("→")
        self.to = QComboBox()
        self.label.setBuddy(self.measure)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.measure.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.measure)
        layout.addWidget(self.to_label)
        layout.addWidget(self.to, 1)
        layout.addStretch(0)
        self.measure.currentIndexChanged.connect(self._measure_chosen)
        self.to.currentIndexChanged.connect(self._to_chosen)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Measures:"))
        self.measure.setToolTip(self.tr("What the KPI's actual is computed from, when deal "
                                        "history is imported"))
        self.to.setToolTip(self.tr("The next stage the conversion counts"))
        if self._kpi is not None:
            self.show_kpi(self._kpi, self._process, self._stage_id)

    # ------------------------------------------------------------------ model → widgets
    def show_kpi(self, kpi: Kpi | None, process: Process | None = None,
                 stage_id: str | None = None) -> None:
        self._kpi, self._process, self._stage_id = kpi, process, stage_id
        words = words_for(current_language(), "analysis")
        self._filling = True
        try:
            self.measure.clear()
            self.measure.addItem(words("measure_none"), NOT_MEASURED)
            for m in Measure:
                self.measure.addItem(words(f"measure_{m.value}"), m.value)
            current = Measure(kpi.measure).value if kpi and kpi.measure else NOT_MEASURED
            self.measure.setCurrentIndex(self.measure.findData(current))
            self.to.clear()
            self.to.addItem(words("measure_to_won"), "")
            if process is not None and stage_id and process.has_stage(stage_id):
                for sid in next_stages(process, stage_id):
                    if StageKind(process.stage(sid).kind) is not StageKind.WON:
                        self.to.addItem(words.name(process.stage(sid).name), sid)
            if kpi is not None and kpi.measure_to and self.to.findData(kpi.measure_to) < 0:
                known = process is not None and process.has_stage(kpi.measure_to)
                self.to.addItem(words.name(process.stage(kpi.measure_to).name) if known
                                else self.tr("{id} (no such stage)").format(
                                    id=kpi.measure_to), kpi.measure_to)
            self.to.setCurrentIndex(max(0, self.to.findData(kpi.measure_to if kpi else "")))
        finally:
            self._filling = False
        conversion = kpi is not None and kpi.measure is Measure.CONVERSION
        self.to.setVisible(conversion)
        self.to_label.setVisible(conversion)
        self.setEnabled(kpi is not None)

    # ------------------------------------------------------------------ widgets → model
    def _measure_chosen(self, _index: int) -> None:
        if self._filling or self._kpi is None:
            return
        data = self.measure.currentData()
        measure = Measure(data) if data else None
        to = ""
        if measure is Measure.CONVERSION:
            to = self._kpi.measure_to or self._default_next()
        self._changed(dataclasses.replace(self._kpi, measure=measure, measure_to=to))

    def _to_chosen(self, _index: int) -> None:
        if self._filling or self._kpi is None or self._kpi.measure is not Measure.CONVERSION:
            return
        self._changed(dataclasses.replace(self._kpi, measure_to=self.to.currentData() or ""))

    def _default_next(self) -> str:
        """A new conversion counts the first next stage that is not lost (else: won)."""
        process, stage_id = self._process, self._stage_id
        if process is None or not stage_id or not process.has_stage(stage_id):
            return ""
        for sid in next_stages(process, stage_id):
            if not StageKind(process.stage(sid).kind).is_terminal:
                return sid
        return ""
