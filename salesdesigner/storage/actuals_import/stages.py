"""Which process stage each CRM stage name stands for.

In order: what the manager gives now (``--map``, the dialog), what the document remembers
from earlier imports (if that stage still exists), an exact match of the stage's id or name
(compared as headers are: case, width and spaces ignored).  Names left over get near-match
*suggestions* (a similar name, or one containing the other), never silent guesses: their
rows are rejected as "unknown stage" until the manager maps them.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from salesdesigner.model import Process

#: What a mapping says for a CRM stage whose rows the manager chose to ignore (stored as
#: the stage id "": no stage has that id).
IGNORE = ""


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", text)  # "Closed Won (Sales Pipeline)"
    return re.sub(r"[\s_\-.・/]+", "", text)


@dataclass
class StageMatch:
    """The mapping found for each CRM stage name, how it was found, and suggestions."""

    mapping: dict[str, str] = field(default_factory=dict)  # CRM name → stage id or IGNORE
    how: dict[str, str] = field(default_factory=dict)  # CRM name → given/remembered/exact
    unmapped: dict[str, list[str]] = field(default_factory=dict)  # CRM name → near ids
    #: CRM name → the one stage whose name or id it contains or is contained in ("Closed
    #: Won" → won, "提案" → 提案とプレゼンテーション): what the dialog pre-selects, marked
    #: "check".  A merely similar spelling ("Closed Won" ~ "Closing") is never pre-selected.
    likely: dict[str, str] = field(default_factory=dict)

    @property
    def ignored(self) -> list[str]:
        """CRM stages whose rows are left out on purpose (mapped to :data:`IGNORE`)."""
        return [name for name, sid in self.mapping.items() if sid == IGNORE]


class StageMapError(ValueError):
    """A given mapping names a stage the process does not have."""


def resolve_given(process: Process, given: Mapping[str, str]) -> dict[str, str]:
    """``--map`` values as stage ids: each may name a stage by id or by (exact) name;
    :data:`IGNORE` ("") leaves the CRM stage's rows out."""
    by_name = {_key(s.name): s.id for s in process.stages if s.name.strip()}
    result = {}
    for crm, target in given.items():
        target = target.strip()
        if target == IGNORE or process.has_stage(target):
            result[crm] = target
        elif _key(target) in by_name:
            result[crm] = by_name[_key(target)]
        else:
            raise StageMapError(f"{crm!r}={target!r}: the process has no stage with that id "
                                "or name")
    return result


def match_stages(names: Iterable[str], process: Process,
                 remembered: Mapping[str, str] | None = None,
                 given: Mapping[str, str] | None = None) -> StageMatch:
    """Map every CRM stage name in ``names``; ``given`` holds stage ids already."""
    exact: dict[str, str] = {}
    for stage in process.stages:
        for text in (stage.name, stage.id):
            if text.strip():
                exact.setdefault(_key(text), stage.id)
    result = StageMatch()
    keys = list(exact)
    for name in names:
        if given and name in given:
            result.mapping[name], result.how[name] = given[name], "given"
        elif remembered and name in remembered and (remembered[name] == IGNORE
                                                    or process.has_stage(remembered[name])):
            result.mapping[name], result.how[name] = remembered[name], "remembered"
        elif _key(name) in exact:
            result.mapping[name], result.how[name] = exact[_key(name)], "exact"
        else:
            result.unmapped[name] = _suggestions(_key(name), keys, exact)
            likely = {sid for k, sid in exact.items()
                      if len(k) >= 2 and len(_key(name)) >= 2 and (k in _key(name)
                                                                   or _key(name) in k)}
            if len(likely) == 1:
                result.likely[name] = likely.pop()
    return result


def _suggestions(key: str, keys: list[str], exact: Mapping[str, str]) -> list[str]:
    near = difflib.get_close_matches(key, keys, n=3, cutoff=0.6)
    if key:
        near += [k for k in keys if (key in k or k in key) and len(k) >= 2 and k not in near]
    ids: list[str] = []
    for k in near:
        if exact[k] not in ids:
            ids.append(exact[k])
    return ids[:3]


__all__ = ["IGNORE", "StageMapError", "StageMatch", "match_stages", "resolve_given"]
