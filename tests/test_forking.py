"""Work in a forked copy of the process: the same result as in this one, and a failing copy is
replaced by doing the work here."""

from __future__ import annotations

import os
import sys
import time

import pytest

from generator.render.forking import Forked

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")


@linux_only
def test_work_runs_in_another_process_and_comes_back() -> None:
    parent = os.getpid()
    forked = Forked.start(lambda: {"pid": os.getpid(), "data": b"x" * 1_000_000})  # more than a pipe holds
    result = forked.result()
    assert result["pid"] != parent
    assert result["data"] == b"x" * 1_000_000


@linux_only
def test_a_failing_copy_is_replaced_by_the_work_done_here() -> None:
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            raise RuntimeError("fails in the copy only")
        return 42

    assert Forked.start(work).result() == 42


@linux_only
def test_discard_stops_the_copy() -> None:
    forked = Forked.start(lambda: time.sleep(600))  # still running when discarded
    pid = forked._pid
    assert pid is not None and pid != os.getpid()
    forked.discard()  # stopped and reaped, not waited for
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    forked.discard()  # and again: nothing left to stop


def test_no_fork_while_other_threads_run() -> None:
    import threading

    parent = os.getpid()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert Forked.start(os.getpid).result() == parent
    finally:
        stop.set()
        thread.join()
