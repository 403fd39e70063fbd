"""Planning on the team's own process: the activity a goal needs (back-calculation, 逆算).

:func:`back_calculate` is the entry point (the CLI's ``plan``, the manual's plan page);
:mod:`.rates` says how every arrow's rate is chosen, :mod:`.report` words the plan (text,
JSON, CSV) from the presentation catalogue.  numpy loads on the first plan, never at
start-up.
"""

from __future__ import annotations

from salesdesigner.model.plan.backcalc import (
    MIN_WON_FOR_SIZE,
    ArrowPlan,
    Plan,
    StagePlan,
    back_calculate,
)
from salesdesigner.model.plan.rates import (
    ArrowRate,
    PlanInputError,
    TargetUse,
    choose_rates,
    parse_override,
)

__all__ = ["MIN_WON_FOR_SIZE", "ArrowPlan", "ArrowRate", "Plan", "PlanInputError",
           "StagePlan", "TargetUse", "back_calculate", "choose_rates", "parse_override"]
