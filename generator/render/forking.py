"""Work done in a forked copy of this process while the caller goes on (rendering uses it to use a
second core without sending the dossier to another process: the copy already has it).

Forking is used only where it is safe: on Linux, with no other thread running (a thread could hold a
lock the copy would inherit locked). Elsewhere, and whenever the copy fails, the work is done in
this process instead, so the result never depends on whether a copy ran.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Forked(Generic[T]):
    """``work()`` running in a forked child; :meth:`result` waits for it."""

    def __init__(self, work: Callable[[], T], pid: int | None, read_fd: int | None) -> None:
        self._work, self._pid, self._fd = work, pid, read_fd

    @classmethod
    def start(cls, work: Callable[[], T]) -> Forked[T]:
        if not sys.platform.startswith("linux") or threading.active_count() > 1:
            return cls(work, None, None)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the copy: do the work, send it, and leave without any cleanup of the parent's
            code = 1
            try:
                os.close(read_fd)
                data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_fd, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write_fd)
        return cls(work, pid, read_fd)

    def result(self) -> T:
        if self._pid is None or self._fd is None:
            return self._work()
        with os.fdopen(self._fd, "rb") as inp:
            data = inp.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = self._fd = None
        if status == 0:
            try:
                value: T = pickle.loads(data)
                return value
            except Exception:
                pass
        log.info("the forked process failed (status %d); doing its work here", status)
        return self._work()

    def discard(self) -> None:
        """Stop the copy (the caller failed and will not ask for the result)."""
        if self._pid is not None and self._fd is not None:
            os.kill(self._pid, signal.SIGTERM)
            os.close(self._fd)
            os.waitpid(self._pid, 0)
            self._pid = self._fd = None
