"""The discovered flow and conformance as text in the document's language and as JSON
(``salesdesigner analyze --discover``).  Aggregates only, unless the caller asks for the
example deal ids (deal data is confidential)."""

from __future__ import annotations

from typing import Any

from salesdesigner.model.discovery.conformance import Conformance
from salesdesigner.model.discovery.flow import DiscoveredFlow
from salesdesigner.model.presentation import Words, display_number, words_for

JSON_VERSION = 1
#: deviations the text lists
TOP = 10


def _share(value: float | None) -> str:
    return "—" if value is None else f"{display_number(round(value * 100, 1))}%"


def _days(words: Words, days: float) -> str:
    return words.days(round(days, 1))


def render_discovery(flow: DiscoveredFlow, conf: Conformance, language: str | None = None,
                     *, deal_ids: bool = False) -> str:
    """The moves (most first, each marked against the design), the arrows nobody took, the
    share of deals that followed the diagram, the top deviations and the skipped stages."""
    process = flow.process
    words = words_for(language or process.language, "analysis")
    names = {s.id: words.name(s.name) for s in process.stages}
    total = sum(m.moves for m in flow.moves)
    lines = [words("discover_title", process=words.name(process.name)),
             words("discover_deals", n=display_number(flow.deals),
                   moves=display_number(total)), "", words("discover_moves")]
    for m in flow.moves:
        key = "discover_move" if m.median_days is not None else "discover_move_nodays"
        text = words(key, source=names[m.source], target=names[m.target],
                     moves=display_number(m.moves), deals=display_number(m.deals),
                     days=_days(words, m.median_days or 0.0))
        lines.append(f"  {text} [{words('discover_kind_' + m.kind)}]")
    lines += ["", words("discover_unused")]
    by_id = {t.id: t for t in process.transitions}
    unused = [words("discover_unused_line", source=names[by_id[tid].source],
                    target=names[by_id[tid].target]) for tid in flow.unused]
    lines += [f"  {u}" for u in unused] or [f"  {words('discover_none')}"]
    lines += ["", words("conformance"),
              "  " + words("conformance_share", share=_share(conf.share),
                           conforming=display_number(conf.conforming),
                           deals=display_number(conf.deals)),
              "", words("conformance_deviations")]
    for d in conf.deviations[:TOP]:
        text = words("conformance_deviation", source=names[d.source], target=names[d.target],
                     kind=words("discover_kind_" + d.kind), deals=display_number(d.deals),
                     moves=display_number(d.moves))
        if d.skipped:
            text += " · " + words(
                "conformance_skipping", stages=words.join([names[s] for s in d.skipped]))
        if deal_ids and d.examples:
            text += " " + words("conformance_examples", ids=words.join(list(d.examples)))
        lines.append(f"  {text}")
    if not conf.deviations:
        lines.append(f"  {words('discover_none')}")
    lines += ["", words("conformance_skips")]
    lines += [f"  {words('conformance_skip', stage=names[sid], deals=display_number(n))}"
              for sid, n in conf.skipped.items()] or [f"  {words('discover_none')}"]
    return "\n".join(lines) + "\n"


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    rounded = round(float(value), 6)
    return int(rounded) if rounded.is_integer() else rounded


def discovery_to_json(flow: DiscoveredFlow, conf: Conformance, *,
                      include_deals: bool = False) -> dict[str, Any]:
    """Plain data for ``json.dumps``; deviations name example deals only with
    ``include_deals``."""
    return {
        "version": JSON_VERSION,
        "deals": flow.deals,
        "moves": [{"source": m.source, "target": m.target, "moves": m.moves,
                   "deals": m.deals, "median_days": _num(m.median_days), "kind": m.kind,
                   "transitions": list(m.way), "skipped": list(m.skipped)}
                  for m in flow.moves],
        "arrows": [{"transition_id": tid, "moves": n} for tid, n in flow.arrows.items()],
        "unused_arrows": list(flow.unused),
        "starts": dict(flow.starts),
        "conformance": {
            "deals": conf.deals, "conforming": conf.conforming, "share": _num(conf.share),
            "deviations": [dict({"source": d.source, "target": d.target, "kind": d.kind,
                                 "moves": d.moves, "deals": d.deals,
                                 "skipped": list(d.skipped)},
                                **({"examples": list(d.examples)} if include_deals else {}))
                           for d in conf.deviations],
            "skipped_stages": dict(conf.skipped),
        },
    }


__all__ = ["discovery_to_json", "render_discovery"]
