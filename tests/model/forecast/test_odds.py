"""Win probability per stage: the chain against its closed form, the prior alone against
the targets, 10,000 simulated deals against the chain that made them."""

from __future__ import annotations

import pytest

from benchmarks.synthetic import chain_deals
from salesdesigner.model import Process, Stage, StageKind, Transition
from salesdesigner.model.actuals.bottleneck import WON, chances_from_moves
from salesdesigner.model.actuals.history import build_history
from salesdesigner.model.entities import Kpi, Measure
from salesdesigner.model.forecast.odds import estimate, estimate_from_moves
from salesdesigner.model.forecast.prior import prior_means
from tests.model.forecast.chains import conv, loop_process

KINDS = {"a": StageKind.STAGE, "b": StageKind.STAGE, "won": StageKind.WON,
         "lost": StageKind.LOST}


def test_absorption_probabilities_of_a_loop_match_the_closed_form():
    # a → b with p, b → won with q, b → a with r (rest lost):
    #   w_b = q + r·w_a, w_a = p·w_b  ⇒  w_b = q / (1 − r·p), w_a = p·q / (1 − r·p)
    p, q, r = 0.6, 0.3, 0.2
    moves = {"a": {"b": 60, "lost": 40}, "b": {"won": 30, "a": 20, "lost": 50}}
    w = chances_from_moves(KINDS, moves)
    assert w["b"] == pytest.approx(q / (1 - r * p))
    assert w["a"] == pytest.approx(p * q / (1 - r * p))
    # pseudo-counts (floats) are weights like any other
    half = {s: {t: n / 7 for t, n in row.items()} for s, row in moves.items()}
    assert chances_from_moves(KINDS, half) == pytest.approx(w)
    # the estimate without a prior is that chain
    odds = estimate_from_moves(loop_process(), moves, prior_strength=0.0).win
    assert odds["a"] == pytest.approx(w["a"]) and odds["b"] == pytest.approx(w["b"])


def test_with_no_data_the_prior_alone_gives_the_targets_answer():
    # targets a→b 50 %, b→won 40 %, b→a 30 %: the rest is lost (a: the lost arrow; b: the
    # one arrow without a target).  w_b = 0.4 + 0.3·0.5·w_b ⇒ 0.4 / 0.85
    process = loop_process(50, 40, 30)
    assert prior_means(process, "a") == pytest.approx({"b": 0.5, "lost": 0.5})
    assert prior_means(process, "b") == pytest.approx({"won": 0.4, "a": 0.3, "lost": 0.3})
    found = estimate_from_moves(process, {})
    assert found.odds("b").win == pytest.approx(0.4 / 0.85)
    assert found.odds("a").win == pytest.approx(0.5 * 0.4 / 0.85)
    assert found.odds("b").observed == 0
    # with no data the interval is wide: two pseudo-deals say little
    assert found.odds("b").high - found.odds("b").low > 0.5


def test_the_prior_spreads_what_targets_leave_and_passes_through_decisions():
    # s → "ok?" (decision) → won / lost / s2, and s → lost: by default each arrow ½, the
    # decision's ⅓ each (won ⅙, lost ½ + ⅙, s2 ⅙); s has a 60 % conversion to won through
    # it, and the other 40 % go to lost and s2 as their defaults say (⅔ : ⅙ → 0.32 : 0.08)
    p = Process(id="d", name="D", language="en")
    p.add_stage(Stage("s", "S", kpis=(conv("won", 60),)))
    p.add_stage(Stage("ok", "OK?", StageKind.DECISION))
    p.add_stage(Stage("s2", "S2"))
    p.add_stage(Stage("won", "Won", StageKind.WON))
    p.add_stage(Stage("lost", "Lost", StageKind.LOST))
    for s, t in [("s", "ok"), ("ok", "won"), ("ok", "lost"), ("ok", "s2"), ("s2", "won"),
                 ("s", "lost")]:
        p.add_transition(Transition(f"{s}-{t}", s, t))
    assert prior_means(p, "s") == pytest.approx({"won": 0.6, "lost": 0.32, "s2": 0.08})
    # no target: even shares per arrow; one arrow only: all of it
    assert prior_means(p, "s2") == pytest.approx({"won": 1.0})
    # targets adding up past 100 % are scaled down; a win-rate KPI sets no exit
    p.update_stage("s", kpis=(conv("won", 90), conv("s2", 60),
                              Kpi("wr", 10, "%", measure=Measure.WIN_RATE)))
    assert prior_means(p, "s") == pytest.approx({"won": 0.6, "s2": 0.4})
    # a target "to any won stage" (measure_to empty) sets the exits to won
    p.update_stage("s", kpis=(Kpi("any", 30, "%", measure=Measure.CONVERSION),))
    assert prior_means(p, "s") == pytest.approx({"won": 0.3, "lost": 0.56, "s2": 0.14})


def test_the_posterior_mean_is_prior_pseudo_counts_plus_moves():
    # a: prior {b: .5, lost: .5} × 2 + moves {b: 3, lost: 5} → b: (1 + 3) / 10
    found = estimate_from_moves(loop_process(50, 40, 30), {"a": {"b": 3, "lost": 5}})
    assert found.rows["a"] == pytest.approx({"b": 0.4, "lost": 0.6})
    assert found.alpha["a"] == pytest.approx({"b": 4.0, "lost": 6.0})
    assert found.odds("a").observed == 8


def test_ten_deals_give_a_sensible_answer_between_targets_and_data():
    # ten deals reached b and all ten were lost: the MLE says b never wins; with the prior
    # (40 % to won worth 2 deals × 0.4 = 0.8 pseudo-wins) b keeps a small, uncertain chance
    process = loop_process(50, 40, 30)
    found = estimate_from_moves(process, {"b": {"lost": 10}})
    assert found.odds("b").win == pytest.approx((0.8 / 12) / (1 - (0.6 / 12) * 0.5))
    assert 0 < found.odds("b").low < found.odds("b").win < found.odds("b").high < 0.4


TRUE_STEPS = {"a": {"b": 0.55, "lost": 0.45},
              "b": {"won": 0.25, "a": 0.15, "lost": 0.60}}


def test_ten_thousand_simulated_deals_land_within_two_points_of_the_simulating_chain():
    # the targets are wrong on purpose (90 % / 90 %): the data must win
    process = loop_process(90, 90)
    truth = chances_from_moves(KINDS, TRUE_STEPS)
    history = build_history(process, chain_deals(TRUE_STEPS, 10_000, start="a", seed=3))
    found = estimate(history)
    for sid in ("a", "b"):
        odds = found.odds(sid)
        assert odds.win == pytest.approx(truth[sid], abs=0.02), sid
        assert odds.high - odds.low < 0.03


def test_days_to_close_and_to_win_follow_the_visits():
    # a → b always (3 days in a), b → won ½, b → a ½ (5 days in b): every deal wins;
    # visits per deal: a 2, b 2 ⇒ 2·3 + 2·5 = 16 days from a, 16 − 3 = 13 from b
    moves = {"a": {"b": 10}, "b": {"won": 5, "a": 5}}
    found = estimate_from_moves(loop_process(), moves, {"a": 3.0, "b": 5.0},
                                prior_strength=0.0)
    assert found.odds("a").days_to_close == pytest.approx(16)
    assert found.odds("b").days_to_close == pytest.approx(13)
    assert found.odds("a").days_to_win == pytest.approx(16)
    # now b loses half its deals instead of looping: deals that win spend 3 + 5 days
    found = estimate_from_moves(loop_process(), {"a": {"b": 10}, "b": {"won": 5, "lost": 5}},
                                {"a": 3.0, "b": 5.0}, prior_strength=0.0)
    assert found.odds("a").days_to_win == pytest.approx(8)
    assert found.odds("a").win == pytest.approx(0.5)


def test_closed_won_without_a_won_stage_counts_as_won():
    found = estimate_from_moves(loop_process(), {"a": {"b": 4}, "b": {WON: 1, "lost": 3}},
                                prior_strength=0.0)
    assert found.odds("b").win == pytest.approx(0.25)


def test_the_first_order_draws_of_a_large_chain_agree_with_exact_draws(monkeypatch):
    # the same chain with many deals, its interval by exact and by linearised draws
    from salesdesigner.model.forecast import odds as odds_module
    moves = {"a": {"b": 550, "lost": 450}, "b": {"won": 250, "a": 150, "lost": 600}}
    exact = estimate_from_moves(loop_process(), moves)
    monkeypatch.setattr(odds_module, "EXACT_UP_TO", 0)
    linear = estimate_from_moves(loop_process(), moves)
    assert (exact.method, linear.method) == ("exact", "linear")
    for sid in ("a", "b"):
        assert linear.odds(sid).win == exact.odds(sid).win
        assert linear.odds(sid).low == pytest.approx(exact.odds(sid).low, abs=0.004)
        assert linear.odds(sid).high == pytest.approx(exact.odds(sid).high, abs=0.004)


def test_the_same_data_gives_the_same_interval():
    moves = {"a": {"b": 5, "lost": 5}, "b": {"won": 2, "lost": 3}}
    one = estimate_from_moves(loop_process(), moves)
    two = estimate_from_moves(loop_process(), moves)
    assert [(s.low, s.high) for s in one.stages] == [(s.low, s.high) for s in two.stages]
