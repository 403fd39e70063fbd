"""Validation findings: what is flagged, how severe, and in which language."""

from __future__ import annotations

from salesdesigner.model import Kpi, Process, Stage, StageKind, Transition
from salesdesigner.model.validation import Severity, has_errors, validate


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


def test_unreachable_and_dead_end_stages_are_named():
    process = build({"s": S, "a": ST, "orphan": ST, "w": W, "stuck": ST},
                    [("s", "a"), ("a", "w"), ("a", "stuck")])
    found = codes(process)
    assert ("unreachable", ("orphan",)) in found
    assert ("dead-end", ("stuck",)) in found
    assert ("dead-end", ("orphan",)) in found
    assert ("dead-end", ("a",)) not in found


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
