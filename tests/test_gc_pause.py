"""The start-up pause of the cycle collector: off while the designer starts, on again at
the first paint or when the start ends, and never turned on behind a caller's back."""

from __future__ import annotations

import gc

import pytest

from salesdesigner.gc_pause import end_start_up_pause, start_up_paused


@pytest.fixture(autouse=True)
def _collector_on_afterwards():
    was = gc.isenabled()
    yield
    gc.unfreeze()  # what a test froze goes back to the ordinary generations
    if was:
        gc.enable()


def test_the_collector_rests_during_start_up_and_runs_again_after_it():
    gc.enable()
    with start_up_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_first_paint_ends_the_pause_before_the_start_up_block_does():
    gc.enable()
    with start_up_paused():
        end_start_up_pause()  # what run_gui calls after the first paint
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # start-up's objects stay out of later walks
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    with start_up_paused():
        end_start_up_pause()
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_nested_start_ups_end_the_pause_once():
    gc.enable()
    with start_up_paused():  # the command line's
        with start_up_paused():  # run_gui's own
            assert not gc.isenabled()
        assert gc.isenabled()
    assert gc.isenabled()
