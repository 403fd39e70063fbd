"""Validation findings: what is flagged, how severe, and in which language."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings

from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.validation import Severity, has_errors, validate
from tests.strategies import processes


def build(kinds: dict[str, StageKind], edges: list[tuple[str, str]], language: str = "en",
          complete: bool = True) -> Process:
    process = Process(language=language)
    for sid, kind in kinds.items():
        extra = dict(exit_criteria=("done",), kpis=(Kpi("rate", 10),)) if complete else {}
        process.add_stage(Stage(sid, sid.title(), kind, **extra))
    for n, (a, b) in enumerate(edges):
        process.add_transition(Transition(f"t{n}", a, b))
    return process


S, ST, D, W, L = StageKind.START, StageKind.STAGE, StageKind.DECISION, StageKind.WON, StageKind.LOST


def codes(process: Process) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, f.stage_ids) for f in validate(process)]


def test_a_sound_process_has_no_findings():
    process = build({"s": S, "a": ST, "d": D, "w": W, "l": L},
                    [("s", "a"), ("a", "d"), ("d", "w"), ("d", "l")])
    assert validate(process) == []


def test_missing_start_is_an_error():
    process = build({"a": ST, "w": W}, [("a", "w")])
    findings = validate(process)
    assert ("no-start", ()) in codes(process)
    assert has_errors(findings)


def test_unreachable_and_dead_end_stages_are_named_once_each():
    process = build({"s": S, "a": ST, "orphan": ST, "w": W, "stuck": ST},
                    [("s", "a"), ("a", "w"), ("a", "stuck")])
    found = codes(process)
    # an unconnected stage is one problem (not "unreachable" and "dead end" twice)
    assert found == [("isolated", ("orphan",)), ("dead-end", ("stuck",))]


def test_a_loop_is_a_warning_naming_its_stages_not_an_error():
    process = build({"s": S, "a": ST, "b": ST, "w": W},
                    [("s", "a"), ("a", "b"), ("b", "a"), ("b", "w")])
    findings = validate(process)
    cycle = [f for f in findings if f.code == "cycle"]
    assert [f.stage_ids for f in cycle] == [("a", "b")]
    assert cycle[0].severity is Severity.WARNING
    assert not has_errors(findings)


def test_duplicate_names_ignore_case_and_width():
    process = build({"s": S, "a": ST, "b": ST, "w": W}, [("s", "a"), ("a", "b"), ("b", "w")])
    process.update_stage("a", name="Ｈｅａｒｉｎｇ")
    process.update_stage("b", name="hearing ")
    assert ("duplicate-name", ("a", "b")) in codes(process)


def test_incomplete_stages_get_hints_and_decisions_need_two_ways_out():
    process = build({"s": S, "a": ST, "d": D, "w": W},
                    [("s", "a"), ("a", "d"), ("d", "w")], complete=False)
    found = {(f.code, f.stage_ids, f.severity) for f in validate(process)}
    assert ("no-kpi", ("a",), Severity.HINT) in found
    assert ("no-exit-criteria", ("a",), Severity.HINT) in found
    assert ("decision-branches", ("d",), Severity.WARNING) in found


def test_findings_speak_the_documents_language():
    process = build({"a": ST, "w": W}, [("a", "w")], language="ja")
    message = validate(process)[0].message
    assert "開始ステージ" in message


def test_errors_come_before_warnings_and_hints():
    process = build({"a": ST, "b": ST, "w": W}, [("a", "b"), ("b", "a"), ("b", "w")],
                    complete=False)
    ranks = [f.severity for f in validate(process)]
    order = [Severity.ERROR, Severity.WARNING, Severity.HINT]
    assert ranks == sorted(ranks, key=order.index)


def test_an_empty_process_is_told_where_to_begin():
    findings = validate(Process(language="en"))
    assert [f.code for f in findings] == ["no-start", "no-outcome"]
    assert has_errors(findings)


def test_a_material_or_logo_pointing_at_a_missing_file_is_a_warning_in_the_document_language():
    from salesdesigner.model import Attachment, Material

    process = build({"s": S, "a": ST, "w": W}, [("s", "a"), ("a", "w")], language="ja")
    process.update_stage("a", materials=(Material("料金表", "attachment:gone"),
                                         Material("事例", "attachment:here"),
                                         Material("Site", "https://example.com")))
    process.add_attachment(Attachment("here", "case.pdf", b"%PDF"))
    process.update_process(logo="nologo")
    found = [(f.code, f.severity, f.stage_ids) for f in validate(process)]
    assert found == [("missing-file", Severity.WARNING, ("a",)),
                     ("missing-logo", Severity.WARNING, ())]
    message = validate(process)[0].message
    assert "料金表" in message and "埋め込みファイル" in message
    process.add_attachment(Attachment("gone", "price.xlsx", b"x"))
    process.add_attachment(Attachment("nologo", "logo.png", b"x"))
    assert validate(process) == []


def test_a_dead_end_is_one_error_naming_it_with_what_it_strands_folded_under_it():
    #  s → a → b → c      (c leads nowhere: s, a, b cannot finish because of it)
    #  x → y → w          (x, y, w cannot be reached: nothing leads into x)
    process = build({"s": S, "a": ST, "b": ST, "c": ST, "x": ST, "y": ST, "w": W},
                    [("s", "a"), ("a", "b"), ("b", "c"), ("x", "y"), ("y", "w")])
    findings = validate(process)
    assert [(f.code, f.stage_ids, f.consequences) for f in findings] == [
        ("dead-end", ("c",), ("s", "a", "b")),
        ("unreachable", ("x",), ("y", "w")),
    ]
    assert findings[0].message == ("“C” leads nowhere: no arrow takes a deal on from it to "
                                   "a won, lost or end stage. Because of it, 3 more stage(s) "
                                   "cannot finish either.")
    assert findings[1].message.endswith("Because of it, 2 more stage(s) cannot be reached either.")


def test_deleting_the_arrow_hearing_to_proposal_names_its_two_ends_first_hearing():
    from salesdesigner.storage.templates import load_template

    process = load_template("eight-step", "ja")
    arrow = next(t for t in process.transitions
                 if (t.source, t.target) == ("hearing", "proposal"))
    process.remove_transition(arrow.id)
    errors = [f for f in validate(process) if f.severity is Severity.ERROR]
    assert [(f.code, f.stage_ids) for f in errors] == [
        ("dead-end", ("hearing",)),
        ("unreachable", ("proposal", "closing", "agreement")),  # the loop nothing enters
    ]
    assert errors[0].message.startswith("「ヒアリングとニーズ把握」から先に進む矢印がありません。")
    assert errors[0].consequences == ("lead", "prospecting", "approach")
    assert set(errors[1].consequences) == {"won", "lost", "order-processing", "after-sales",
                                           "referral", "end"}
    assert "6個のステージ" in errors[1].message
    assert not [f for f in validate(process) if f.severity is Severity.WARNING]


def test_a_loop_with_no_way_out_is_one_dead_end_error_not_a_loop_warning():
    process = build({"s": S, "a": ST, "b": ST, "w": W}, [("s", "a"), ("a", "b"), ("b", "a")])
    assert codes(process) == [("dead-end", ("a", "b")), ("unreachable", ("w",))]
    message = validate(process)[0].message
    assert message.startswith("The loop “A”, “B” has no way out") and "1 more stage(s)" in message


def test_loops_through_a_decision_or_an_outcome_are_deliberate_and_not_flagged():
    rework = build({"s": S, "a": ST, "d": D, "w": W, "l": L},
                   [("s", "a"), ("a", "d"), ("d", "a"), ("d", "w"), ("d", "l")])
    nurture = build({"s": S, "a": ST, "b": ST, "w": W, "l": L},
                    [("s", "a"), ("a", "b"), ("b", "w"), ("b", "l"), ("l", "a")])
    assert validate(rework) == [] and validate(nurture) == []


@settings(max_examples=100, deadline=None)
@given(processes(max_stages=10))
def test_every_stranded_stage_is_covered_by_exactly_the_causes_that_strand_it(process):
    graph = process.graph
    starts = process.start_stages()
    outcomes = [s.id for s in process.stages if s.kind.is_terminal]
    findings = [f for f in validate(process) if f.severity is Severity.ERROR and f.stage_ids]
    causes = [i for f in findings for i in f.stage_ids]
    assert len(causes) == len(set(causes))  # a stage is the cause of one finding at most
    for f in findings:
        assert not set(f.stage_ids) & set(f.consequences)
        cause = set(f.stage_ids)
        if f.code in ("dead-end", "isolated"):  # nothing leaves it
            assert all(set(graph.successors(i)) <= cause for i in cause)
        if f.code in ("unreachable", "isolated"):  # nothing enters it
            assert all(set(graph.predecessors(i)) <= cause for i in cause)
    if starts:
        reached = set(starts).union(*(nx.descendants(graph, s) for s in starts))
        covered = {i for f in findings if f.code in ("unreachable", "isolated")
                   for i in f.stage_ids + f.consequences}
        assert covered == set(process.stage_ids) - reached
    if outcomes:
        finishing = set(outcomes).union(*(nx.ancestors(graph, o) for o in outcomes))
        stuck = {i for f in findings if f.code in ("dead-end", "isolated")
                 for i in f.stage_ids}
        covered = stuck | {i for f in findings if f.code == "dead-end" for i in f.consequences}
        assert covered == set(process.stage_ids) - finishing
