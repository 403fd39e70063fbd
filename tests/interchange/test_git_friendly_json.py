"""Teams keep processes in Git: the interchange JSON changes by one line when one field
changes (keys and lists in a stable order, one value per line), so ``git diff`` reads."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable

import pytest

from salesdesigner.model import Position, Process
from salesdesigner.storage.json_format import process_from_json, process_to_json
from salesdesigner.storage.templates import load_template


def kpi_target(p: Process) -> None:
    stage = p.stage("proposal")
    p.update_stage("proposal", kpis=(dataclasses.replace(stage.kpis[0], target=35.0),
                                     *stage.kpis[1:]))


ONE_FIELD: dict[str, tuple[Callable[[Process], object], str]] = {
    "KPI target": (kpi_target, '"target": 35,'),
    "stage name": (lambda p: p.update_stage("hearing", name="Discovery"),
                   '"name": "Discovery",'),
    "exit criterion": (lambda p: p.update_stage("proposal", exit_criteria=(
        "Quote sent", *p.stage("proposal").exit_criteria[1:])), '"Quote sent",'),
    "arrow label": (lambda p: p.update_transition("t5", label="Reviewing"),
                    '"label": "Reviewing",'),
    "lane name": (lambda p: p.update_lane("sales", name="Field sales"),
                  '"name": "Field sales",'),
    "position": (lambda p: p.move_stage("proposal", Position(
        p.stage("proposal").position.x, 999)), '"y": 999'),
}


def changed_lines(old: str, new: str) -> list[list[str]]:
    """The hunks of a unified diff without context, as their changed lines."""
    hunks: list[list[str]] = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), n=0, lineterm=""):
        if line.startswith("@@"):
            hunks.append([])
        elif hunks and line[:1] in "+-" and not line.startswith(("+++", "---")):
            hunks[-1].append(line)
    return hunks


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", list(ONE_FIELD))
def test_one_field_changed_changes_one_line_of_the_json_export(name, lang):
    edit, expected = ONE_FIELD[name]
    process = load_template("eight-step", lang)
    before = process_to_json(process)
    edit(process)
    after = process_to_json(process)
    (hunk,) = changed_lines(before, after)
    assert [line[0] for line in hunk] == ["-", "+"]
    assert hunk[1][1:].strip() == expected


def test_export_is_the_same_text_after_a_round_trip():
    """Importing and exporting again changes nothing: no reordering churn in Git."""
    text = process_to_json(load_template("the-model", "ja"))
    assert process_to_json(process_from_json(text)) == text
