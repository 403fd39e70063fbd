"""The start-up pause of the cycle collector: off while the designer starts, on again at
the first paint or when the start ends, and never turned on behind a caller's back."""

from __future__ import annotations

import gc
import threading

import pytest

from salesdesigner.gc_pause import collector_paused, end_start_up_pause, start_up_paused


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


def test_a_pause_in_the_main_thread_holds_for_the_block_and_ends_even_on_an_error():
    gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def _in_a_worker(work) -> list:
    seen: list = []
    thread = threading.Thread(target=lambda: seen.append(work()))
    thread.start()
    thread.join()
    return seen


def test_a_worker_thread_never_pauses_the_collector_of_the_whole_process():
    gc.enable()

    def work() -> bool:
        with collector_paused():
            return gc.isenabled()

    assert _in_a_worker(work) == [True]
    assert gc.isenabled()


def _export(tmp_path, rows: int = 6000):
    path = tmp_path / "big.csv"
    path.write_text("Deal ID,Stage,Date\n" + "".join(
        f"D{n},リード発生,2026-04-01\n" for n in range(rows)), encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["done", "cancelled", "failed"])
def test_the_import_dialogs_read_leaves_the_collector_on_throughout(qapp, tmp_path, how):
    """The dialog's read runs in a worker for seconds: the UI thread's collector runs all
    the while, and is on afterwards whether the read ends, is cancelled or fails."""
    from salesdesigner.storage.templates import load_template
    from salesdesigner.ui.dialogs.import_job import ReadJob, ReadResult

    gc.enable()
    path = _export(tmp_path)
    if how == "failed":
        path.write_bytes(b"%PDF-1.4 not a table")
    job = ReadJob(str(path), load_template("eight-step", "ja"), {}, {})
    during: list[bool] = []
    report = job._progress

    def progress(line: int, total: int) -> bool:
        during.append(gc.isenabled())
        if how == "cancelled":
            job.stop()
        return report(line, total)

    job._progress = progress  # type: ignore[method-assign]
    _in_a_worker(job.run)
    assert gc.isenabled()
    if how == "done":
        assert isinstance(job.result, ReadResult) and len(during) >= 3 and all(during)
    elif how == "cancelled":
        assert job.result is None and during == [True]
    else:
        assert isinstance(job.result, Exception) and during == []


def test_a_workers_brief_pause_holds_for_its_block_and_pauses_of_two_threads_end_it_on():
    gc.enable()

    def work() -> bool:
        with collector_paused(briefly=True):
            return gc.isenabled()

    assert _in_a_worker(work) == [False]
    assert gc.isenabled()
    inside = threading.Event()
    leave = threading.Event()

    def held() -> None:
        with collector_paused(briefly=True):
            inside.set()
            leave.wait(10)

    worker = threading.Thread(target=held)
    worker.start()
    inside.wait(10)
    with collector_paused():  # the UI thread's pause begins while the worker's holds
        leave.set()
        worker.join()
    assert gc.isenabled()
