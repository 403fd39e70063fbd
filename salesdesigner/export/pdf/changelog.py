"""The manual's change-log page: what changed since the previous published revision, chapter
by chapter, in the words of :mod:`salesdesigner.model.compare.changelog`; and the
"Changed" / "New" marks on chapters and contents lines a trainer picks the pages by.

Every user text (names, rewritten scripts) goes through the typesetter's escaping; a
rewritten text shows its removed words struck through and its added words underlined.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable, Spacer

from salesdesigner.export.pdf.sections import Anchor, Manual, _heading
from salesdesigner.export.pdf.styles import Typesetter
from salesdesigner.model.compare import Comparison, compare
from salesdesigner.model.compare.changelog import LogGroup, LogLine, change_log
from salesdesigner.model.compare.textdiff import Op
from salesdesigner.model.process import Process

BADGE_COLOR = "#B7591F"   # the "Changed" mark: warm, apart from lane colours and WON/LOST
NEW_COLOR = "#2E7D32"
DELETED_COLOR = "#B23B3B"
INSERTED_COLOR = "#1E6B30"
RUN_LIMIT = 400            # characters of one changed stretch printed (huge rewrites cut)


@dataclass(frozen=True)
class Previous:
    """The revision the manual's change log compares with.

    ``label`` names it for the reader ("版 3", "v3.salesdesign"); ``published`` is when it
    was published, when known; ``mark_chapters`` asks for the "Changed" marks."""

    process: Process
    label: str = ""
    published: datetime.date | None = None
    mark_chapters: bool = False


@dataclass(frozen=True)
class ChangeSet:
    """A comparison made once for the page and the marks."""

    previous: Previous
    comparison: Comparison
    groups: tuple[LogGroup, ...]

    def marks(self) -> dict[str, bool]:
        """Stage id → True (new) / False (changed) for the chapters to mark."""
        return {g.stage_id: g.added for g in self.groups
                if g.kind == "stage" and g.stage_id is not None}


def change_set(previous: Previous, process: Process, order: list[str]) -> ChangeSet:
    comparison = compare(previous.process, process)
    return ChangeSet(previous, comparison,
                     change_log(comparison, previous.process, process, order=order))


def badge_markup(ts: Typesetter, text: str, style: str, new: bool = False) -> str:
    """A small coloured mark ("変更あり") for a chapter's meta line or a contents entry."""
    color = NEW_COLOR if new else BADGE_COLOR
    return (f'<font color="#FFFFFF" backColor="{color}">\u00a0'
            f"{ts.markup(text, style)}\u00a0</font>")


def _line_markup(ts: Typesetter, line: LogLine) -> str:
    """One change as markup: its sentence, then (a rewrite) the text with removed words
    struck through and added ones underlined."""
    parts = []
    for run in line.runs:
        text = ts.markup(ts.short(run.text, RUN_LIMIT) if len(run.text) > RUN_LIMIT
                         else run.text, "bullet")
        if run.op is Op.DELETE:
            parts.append(f'<strike><font color="{DELETED_COLOR}">{text}</font></strike>')
        elif run.op is Op.INSERT:
            parts.append(f'<u><font color="{INSERTED_COLOR}">{text}</font></u>')
        else:
            parts.append(text)
    head = ts.markup(line.text, "bullet")
    if not parts:
        return head
    return head + ("" if line.text.endswith("\uff1a") else " ") + "".join(parts)


def _group_title(m: Manual, group: LogGroup) -> str:
    """Markup of a group's heading; a stage's links to its chapter."""
    ts, lb = m.ts, m.labels
    if group.kind != "stage":
        return ts.markup(lb(f"changes_{group.kind}"), "h2")
    stage = m.process.stage(group.stage_id)
    name = ts.short(m.stage_title(stage), 120)
    text = ts.markup(lb("changes_stage", n=m.numbers[stage.id], name=name), "h2")
    title = f'<a href="#{m.keys[stage.id]}">{text}</a>'
    if group.added:
        title += " " + badge_markup(ts, lb("new_badge"), "h2", new=True)
    return title


def change_log_page(m: Manual, changes: ChangeSet, anchor: Callable[..., Anchor]) -> list[Flowable]:
    """The change-log page (it follows the contents, on a page of its own)."""
    ts, lb = m.ts, m.labels
    prev = changes.previous
    title = lb("changes")
    out: list[Flowable] = [anchor("changes", title), ts.para(title, "h1")]
    label = prev.label.strip() or (f"{lb('revision')} {prev.process.revision.strip()}"
                                   if prev.process.revision.strip() else "")
    if label:
        label = ts.short(label, 120)
        out.append(ts.para(lb("changes_since_dated", label=label,
                              date=lb.date(prev.published)) if prev.published
                           else lb("changes_since", label=label), "body"))
    shown = [g for g in changes.groups if g.kind != "stage" or g.stage_id in m.keys]
    outside = sum(len(g.lines) for g in changes.groups if g not in shown)
    if not shown:
        out.append(ts.para(lb("changes_none"), "body"))
    else:
        out.append(ts.para(lb("changes_intro"), "body"))
        if prev.mark_chapters:
            out.append(ts.para(lb("changes_marked"), "muted"))
        if any(line.runs for g in shown for line in g.lines):
            out.append(ts.para(lb("changes_legend"), "muted"))
    for group in shown:
        out += _heading(ts, "", need=30)[:1]
        out.append(ts.raw(_group_title(m, group), "h2"))
        for line in group.lines:
            out.append(ts.raw(_line_markup(ts, line), "bullet", bulletText="•"))
    notes = []
    if outside:
        notes.append(lb("changes_outside", n=outside))
    if changes.comparison.layout:
        notes.append(lb("changes_layout", n=len(changes.comparison.layout)))
    if notes:
        out.append(Spacer(1, 6))
        out += [ts.para(n, "muted") for n in notes]
    return out


__all__ = ["ChangeSet", "Previous", "badge_markup", "change_log_page", "change_set"]
