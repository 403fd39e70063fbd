"""The analysis the performance overlay and the dashboard show, kept current for one
document: recomputed (debounced) after edits, undo and imports, and for the period the
manager picks.  A large history is analysed on a worker thread on a copy of the process,
so the window keeps painting; results of a superseded run are dropped.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from salesdesigner.model import events as ev
from salesdesigner.model.process import Process

if TYPE_CHECKING:
    from salesdesigner.model.actuals.analysis import Analysis
    from salesdesigner.model.actuals.onscreen import Overlay
    from salesdesigner.model.actuals.periods import Period
    from salesdesigner.model.forecast.onscreen import Change, Outlook
    from salesdesigner.model.plan.onscreen import PlanGoal, PlanView

#: histories with more events than this are analysed off the GUI thread (3,000 deals,
#: 17,000 events: 0.3 s for one period, 2.9 s with a year's monthly trend, under load)
LARGE = 2_000
#: processes with more stages than this solve a what-if move (odds, forecast and plan) on
#: a worker thread, the moves of a drag coalesced (1,000 stages: about 0.5 s a move)
WHAT_IF_SYNC_STAGES = 200
DEBOUNCE_MS = 250
#: "the latest full month", until the manager picks a period
DEFAULT = "default"

# changes that leave every figure as it was (moving, restyling, lanes, attachments)
_LAYOUT_ONLY = {"position", "lane", "waypoints", "source_anchor", "target_anchor", "style",
                "label", "condition", "goal", "description", "scripts", "actions",
                "materials", "exit_criteria", "tips", "extensions"}


@dataclass(frozen=True)
class Result:
    """One run: the analysis of the period, the overlay's values, the trend (per month, or
    per week while a week is on show)."""

    period: Period | None
    analysis: Analysis | None          # None: the document holds no usable events
    overlay: Overlay | None
    trend: tuple[Analysis, ...] = ()   # one per period of trend_periods
    first: datetime | None = None
    last: datetime | None = None
    months: tuple[Period, ...] = field(default=())         # every month of the data
    trend_periods: tuple[Period, ...] = field(default=())  # months, or the recent weeks
    outlook: Outlook | None = None     # the odds and forecast (with the what-if rate)
    plan: PlanView | None = None       # the plan on the overlay (with the what-if rate)


Trend = tuple[tuple["Analysis", ...], tuple["Period", ...]]


def trend_kind(period: Period | None | str) -> str:
    """A week on show is followed week by week; anything else month by month."""
    return "week" if getattr(period, "kind", None) == "week" else "month"


def compute(process: Process, period: Period | None | str, *, trend: bool = True,
            known: Trend | None = None, change: Change | None = None,
            plan: PlanGoal | None = None) -> Result:
    """Everything the views need for ``period`` (:data:`DEFAULT`: the latest full month);
    the trend (per :func:`trend_kind`) only with ``trend`` (the dashboard's), taken from
    ``known`` when the document has not changed since it was computed; the plan of
    ``plan`` when one is on show."""
    from salesdesigner.model.actuals import bottleneck as bn
    from salesdesigner.model.actuals.analysis import analyze_history
    from salesdesigner.model.actuals.funnel import stall_thresholds
    from salesdesigner.model.actuals.history import build_history
    from salesdesigner.model.actuals.onscreen import latest_full_month, overlay, recent_weeks
    from salesdesigner.model.actuals.periods import months_between

    history = build_history(process, process.actuals.events)
    if period == DEFAULT:
        period = latest_full_month(history.first, history.last)
    if history.first is None or history.last is None:
        return Result(period if not isinstance(period, str) else None, None, None)
    chances = bn.win_chances(history)
    thresholds = stall_thresholds(history)
    assert not isinstance(period, str)
    analysis = analyze_history(history, period, chances=chances, thresholds=thresholds)
    months = tuple(months_between(history.first, history.last))
    if known is not None:
        series, periods = known
    elif trend:
        periods = months if trend_kind(period) == "month" else tuple(
            reversed(recent_weeks(history.first, history.last)))
        series = tuple(analyze_history(history, p, chances=chances, thresholds=thresholds)
                       for p in periods)
    else:
        series, periods = (), ()
    from salesdesigner.model.forecast.onscreen import outlook
    return Result(period, analysis, overlay(process, analysis), series, history.first,
                  history.last, months, periods, outlook(history, change),
                  _plan(process, plan, change))


def _plan(process: Process, goal: PlanGoal | None, change: Change | None,
          base: PlanView | None = None) -> PlanView | None:
    """The plan view of ``goal`` (None: no plan on show), reusing ``base``'s plan without
    the what-if when it is of the same goal."""
    if goal is None:
        return None
    from salesdesigner.model.plan.onscreen import plan_view
    known = base.base if base is not None and base.goal == goal and not base.error else None
    return plan_view(process, goal, process.actuals.events, change, known)


def what_if(result: Result, process: Process, change: Change | None,
            goal: PlanGoal | None) -> tuple[Outlook | None, PlanView | None]:
    """The odds, forecast and plan of ``result`` again with ``change`` (one what-if move):
    from the odds already solved, the analysis is not run again."""
    from salesdesigner.model.forecast.onscreen import outlook
    before = result.outlook
    if before is None or before.change == change:
        now = before  # only the plan's goal changed
    else:
        now = outlook(before.history, change, before.base, before.base_forecast)
    return now, _plan(process, goal, change, result.plan)


class _WhatIfJob(QThread):
    """One what-if move solved off the GUI thread (a large process)."""

    done = Signal(object)

    def __init__(self, result: Result, process: Process, change: Change | None,
                 goal: PlanGoal | None, parent: QObject) -> None:
        super().__init__(parent)
        self.result, self.process, self.change, self.goal = result, process, change, goal

    def run(self) -> None:
        try:
            out: object = what_if(self.result, self.process, self.change, self.goal)
        except Exception as error:  # reported in the GUI thread, never lost
            out = error
        self.done.emit(out)


class _Job(QThread):
    done = Signal(int, object)

    def __init__(self, generation: int, process: Process, period: Period | None | str,
                 trend: bool, known: Trend | None, parent: QObject,
                 change: Change | None = None, plan: PlanGoal | None = None) -> None:
        super().__init__(parent)
        self.generation, self.process, self.period = generation, process, period
        self.trend, self.known, self.change, self.plan = trend, known, change, plan
        self.revision = 0  # the document's revision it analyses

    def run(self) -> None:
        try:
            result: object = compute(self.process, self.period, trend=self.trend,
                                     known=self.known, change=self.change, plan=self.plan)
        except Exception as error:  # reported in the GUI thread, never lost
            result = error
        self.done.emit(self.generation, result)


class Performance(QObject):
    """The shared analysis of one window's document (its users: overlay, dashboard)."""

    changed = Signal()          # a new result is in :attr:`result`
    #: a what-if move or the plan's goal changed :attr:`result`'s odds, forecast and plan
    #: only (the overlay and the forecast panel redraw; the funnel and trends stay)
    moved = Signal()
    busy = Signal(bool)         # a worker thread is running
    failed = Signal(str)

    def __init__(self, process: Process, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process = process
        self.period: Period | None | str = DEFAULT
        self.result: Result | None = None
        self.what_if: Change | None = None  # the dashboard's slider: one rate by hand
        # the plan on the overlay: the goal last set (Plan dialog, what-if panel), for this
        # window's document only (session state: a plan changes nothing in the document)
        self.plan_goal: PlanGoal | None = None
        self.plan_shown = False
        self._what_if_job: _WhatIfJob | None = None
        self._what_if_again = False  # moves arrived while a job ran: solve the latest next
        self._copy: tuple[int, Process] | None = None  # the process for worker threads
        self._users: set[str] = set()
        self._stale = True
        self._generation = 0
        self._revision = 0  # counts the document's changes that alter figures
        # the trend, with the revision and the kind ("month", "week") it is of
        self._trend: tuple[int, str, Trend] | None = None
        self._jobs: set[_Job] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        me = weakref.ref(self)

        def listener(event: object) -> None:
            performance = me()
            if performance is not None:
                performance._on_event(event)

        self._listener = listener
        process.events.connect(listener)

    # ------------------------------------------------------------------ users
    def use(self, who: str, on: bool = True) -> None:
        """``who`` (the overlay, the dashboard) needs results, or no longer does; nothing
        is computed while no one looks."""
        if on:
            self._users.add(who)
            if self._stale or (who == "dashboard" and self._trend_missing()):
                self.refresh()
        else:
            self._users.discard(who)
            self._timer.stop()

    def used_by(self, who: str) -> bool:
        return who in self._users

    @property
    def has_actuals(self) -> bool:
        return bool(self.process.actuals.events)

    def set_period(self, period: Period | None) -> None:
        """The period every view shows (None: the whole history)."""
        if period != self.period:
            self.period = period
            self._stale = True
            self.refresh()

    def set_what_if(self, change: Change | None) -> None:
        """One exit rate set by hand (None: the data's): the odds, the forecast and the
        plan on show follow, from the odds already solved (the analysis is not run
        again) — at once for a small process; for a large one on a worker thread, the
        moves of a drag coalesced (the latest is solved next, the ones between dropped)."""
        self.what_if = change
        self._solve_what_if()

    def set_plan(self, goal: PlanGoal | None = None, shown: bool | None = None) -> None:
        """The plan's goal (None: keep the last one) and whether the overlay shows the
        plan; the plan is solved again with the what-if rate."""
        was = self.shown_goal()
        if goal is not None:
            self.plan_goal = goal
        if shown is not None:
            self.plan_shown = shown
        if self.shown_goal() != was:  # a goal typed while the plan is not on show: kept
            self._solve_what_if()

    def shown_goal(self) -> PlanGoal | None:
        """The goal whose plan the overlay shows (the Plan dialog's default, 10 won deals
        with the KPI targets, until one is set), or None."""
        if not self.plan_shown:
            return None
        if self.plan_goal is None:
            from salesdesigner.model.plan.onscreen import PlanGoal
            return PlanGoal()
        return self.plan_goal

    def _solve_what_if(self) -> None:
        result = self.result
        if result is None or result.analysis is None:
            return
        if self._what_if_job is not None:
            self._what_if_again = True
            return
        if len(self.process.stages) <= WHAT_IF_SYNC_STAGES:
            try:
                now = what_if(result, self.process, self.what_if, self.shown_goal())
            except Exception as error:  # a view must never take the window down
                self.failed.emit(str(error))
                return
            self._take_what_if(now)
            return
        if self._copy is None or self._copy[0] != self._revision:
            self._copy = (self._revision, self.process.copy())
        job = self._what_if_job = _WhatIfJob(result, self._copy[1], self.what_if,
                                             self.shown_goal(), self)
        job.done.connect(self._what_if_done)
        job.finished.connect(job.deleteLater)
        job.start()

    def _what_if_done(self, out: object) -> None:
        job, self._what_if_job = self._what_if_job, None
        if job is not None:
            job.wait()
        if isinstance(out, Exception):
            self.failed.emit(str(out))
        elif job is not None and job.result is self.result and isinstance(out, tuple):
            self._take_what_if(out)
        else:  # a full refresh replaced what it built on: solve on the new one
            self._what_if_again = True
        if self._what_if_again:
            self._what_if_again = False
            self._solve_what_if()

    def _take_what_if(self, now: tuple[Outlook | None, PlanView | None]) -> None:
        from dataclasses import replace
        result = self.result
        if result is None:
            return
        outlook, plan = now
        self.result = replace(result, outlook=outlook if outlook is not None
                              else result.outlook, plan=plan)
        self.moved.emit()

    # ------------------------------------------------------------------ running
    def _on_event(self, event: object) -> None:
        if isinstance(event, (ev.LaneAdded, ev.LaneRemoved, ev.LaneChanged, ev.LanesReordered,
                              ev.AttachmentAdded, ev.AttachmentRemoved)):
            return
        if isinstance(event, (ev.StageChanged, ev.TransitionChanged)) and \
                set(event.fields) <= _LAYOUT_ONLY:
            return
        if isinstance(event, ev.ProcessChanged) and not {"language", "currency"} & set(
                event.fields):
            return
        if isinstance(event, ev.ProcessReset):
            self.period = DEFAULT  # another document: its own latest month
            self.what_if = None
            self.plan_goal, self.plan_shown = None, False
        self._stale = True
        self._revision += 1
        if self._users:
            self._timer.start()

    def refresh(self) -> None:
        """Compute now: here for a small history, on a worker thread for a large one."""
        self._timer.stop()
        if not self._users:
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        trend = "dashboard" in self._users
        kind = trend_kind(self.period)
        known = (self._trend[2] if self._trend and self._trend[:2] == (self._revision, kind)
                 else None)
        if len(self.process.actuals.events) <= LARGE:
            try:
                result = compute(self.process, self.period, trend=trend, known=known,
                                 change=self.what_if, plan=self.shown_goal())
            except Exception as error:  # a view must never take the window down
                self.failed.emit(str(error))
                return
            self._accept(result)
            return
        job = _Job(self._generation, self.process.copy(), self.period, trend, known, self,
                   self.what_if, self.shown_goal())
        job.revision = self._revision
        job.done.connect(self._job_done)
        job.finished.connect(self._job_finished)  # queued: runs here, in the GUI thread
        self._jobs.add(job)
        self.busy.emit(True)
        job.start()

    def _job_done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # superseded by a later edit or period
        if isinstance(result, Exception):
            self.failed.emit(str(result))
        elif isinstance(result, Result):
            self._accept(result, getattr(self.sender(), "revision", None))

    def _job_finished(self) -> None:
        job = self.sender()
        if isinstance(job, _Job):
            self._jobs.discard(job)
            job.deleteLater()
        if not self._jobs:
            self.busy.emit(False)

    def _trend_missing(self) -> bool:
        result = self.result
        return result is None or (result.analysis is not None and not result.trend)

    def _accept(self, result: Result, revision: int | None = None) -> None:
        revision = self._revision if revision is None else revision
        if result.trend and revision == self._revision:
            self._trend = (revision, trend_kind(result.period),
                           (result.trend, result.trend_periods))
        if self.period == DEFAULT:
            self.period = result.period
        self.result = result
        self.changed.emit()
        goal = result.plan.goal if result.plan is not None else None
        change = result.outlook.change if result.outlook is not None else None
        if goal != self.shown_goal() or (change is not None and change != self.what_if):
            self._solve_what_if()  # the plan or the rate changed while it was computed

    def wait(self, msecs: int = 60_000) -> None:
        """Finish what is pending (tests; closing the window)."""
        if self._timer.isActive():
            self.refresh()
        for job in list(self._jobs):
            job.wait(msecs)
        from PySide6.QtCore import QCoreApplication
        while self._what_if_job is not None:  # deliver its result (and the coalesced next)
            self._what_if_job.wait(msecs)
            QCoreApplication.processEvents()

    def detach(self) -> None:
        """Stop following the document (the window closes); running work is awaited."""
        import contextlib
        with contextlib.suppress(ValueError):
            self.process.events.disconnect(self._listener)
        self._users.clear()
        self._timer.stop()
        for job in list(self._jobs):
            job.wait()
        if self._what_if_job is not None:
            self._what_if_job.wait()


__all__ = ["DEFAULT", "LARGE", "Performance", "Result", "compute"]
