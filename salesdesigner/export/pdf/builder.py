"""``export_pdf``: the printable onboarding manual of a process (or of some of its lanes
or stages), built in memory and written in one go so a failed or cancelled export never
leaves a half-written file."""

from __future__ import annotations

import datetime
import io
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.platypus import PageBreak
from reportlab.platypus.doctemplate import LayoutError

from salesdesigner.export.pdf.errors import PdfExportCancelled, PdfExportError
from salesdesigner.export.pdf.page_templates import (
    PAPERS,
    Cancelled,
    Contents,
    ManualTemplate,
    make_anchor,
)
from salesdesigner.export.pdf.sections import (
    SHORT_SECTION,
    Manual,
    RoomFor,
    cover,
    how_to_read,
    is_short,
    kpi_summary,
    overview,
    stage_chapter,
)
from salesdesigner.export.pdf.styles import Typesetter
from salesdesigner.model.ordering import process_order
from salesdesigner.model.presentation import Words as Labels
from salesdesigner.model.process import Process
from salesdesigner.storage.files import OutputError, check_output, write_atomically

if TYPE_CHECKING:
    from salesdesigner.model.plan import Plan

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class PdfResult:
    """A manual rendered in memory."""

    data: bytes
    stage_ids: list[str]                       # the chapters, in order
    warnings: list[str] = field(default_factory=list)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def resolve_lane(process: Process, given: str) -> str:
    """The id of the lane ``given`` names: its id, or its name as the user sees it (case
    and spacing aside).  Unknown or ambiguous names raise an error listing the lanes."""
    if process.has_lane(given):
        return given
    matches = [lane.id for lane in process.lanes if _folded(lane.name) == _folded(given)]
    if len(matches) == 1:
        return matches[0]
    listing = ", ".join(f"{lane.name!r} (id {lane.id!r})" for lane in process.lanes) or "none"
    if matches:
        raise PdfExportError(f"Several lanes are named {given!r}: give one of their ids. "
                             f"The lanes are: {listing}.")
    raise PdfExportError(f"Unknown lane {given!r} for the manual. The lanes are: {listing}.")


def select_stages(process: Process, lanes: Sequence[str] | None,
                  stages: Sequence[str] | None) -> list[str]:
    """Stage ids of the edition in process order: stages in the chosen lanes (by id or
    name) plus the chosen stages (everything when neither is given)."""
    lanes = [resolve_lane(process, x) for x in (lanes or [])]
    stages = list(stages or [])
    unknown = [x for x in stages if not process.has_stage(x)]
    if unknown:
        raise PdfExportError(
            f"Unknown stage id(s) for the manual: {', '.join(map(repr, unknown))}.")
    order = process_order(process)
    if not lanes and not stages:
        return order
    chosen_lanes, chosen = set(lanes), set(stages)
    picked = [sid for sid in order
              if sid in chosen or process.stage(sid).lane in chosen_lanes]
    if not picked:
        raise PdfExportError("The chosen lanes contain no stages, so the manual would be empty.")
    return picked


def render_pdf(process: Process, *, paper: str = "a4", lanes: Sequence[str] | None = None,
               stages: Sequence[str] | None = None, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None,
               today: datetime.date | None = None, performance: bool = False,
               period: str | None = None, previous: Process | None = None,
               previous_label: str = "", previous_date: datetime.date | None = None,
               mark_changes: bool = False, plan: Plan | None = None) -> PdfResult:
    """Build the manual in memory (see :func:`export_pdf`)."""
    size = PAPERS.get(str(paper).lower())
    if size is None:
        raise PdfExportError(f"Unknown paper size {paper!r}: use a4 or letter.")
    lanes = [resolve_lane(process, x) for x in (lanes or [])]
    ids = select_stages(process, lanes, stages)
    labels = Labels(process.language, "manual")
    ts = Typesetter(labels.japanese)
    manual = Manual(process, labels, ts, [process.stage(s) for s in ids])
    manual.numbers = {sid: n for n, sid in enumerate(ids, 1)}
    manual.keys = {sid: f"stage-{n}" for n, sid in enumerate(ids, 1)}
    perf = None
    if performance:  # before the long layout: a period or data problem fails at once
        from salesdesigner.export.pdf.performance import performance_of
        perf = performance_of(process, period)
    elif period is not None:
        raise PdfExportError("A period applies to the current performance section only.")
    changes, badges, marks = None, {}, {}
    if previous is not None:
        from salesdesigner.export.pdf.changelog import Previous, badge_markup, change_set
        changes = change_set(Previous(previous, previous_label, previous_date, mark_changes),
                             process, ids)
        if mark_changes:
            marks = changes.marks()
            badges = {sid: badge_markup(ts, labels("new_badge" if new else "changed_badge"),
                                        "toc0", new=new) for sid, new in marks.items()}
    elif mark_changes:
        raise PdfExportError("Marking changed chapters needs the previous revision to "
                             "compare with.")
    total = 2 * len(ids) + 1
    reported = 0

    def report(done: int) -> None:
        nonlocal reported
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None and done > reported:
            reported = done
            progress(done, total)

    # chapters before the stages: how to read, overview, KPIs, and the optional sections
    front = 3 + (changes is not None) + (perf is not None) + (plan is not None)
    buffer = io.BytesIO()
    doc = ManualTemplate(buffer, paper=size, ts=ts, labels=labels, title=process.name,
                         company=process.company,
                         on_chapter=lambda n: report(len(ids) + max(0, n - front)))
    doc.page_book = manual.flow_pages
    edition = ""
    if lanes or stages:
        names = ", ".join(ts.short(manual.lane_name(x), 40) for x in (lanes or []))
        edition = labels("edition", what=labels("lanes", names=names) if lanes and not stages
                         else labels("stages", count=len(ids)))
    anchor = make_anchor(ts, labels, manual.numbers, badges)
    try:
        story = cover(manual, edition, labels.date(today or datetime.date.today()))
        story += [ts.para(labels("contents"), "h1"), Contents(ts), PageBreak()]
        if changes is not None:
            from salesdesigner.export.pdf.changelog import change_log_page
            story += change_log_page(manual, changes, anchor) + [PageBreak()]
        story += how_to_read(manual, anchor)
        story += overview(manual, anchor, *doc.landscape_size)
        story += kpi_summary(manual, anchor, doc.width)
        if perf is not None:
            from salesdesigner.export.pdf.performance import performance_chapter
            story += performance_chapter(manual, perf, anchor, doc.width)
        if plan is not None:
            from salesdesigner.export.pdf.plan_page import plan_chapter
            story += plan_chapter(manual, plan, anchor, doc.width)
        previous, run = None, []  # run: consecutive short sections, kept together
        for n, stage in enumerate(manual.stages, 1):
            badge = ""
            if stage.id in marks:
                badge = badge_markup(ts, labels("new_badge" if marks[stage.id]
                                                else "changed_badge"), "chapter_no",
                                     new=marks[stage.id])
            chapter = stage_chapter(manual, stage, anchor, doc.width, previous, badge)
            if is_short(stage) and previous is not None:
                if not run:
                    story.append(RoomFor(run, SHORT_SECTION))
                run += chapter
                story += chapter
            else:
                run = []
                story += chapter
            previous = stage
            report(n)
        doc.build_manual(story)
        report(total)
    except Cancelled:
        raise PdfExportCancelled("The PDF export was cancelled; no file was written.") from None
    except LayoutError as exc:  # a bug, but tell the user in one line rather than crash
        log.exception("PDF layout failed")
        raise PdfExportError(f"The manual could not be laid out: {exc}") from None
    warnings = list(manual.warnings)
    if ts.missing:
        warnings.append("No bundled font can show these characters; they print as \ufffd: "
                        + " ".join(sorted(ts.missing)))
    for warning in warnings:
        log.warning("%s", warning)
    return PdfResult(buffer.getvalue(), ids, warnings)


def export_pdf(process: Process, path: str | os.PathLike[str], *, paper: str = "a4",
               lanes: list[str] | None = None, stages: list[str] | None = None,
               progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None, force: bool = False,
               **extras: Any) -> None:
    """Write the onboarding manual of ``process`` to ``path``.

    ``lanes``/``stages`` restrict the edition (stages in those lanes, plus those stages);
    ``extras`` are :func:`render_pdf`'s optional sections: ``performance=True`` (with
    ``period``, default the data's latest full month) adds "Current performance" from the
    document's actuals, aggregates only; ``previous=Process`` (with ``previous_label``,
    ``previous_date``) adds the change-log page, ``mark_changes=True`` the chapter marks;
    ``plan=Plan`` (:func:`salesdesigner.model.plan.back_calculate`) adds the plan chapter.
    ``progress(done, total)`` is called as chapters are laid out; when ``cancelled()``
    returns true the export stops with :class:`PdfExportCancelled` and writes nothing.
    Warnings (characters no font can show, an unreadable logo) are logged.  The target
    is checked before the (long) layout: a refused one fails at once.
    """
    try:
        check_output(path, force=force)
    except OutputError as exc:
        raise PdfExportError(str(exc)) from None
    result = render_pdf(process, paper=paper, lanes=lanes, stages=stages, progress=progress,
                        cancelled=cancelled, **extras)
    target = Path(path)
    try:
        write_atomically(target, result.data, force=force)
    except OutputError as exc:
        raise PdfExportError(str(exc)) from None
    except OSError as exc:
        raise PdfExportError(
            f"Cannot write the PDF to {str(target)!r}: {exc.strerror or exc}.") from None
