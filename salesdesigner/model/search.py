"""Find text across a process: stage names, goals, KPIs, actions, scripts, materials, tips.

Matching is case-insensitive and width-insensitive (NFKC), so "ｱﾎﾟ" finds "アポ" and
"WIN" finds "win rate"; results come in process order, one per matching field.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from salesdesigner.model.entities import Stage
from salesdesigner.model.ordering import process_order
from salesdesigner.model.process import Process


@dataclass(frozen=True)
class Match:
    stage_id: str
    field: str   # "name", "goal", "kpi", "script", … (what matched)
    text: str    # the whole text of the field that matched


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def stage_texts(stage: Stage) -> Iterator[tuple[str, str]]:
    """Every searchable (field, text) pair of a stage, in reading order."""
    yield "name", stage.name
    yield "goal", stage.goal
    yield "description", stage.description
    for item in stage.exit_criteria:
        yield "exit_criteria", item
    for kpi in stage.kpis:
        yield "kpi", kpi.name
        yield "kpi", kpi.definition
    for action in stage.actions:
        yield "action", action.title
        yield "action", action.detail
    for script in stage.scripts:
        yield "script", script.title
        yield "script", script.situation
        yield "script", script.body
    for material in stage.materials:
        yield "material", material.title
        yield "material", material.note
    for tip in stage.tips:
        yield "tip", tip


def search(process: Process, query: str) -> list[Match]:
    needle = normalize(query).strip()
    if not needle:
        return []
    matches = []
    for sid in process_order(process):
        for field, text in stage_texts(process.stage(sid)):
            if text and needle in normalize(text):
                matches.append(Match(sid, field, text))
    return matches


def matching_stages(process: Process, query: str) -> list[str]:
    """Stage ids with at least one match, in process order (what Find steps through)."""
    return list(dict.fromkeys(m.stage_id for m in search(process, query)))
