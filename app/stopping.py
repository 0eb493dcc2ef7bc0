"""How `citykg` stops on SIGTERM: at the next safe point when it has one, and within a grace period in any case.

Python's default for SIGTERM ends the process at once: `kill` on a `citykg build` left its
extraction workers running, orphaned, holding 350 MB each. So SIGTERM became an exit, raised
from the signal handler, which closes stores and worker pools on the way out. But a handler
runs between any two bytecodes: its exception can land after a lock is taken and before the
``try`` that releases it (the store's gate, the progress bar's refresh lock), and the exit then
waits on a lock nobody will release. A build killed in CI was still running 60 s later.

So a command that works document by document marks that span with :func:`deferred`: a SIGTERM
there takes effect at the next :func:`checkpoint`, between documents, where no lock is held.
Whatever the command is doing, a process that has not ended ``GRACE_S`` seconds after the
signal prints where each of its threads waits, kills its worker processes and exits. Stores
lose nothing by that: each write is one transaction, committed whole or not at all.
"""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["GRACE_S", "checkpoint", "deferred", "install"]

GRACE_S = 20.0

_signal: int | None = None  # the signal that asked this process to stop, once one has
_deferring = 0  # how many `deferred` blocks the main thread is in


def install() -> None:
    """Make SIGTERM stop this process as described above (call it from the main thread)."""
    signal.signal(signal.SIGTERM, _on_signal)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Within this block a SIGTERM ends the process at the next :func:`checkpoint`, not where it lands."""
    global _deferring
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
    checkpoint()


def checkpoint() -> None:
    """Exit here if a SIGTERM came while exits were deferred (a safe point: no lock held)."""
    if _signal is not None:
        raise SystemExit(128 + _signal)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    global _signal
    if _signal is not None:  # asked twice: no more waiting for a clean exit
        _exit_now(signum)
    _signal = signum
    _say(
        f"citykg: stopped by {signal.Signals(signum).name}; what was written stays, "
        "and the same command goes on from there"
    )
    watchdog = threading.Timer(GRACE_S, _exit_late, args=(signum,))
    watchdog.daemon = True
    watchdog.start()
    if not _deferring:
        raise SystemExit(128 + signum)


def _exit_late(signum: int) -> None:
    _say(
        f"citykg: still not stopped {GRACE_S:g} s after {signal.Signals(signum).name}; "
        "ending it now. Where its threads were:"
    )
    with contextlib.suppress(Exception):  # stderr may be closed; the exit must happen regardless
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
    _exit_now(signum)


def _say(line: str) -> None:
    with contextlib.suppress(Exception):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def _exit_now(signum: int) -> None:
    for child in multiprocessing.active_children():  # extraction and query workers
        with contextlib.suppress(Exception):
            child.kill()
    with contextlib.suppress(Exception):
        sys.stderr.flush()
    os._exit(128 + signum)
