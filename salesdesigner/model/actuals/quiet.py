"""Deals gone quiet: open on paper, untouched for far longer than their stage takes.

CRM exports keep deals open that the team gave up on months ago (nobody closes them as
lost).  Counted as open, each would carry its stage's chance to win into the forecast, and
— since a probability is learnt from the visits that *finished* — the deals that simply
stopped would never count against the stage: a team that has won 10 of 400 leads would be
told a lead wins one time in three.

A deal is **quiet** when it is open and its current visit has lasted more than
:data:`FACTOR` × its stage's stall limit (:func:`~.funnel.stall_thresholds`: the designed
duration, else the median finished stay), and at least :data:`MIN_DAYS`; a stage with
neither waits :data:`DEFAULT_DAYS`.  The win probabilities count a quiet visit as a deal
lost at its stage (:func:`settled_moves`, the moves every chance is learnt from: the
bottleneck's, the forecast's, the plan's actual rates); the forecast leaves quiet deals out
and says how many.  The rule is
stated wherever it is used (it is an assumption, not a fact of the data).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from salesdesigner.model.actuals.history import OPEN, SECONDS_PER_DAY, History, micro
from salesdesigner.model.entities import StageKind

FACTOR = 3.0
MIN_DAYS = 30.0
DEFAULT_DAYS = 90.0


def limits(history: History,
           thresholds: dict[str, tuple[float, str]] | None = None) -> Any:
    """Stage index → the days after which an open visit there is quiet (inf: never)."""
    if thresholds is None:
        from salesdesigner.model.actuals.funnel import stall_thresholds
        thresholds = stall_thresholds(history)
    out = np.full(len(history.stage_ids), np.inf)
    for i, sid in enumerate(history.stage_ids):
        if StageKind(history.process.stage(sid).kind).is_terminal:
            continue
        stall = thresholds.get(sid)
        out[i] = max(MIN_DAYS, FACTOR * stall[0]) if stall else DEFAULT_DAYS
    return out


def quiet_deals(history: History,
                thresholds: dict[str, tuple[float, str]] | None = None) -> Any:
    """Per deal, whether it is quiet as of the data's last event (see the module doc)."""
    quiet = np.zeros(len(history.deal_ids), dtype=bool)
    if history.as_of is None or not len(history.deal_ids):
        return quiet
    open_ = np.flatnonzero(history.d_outcome == OPEN)
    if not len(open_):
        return quiet
    last = history.deal_visits[open_ + 1] - 1
    age = (micro(history.as_of) - history.v_in[last]).astype(np.float64) / 1e6 / SECONDS_PER_DAY
    quiet[open_] = age > limits(history, thresholds)[history.v_stage[last]]
    return quiet


def quiet_exits(history: History, quiet: Any | None = None) -> dict[str, int]:
    """Stage id → how many quiet deals stand there (each counts as lost at that stage)."""
    quiet = quiet_deals(history) if quiet is None else quiet
    deals = np.flatnonzero(quiet)
    if not len(deals):
        return {}
    stage = history.v_stage[history.deal_visits[deals + 1] - 1]
    counts = np.bincount(stage, minlength=len(history.stage_ids))
    return {history.stage_ids[i]: int(n) for i, n in enumerate(counts.tolist()) if n}


def with_quiet_as_lost(moves: dict[str, dict[str, int]],
                       quiet: dict[str, int]) -> dict[str, dict[str, int]]:
    """``observed_moves`` with each stage's quiet deals added to its "lost here" exit."""
    out = {sid: dict(row) for sid, row in moves.items()}
    for sid, n in quiet.items():
        row = out.setdefault(sid, {})
        row[""] = row.get("", 0) + n
    return out


def settled_moves(history: History) -> dict[str, dict[str, int]]:
    """The moves chances are learnt from: the finished visits'
    (:func:`~.bottleneck.observed_moves`) and each quiet deal as lost where it stands."""
    from salesdesigner.model.actuals.bottleneck import observed_moves
    return with_quiet_as_lost(observed_moves(history), quiet_exits(history))
