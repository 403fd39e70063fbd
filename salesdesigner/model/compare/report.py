"""A comparison as people read it: plain text in the document's language.

Every word comes from the presentation catalogue (``diff.*`` keys); values read as every
other view writes them (a KPI target "≥ 35%", a duration "10日").  Changes are grouped
under the process, each lane, stage and arrow in document order; a text that changed is
shown once with its changes marked the way ``git diff --word-diff`` marks them
(``[-deleted-]{+inserted+}``, by character in Japanese).  Layout changes follow under
their own heading, only when asked for.  User text is printed inert: control characters
(a terminal's escape sequences) are replaced, and long unchanged stretches shortened.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from salesdesigner.model.compare.changes import (
    STAGE_PARTS,
    TEXT_FIELDS,
    Change,
    ChangeOp,
    Comparison,
    Subject,
)
from salesdesigner.model.compare.textdiff import Op, Run, marked, text_runs
from salesdesigner.model.entities import Direction, Kpi, StageKind
from salesdesigner.model.presentation import Words, display_number, editable_number, words_for
from salesdesigner.model.process import Process

#: How much unchanged text is kept on each side of a change.
CONTEXT = 30
PART_SUBJECTS = frozenset(STAGE_PARTS.values())
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """User text made safe to print on one line: controls replaced, line breaks shown."""
    return _CONTROL.sub("\ufffd", text).replace("\r\n", "↵").replace("\n", "↵") \
        .replace("\r", "↵").replace("\t", " ")


def shortened(runs: Iterable[Run], context: int = CONTEXT) -> tuple[Run, ...]:
    """The runs with long unchanged stretches cut to ``context`` characters around the
    changes ("…" where text was left out)."""
    runs = tuple(runs)
    out = []
    for n, run in enumerate(runs):
        text = run.text
        if run.op is Op.EQUAL and len(text) > 2 * context + 1:
            first, last = n == 0, n == len(runs) - 1
            if first and not last:
                text = "…" + text[-context:]
            elif last and not first:
                text = text[:context] + "…"
            elif not first and not last:
                text = text[:context] + "…" + text[-context:]
        out.append(Run(run.op, text))
    return tuple(out)


class _Reader:
    """Turns changes into lines of text for one pair of documents."""

    def __init__(self, comparison: Comparison, old: Process, new: Process,
                 words: Words) -> None:
        self.comparison, self.old, self.new, self.words = comparison, old, new, words
        #: the analysis's names of what a KPI measures ("Win rate" / 「受注率」)
        self.measures = words_for(words.code, "analysis")

    # ------------------------------------------------------------------ names
    def quoted(self, text: str) -> str:
        return self.words("quoted", text=clean(self.words.name(text)))

    def stage_name(self, process: Process, stage_id: str | None) -> str:
        if stage_id is None or not process.has_stage(stage_id):
            return self.words.none
        return clean(self.words.name(process.stage(stage_id).name))

    def lane_name(self, process: Process, lane_id: str | None) -> str:
        if lane_id is None:
            return self.words.no_lane
        if not process.has_lane(lane_id):
            return clean(lane_id)
        return self.quoted(process.lane(lane_id).name)

    def heading(self, change: Change) -> str:
        """What a change is about: the process, a lane, a stage, an arrow, a file."""
        w = self.words
        subject = change.subject
        side = self.new if change.new_id is not None else self.old
        ident = change.id
        if subject is Subject.PROCESS:
            return w.process
        if subject is Subject.LANE:
            lane = change.new if change.op is ChangeOp.ADDED else change.old \
                if change.op is ChangeOp.REMOVED else side.lane(ident)
            return w("lane", name=clean(w.name(lane.name)))
        if subject is Subject.TRANSITION:
            t = change.new if change.op is ChangeOp.ADDED else change.old \
                if change.op is ChangeOp.REMOVED else side.transition(ident)
            names = dict(source=self.stage_name(side, t.source),
                         target=self.stage_name(side, t.target))
            if t.label.strip():
                return w("arrow_label", label=clean(t.label), **names)
            return w("arrow", **names)
        if subject is Subject.ATTACHMENT:
            return w("attachment", name=clean(change.new_part or change.old_part or ident))
        stage = change.new if subject is Subject.STAGE and change.op is ChangeOp.ADDED else \
            change.old if subject is Subject.STAGE and change.op is ChangeOp.REMOVED else \
            side.stage(ident)
        return w("stage", kind=w.kind(stage.kind), name=clean(w.name(stage.name)))

    def part(self, change: Change) -> str:
        name = change.new_part if change.new_part is not None else change.old_part
        return self.words(change.subject.value, name=clean(self.words.name(name or "")))

    def field(self, change: Change) -> str:
        name = change.field
        if change.subject is Subject.TRANSITION and name == "target":
            name = "target_stage"
        try:
            label = self.words(f"field_{name}")
        except KeyError:
            label = clean(name)
        if change.subject in PART_SUBJECTS and change.field != "text":
            return self.words("in", part=self.part(change), field=label)
        if change.subject in PART_SUBJECTS:  # an exit criterion or tip reworded
            return self.words.exit_criteria if change.subject is Subject.EXIT_CRITERION \
                else self.words.tips
        return label

    # ------------------------------------------------------------------ values
    def value(self, change: Change, value: Any, process: Process) -> str:
        w, name = self.words, change.field
        if value is None and name == "measure":
            return self.measures("measure_none")
        if value == "" and name == "measure_to" and change.subject is Subject.KPI:
            return self.measures("measure_to_won")
        if value is None or value == "":
            return w.none
        if name == "lane":
            return self.lane_name(process, value)
        if change.subject is Subject.TRANSITION and name in ("source", "target"):
            return self.quoted(self.stage_name(process, value))
        if name == "target" and change.subject is Subject.KPI:
            kpi = self._kpi(change, process)
            if kpi is not None:
                return w.kpi_target(Kpi("", value, kpi.unit, kpi.direction))
        if name == "duration_days":
            return w.days(value)
        if name == "direction":
            return w.direction(Direction(value))
        if name == "kind":
            return w.kind(StageKind(value))
        if name == "measure":
            return self.measures(f"measure_{getattr(value, 'value', value)}")
        if name == "measure_to":  # a stage's id; "" (any won stage) is said as "Won"
            return self.quoted(self.stage_name(process, value)) if value \
                else self.measures("measure_to_won")
        if name == "position":
            return w("position", x=editable_number(value.x), y=editable_number(value.y))
        if name == "waypoints":
            return w("bend_points", n=len(value))
        if name in ("style", "arrow_style"):
            return w(f"style_{getattr(value, 'value', value)}")
        if name == "data":
            return w("bytes", n=display_number(value))
        if name == "lane_order":
            return w.join([self.lane_name(process, x) for x in value])
        if name.endswith("_order"):
            return w.join([self.quoted(x) for x in value])
        if hasattr(value, "side"):  # a pinned arrow end
            return f"{value.side} {display_number(value.position)}"
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, (int, float)):
            return display_number(value)
        if isinstance(value, str):
            return self.quoted(value)
        if hasattr(value, "value"):  # an enum
            return clean(str(value.value))
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        return clean(text if len(text) <= 2 * CONTEXT else text[:2 * CONTEXT] + "…")

    def _kpi(self, change: Change, process: Process) -> Kpi | None:
        stage_id = change.new_id if process is self.new else change.old_id
        part = change.new_part if process is self.new else change.old_part
        if stage_id is None or not process.has_stage(stage_id):
            return None
        return next((k for k in process.stage(stage_id).kpis if k.name == part), None)

    # ------------------------------------------------------------------ lines
    def line(self, change: Change) -> str:
        w = self.words
        whole = change.subject is not Subject.PROCESS and change.field == "" and \
            change.op is not ChangeOp.CHANGED
        if whole:
            what = self.part(change) if change.subject in PART_SUBJECTS else \
                self.heading(change)
            return w("added" if change.op is ChangeOp.ADDED else "removed", what=what)
        what = self.field(change)
        old, new = change.old, change.new
        if isinstance(old, str) and isinstance(new, str) and old and new and \
                change.field in TEXT_FIELDS:
            runs = shortened(text_runs(old, new))
            return w("edited", what=what, text=marked(tuple(Run(r.op, clean(r.text))
                                                            for r in runs)))
        return w("changed", what=what, old=self.value(change, old, self.old),
                 new=self.value(change, new, self.new))


def _group(change: Change) -> tuple[str, str | None, str | None]:
    if change.subject in PART_SUBJECTS:
        return ("stage", change.old_id, change.new_id)
    if change.subject is Subject.PROCESS:
        return ("process", None, None)
    return (change.subject.value, change.old_id, change.new_id)


def _section(reader: _Reader, changes: Iterable[Change]) -> list[str]:
    """The changes grouped under headings; an added or removed thing is one line."""
    groups: dict[tuple, list[Change]] = {}
    for change in changes:
        groups.setdefault(_group(change), []).append(change)
    lines = []
    for items in groups.values():
        first = items[0]
        if len(items) == 1 and first.field == "" and first.subject not in PART_SUBJECTS:
            lines.append(reader.line(first))
            continue
        lines.append(reader.heading(first))
        lines += ["  " + reader.line(c) for c in items]
    return lines


@dataclass(frozen=True)
class ChangeText:
    """One change as a view lists it: under what heading (the stage, arrow, lane), the
    report's own line, and for an edited text the field's name and the marked runs (a view
    draws them in colour instead of ``[-…-]{+…+}``)."""

    change: Change
    heading: str
    line: str
    what: str = ""
    runs: tuple[Run, ...] = ()


def change_texts(comparison: Comparison, old: Process, new: Process, *,
                 include_layout: bool = False,
                 language: str | None = None) -> list[ChangeText]:
    """Every change in words, in the report's order (layout changes last, when asked)."""
    shown = new if new.stages or not old.stages else old
    words = words_for(language or shown.language, "diff")
    reader = _Reader(comparison, old, new, words)
    changes = comparison.content + (comparison.layout if include_layout else ())
    out = []
    for change in changes:
        heading = reader.heading(change)
        old_value, new_value = change.old, change.new
        if isinstance(old_value, str) and isinstance(new_value, str) and old_value and \
                new_value and change.field in TEXT_FIELDS:
            runs = tuple(Run(r.op, clean(r.text))
                         for r in shortened(text_runs(old_value, new_value)))
            out.append(ChangeText(change, heading, reader.line(change),
                                  reader.field(change), runs))
        else:
            out.append(ChangeText(change, heading, reader.line(change)))
    return out


def report_text(comparison: Comparison, old: Process, new: Process, *,
                old_label: str = "", new_label: str = "", include_layout: bool = False,
                language: str | None = None) -> str:
    """The change report as plain text in the (new) document's language."""
    # the null device (an added or deleted file in Git) has no language of its own
    shown = new if new.stages or not old.stages else old
    words = words_for(language or shown.language, "diff")
    reader = _Reader(comparison, old, new, words)
    content, layout = comparison.content, comparison.layout
    lines = []
    if old_label or new_label:
        lines.append(words("title", old=clean(old_label), new=clean(new_label)))
    lines.append(words("count", n=len(content)) if content else words.no_changes)
    if old.stages and new.stages and not comparison.stage_pairs:
        lines.append(words.unrelated)
    if layout and not include_layout:
        lines.append(words("layout_hidden", n=len(layout)))
    if content:
        lines.append("")
        lines += _section(reader, content)
    if layout and include_layout:
        lines += ["", words.layout]
        lines += ["  " + line for line in _section(reader, layout)]
    return "\n".join(lines) + "\n"
