"""The manual's optional "Plan" chapter: what the period's goal needs, back-calculated
through the process (:mod:`salesdesigner.model.plan`) — the deals that must come in, each
stage's entries in process order with a bar, the daily work per person, the rates used and
where each came from, how the rate targets fared, and what the plan had to assume (even
splits, stages without a rate, rates from few deals) in a warning box.

Aggregates only (a deal size from actuals is an average over several won deals).  Bars are
reportlab.graphics drawings holding numbers only; stage and KPI names are set in escaped
paragraphs beside them.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, PageBreak, Spacer

from salesdesigner.export.pdf.fonts import SANS
from salesdesigner.export.pdf.performance import TABLE_START, stage_bar_table
from salesdesigner.export.pdf.rowtable import WindowedTable
from salesdesigner.export.pdf.sections import Anchor, Manual, _callout, _heading
from salesdesigner.export.pdf.styles import ACCENT, RULE, WARN, tint
from salesdesigner.model.entities import StageKind
from salesdesigner.model.ordering import process_order
from salesdesigner.model.plan import Plan
from salesdesigner.model.plan.report import (
    assumption_lines,
    count,
    goal_line,
    percent,
    rate_how,
    target_line,
)
from salesdesigner.model.presentation import display_number, words_for


def plan_chapter(m: Manual, plan: Plan, anchor: Callable[..., Anchor],
                 width: float) -> list[Flowable]:
    """The chapter's flowables (it starts a page; headings stay with their content)."""
    ts, lb = m.ts, m.labels
    w = words_for(lb.code, "plan")
    title = lb("plan")
    out: list[Flowable] = [PageBreak(), anchor("plan", title), ts.para(title, "h1"),
                           ts.para(lb("plan_intro"), "muted"), Spacer(1, 4)]
    facts = [ts.para(lb("plan_needed", n=count(plan.entries),
                        chance=percent(plan.win_chance)), "goal"),
             ts.para(goal_line(plan, w), "body"), ts.para(w(f"rates_{plan.source}"), "muted")]
    if plan.working_days is not None and plan.heads:
        facts.append(ts.para(w("capacity", days=display_number(plan.working_days)), "muted"))
    out.append(_callout(ts, facts, ACCENT, width, fill=tint(ACCENT, 0.9)))
    out += _heading(ts, lb("plan_stages"), need=TABLE_START)
    out.append(ts.para(lb("plan_stages_note"), "muted"))
    out.append(_stage_table(m, plan, w, width))
    out += _heading(ts, w("arrows"), need=TABLE_START)
    out.append(_arrow_table(m, plan, w, width))
    if plan.targets:
        out += _heading(ts, w("targets"), need=60)
        names = {s.id: ts.short(m.stage_title(s), 80) for s in m.process.stages}
        out += [ts.para(target_line(plan, u, names, w), "body") for u in plan.targets]
    if plan.assumptions:
        out += _heading(ts, w("assumptions"), need=60)
        names = {s.id: ts.short(m.stage_title(s), 80) for s in m.process.stages}
        out.append(_callout(ts, [ts.para(line, "body")
                                 for line in assumption_lines(plan, w, names)],
                            WARN, width, fill=tint(WARN, 0.88)))
    if plan.undrawn:
        out.append(ts.para(w("undrawn", moves=w.join(
            [f"{ts.short(m.stage_title(m.process.stage(sid)), 60)} {n:,}"
             for sid, n in plan.undrawn.items()])), "muted"))
    return out


def _stage_table(m: Manual, plan: Plan, w, width: float) -> Flowable:  # type: ignore[no-untyped-def]
    lb = m.labels
    stages = {s.stage_id: s for s in plan.stages}
    order = [sid for sid in process_order(m.process)
             if StageKind(stages[sid].kind) is not StageKind.DECISION
             and (stages[sid].entries > 0 or stages[sid].kind == StageKind.WON.value)]
    widths = [width * 0.27, width * 0.22, width * 0.12, width * 0.12, width * 0.15,
              width * 0.12]
    header = [lb(k) for k in ("col_stage", "col_entries", "col_entries", "col_dropped",
                              "col_per_person", "col_win_chance")]
    header[2] = ""
    if not plan.heads:
        header[4] = ""

    def cells(sid: str, terminal: bool) -> list[str]:
        s = stages[sid]
        return [count(s.entries), "—" if terminal or s.dropped <= 1e-9 else count(s.dropped),
                "" if s.per_person_day is None else count(s.per_person_day),
                "—" if terminal else percent(s.win_chance)]

    return stage_bar_table(m, order, {sid: stages[sid].entries for sid in order}, header,
                           widths, cells)


def _arrow_table(m: Manual, plan: Plan, w, width: float) -> Flowable:  # type: ignore[no-untyped-def]
    ts, lb = m.ts, m.labels
    entered = {s.stage_id: s.entries for s in plan.stages}
    header = [[ts.para(lb(k), "cell_head") for k in
               ("col_arrow", "col_rate", "col_rate_from", "col_deals")]]
    rows, row_styles = [], []
    for a in plan.arrows:
        r = a.rate
        if r.how == "closed" or entered[r.source] <= 0:
            continue
        source = ts.short(m.stage_title(m.process.stage(r.source)), 60)
        target = ts.short(m.stage_title(m.process.stage(r.target)), 60)
        rows.append([ts.para(w("arrow_name", source=source, target=target), "cell"),
                     ts.para(percent(r.rate), "cell_right"),
                     ts.para(ts.short(rate_how(r, w), 120), "cell"),
                     ts.para(count(a.deals), "cell_right")])
        row_styles.append([])
    style = [("FONTNAME", (0, 0), (-1, -1), SANS), ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 4), ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]
    return WindowedTable(header, rows, row_styles, style=style,
                         col_widths=[width * 0.46, width * 0.1, width * 0.32, width * 0.12])


__all__ = ["plan_chapter"]
