"""Which stage, lane and arrow of the old document is which of the new one.

Ids come first.  Within one document (the same process id: revisions, a draft and its
published version) a stage keeps its id for life, so equal ids are one stage.  Across
documents an id alone is not trusted: two documents made from one template, or two CSV
imports, share ids such as ``proposal`` or ``won`` without being related, and a differ
that pairs by id alone calls unrelated models "unchanged" (bpmn-js-differ #7).  So there a
pair of stages with the same id is kept when the stages are alike (:func:`likeness`: the
name, and the words of the content), or when the rest of the flow around them was paired
already (a stage renamed and rewritten where it stands); otherwise the two count as one
removed and one added.  Stages left over on both sides are then paired when one was
deleted and re-created under the same or a very similar name with similar content.

Pairing is greedy, best pair first, and symmetric: ties are broken by the sum of the two
positions, and pairs tied that way never compete for one stage, so comparing B with A
pairs exactly what comparing A with B paired.
"""

from __future__ import annotations

from dataclasses import dataclass

from salesdesigner.model.compare.textdiff import jaccard, normalised, ratio, token_set
from salesdesigner.model.entities import Stage, Transition
from salesdesigner.model.process import Process

#: Content this alike (shared words over all words) makes a same-id pair certain.
CONTENT_SAME = 0.5
#: Below this the contents of two stages have too little in common to be one re-created.
CONTENT_FLOOR = 0.3
#: A re-created stage's name must be at least this alike its old name.
NAME_SIMILAR = 0.8
#: Stages whose names have no equal on the other side are compared by name similarity only
#: while there are at most this many pairs of them.
SIMILAR_PAIRS_LIMIT = 4_000
#: Half of a stage's arrows leading to paired stages keeps a same-id pair of the same kind.
NEIGHBOURS_AGREE = 0.5


@dataclass(frozen=True)
class Likeness:
    """How alike two stages are: by name, and by the words of their content (``None``
    when neither has any content)."""

    name: float
    content: float | None

    @property
    def score(self) -> float:
        if self.content is None:
            return self.name
        return 0.5 * self.name + 0.5 * self.content


class _Contents:
    """The content words of each stage, computed once per comparison."""

    def __init__(self) -> None:
        self._cache: dict[int, frozenset[str]] = {}

    def of(self, stage: Stage) -> frozenset[str]:
        key = id(stage)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = token_set(content_text(stage))
        return found


def content_text(stage: Stage) -> str:
    """Everything a rep reads about a stage except its name, as one text."""
    parts = [stage.goal, stage.description, *stage.exit_criteria, *stage.tips]
    for kpi in stage.kpis:
        parts += [kpi.name, kpi.definition]
    for action in stage.actions:
        parts += [action.title, action.owner, action.timing, action.detail]
    for script in stage.scripts:
        parts += [script.title, script.situation, script.body]
    for material in stage.materials:
        parts += [material.title, material.uri, material.note]
    return "\n".join(parts)


def likeness(a: Stage, b: Stage, contents: _Contents | None = None) -> Likeness:
    """How alike two stages are (symmetric)."""
    contents = contents or _Contents()
    ca, cb = contents.of(a), contents.of(b)
    content = None if not ca and not cb else jaccard(ca, cb)
    return Likeness(ratio(a.name, b.name), content)


def _same_content(a: Stage, b: Stage) -> bool:
    """Equal but for where the stage is drawn (and which lane it is in)."""
    return (a.name, a.kind, a.goal, a.description, a.exit_criteria, a.duration_days, a.kpis,
            a.actions, a.scripts, a.materials, a.tips) == \
        (b.name, b.kind, b.goal, b.description, b.exit_criteria, b.duration_days, b.kpis,
         b.actions, b.scripts, b.materials, b.tips)


def _neighbours(process: Process, stage_id: str) -> tuple[set[str], set[str]]:
    graph = process.graph
    return set(graph.predecessors(stage_id)), set(graph.successors(stage_id))


def neighbour_agreement(old: Process, new: Process, old_id: str, new_id: str,
                        pairs: dict[str, str]) -> float:
    """The share of the two stages' arrows whose other ends are paired with each other."""
    old_in, old_out = _neighbours(old, old_id)
    new_in, new_out = _neighbours(new, new_id)
    degree = max(len(old_in) + len(old_out), len(new_in) + len(new_out))
    if not degree:
        return 0.0
    agree = sum(pairs.get(s) in new_in for s in old_in) + \
        sum(pairs.get(s) in new_out for s in old_out)
    return agree / degree


def match_stages(old: Process, new: Process) -> dict[str, str]:
    """Old stage id → new stage id for every stage the two documents share."""
    contents = _Contents()
    pairs: dict[str, str] = {}
    doubtful: list[str] = []
    one_document = bool(old.id) and old.id == new.id
    for stage in old.stages:
        if not new.has_stage(stage.id):
            continue
        other = new.stage(stage.id)
        if one_document or _same_content(stage, other):
            pairs[stage.id] = stage.id
            continue
        alike = likeness(stage, other, contents)
        if (alike.content is not None and alike.content >= CONTENT_SAME) or (
                alike.name == 1.0 and (alike.content is None or alike.content >= CONTENT_FLOOR)):
            pairs[stage.id] = stage.id
        else:
            doubtful.append(stage.id)
    # a same-id stage rewritten where it stands: its arrows lead to stages paired above
    kept = [sid for sid in doubtful
            if old.stage(sid).kind == new.stage(sid).kind
            and neighbour_agreement(old, new, sid, sid, pairs) >= NEIGHBOURS_AGREE]
    pairs.update((sid, sid) for sid in kept)
    pairs.update(_recreated(old, new, pairs, contents))
    return pairs


def _recreated(old: Process, new: Process, pairs: dict[str, str],
               contents: _Contents) -> dict[str, str]:
    """Stages deleted and re-created: same kind, the same or a very similar name, similar
    content (or none on one side).

    Stages with the same name are compared first (cheap, by a look-up); stages whose name
    has no equal on the other side are compared with each other only while there are few
    of them (at most :data:`SIMILAR_PAIRS_LIMIT` pairs), so two unrelated 1,000-stage
    processes do not cost a million name comparisons.
    """
    taken = set(pairs.values())
    olds = [(i, s) for i, s in enumerate(old.stages) if s.id not in pairs]
    news = [(j, s) for j, s in enumerate(new.stages) if s.id not in taken]
    if not olds or not news:
        return {}
    named: dict[tuple[object, str], list[tuple[int, Stage]]] = {}
    for j, stage in news:
        named.setdefault((stage.kind, normalised(stage.name)), []).append((j, stage))
    old_names = {(stage.kind, normalised(stage.name)) for _, stage in olds}
    candidates = []
    lonely_old = []
    for i, a in olds:
        same = named.get((a.kind, normalised(a.name)))
        if same is None:
            lonely_old.append((i, a))
        for j, b in same or ():
            _consider(a, b, i, j, contents, candidates)
    lonely_new = [(j, b) for j, b in news if (b.kind, normalised(b.name)) not in old_names]
    if len(lonely_old) * len(lonely_new) <= SIMILAR_PAIRS_LIMIT:
        for i, a in lonely_old:
            for j, b in lonely_new:
                if a.kind == b.kind and ratio(a.name, b.name) >= NAME_SIMILAR:
                    _consider(a, b, i, j, contents, candidates)
    return greedy(candidates)


def _consider(a: Stage, b: Stage, i: int, j: int, contents: _Contents,
              candidates: list[tuple[float, int, str, str]]) -> None:
    alike = likeness(a, b, contents)
    if contents.of(a) and contents.of(b) and (alike.content or 0.0) < CONTENT_FLOOR:
        return
    candidates.append((-alike.score, i + j, a.id, b.id))


def greedy(candidates: list[tuple[float, int, str, str]]) -> dict[str, str]:
    """Best pairs first, each side used once; ``(−score, i + j, old, new)`` tuples."""
    result: dict[str, str] = {}
    used: set[str] = set()
    for _score, _sum, a, b in sorted(candidates, key=lambda c: (c[0], c[1])):
        if a not in result and b not in used:
            result[a] = b
            used.add(b)
    return result


def match_lanes(old: Process, new: Process, stage_pairs: dict[str, str]) -> dict[str, str]:
    """Old lane id → new lane id: the same id with a similar name or keeping most of its
    (paired) stages, then lanes left over whose name is the same and unique."""
    paired_new = set(stage_pairs.values())
    old_members: dict[str, set[str]] = {}
    new_members: dict[str, set[str]] = {}
    for stage in old.stages:
        if stage.lane is not None and stage.id in stage_pairs:
            old_members.setdefault(stage.lane, set()).add(stage_pairs[stage.id])
    for stage in new.stages:
        if stage.lane is not None and stage.id in paired_new:
            new_members.setdefault(stage.lane, set()).add(stage.id)
    pairs: dict[str, str] = {}
    for lane in old.lanes:
        if not new.has_lane(lane.id):
            continue
        a, b = old_members.get(lane.id, set()), new_members.get(lane.id, set())
        if ratio(lane.name, new.lane(lane.id).name) >= 0.5 or 2 * len(a & b) > max(len(a), len(b)):
            pairs[lane.id] = lane.id
    taken = set(pairs.values())
    olds = [x for x in old.lanes if x.id not in pairs]
    news = [x for x in new.lanes if x.id not in taken]
    for lane in olds:
        key = normalised(lane.name)
        same_old = [x for x in olds if normalised(x.name) == key]
        same_new = [x for x in news if normalised(x.name) == key]
        if len(same_old) == 1 and len(same_new) == 1:
            pairs[lane.id] = same_new[0].id
    return pairs


def match_transitions(old: Process, new: Process,
                      stage_pairs: dict[str, str]) -> dict[str, str]:
    """Old arrow id → new arrow id: the same id with at least one end on paired stages,
    then arrows between the same two (paired) stages."""
    pairs: dict[str, str] = {}
    for t in old.transitions:
        if new.has_transition(t.id) and _an_end_agrees(t, new.transition(t.id), stage_pairs):
            pairs[t.id] = t.id
    taken = set(pairs.values())
    for t in old.transitions:
        if t.id in pairs:
            continue
        source, target = stage_pairs.get(t.source), stage_pairs.get(t.target)
        if source is None or target is None:
            continue
        other = new.transition_between(source, target)
        if other is not None and other.id not in taken:
            pairs[t.id] = other.id
            taken.add(other.id)
    return pairs


def _an_end_agrees(a: Transition, b: Transition, stage_pairs: dict[str, str]) -> bool:
    return stage_pairs.get(a.source) == b.source or stage_pairs.get(a.target) == b.target
