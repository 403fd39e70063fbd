"""The analysis as plain text in the document's language (the CLI's ``analyze``), and the
bottleneck's sentence — every word from the presentation catalogue's ``analysis.`` keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesigner.model.presentation import Words, display_number, with_unit, words_for

if TYPE_CHECKING:
    from salesdesigner.model.actuals.analysis import Analysis
    from salesdesigner.model.actuals.bottleneck import Candidate


def _rate(fraction: float | None) -> str:
    return "—" if fraction is None else f"{display_number(round(fraction * 100, 1))}%"


def _in_unit(value: float, unit: str) -> str:
    return with_unit(round(value, 1), unit)


def _gain(value: float) -> float:
    """Extra won deals as said: whole above 10, one decimal below (3.64 → 3.6)."""
    return round(value) if value >= 10 else round(value, 1)


def bottleneck_sentence(analysis: Analysis, language: str | None = None,
                        candidate: Candidate | None = None) -> str:
    """"提案→交渉の移行率が目標30%に対し18%。目標どおりなら月に受注が4件多い" — the
    bottleneck (or ``candidate``) in ``language`` (default: the document's); when there
    is none, the sentence saying why."""
    words = words_for(language or analysis.language, "analysis")
    c = candidate or analysis.bottleneck
    if c is None:
        return words(f"no_bottleneck_{analysis.bottleneck_reason or 'no_targets'}")
    names = {s.stage_id: words.name(s.name) for s in analysis.stages}
    k = c.kpi
    goal = with_unit(k.target or 0.0, k.unit)
    actual = _in_unit(k.actual or 0.0, k.unit)
    if k.measure == "conversion" and c.to_stage:
        head = words("bottleneck_conversion", source=names[c.stage_id],
                     target=names.get(c.to_stage, c.to_stage), goal=goal, actual=actual)
    elif k.measure == "entries":
        head = words("bottleneck_entries", stage=names[c.stage_id], goal=goal,
                     actual=display_number(round(k.actual or 0.0, 1)))
    else:
        head = words("bottleneck_win_rate", stage=names[c.stage_id], goal=goal, actual=actual)
    if analysis.by == "revenue" and c.revenue_per_month is not None:
        amount = with_unit(round(c.revenue_per_month), analysis.currency)
        return head + words("gain_revenue", amount=amount)
    gain = _gain(c.won_per_month)
    if gain == 1:
        return head + words("gain_won_one")
    return head + words("gain_won", gain=display_number(gain))


def render_text(analysis: Analysis, language: str | None = None) -> str:
    """The funnel, flows, KPI actuals and the bottleneck, one fact a line (aggregates only)."""
    words = words_for(language or analysis.language, "analysis")
    names = {s.stage_id: words.name(s.name) for s in analysis.stages}
    period = analysis.period.label if analysis.period else words("overall")
    lines = [words("title", process=words.name(analysis.process_name)),
             words("period", period=period)]
    if analysis.as_of is not None:
        lines.append(words("as_of", date=words.date(analysis.as_of.date())))
    lines.append(words("deals", n=analysis.deals))
    if analysis.ignored_events:
        lines.append(words("ignored", n=analysis.ignored_events))
    lines += ["", words("funnel")]
    for s in analysis.stages:
        lines.append(_stage_line(words, s, names))
    lines += ["", words("flows")]
    for f in analysis.transitions:
        text = words("flow", source=names.get(f.source, f.source),
                     target=names.get(f.target, f.target), moves=f.moves, deals=f.deals)
        lines.append("  " + text + ("" if f.designed else " " + words("undesigned")))
    lines += ["", words("kpis")]
    for k in analysis.kpis:
        stage = names.get(k.stage_id, k.stage_id)
        if k.actual is None:
            lines.append("  " + words("kpi_none", stage=stage, name=words.name(k.name),
                                      reason=words(f"reason_{k.reason}")))
            continue
        mark = "" if k.met is None else words("met" if k.met else "missed")
        target = words.kpi_target(_as_kpi(k)) or words.no_target
        lines.append("  " + words("kpi_line", stage=stage, name=words.name(k.name),
                                  actual=_in_unit(k.actual, k.unit), target=target,
                                  basis=k.basis, mark=mark).rstrip())
    lines += ["", words("bottleneck"), "  " + bottleneck_sentence(analysis, words.code)]
    return "\n".join(lines) + "\n"


def _stage_line(words: Words, s, names: dict[str, str]) -> str:  # type: ignore[no-untyped-def]
    parts = [words("stage_line", name=names[s.stage_id], reached=s.reached, won=s.won,
                   lost=s.lost, open=s.open)]
    detail = []
    if s.moved_on_total:
        detail.append(words("moved_on", n=s.moved_on_total))
    conv = s.conversion
    detail += [words("next", name=names.get(t, t), n=n, rate=_rate(conv[t]))
               for t, n in s.moved_on.items()]
    if s.reached:
        detail.append(words("to_won", rate=_rate(s.conversion_to_won)))
    if s.days_mean is not None and s.days_median is not None:
        detail.append(words("days", mean=words.days(round(s.days_mean, 1)),
                            median=words.days(round(s.days_median, 1))))
    if s.stalled and s.stall_threshold_days is not None:
        detail.append(words("stalled", n=s.stalled,
                            days=words.days(round(s.stall_threshold_days, 1)),
                            source=words(f"source_{s.stall_threshold_source}")))
    lines = ["  " + parts[0]]
    lines += ["    " + d for d in detail]
    return "\n".join(lines)


def _as_kpi(k):  # type: ignore[no-untyped-def]
    from salesdesigner.model.entities import Direction, Kpi
    return Kpi(name=k.name, target=k.target, unit=k.unit, direction=Direction(k.direction))
