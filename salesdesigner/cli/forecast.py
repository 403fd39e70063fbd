"""``salesdesigner analyze FILE --forecast`` / ``--levers``: the win probability per stage,
the forecast of the open pipeline and the levers worth pulling (aggregates only)."""

from __future__ import annotations

import argparse
import json
import sys

from salesdesigner.model.errors import UserError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The forecast's options on the ``analyze`` parser."""
    parser.add_argument("--forecast", action="store_true",
                        help="the win probability of each stage from the team's history "
                             "(KPI targets as a weak prior) and the open deals' expected "
                             "won deals and revenue per coming month, with ranges")
    parser.add_argument("--levers", action="store_true",
                        help="what +1 point of each transition's rate, or one day less in "
                             "a stage, adds in won deals and revenue, ranked")
    parser.add_argument("--months", type=int, default=None, metavar="N",
                        help="--forecast: months forecast one by one (default 3, at most 24)")


def wanted(args: argparse.Namespace) -> bool:
    """Whether ``analyze`` should print the forecast instead of the analysis; checks the
    options that do not go with it."""
    if args.months is not None and not args.forecast:
        raise UserError("--months applies to --forecast.")
    if not (args.forecast or args.levers):
        return False
    if getattr(args, "discover", False):
        raise UserError("give --discover or --forecast / --levers, not both.")
    if args.period is not None:
        raise UserError("--forecast and --levers use the whole history; leave out --period.")
    if args.by != "won":
        raise UserError("--by ranks the bottleneck; --levers give won deals and revenue both.")
    if args.months is not None and not 1 <= args.months <= 24:
        raise UserError(f"--months must be between 1 and 24, not {args.months}.")
    return True


def run(args: argparse.Namespace, process) -> int:  # type: ignore[no-untyped-def]
    """Print what ``--forecast`` / ``--levers`` ask for, as text or JSON."""
    from salesdesigner.model.actuals.history import build_history
    from salesdesigner.model.forecast import report
    from salesdesigner.model.forecast.levers import levers
    from salesdesigner.model.forecast.odds import estimate
    from salesdesigner.model.forecast.pipeline import HORIZON, forecast

    history = build_history(process, process.actuals.events)
    found = estimate(history)
    fc = forecast(history, found, horizon=args.months or HORIZON) if args.forecast else None
    ranked = levers(history, found) if args.levers else None
    if args.json:
        data = report.odds_json_head(found, history.as_of)
        if fc is not None:
            data["forecast"] = report.forecast_to_json(found, fc)["forecast"]
        if ranked is not None:
            data["levers"] = report.levers_to_json(found, ranked)["levers"]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    parts = []
    if fc is not None:
        parts.append(report.render_forecast(found, fc, args.lang))
    else:
        parts.append(report.render_odds(found, args.lang))
    if ranked is not None:
        parts.append(report.render_levers(found, ranked, args.lang))
    sys.stdout.write("\n".join(p.rstrip("\n") + "\n" for p in parts))
    return 0
