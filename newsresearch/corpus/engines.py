"""Where the batches run: in this process, in worker processes, or on a Dask cluster.

Each engine takes the batch tasks in input order and calls ``done(result)`` in this process
as each batch finishes (in any order); the tables do not depend on the engine because every
batch writes its own numbered parts.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable

from .parts import run_batch

__all__ = ["run_serial", "run_processes", "run_dask", "default_workers"]


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_serial(tasks: Iterable[dict], done: Callable) -> None:
    """Run every batch in this process (``workers=1``)."""
    for task in tasks:
        done(run_batch(task))


def _worker_signals() -> None:
    # Ctrl-C reaches the whole process group: only the planning process handles it; a forked
    # worker also inherits the planner's SIGTERM handler, which must not run in a worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def run_processes(tasks: Iterable[dict], done: Callable, *, workers: int) -> None:
    """Run the batches on ``workers`` worker processes, at most two batches queued per worker.

    Memory is bounded by the workers and the batch size: a worker holds one batch, and this
    process only the few queued tasks (byte ranges, not texts).
    """
    import multiprocessing as mp
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # fork on Linux: a worker starts in milliseconds and a script needs no __main__ guard;
    # elsewhere spawn (there, a script must guard its code with `if __name__ == "__main__":`)
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    if method == "fork":
        _warm_up()  # loaded once here, the word lists and models are shared by every worker
    ex = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method),
                             initializer=_worker_signals)
    queue = iter(tasks)
    pending: set = set()
    try:
        while True:
            while len(pending) < 2 * workers:
                task = next(queue, None)
                if task is None:
                    break
                pending.add(ex.submit(run_batch, task))
            if not pending:
                break
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in sorted(finished, key=lambda f: f.result()["batch"]):
                done(fut.result())
    except BaseException:
        for fut in pending:
            fut.cancel()
        for proc in list(getattr(ex, "_processes", {}).values()):  # stop running batches now
            proc.terminate()
        ex.shutdown(wait=True, cancel_futures=True)
        raise
    ex.shutdown(wait=True)


def _warm_up() -> None:
    """Load every resource the analysis uses (lexicons, models, compiled patterns) once."""
    from ..analysis import analyze
    from ..articles import Article

    analyze(Article.from_text("“Yes,” said Mayor Jane Doe on Monday. The city has 40,000 "
                              "residents, up 3% from 2020."))


def run_dask(tasks: Iterable[dict], done: Callable, *, client=None, scheduler=None,
             workers: int) -> None:
    """Run the batches on a Dask cluster: ``client``, the scheduler at ``scheduler``, or a
    ``LocalCluster`` of ``workers`` single-threaded worker processes on 127.0.0.1.

    Workers read their batch's byte range of the run's input file themselves, so ``out`` must
    be on a file system every worker sees (as on any SLURM/PBS/Kubernetes cluster with a
    shared volume).
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ImportError("engine='dask' needs Dask, the optional extra newsresearch[dask] (make installs it)") from None
    cluster = own = None
    if client is None:
        if scheduler:
            client = own = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
            client = own = Client(cluster)
    futures = []
    try:
        futures = [client.submit(run_batch, task, pure=False,
                                 key=f"newsresearch-batch-{task['batch']}-{os.urandom(4).hex()}")
                   for task in tasks]
        for fut in as_completed(futures):
            done(fut.result())
    finally:
        for fut in futures:
            fut.cancel()
        if own is not None:
            own.close()
        if cluster is not None:
            cluster.close()
