"""The discovered flow and conformance on tests/model/discovery/samples.py, every number
worked out by hand there (A straight, B loops and re-saves, C skips prop, D skips hear
and goes back, E never moves, F starts mid-way)."""

from __future__ import annotations

from datetime import datetime

import pytest

from salesdesigner.model import Transition
from salesdesigner.model.actuals import DealEvent
from salesdesigner.model.actuals.history import build_history
from salesdesigner.model.discovery.conformance import check_conformance
from salesdesigner.model.discovery.flow import deals_taking, discover, discover_history
from tests.model.discovery.samples import design, events


@pytest.fixture(scope="module")
def history():
    return build_history(design(), events())


@pytest.fixture(scope="module")
def flow(history):
    return discover_history(history)


def counts(flow):
    return {(m.source, m.target): (m.moves, m.deals) for m in flow.moves}


def test_every_move_is_counted_with_loops_and_repeated_visits(flow):
    assert counts(flow) == {
        ("lead", "hear"): (3, 3),    # A, B, C
        ("hear", "prop"): (4, 4),    # A, B, D (its second visit), F
        ("prop", "nego"): (4, 3),    # A, B twice (the loop), D
        ("nego", "prop"): (1, 1),    # B
        ("nego", "won"): (2, 2),     # A, B (through the decision)
        ("nego", "lost"): (1, 1),    # C
        ("hear", "nego"): (1, 1),    # C's skip
        ("lead", "prop"): (1, 1),    # D's skip
        ("prop", "hear"): (1, 1),    # D going back
    }
    assert flow.deals == 6
    # the networkx graph carries the same counts
    g = flow.graph
    assert g["prop"]["nego"]["moves"] == 4 and g["prop"]["nego"]["deals"] == 3
    assert g.number_of_edges() == 9 and set(g.nodes) == set(design().stage_ids)


def test_a_stage_saved_again_is_no_move_and_keeps_its_visit(flow):
    assert flow.move("hear", "hear") is None
    # hear → prop: A 3 days, B 3 (entered hear on the 2nd; the save on the 4th continues
    # that visit), D 1, F 2 → 1, 2, 3, 3 → median 2.5
    assert flow.move("hear", "prop").median_days == 2.5


def test_median_days_in_the_source_before_the_move(flow):
    # prop → nego: A 4, B 2 and 4, D 3 → 2, 3, 4, 4 → 3.5;  lead → hear: 2, 1, 3 → 2
    assert flow.move("prop", "nego").median_days == 3.5
    assert flow.move("lead", "hear").median_days == 2.0
    assert flow.move("nego", "won").median_days == 5.5   # A 10, B 1


def test_moves_are_classified_against_the_design(flow):
    kinds = {(m.source, m.target): m.kind for m in flow.moves}
    assert kinds[("hear", "nego")] == "skip"
    assert kinds[("lead", "prop")] == "skip"
    assert kinds[("prop", "hear")] == "backward"
    assert kinds[("nego", "prop")] == "designed"     # the design's own loop back
    assert kinds[("nego", "won")] == "designed"      # through the decision
    assert flow.move("nego", "won").way == ("nego-agreed", "agreed-won")
    assert flow.move("hear", "nego").skipped == ("prop",)
    assert flow.move("lead", "prop").skipped == ("hear",)
    assert [(m.source, m.target) for m in flow.observed_only] == [
        ("hear", "nego"), ("lead", "prop"), ("prop", "hear")]


def test_designed_arrows_in_proportion_to_use_and_unused_ones(flow):
    assert flow.arrows == {"lead-hear": 3, "hear-prop": 4, "prop-nego": 4,
                           "nego-agreed": 3, "agreed-won": 2, "agreed-lost": 1,
                           "nego-prop": 1, "hear-lost": 0}
    assert flow.unused == ("hear-lost",)
    assert flow.most == 4
    assert flow.starts == {"lead": 5, "hear": 1}


def test_conformance_share_deviations_and_skipped_stages(history, flow):
    conf = check_conformance(history, flow)
    # C and D leave the design; A, B (designed loop), E (no move), F (starts late) do not
    assert (conf.deals, conf.conforming) == (6, 4)
    assert conf.share == pytest.approx(4 / 6)
    assert [(d.source, d.target, d.kind, d.deals, d.examples) for d in conf.deviations] == [
        ("hear", "nego", "skip", 1, ("C",)), ("lead", "prop", "skip", 1, ("D",)),
        ("prop", "hear", "backward", 1, ("D",))]
    assert conf.skipped == {"hear": 1, "prop": 1}


def test_a_skip_of_an_optional_stage_skips_nothing():
    # with a designed hear → nego arrow as well, lead → nego skips only hear, not prop
    p = design()
    p.add_transition(Transition("hear-nego", "hear", "nego"))
    evs = [DealEvent("X", "lead", datetime(2026, 1, 1)),
           DealEvent("X", "nego", datetime(2026, 1, 2))]
    m = discover(p, evs).move("lead", "nego")
    assert (m.kind, m.skipped) == ("skip", ("hear",))


def test_deals_taking_a_move_lists_them_sorted(history):
    assert deals_taking(history, "prop", "nego") == ["A", "B", "D"]
    assert deals_taking(history, "prop", "won") == []
    assert deals_taking(history, "nowhere", "won") == []


def test_no_events_discover_nothing():
    flow = discover(design(), [])
    assert flow.moves == () and flow.deals == 0 and flow.unused == tuple(
        t.id for t in design().transitions)
    conf = check_conformance(build_history(design(), []), flow)
    assert conf.share is None and conf.deviations == ()


def test_a_move_between_branches_the_design_never_connects_is_other():
    evs = [DealEvent("Y", "lost", datetime(2026, 1, 1)),
           DealEvent("Y", "won", datetime(2026, 1, 2))]
    m = discover(design(), evs).move("lost", "won")
    assert (m.kind, m.way, m.skipped) == ("other", (), ())


def test_dropping_out_to_lost_where_the_design_has_no_way_out_is_an_exit_not_a_skip():
    # lead → lost: the design reaches lost from lead (via hear), yet the deal skipped
    # nothing it would have stood in: it dropped out
    evs = [DealEvent("Z", "lead", datetime(2026, 1, 1)),
           DealEvent("Z", "lost", datetime(2026, 1, 3))]
    history = build_history(design(), evs)
    flow = discover_history(history)
    m = flow.move("lead", "lost")
    assert (m.kind, m.skipped) == ("exit", ())
    conf = check_conformance(history, flow)
    assert conf.conforming == 0 and conf.skipped == {}
