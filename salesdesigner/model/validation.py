"""Checks a process for structural mistakes and gaps, with networkx doing the graph work.

Each :class:`Finding` names the stages concerned, a severity and one sentence in the
document's language (Japanese when the process language is ``ja``, English otherwise).
"""

from __future__ import annotations

import enum
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from salesdesigner.lazy_import import lazy_module
from salesdesigner.model.entities import StageKind
from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process

# the canvas marks findings (Finding, Severity) from its first paint; the checks themselves
# run just after it, and networkx loads with them
nx = lazy_module("networkx")


class Severity(str, enum.Enum):
    ERROR = "error"      # the process cannot work as drawn
    WARNING = "warning"  # legitimate sometimes, worth a look
    HINT = "hint"        # the stage is incomplete for reps


@dataclass(frozen=True)
class Finding:
    """One problem, reported once: ``stage_ids`` are its cause (marked on the canvas),
    ``consequences`` the stages it affects in turn (listed under it, not marked)."""

    code: str
    severity: Severity
    stage_ids: tuple[str, ...]
    message: str
    consequences: tuple[str, ...] = ()


def _text(code: str, language: str, **values: str) -> str:
    """The finding's message in the document's language (model.presentation, ``check.*``)."""
    return words_for(language, "check")(code, **values)


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def validate(process: Process) -> list[Finding]:
    """All findings, errors first, then warnings, then hints; stable order within each."""
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
    graph = process.graph  # not before: the empty window's findings need no networkx
    order = {sid: i for i, sid in enumerate(process.stage_ids)}
    starts = process.start_stages()
    if not starts:
        add("no-start", Severity.ERROR, ())
    outcomes = [s.id for s in stages if s.kind.is_terminal]
    if not outcomes:
        add("no-outcome", Severity.ERROR, ())
    cut_off: list[tuple[tuple[str, ...], set[str]]] = []  # cause, what it cuts off
    stuck: list[tuple[tuple[str, ...], set[str]]] = []
    if starts:
        reached = set(starts).union(*(nx.descendants(graph, s) for s in starts))
        cut_off = _causes(graph.subgraph(set(order) - reached), order, upstream=True)
    if outcomes:
        finishing = set(outcomes).union(*(nx.ancestors(graph, o) for o in outcomes))
        stuck = _causes(graph.subgraph(set(order) - finishing), order, upstream=False)
    stuck_causes = {ids for ids, _ in stuck}
    structural: list[Finding] = []
    for ids, affected in cut_off:
        if ids in stuck_causes:  # nothing in, nothing out: one finding for both
            after = next(a for i, a in stuck if i == ids)
            structural.append(_finding("isolated", ids, affected | after, "then-unreachable",
                                       lang, label, order))
        else:
            structural.append(_finding("unreachable", ids, affected, "then-unreachable",
                                       lang, label, order))
    for ids, affected in stuck:
        if ids not in {i for i, _ in cut_off}:
            structural.append(_finding("dead-end", ids, affected, "then-dead-end",
                                       lang, label, order))
    # one cause, one error, in process order (the first stage with a problem first)
    findings.extend(sorted(structural, key=lambda f: order[f.stage_ids[0]]))

    for stage in stages:
        if not stage.name.strip():
            add("unnamed", Severity.WARNING, (stage.id,), id=stage.id)
        if stage.kind is StageKind.DECISION and graph.out_degree(stage.id) < 2:
            add("decision-branches", Severity.WARNING, (stage.id,), name=label(stage.id))

    for component in nx.strongly_connected_components(graph):
        # a loop through a decision or an outcome is a deliberate re-proposal or
        # nurture loop; one with no way out is a dead end (an error, above)
        if len(component) > 1 and not any(
                process.stage(i).kind is StageKind.DECISION or process.stage(i).kind.is_terminal
                for i in component) and not (component & _stuck_ids(stuck)):
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
    for stage in stages:  # e.g. a file saved before deleting a stage cleared such KPIs
        for kpi in stage.kpis:
            if kpi.measure_to and not process.has_stage(kpi.measure_to):
                add("measure-missing-stage", Severity.WARNING, (stage.id,),
                    name=label(stage.id), kpi=kpi.name or kpi.id, id=kpi.measure_to)

    for stage in stages:
        if stage.kind is StageKind.STAGE:
            if not stage.exit_criteria:
                add("no-exit-criteria", Severity.HINT, (stage.id,), name=label(stage.id))
            if not stage.kpis:
                add("no-kpi", Severity.HINT, (stage.id,), name=label(stage.id))

    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.HINT: 2}
    return sorted(findings, key=lambda f: rank[f.severity])


def _causes(part: nx.DiGraph, order: dict[str, int], *,
            upstream: bool) -> list[tuple[tuple[str, ...], set[str]]]:
    """The causes among stages cut off from the start (``upstream``: the loops or stages
    no arrow leads into) or from every outcome (the loops or stages no arrow leads out
    of), each with the other stages of ``part`` it cuts off (downstream, resp. upstream)."""
    if not part:
        return []
    dag = nx.condensation(part)
    causes = []
    for node in dag.nodes:
        if (dag.in_degree(node) if upstream else dag.out_degree(node)) == 0:
            members = dag.nodes[node]["members"]
            ids = tuple(sorted(members, key=order.__getitem__))
            reach = nx.descendants(dag, node) if upstream else nx.ancestors(dag, node)
            affected = set().union(*(dag.nodes[n]["members"] for n in reach))
            causes.append((ids, affected))
    return causes


def _stuck_ids(stuck: list[tuple[tuple[str, ...], set[str]]]) -> set[str]:
    """Every stage in a dead-end cause (their loops are reported as dead ends)."""
    return {i for ids, _ in stuck for i in ids}


def _finding(code: str, ids: tuple[str, ...], affected: set[str], then: str, lang: str,
             label: Callable[[str], str], order: dict[str, int]) -> Finding:
    """A reachability error: its cause (a stage or a loop), then how many it affects."""
    words = words_for(lang)
    if len(ids) == 1:
        message = _text(code, lang, name=label(ids[0]))
    else:
        quoted = words.join([words("quoted", text=label(i)) for i in ids])
        message = _text(code + "-loop", lang, names=quoted)
    rest = tuple(sorted(affected - set(ids), key=order.__getitem__))
    if rest:
        message = _text("and-then", lang, cause=message,
                        then=_text(then, lang, count=str(len(rest))))
    return Finding(code, Severity.ERROR, ids, message, rest)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
