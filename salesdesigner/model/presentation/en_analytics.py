"""The English words of the analytics (the analysis of actuals, the discovered flow, the
forecast and levers, the plan, top performers): part of :mod:`.en`'s table, kept
apart only to keep each module readable."""

from __future__ import annotations

WORDS: dict[str, str] = {
    # ---------------------------------------------------------------- the analysis of actuals
    "analysis.title": "Performance: {process}",
    "analysis.period": "Period: {period}",
    "analysis.overall": "the whole history",
    "analysis.as_of": "Data up to {date}",
    "analysis.deals": "Deals in the period: {n}",
    "analysis.ignored": "{n} events name stages the process does not have and were left out.",
    "analysis.funnel": "Funnel",
    "analysis.stage_line": "{name}: reached by {reached}, won {won}, lost {lost}, open {open}",
    "analysis.next": "to {name}: {n} ({rate})",
    "analysis.moved_on": "moved on {n}",
    "analysis.to_won": "won in the end {rate}",
    "analysis.days": "days in stage: mean {mean}, median {median}",
    "analysis.stalled": "stalled: {n} (over {days}, {source})",
    "analysis.source_designed": "the stage's typical duration",
    "analysis.source_median": "the median stay in the data",
    "analysis.flows": "Flows",
    "analysis.flow": "{source} → {target}: moves {moves}, deals {deals}",
    "analysis.undesigned": "(not on the diagram)",
    "analysis.kpis": "KPIs against targets",
    "analysis.kpi_line": "{stage} · {name}: {actual} (target {target}; n = {basis}) {mark}",
    "analysis.met": "met",
    "analysis.missed": "below target",
    "analysis.kpi_none": "{stage} · {name}: no actual, {reason}",
    "analysis.reason_no_measure": "the KPI does not say what it measures",
    "analysis.reason_unknown_stage": "it measures the move to a stage the process does not have",
    "analysis.reason_not_next": "it measures the move from its stage to the same stage",
    "analysis.reason_no_deals": "no deal reached the stage in this period",
    "analysis.reason_no_stays": "no deal left the stage in this period",
    "analysis.reason_no_amounts": "the won deals carry no amounts",
    "analysis.bottleneck": "Bottleneck",
    "analysis.bottleneck_conversion": "{source}→{target} conversion is {actual} against a "
                                      "target of {goal}. ",
    "analysis.bottleneck_win_rate": "The win rate from {stage} is {actual} against a target "
                                    "of {goal}. ",
    "analysis.bottleneck_entries": "{stage} gets {actual} deals a month against a target of "
                                   "{goal}. ",
    "analysis.gain_won": "On target, {gain} more deals would be won a month.",
    "analysis.gain_won_one": "On target, 1 more deal would be won a month.",
    "analysis.gain_revenue": "On target, won revenue would be {amount} a month higher.",
    "analysis.no_bottleneck_no_targets": "No KPI with a target can be measured from the data: "
                                         "give conversion, win rate or entry KPIs a measure "
                                         "and a target.",
    "analysis.no_bottleneck_on_target": "Every measured KPI meets its target.",
    "analysis.no_bottleneck_no_gain": "The KPIs below target cost no won deals in this "
                                      "history.",
    "analysis.measure_none": "Not measured",
    "analysis.measure_conversion": "Conversion",
    "analysis.measure_win_rate": "Win rate",
    "analysis.measure_entries": "Entries a month",
    "analysis.measure_days_in_stage": "Days in stage",
    "analysis.measure_won_amount": "Won amount a month",
    "analysis.measure_won_count": "Deals won a month",
    "analysis.measure_to_won": "Won",
    # on screen: the canvas's performance overlay and the dashboard dock
    "analysis.status_met": "On target",
    "analysis.status_near": "Just below target",
    "analysis.status_missed": "Below target",
    "analysis.status_none": "Not measurable",
    "analysis.card_kpi": "{actual} / {target} {name}",
    "analysis.card_reached": "{n} deals",
    "analysis.card_bottleneck": "Bottleneck",
    "analysis.arrow_tip": "{source} → {target}: {deals} deals",
    "analysis.ghost_tip": "Not on the diagram: {source} → {target}, {deals} deals ({moves} moves)",
    "analysis.actual": "Actual",
    "analysis.target": "Target",
    # ---------------------------------------------------------------- the discovered flow
    # (salesdesigner analyze --discover; the canvas's discovered-flow overlay)
    "analysis.discover_title": "The flow deals really took: {process}",
    "analysis.discover_deals": "Deals: {n}; moves between stages: {moves}",
    "analysis.discover_moves": "Moves between stages",
    "analysis.discover_move": "{source} → {target}: {moves} moves, {deals} deals, median "
                              "{days} before moving",
    "analysis.discover_move_nodays": "{source} → {target}: {moves} moves, {deals} deals",
    "analysis.discover_kind_designed": "on the diagram",
    "analysis.discover_kind_skip": "skip",
    "analysis.discover_kind_backward": "backwards",
    "analysis.discover_kind_exit": "dropped out early",
    "analysis.discover_kind_other": "not on the diagram",
    "analysis.discover_unused": "Arrows nobody took",
    "analysis.discover_unused_line": "{source} → {target}",
    "analysis.discover_none": "(none)",
    "analysis.conformance": "Conformance",
    "analysis.conformance_share": "{share} of deals ({conforming} of {deals}) followed "
                                  "the diagram",
    "analysis.conformance_deviations": "Top deviations",
    "analysis.conformance_deviation": "{source} → {target} ({kind}): {deals} deals, "
                                      "{moves} moves",
    "analysis.conformance_examples": "e.g. {ids}",
    "analysis.conformance_skips": "Stages deals skip",
    "analysis.conformance_skip": "{stage}: skipped by {deals} deals",
    "analysis.conformance_skipping": "skips {stages}",
    "analysis.observed_tip": "Not on the diagram ({kind}): {source} → {target}, {moves} "
                             "moves by {deals} deals. Click to add it as an arrow or list "
                             "the deals.",
    "analysis.designed_tip": "{source} → {target}: {moves} moves",
    "analysis.unused_tip": "{source} → {target}: no deal took this arrow",
    # win probability, forecast and levers (model/forecast/report.py)
    "analysis.fc_odds_title": "Win probability per stage: {process}",
    "analysis.fc_prior": "from the team's history, with the KPI targets worth {strength} deals per stage; ranges are {level} credible intervals",
    "analysis.fc_odds_line": "{name}: {win} ({low}–{high}), {seen} deals seen leaving",
    "analysis.fc_days_to_win": "won after {days}",
    "analysis.fc_days_to_close": "closed after {days}",
    "analysis.fc_closed_won": "won",
    "analysis.fc_title": "Forecast of the open deals ({n}), as of {date}",
    "analysis.fc_no_open": "No open deals to forecast.",
    "analysis.fc_quiet": "{n} open deals left out as gone quiet: no move for over {factor} times their stage's usual time (and at least {days}); the chances count them as lost there",
    "analysis.fc_period": "{period}: {won} won deals expected ({low}–{high}); open deals expected to close then: {deals}",
    "analysis.fc_revenue": "revenue {amount} ({low}–{high})",
    "analysis.fc_period_none": "{period}: no open deal expected to close",
    "analysis.fc_size_open": "revenue at {amount} a deal (the mean amount of the open deals)",
    "analysis.fc_size_won": "revenue at {amount} a deal (the mean amount of the won deals)",
    "analysis.fc_size_none": "no revenue: fewer than 3 deals have an amount (a single deal's amount is not shown)",
    "analysis.card_win": "wins {rate}",
    # the plan on the canvas overlay and in the what-if panel (ui/canvas/performance.py)
    "analysis.card_plan": "plan {n}",
    "analysis.arrow_plan": "{n}",
    "analysis.arrow_plan_tip": "Plan: {source} → {target}: {n} deals in the period",
    "analysis.plan_goal_won": "{won} won deals",
    "analysis.plan_goal_revenue": "revenue {goal}",
    "analysis.plan_line": "Plan for {goal}: {n} deals must come in",
    "analysis.plan_moved": "Plan for {goal}: deals that must come in {before} → {after}",
    "analysis.plan_not_followed": "The plan has no arrow for this step (a move nobody drew, or one past a branching decision): the plan stays as it was.",
    "analysis.plan_cannot": "Plan for {goal}: {why}",
    "analysis.fc_whatif_now": "{stage} → {target}: {rate} (from the data: {data})",
    "analysis.fc_whatif_effect": "Expected won deals from the open pipeline: {before} → {after}",
    "analysis.fc_whatif_effect_revenue": "revenue {before} → {after}",
    "analysis.fc_later": "later",
    "analysis.fc_total": "total",
    "analysis.fc_levers_title": "Levers: what one change adds in won deals in the coming month",
    "analysis.fc_no_levers": "No stage can reach won yet: there is nothing to pull.",
    "analysis.fc_lever_rate": "{source} → {target} {now} → {then}",
    "analysis.fc_lever_days": "one day less in {stage} (now {days})",
    "analysis.fc_gain": "{won} won deals a month",
    "analysis.fc_gain_revenue": "{amount} a month",
    "analysis.fc_gain_once": "{won} won deals brought into the coming month",
    "analysis.fc_gain_revenue_once": "{amount} brought forward",
    # ---------------------------------------------------------------- the plan (逆算)
    # (salesdesigner plan, the manual's plan page: the activity a goal needs)
    "plan.title": "Plan: {process}",
    "plan.goal_won": "Goal: {won} won deals in the period",
    "plan.goal_revenue": "Goal: {won} won deals in the period ({goal} at {size} a deal, "
                         "{source})",
    "plan.size_typed": "deal size as given",
    "plan.size_actuals": "deal size: the average won deal in the history",
    "plan.rates_targets": "Rates: the KPI targets; an arrow without one takes its actual rate, "
                          "else the rest is shared evenly",
    "plan.rates_actual": "Rates: the actual rates in the deal history; an arrow without data "
                         "shares the rest evenly",
    "plan.entries": "Deals that must enter the process: {n} ({chance} of them are won)",
    "plan.entry_at": "They enter at: {stages}",
    "plan.capacity": "A day per person: over {days} working days",
    "plan.stages": "Entries per stage in the period (a deal going round a loop counts each "
                   "time)",
    "plan.stage_line": "{name}: {n}",
    "plan.dropped": "closed here {n}",
    "plan.per_person": "{n} a day per person",
    "plan.arrows": "Arrows",
    "plan.arrow_line": "{source} → {target}: {rate} ({how}) → {n}",
    "plan.arrow_name": "{source} → {target}",
    "plan.how_override": "set for this plan",
    "plan.how_target": "target “{kpi}”",
    "plan.how_actual": "actual, n = {n}",
    "plan.how_even": "the rest, shared evenly",
    "plan.how_rest": "the rest",
    "plan.how_closed": "not followed",
    "plan.targets": "Rate targets",
    "plan.target_line": "{stage} · {name}: {text}",
    "plan.target_used": "{target}, used for {source} → {target_stage}",
    "plan.target_checked": "{target}: no rate here reaches it (more than the ways on can win, "
                           "or their rates are set), so only checked; with this plan {plan} "
                           "are won from here",
    "plan.target_not_next": "{target}: not used (no single arrow leads there from this stage)",
    "plan.target_range": "{target}: not used (a rate is between 0 and 100%)",
    "plan.target_lower": "{target}: not used (a rate where lower is better)",
    "plan.undrawn": "Moves in the deal history with no arrow on the diagram, left out: {moves}",
    "plan.col_row": "Row",
    "plan.col_id": "ID",
    "plan.col_name": "Name",
    "plan.col_lane": "Lane",
    "plan.col_entries": "Entries",
    "plan.col_dropped": "Closed here",
    "plan.col_win_chance": "Chance to win",
    "plan.col_per_person_day": "A day per person",
    "plan.col_from": "From",
    "plan.col_to": "To",
    "plan.col_rate": "Rate",
    "plan.col_how": "Rate from",
    "plan.row_stage": "Stage",
    "plan.row_arrow": "Arrow",
    "plan.row_assumption": "Assumption",
    "plan.assumptions": "Assumptions the plan makes",
    "plan.assume_even": "{source} → {target}: {rate} assumed (no target, no deal history: "
                        "{source}'s ways share the rest evenly)",
    "plan.assume_no_rate": "{stage}: no rate (no target, no deal history), so every deal "
                           "is assumed to move on to {target}",
    "plan.assume_few_deals": "{stage}: actual rates from only {n} finished visits (fewer "
                             "than {least}), so they are rough",
    "plan.assume_fitted_mix": "{stage}: its win-rate target is reached by scaling its ways "
                              "on together, keeping their mix (the target does not say "
                              "which way)",
    # ---------------------------------------------------------------- top performers
    # (per-owner comparison: analyze --discover, the Top performers view, tip drafts)
    "analysis.owners_title": "Top performers: {process}",
    "analysis.owners_method": "Each owner against the rest of the team (every deal they do "
                              "not hold); Fisher's exact test, false-discovery rate {alpha} "
                              "per move, gaps of {gap} points or more",
    "analysis.owners_named": "{name}",
    "analysis.owners_anonymous": "Rep {label}",
    "analysis.owners_finding": "{owner} moves {rate} of deals from {source} to {target} "
                               "(team average {team}, a difference chance hardly explains)",
    "analysis.owners_findings": "Differences chance hardly explains",
    "analysis.owners_none": "No owner differs from the team by more than chance explains.",
    "analysis.owners_no_owners": "The deal history names no owners.",
    "analysis.owners_unowned": "Deals without an owner: {n} (counted in the team)",
    "analysis.owners_line": "{owner}: {deals} deals",
    "analysis.owners_stage": "{stage}: reached {reached} (team {team})",
    "analysis.owners_next": "→ {target} {rate} (team {team})",
    "analysis.owners_p": ", p = {p}",
    "analysis.owners_flag": "← differs",
    "analysis.owners_days": "median {days} in stage (team {team})",
    "analysis.owners_team": "Team",
    "analysis.owners_reached": "{n} deals",
    "analysis.owners_tip_title_higher": "{source} → {target}: how the best do it",
    "analysis.owners_tip_higher": "{source} → {target}: one of us moves {rate} of deals on "
                                  "(team average {team}). Ask how, and write the steps here "
                                  "for everyone.",
    "analysis.owners_tip_title_lower": "{source} → {target}: where deals stop",
    "analysis.owners_tip_lower": "{source} → {target}: one of us moves only {rate} of deals "
                                 "on (team average {team}). Check what the others do at "
                                 "this step and coach it.",
}
