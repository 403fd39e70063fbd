"""``salesdesigner plan``: the activity a goal needs, back-calculated through the process
(:mod:`salesdesigner.model.plan`), as text, JSON or a CSV plan table."""

from __future__ import annotations

import argparse
import sys

from salesdesigner.model.errors import UserError

HELP = ("the activity a goal needs: deals entering the process and entries of every stage "
        "and arrow, back-calculated from a revenue goal or a number of won deals")


def _cli():  # type: ignore[no-untyped-def]
    import salesdesigner.cli as cli
    return cli


def add_parser(sub) -> None:  # type: ignore[no-untyped-def]
    """The ``plan`` sub-command's options (called by the command parser)."""
    plan = sub.add_parser("plan", help=HELP)
    plan.add_argument("file")
    goal = plan.add_mutually_exclusive_group(required=True)
    goal.add_argument("--goal", metavar="AMOUNT",
                      help="revenue goal for the period (36000000 or 36,000,000)")
    goal.add_argument("--won", metavar="N", help="goal as a number of won deals")
    plan.add_argument("--deal-size", metavar="AMOUNT",
                      help="--goal: the average won deal (default: the average of the won "
                           "deals in the document's actuals, at least 3 of them)")
    plan.add_argument("--rates", choices=("targets", "actual"), default="targets",
                      help="plan with the KPI targets (default; arrows without one take the "
                           "actual rate) or with the actual rates of the deal history")
    plan.add_argument("--rates-at", action="append", default=[], metavar="STAGE=SOURCE",
                      help="this stage's arrows from 'targets' or 'actual' (repeatable)")
    plan.add_argument("--rate", action="append", default=[], metavar="SOURCE:TARGET=P",
                      help="the rate of the arrow between two stages (ids), 0..1, e.g. "
                           "call:meeting=0.4 (repeatable)")
    plan.add_argument("--heads", action="append", default=[], metavar="LANE=N",
                      help="people working in a lane (id or name), for the daily activity "
                           "per person (repeatable)")
    plan.add_argument("--days", metavar="N", default=None,
                      help="working days in the period (default with --heads: 20)")
    plan.add_argument("--json", action="store_true", help="print the plan as JSON")
    plan.add_argument("--csv", metavar="OUT", default=None,
                      help="also write the plan table as CSV (UTF-8, opens in Excel)")
    plan.add_argument("--force", action="store_true", help="overwrite OUT even when read-only")
    plan.add_argument("--lang", default=None,
                      help="language of the plan: ja or en (default: the document's)")


def add_manual_options(export) -> None:  # type: ignore[no-untyped-def]
    """``export pdf``'s options for the manual's plan chapter."""
    export.add_argument("--plan-goal", metavar="AMOUNT", default=None,
                        help="pdf only: add the plan chapter for this revenue goal (with "
                             "--plan-deal-size, or the actuals' average won deal)")
    export.add_argument("--plan-won", metavar="N", default=None,
                        help="pdf only: add the plan chapter for N won deals")
    export.add_argument("--plan-deal-size", metavar="AMOUNT", default=None,
                        help="pdf --plan-goal: the average won deal")
    export.add_argument("--plan-rates", choices=("targets", "actual"), default=None,
                        help="pdf plan chapter: rates from the KPI targets (default) or the "
                             "actuals")
    export.add_argument("--plan-rate", action="append", default=[], metavar="SOURCE:TARGET=P",
                        help="pdf plan chapter: an arrow's rate (repeatable)")
    export.add_argument("--plan-heads", action="append", default=[], metavar="LANE=N",
                        help="pdf plan chapter: people in a lane (repeatable)")
    export.add_argument("--plan-days", metavar="N", default=None,
                        help="pdf plan chapter: working days in the period (default with "
                             "--plan-heads: 20)")


def manual_plan(args: argparse.Namespace, process):  # type: ignore[no-untyped-def]
    """The plan for ``export pdf``'s plan options, or None without them; UserError for
    plan options without a goal, or on another format."""
    given = [name for name, on in (("--plan-goal", args.plan_goal is not None),
                                   ("--plan-won", args.plan_won is not None),
                                   ("--plan-deal-size", args.plan_deal_size is not None),
                                   ("--plan-rates", args.plan_rates is not None),
                                   ("--plan-rate", bool(args.plan_rate)),
                                   ("--plan-heads", bool(args.plan_heads)),
                                   ("--plan-days", args.plan_days is not None)) if on]
    if not given:
        return None
    if args.format != "pdf":
        raise UserError(f"{given[0]} applies to pdf exports only.")
    if (args.plan_goal is None) == (args.plan_won is None):
        raise UserError("the plan chapter needs its goal: --plan-goal AMOUNT or --plan-won N "
                        "(one of them).")
    return build_plan(process, goal=args.plan_goal, won=args.plan_won,
                      deal_size=args.plan_deal_size, rates=args.plan_rates or "targets",
                      rates_at=[], rate=args.plan_rate, heads=args.plan_heads,
                      days=args.plan_days, prefix="--plan-")


def _number(text: str, option: str) -> float:
    cleaned = text.strip().replace(",", "").replace("_", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise UserError(f"{option} {text[:40]!r} is not a number.") from None
    return value


def _pairs(items: list[str], option: str, shape: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        key, sep, value = item.rpartition("=")
        if not sep or not key.strip() or not value.strip():
            raise UserError(f"{option} {item[:60]!r} must look like {shape}.")
        out.append((key.strip(), value.strip()))
    return out


def _lane_id(process, name: str, prefix: str = "--") -> str:  # type: ignore[no-untyped-def]
    if process.has_lane(name):
        return name
    named = [lane.id for lane in process.lanes if lane.name.strip() == name]
    if len(named) == 1:
        return named[0]
    known = ", ".join(lane.id for lane in process.lanes) or "none"
    raise UserError(f"{prefix}heads: there is no lane {name[:40]!r} (lane ids: {known[:200]}).")


def cmd_plan(args: argparse.Namespace) -> int:
    import json

    from salesdesigner.model.plan.report import plan_csv, plan_to_json, render_text

    cli = _cli()
    cli._lang(args.lang)
    if args.deal_size is not None and args.goal is None:
        raise UserError("--deal-size goes with --goal (a revenue goal), not --won.")
    if args.csv is not None:
        cli._refuse_same_file(args.file, args.csv)
        cli._refuse_clobbering_a_document(args.csv, args.force)
        cli._check_output(args.csv, args.force)
    process = cli._open(args.file)
    plan = build_plan(process, goal=args.goal, won=args.won, deal_size=args.deal_size,
                      rates=args.rates, rates_at=args.rates_at, rate=args.rate,
                      heads=args.heads, days=args.days)
    if args.csv is not None:
        from salesdesigner.storage.files import write_atomically
        write_atomically(args.csv, plan_csv(plan, args.lang).encode("utf-8-sig"),
                         force=args.force)
    if args.json:
        sys.stdout.write(json.dumps(plan_to_json(plan), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(plan, args.lang))
    return cli.EXIT_OK


def build_plan(process, *, goal: str | None, won: str | None, deal_size: str | None,  # type: ignore[no-untyped-def]
               rates: str, rates_at: list[str], rate: list[str], heads: list[str],
               days: str | None, prefix: str = "--"):
    """The plan from the options' texts (shared by ``plan`` and ``export pdf``)."""
    from salesdesigner.model.plan import back_calculate, parse_override

    overrides = {}
    for text in rate:
        source, target, value = parse_override(text)
        overrides[(source, target)] = value
    stage_sources = {}
    for sid, how in _pairs(rates_at, "--rates-at", "STAGE=targets or STAGE=actual"):
        if how not in ("targets", "actual"):
            raise UserError(f"--rates-at {sid[:40]}={how[:20]}: use targets or actual.")
        stage_sources[sid] = how
    lanes = {_lane_id(process, lane, prefix): _number(n, f"{prefix}heads")
             for lane, n in _pairs(heads, f"{prefix}heads", "LANE=N")}
    working = _number(days, f"{prefix}days") if days is not None else (20.0 if lanes else None)
    events = process.actuals.events if process.actuals else None
    return back_calculate(
        process, won=_number(won, f"{prefix}won") if won is not None else None,
        goal=_number(goal, f"{prefix}goal") if goal is not None else None,
        deal_size=(_number(deal_size, f"{prefix}deal-size") if deal_size is not None
                   else None),
        source=rates, stage_sources=stage_sources, overrides=overrides, events=events,
        heads=lanes, working_days=working)
