"""Checks a process for structural mistakes and gaps, with networkx doing the graph work.

Each :class:`Finding` names the stages concerned, a severity and one sentence in the
document's language (Japanese when the process language is ``ja``, English otherwise).
"""

from __future__ import annotations

import enum
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from salesdesigner.model.entities import StageKind
from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process


class Severity(str, enum.Enum):
    ERROR = "error"      # the process cannot work as drawn
    WARNING = "warning"  # legitimate sometimes, worth a look
    HINT = "hint"        # the stage is incomplete for reps


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    stage_ids: tuple[str, ...]
    message: str


def _text(code: str, language: str, **values: str) -> str:
    """The finding's message in the document's language (model.presentation, ``check.*``)."""
    return words_for(language, "check")(code, **values)


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def validate(process: Process) -> list[Finding]:
    """All findings, errors first, then warnings, then hints; stable order within each."""
    graph = process.graph
    lang = process.language
    stages = process.stages
    sep = words_for(lang)("list_sep")
    findings: list[Finding] = []

    def label(stage_id: str) -> str:
        return process.stage(stage_id).name or stage_id

    def add(code: str, severity: Severity, ids: tuple[str, ...], **values: str) -> None:
        findings.append(Finding(code, severity, ids, _text(code, lang, **values)))

    if not stages:  # an empty document: say where to begin
        add("no-start", Severity.ERROR, ())
        add("no-outcome", Severity.ERROR, ())
        return findings
    starts = process.start_stages()
    if not starts:
        add("no-start", Severity.ERROR, ())
    else:
        reached = set(starts).union(*(nx.descendants(graph, s) for s in starts))
        for stage in stages:
            if stage.id not in reached:
                add("unreachable", Severity.ERROR, (stage.id,), name=label(stage.id))

    outcomes = [s.id for s in stages if s.kind.is_terminal]
    if not outcomes:
        add("no-outcome", Severity.ERROR, ())
    else:
        finishing = set(outcomes).union(*(nx.ancestors(graph, o) for o in outcomes))
        for stage in stages:
            if stage.id not in finishing:
                add("dead-end", Severity.ERROR, (stage.id,), name=label(stage.id))

    for stage in stages:
        if not stage.name.strip():
            add("unnamed", Severity.WARNING, (stage.id,), id=stage.id)
        if stage.kind is StageKind.DECISION and graph.out_degree(stage.id) < 2:
            add("decision-branches", Severity.WARNING, (stage.id,), name=label(stage.id))

    order = {sid: i for i, sid in enumerate(process.stage_ids)}
    for component in nx.strongly_connected_components(graph):
        if len(component) > 1:
            ids = tuple(sorted(component, key=order.__getitem__))
            add("cycle", Severity.WARNING, ids, names=sep.join(label(i) for i in ids))

    by_name: dict[str, list[str]] = defaultdict(list)
    for stage in stages:
        if stage.name.strip():
            by_name[_name_key(stage.name)].append(stage.id)
    for ids in by_name.values():
        if len(ids) > 1:
            add("duplicate-name", Severity.WARNING, tuple(ids), name=label(ids[0]))

    for stage in stages:  # e.g. imported from JSON whose files were not beside it
        for material in stage.materials:
            aid = material.attachment_id
            if aid is not None and not process.has_attachment(aid):
                add("missing-file", Severity.WARNING, (stage.id,), name=label(stage.id),
                    title=material.title or aid)
    if process.logo and not process.has_attachment(process.logo):
        add("missing-logo", Severity.WARNING, ())

    for stage in stages:
        if stage.kind is StageKind.STAGE:
            if not stage.exit_criteria:
                add("no-exit-criteria", Severity.HINT, (stage.id,), name=label(stage.id))
            if not stage.kpis:
                add("no-kpi", Severity.HINT, (stage.id,), name=label(stage.id))

    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.HINT: 2}
    return sorted(findings, key=lambda f: rank[f.severity])


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
