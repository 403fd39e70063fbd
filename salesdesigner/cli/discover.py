"""``salesdesigner analyze FILE --discover``: the flow the deals really took and how much
of it the design allows (the discovered moves, conformance), as text in the document's
language or as JSON.  Aggregates only unless ``--deal-ids`` asks for example deals."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from salesdesigner.model.process import Process


def discovery_parts(process: Process, language: str | None, *,
                    deal_ids: bool = False) -> tuple[str, dict[str, Any]]:
    """The discovered flow and conformance of ``process``'s actuals: (text, JSON data)."""
    from salesdesigner.model.actuals.history import build_history
    from salesdesigner.model.discovery.conformance import check_conformance
    from salesdesigner.model.discovery.flow import discover_history
    from salesdesigner.model.discovery.report import discovery_to_json, render_discovery

    history = build_history(process, process.actuals.events)
    flow = discover_history(history)
    conf = check_conformance(history, flow)
    return (render_discovery(flow, conf, language, deal_ids=deal_ids),
            discovery_to_json(flow, conf, include_deals=deal_ids))


def print_discovery(args: argparse.Namespace, process: Process) -> int:
    """``analyze --discover``: the flow deals really took and its conformance
    (above), then what each owner does differently (cli/owners.py); owners are
    Rep A, Rep B … unless ``--owner-names`` asks for them."""
    from salesdesigner.cli.owners import owners_section
    from salesdesigner.model.errors import UserError

    if args.period:
        raise UserError("--discover looks at the whole history: leave out --period.")
    text, flow = discovery_parts(process, args.lang, deal_ids=args.deal_ids)
    anonymise = not args.owner_names
    owners = owners_section(process, args.lang, as_json=args.json, anonymise=anonymise)
    if args.json:
        sys.stdout.write(json.dumps({"flow": flow, "owners": owners}, ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        sys.stdout.write(text.rstrip("\n") + "\n\n" + str(owners).rstrip("\n") + "\n")
    return 0
