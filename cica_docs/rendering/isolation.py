"""Work on untrusted input in a forked child process with a time limit (see pdf.py).

WeasyPrint's layout runs in C (Pango) and pure Python without any cancellation point, so a
timer thread cannot stop it and SIGALRM only works in the main thread. The child inherits
the already-configured Django and WeasyPrint; the parent waits on a pipe and kills the
child when the limit passes. The child never outlives its parent (PR_SET_PDEATHSIG)."""

import contextlib
import contextvars
import ctypes
import multiprocessing
import os
import signal

from .errors import RenderCrashed, RenderError, RenderTimeout, RenderTooLarge

_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """In the forked child: be killed when the parent dies (Linux), and stop at once if it
    already has (it may die between the fork and the prctl)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's kill on timeout remains
        pass
    if os.getppid() != parent:
        os._exit(1)


def _child(connection, function, args, parent=None):
    if parent is not None:
        _die_with_parent(parent)
    try:
        connection.send(("ok", function(*args)))
    except RenderError as error:
        connection.send(("error", type(error).__name__, str(error)))
    except BaseException as error:  # MemoryError, SystemExit…: report, never hang the parent
        connection.send(("error", "RenderError", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


_ERRORS = {cls.__name__: cls for cls in (RenderError, RenderTooLarge, RenderTimeout,
                                         RenderCrashed)}


_progress = contextvars.ContextVar("render_progress", default=None)


@contextlib.contextmanager
def reporting(callback):
    """Within the block, `callback(pid, limit)` is called as each render starts (`pid` is
    its child's, None when rendering inline; `limit` its time limit in seconds)."""
    token = _progress.set(callback)
    try:
        yield
    finally:
        _progress.reset(token)


def report_start(pid, limit) -> None:
    callback = _progress.get()
    if callback is not None:
        callback(pid, limit)


def isolated(function, args, *, timeout):
    """`function(*args)` in a forked child that is killed after `timeout` seconds; its
    `RenderError` (or any other failure, as a `RenderError`) is raised here. For work on
    untrusted input that a thread could not stop: layout, reading an uploaded PDF."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, function, args, os.getpid()),
                              daemon=True)
    process.start()
    sender.close()
    try:
        report_start(process.pid, timeout)
        if not receiver.poll(timeout):
            raise RenderTimeout(f"rendering took longer than {timeout:g} s")
        try:
            message = receiver.recv()
        except EOFError:
            process.join(5)
            raise RenderCrashed(
                f"the renderer stopped (exit code {process.exitcode})") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    if message[0] == "ok":
        return message[1]
    raise _ERRORS.get(message[1], RenderError)(message[2])
