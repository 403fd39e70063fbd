"""Every word the views show about a document, in English (keys as in :mod:`.ja`).

Keys without a dot are shared by every medium (canvas, inspector, reader, PDF manual, HTML
playbook); ``playbook.`` keys belong to the rep's page (the in-app reader and the HTML
playbook, which are the same page), ``manual.`` keys to the printed manual, ``check.`` keys
to the validation report.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # ---------------------------------------------------------------- parts of a stage
    "goal": "Goal",
    "description": "About this stage",
    "exit_criteria": "Exit criteria",
    "kpis": "KPIs",
    "actions": "Actions",
    "scripts": "Talk scripts",
    "materials": "Materials",
    "tips": "Tips",
    "next_steps": "Next steps",
    "comes_from": "Comes from",
    "lane": "Lane",
    "lanes": "Lanes",
    "no_lane": "No lane",
    "owner": "Who",
    "timing": "When",
    "situation": "Situation",
    "step_of": "Step {n} of {m}",
    # ---------------------------------------------------------------- names and values
    "untitled": "(untitled)",
    "no_target": "—",
    "higher_is_better": "higher is better",
    "lower_is_better": "lower is better",
    "target_higher": "≥ {value}",
    "target_lower": "≤ {value}",
    "duration": "Typically {days}",
    "day": "{n} day",
    "days": "{n} days",
    "date": "{day} {month} {year}",
    "months": "January,February,March,April,May,June,July,August,September,October,"
              "November,December",
    "colon": ": ",
    "parens": "{0} ({1})",
    "list_sep": ", ",
    "numbered": "{name} ({n})",
    # ---------------------------------------------------------------- kinds of stage
    "kind_start": "Start",
    "kind_stage": "Stage",
    "kind_decision": "Decision",
    "kind_won": "Won",
    "kind_lost": "Lost",
    "kind_end": "End",
    # ---------------------------------------------------------------- where a search matched
    "field_name": "Stage name",
    "field_goal": "Goal",
    "field_description": "Description",
    "field_exit_criteria": "Exit criteria",
    "field_kpi": "KPI",
    "field_action": "Action",
    "field_script": "Talk script",
    "field_material": "Material",
    "field_tip": "Tip",
    "field_transition": "Branch",
    # ---------------------------------------------------------------- what a new item is called
    # until the manager names it (it ends up in the manual and the playbook, so it is in the
    # document's language, not the menus')
    "new_stage": "New stage",
    "new_decision": "Decision?",
    "new_lane": "Lane",
    "new_kpi": "New KPI",
    "new_action": "New action",
    "new_script": "New script",
    "new_link": "New link",
    "new_tip": "New tip",
    "new_exit_criterion": "New exit criterion",
    # ---------------------------------------------------------------- the rep's page
    "playbook.overview": "Overview",
    "playbook.map": "Process map",
    "playbook.stages": "Stages",
    "playbook.start_here": "Start with the first step",
    "playbook.search": "Search stages, scripts, KPIs…",
    "playbook.search_label": "Search",
    "playbook.no_results": "Nothing found for “{q}”.",
    "playbook.results": "{n} results",
    "playbook.all_lanes": "All lanes",
    "playbook.lane_filter": "Lane",
    "playbook.menu": "Stages menu",
    "playbook.close": "Close",
    "playbook.choose_branch": "Choose a branch",
    "playbook.copy": "Copy",
    "playbook.copied": "Copied",
    "playbook.copy_failed": "Select the text and copy it",
    "playbook.prev": "Previous",
    "playbook.next": "Next",
    "playbook.loops_back": "goes back to an earlier step",
    "playbook.outcome": "Outcome: the deal's path ends here.",
    "playbook.process_start": "This is where the process starts.",
    "playbook.no_next": "No next step has been drawn from this stage.",
    "playbook.empty_stage": "Nothing has been written for this stage yet.",
    "playbook.no_stages": "This process has no stages yet.",
    "playbook.open_file": "Open file",
    "playbook.download": "Download",
    "playbook.missing_file": "file missing from the document",
    "playbook.show_on_map": "Show on map",
    "playbook.print": "Print",
    "playbook.shortcuts": "← → or j k: previous / next · /: search · m: map · Esc: close",
    "playbook.reset_checks": "Clear ticks",
    "playbook.revision": "Revision {r}",
    "playbook.diagram_label": "Flow diagram of the sales process; select a stage to open it",
    # ---------------------------------------------------------------- the printed manual
    "manual.subtitle": "Sales onboarding manual",
    "manual.company": "Company",
    "manual.revision": "Revision",
    "manual.date": "Issued",
    "manual.edition": "This edition covers: {what}",
    "manual.lanes": "lanes {names}",
    "manual.stages": "{count} selected stages",
    "manual.contents": "Contents",
    "manual.how_to_read": "How to read this manual",
    "manual.how_1": "This manual walks you through our sales process in the order a deal "
                    "moves through it: from the first contact to the won deal, with every "
                    "branch right after the stage it leaves from.",
    "manual.how_2": "Start with the process overview: it shows every stage, the team (lane) "
                    "responsible for it and the arrows a deal follows. The numbers on the "
                    "stages are the chapters of this manual.",
    "manual.how_3": "Each stage chapter tells you the goal of the stage, when a deal is ready "
                    "to move on (exit criteria), the KPIs you are measured by, the actions to "
                    "take (tick them off), what to say (talk scripts), the materials to use, "
                    "tips from experienced reps, and what comes next.",
    "manual.how_legend": "Shapes in the diagram",
    "manual.about_process": "About this process",
    "manual.overview": "Process overview",
    "manual.overview_map": "The diagram is split over {n} pages; the frames show which part "
                           "each page holds.",
    "manual.overview_part": "Part {i} of {n}",
    "manual.overview_too_big": "This process is too large to print legibly on a few pages; "
                               "the chapter numbers on the shapes lead to the details.",
    "manual.kpi_summary": "KPI summary",
    "manual.kpi_none": "No KPIs are defined for the stages in this manual.",
    "manual.col_stage": "Stage",
    "manual.col_kpi": "KPI",
    "manual.col_target": "Target",
    "manual.col_definition": "Definition",
    "manual.next_end": "This stage ends the process for the deal.",
    "manual.next_outside": "(not in this edition)",
    "manual.handoff": "Hand-off to {lane}",
    "manual.condition": "Condition",
    "manual.attachment": "Embedded file: {name}",
    "manual.chapter": "Chapter {n}",
    "manual.page": "Page {x} of {y}",
    "manual.field": "{name}: {value}",
    "manual.flow_note": "Where an arrow leaves a row, a tag names the stage and page it "
                        "continues on.",
    "manual.flow_to": "→ p. {page}",
    "manual.flow_from": "from p. {page}",
    "manual.terminal_stages": "Start and end points",
    # ---------------------------------------------------------------- the validation report
    "check.no-start": "The process has no start stage: add one so it is clear where a deal "
                      "begins.",
    "check.no-outcome": "The process has no won, lost or end stage: no deal can ever finish.",
    "check.unreachable": "“{name}” cannot be reached from the start.",
    "check.unreachable-loop": "The loop {names} cannot be reached from the start: no arrow "
                              "leads into it.",
    "check.dead-end": "“{name}” leads nowhere: no arrow takes a deal on from it to a won, "
                      "lost or end stage.",
    "check.dead-end-loop": "The loop {names} has no way out to a won, lost or end stage.",
    "check.isolated": "“{name}” is not connected: no arrow leads into it or out of it.",
    "check.isolated-loop": "The loop {names} is not connected to the rest of the process.",
    "check.then-unreachable": "Because of it, {count} more stage(s) cannot be reached either.",
    "check.then-dead-end": "Because of it, {count} more stage(s) cannot finish either.",
    "check.cycle": "These stages form a loop: {names}. Fine for nurturing, but check it is "
                   "meant.",
    "check.duplicate-name": "Several stages are named “{name}”: reps will not know which is "
                            "meant.",
    "check.unnamed": "A stage ({id}) has no name.",
    "check.decision-branches": "Decision “{name}” has fewer than two ways out.",
    "check.missing-file": "“{name}”: the material “{title}” points to an embedded file that "
                          "is not in the document; attach the file again.",
    "check.missing-logo": "The cover logo points to an embedded file that is not in the "
                          "document.",
    "check.no-exit-criteria": "“{name}” has no exit criteria: say what must be true to move "
                              "on.",
    "check.no-kpi": "“{name}” has no KPI: say what good looks like in numbers.",
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
}
