"""Hypothesis strategies for whole processes: random graphs with hostile random text.

Shared by the model, storage and export tests so every layer faces the same inputs:
markup characters, emoji, CJK, control characters and very long texts.
"""

from __future__ import annotations

from hypothesis import strategies as st

from salesdesigner.model import (
    Action,
    Attachment,
    Direction,
    Kpi,
    Lane,
    Material,
    Position,
    Process,
    Script,
    Stage,
    StageKind,
    Transition,
)

HOSTILE = ["<b>", "</script><script>alert(1)</script>", "&amp;", "<para>", "]]>", "\"'",
           "営業プロセス", "「受注」。", "😀👍🏽", "\u200b", "\t\n", "<img src=x onerror=alert(1)>"]

# Any Unicode text except surrogates (not encodable as UTF-8, so no file format can hold them).
_chars = st.characters(exclude_categories=("Cs",))
text = st.one_of(
    st.text(_chars, max_size=30),
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=5).map("".join),
)
long_text = st.one_of(text, st.integers(1000, 20000).map(lambda n: ("長文<&>" * n)[:n]))
numbers = st.one_of(st.none(), st.integers(-10**6, 10**6).map(float),
                    st.floats(allow_nan=False, allow_infinity=False, width=64))
# a stage's duration: none, or days within the range every reader accepts (storage.limits)
durations = st.one_of(st.none(), st.integers(0, 3650).map(float), st.floats(0, 1e5))
ids = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**53, 2**53), text),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)
extensions = st.dictionaries(st.text(min_size=1, max_size=8).map(lambda k: "x-" + k),
                             json_values, max_size=2)

kpis = st.builds(Kpi, name=text, target=numbers, unit=text,
                 direction=st.sampled_from(list(Direction)), definition=text,
                 id=text, extensions=extensions)
actions = st.builds(Action, title=text, owner=text, timing=text, detail=long_text,
                    extensions=extensions)
scripts = st.builds(Script, title=text, situation=text, body=long_text, extensions=extensions)


@st.composite
def processes(draw: st.DrawFn, max_stages: int = 12) -> Process:
    """A random, rule-abiding process (it may still have validation findings)."""
    language = draw(st.sampled_from(["ja", "en", "de"]))
    process = Process(id=draw(ids), name=draw(text), description=draw(long_text),
                      language=language, currency=draw(st.sampled_from(["", "JPY", "USD"])),
                      company=draw(text), revision=draw(text), extensions=draw(extensions))
    for lane_id in draw(st.lists(ids, unique=True, max_size=4)):
        process.add_lane(Lane(lane_id, draw(text), draw(st.sampled_from(
            ["#4C78A8", "#F58518", "#54A24B", "#E45756"])),
            draw(st.floats(40, 600)), draw(extensions)))
    lane_ids = [lane.id for lane in process.lanes]
    attachment_ids = draw(st.lists(ids, unique=True, max_size=2))
    for aid in attachment_ids:
        process.add_attachment(Attachment(aid, draw(text) or "file.bin",
                                          draw(st.binary(max_size=200)),
                                          draw(st.sampled_from(["application/pdf",
                                                                "image/png"]))))
    uris = st.one_of(text, st.sampled_from([f"attachment:{a}" for a in attachment_ids]
                                           or ["https://example.com/x"]))
    materials = st.builds(Material, title=text, uri=uris, note=text, extensions=extensions)
    stage_ids = draw(st.lists(ids, unique=True, max_size=max_stages))
    for sid in stage_ids:
        process.add_stage(Stage(
            id=sid, name=draw(text), kind=draw(st.sampled_from(list(StageKind))),
            lane=draw(st.sampled_from([None, *lane_ids])),
            position=Position(draw(st.floats(-1e5, 1e5)), draw(st.floats(-1e5, 1e5))),
            goal=draw(text), description=draw(long_text),
            exit_criteria=tuple(draw(st.lists(text, max_size=3))),
            duration_days=draw(durations),
            kpis=tuple(draw(st.lists(kpis, max_size=3))),
            actions=tuple(draw(st.lists(actions, max_size=2))),
            scripts=tuple(draw(st.lists(scripts, max_size=2))),
            materials=tuple(draw(st.lists(materials, max_size=2))),
            tips=tuple(draw(st.lists(text, max_size=2))),
            extensions=draw(extensions)))
    if len(stage_ids) >= 2:
        pairs = draw(st.lists(st.tuples(st.sampled_from(stage_ids), st.sampled_from(stage_ids))
                              .filter(lambda p: p[0] != p[1]), unique=True, max_size=20))
        for n, (s, t) in enumerate(pairs):
            process.add_transition(Transition(f"t{n}", s, t, draw(text), draw(text),
                                              draw(extensions)))
    return process
