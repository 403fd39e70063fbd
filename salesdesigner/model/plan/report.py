"""The plan in words and tables: plain text (the CLI's ``plan``), JSON and the CSV plan table
— every word from the presentation catalogue's ``plan.`` keys, numbers as every view writes
them.  Aggregates only (the deal size from actuals is an average over at least
:data:`~.backcalc.MIN_WON_FOR_SIZE` won deals)."""

from __future__ import annotations

import csv
import io
from typing import Any

from salesdesigner.model.entities import StageKind
from salesdesigner.model.plan.backcalc import Plan
from salesdesigner.model.presentation import Words, display_number, with_unit, words_for

JSON_VERSION = 1


def count(value: float) -> str:
    """Expected deals as said: one decimal ("666.7", "10")."""
    return display_number(round(value, 1))


def percent(fraction: float) -> str:
    return f"{display_number(round(fraction * 100, 1))}%"


def amount(value: float, currency: str) -> str:
    return with_unit(round(value), currency)


def goal_line(plan: Plan, w: Words) -> str:
    """"Goal: 10 won deals (3,000,000 JPY at 300,000 JPY a deal, typed)"."""
    won = count(plan.won)
    if plan.goal_amount is None or plan.deal_size is None:
        return w("goal_won", won=won)
    return w("goal_revenue", won=won, goal=amount(plan.goal_amount, plan.currency),
             size=amount(plan.deal_size, plan.currency),
             source=w(f"size_{plan.deal_size_from}"))


def rate_how(rate, w: Words) -> str:  # type: ignore[no-untyped-def]
    """Where an arrow's rate came from, in words ("target “Close rate”", "actual, n = 40")."""
    if rate.how == "target":
        return w("how_target", kpi=w.name(rate.kpi))
    if rate.how == "actual":
        return w("how_actual", n=f"{rate.basis:,}")
    return w(f"how_{rate.how}")


def per_person(value: float | None, w: Words) -> str:
    return "" if value is None else w("per_person", n=count(value))


def target_line(plan: Plan, use, names: dict[str, str], w: Words) -> str:  # type: ignore[no-untyped-def]
    stage = names.get(use.stage_id, use.stage_id)
    target = percent(use.target)
    if use.transition_id:
        arrow = next(a for a in plan.arrows if a.rate.transition_id == use.transition_id)
        used = w("target_used", target=target, source=names[arrow.rate.source],
                 target_stage=names[arrow.rate.target])
    elif use.reason == "outcome":
        used = w("target_checked", target=target,
                 plan=percent(plan.stage(use.stage_id).win_chance))
    else:
        used = w(f"target_{use.reason}", target=target)
    return w("target_line", stage=stage, name=w.name(use.name), text=used)


def assumption_line(a, names: dict[str, str], w: Words) -> str:  # type: ignore[no-untyped-def]
    """One assumption in words, naming its stage and arrow ("Agreed? → Nurture: 50%
    assumed (…)")."""
    from salesdesigner.model.plan.assumptions import FEW_DEALS
    stage = names.get(a.stage_id, a.stage_id)
    target = names.get(a.target, a.target)
    rate = "" if a.rate is None else percent(a.rate)
    return w(f"assume_{a.kind}", stage=stage, source=stage, target=target, rate=rate,
             n=f"{a.basis:,}", least=f"{FEW_DEALS:,}")


def assumption_lines(plan: Plan, w: Words, names: dict[str, str] | None = None) -> list[str]:
    """Every assumption of the plan in words, in process order (``names``: stage id →
    the name to show, default the stages' names)."""
    if names is None:
        names = {s.stage_id: w.name(s.name) for s in plan.stages}
    return [assumption_line(a, names, w) for a in plan.assumptions]


def render_text(plan: Plan, language: str | None = None) -> str:
    """The plan, one fact a line, in ``language`` (default: the document's)."""
    w = words_for(language or plan.language, "plan")
    names = {s.stage_id: w.name(s.name) for s in plan.stages}
    lines = [w("title", process=w.name(plan.process_name)), goal_line(plan, w),
             w(f"rates_{plan.source}"),
             w("entries", n=count(plan.entries), chance=percent(plan.win_chance)),
             w("entry_at", stages=w.join([names[s] for s in plan.entry_stages]))]
    if plan.working_days is not None and plan.heads:
        lines.append(w("capacity", days=display_number(plan.working_days)))
    lines += ["", w("stages")]
    for s in plan.stages:
        if s.entries <= 0 and StageKind(s.kind) is not StageKind.WON:
            continue
        parts = [w("stage_line", name=names[s.stage_id], n=count(s.entries))]
        if s.dropped > 1e-9:
            parts.append(w("dropped", n=count(s.dropped)))
        if s.per_person_day is not None:
            parts.append(per_person(s.per_person_day, w))
        lines.append("  " + w.list_sep.join(parts))
    lines += ["", w("arrows")]
    entered = {s.stage_id: s.entries for s in plan.stages}
    for a in plan.arrows:
        if a.rate.how == "closed" or entered[a.rate.source] <= 0:
            continue
        lines.append("  " + w("arrow_line", source=names[a.rate.source],
                              target=names[a.rate.target], rate=percent(a.rate.rate),
                              how=rate_how(a.rate, w), n=count(a.deals)))
    if plan.targets:
        lines += ["", w("targets")]
        lines += ["  " + target_line(plan, u, names, w) for u in plan.targets]
    if plan.assumptions:
        lines += ["", w("assumptions")]
        lines += ["  " + line for line in assumption_lines(plan, w, names)]
    if plan.undrawn:
        lines += ["", w("undrawn", moves=w.join(
            [f"{names.get(sid, sid)} {n:,}" for sid, n in plan.undrawn.items()]))]
    return "\n".join(lines) + "\n"


def _num(value: float | None, digits: int = 6) -> float | int | None:
    if value is None:
        return None
    rounded = round(float(value), digits)
    return int(rounded) if rounded.is_integer() else rounded


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """Plain data for ``json.dumps``: the deals entering the process, every stage's and
    every arrow's expected entries, the rates and where each came from."""
    return {
        "version": JSON_VERSION,
        "process": plan.process_name,
        "goal": {"won": _num(plan.won), "amount": _num(plan.goal_amount),
                 "deal_size": _num(plan.deal_size, 2),
                 "deal_size_from": plan.deal_size_from or None, "currency": plan.currency},
        "rates": plan.source,
        "entries": _num(plan.entries),
        "entry_stages": list(plan.entry_stages),
        "win_chance": _num(plan.win_chance),
        "working_days": _num(plan.working_days),
        "heads": {lane: _num(n) for lane, n in plan.heads.items()},
        "stages": [{"id": s.stage_id, "name": s.name, "kind": s.kind, "lane": s.lane or None,
                    "entries": _num(s.entries), "dropped": _num(s.dropped),
                    "win_chance": _num(s.win_chance),
                    "per_person_day": _num(s.per_person_day)} for s in plan.stages],
        "transitions": [{"id": a.rate.transition_id, "source": a.rate.source,
                         "target": a.rate.target, "rate": _num(a.rate.rate),
                         "how": a.rate.how, "kpi": a.rate.kpi or None,
                         "basis": a.rate.basis, "deals": _num(a.deals)}
                        for a in plan.arrows],
        "targets": [{"stage": u.stage_id, "kpi_id": u.kpi_id, "kpi": u.name,
                     "measure": u.measure, "target": _num(u.target),
                     "transition": u.transition_id or None, "reason": u.reason or None,
                     "plan_win_chance": _num(plan.stage(u.stage_id).win_chance)}
                    for u in plan.targets],
        "undrawn_moves": dict(plan.undrawn),
        # added in place (version 1 readers ignore it): what the plan had to assume
        "assumptions": [{"kind": a.kind, "stage": a.stage_id,
                         "transition": a.transition_id or None, "target": a.target or None,
                         "rate": _num(a.rate), "basis": a.basis or None}
                        for a in plan.assumptions],
    }


def _cell(text: str) -> str:
    """A user's text in a spreadsheet cell: never read as a formula (=, +, -, @, tab, CR
    at the start get a leading apostrophe, as spreadsheets expect)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def plan_csv(plan: Plan, language: str | None = None) -> str:
    """The plan table: a row per stage, then a row per followed arrow, then a row per
    assumption, headings in ``language``; numbers unformatted (a spreadsheet formats them).

    Assumptions are rows of their own kind (the Row column says "Assumption", Name the
    sentence, From/To/Rate the arrow), not ``#`` comments: CSV has no comments, so a
    spreadsheet or a csv reader would take a comment line for a row of data anyway, and
    rows keep the table rectangular and sortable with the stage and arrow it concerns."""
    w = words_for(language or plan.language, "plan")
    names = {s.stage_id: s.name for s in plan.stages}
    lanes = {s.stage_id: s.lane for s in plan.stages}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([w(f"col_{c}") for c in ("row", "id", "name", "lane", "entries",
                                             "dropped", "win_chance", "per_person_day",
                                             "from", "to", "rate", "how")])

    def fmt(value: float | None) -> str:
        return "" if value is None else repr(round(value, 6))

    for s in plan.stages:
        writer.writerow([w("row_stage"), _cell(s.stage_id), _cell(w.name(s.name)),
                         _cell(s.lane), fmt(s.entries), fmt(s.dropped), fmt(s.win_chance),
                         fmt(s.per_person_day), "", "", "", ""])
    for a in plan.arrows:
        r = a.rate
        if r.how == "closed":
            continue
        label = w("arrow_name", source=w.name(names[r.source]), target=w.name(names[r.target]))
        writer.writerow([w("row_arrow"), _cell(r.transition_id), _cell(label),
                         _cell(lanes[r.source]), fmt(a.deals), "", "", "",
                         _cell(r.source), _cell(r.target), fmt(r.rate),
                         _cell(rate_how(r, w))])
    shown = {s.stage_id: w.name(s.name) for s in plan.stages}
    for a in plan.assumptions:
        writer.writerow([w("row_assumption"), _cell(a.transition_id or a.stage_id),
                         _cell(assumption_line(a, shown, w)), _cell(lanes[a.stage_id]),
                         "", "", "", "", _cell(a.stage_id), _cell(a.target),
                         fmt(a.rate), ""])
    return out.getvalue()
