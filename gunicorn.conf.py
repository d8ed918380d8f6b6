"""gunicorn settings: .venv/bin/gunicorn -c gunicorn.conf.py "service:create_app()"

The app (and so the model artifact) is loaded once in the master and shared
by the forked workers; nothing predicts before the fork, because OpenMP
state created in the master leaves forked workers hanging.
"""

import os
import shutil
import tempfile

# Before numpy/scikit-learn are imported (preload imports them in the master):
# one request's batch is small, extra threads only add cost and fork hazards.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

# prometheus_client picks its multiprocess mode when it is first imported, so
# the directory must exist, empty, before the app is loaded.
_metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if _metrics_dir:
    # A given directory is emptied of earlier runs' files only, never removed.
    os.makedirs(_metrics_dir, exist_ok=True)
    for _name in os.listdir(_metrics_dir):
        if _name.endswith(".db"):
            os.remove(os.path.join(_metrics_dir, _name))
else:
    _metrics_dir = tempfile.mkdtemp(prefix="reliability-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_dir

bind = os.environ.get("RELIABILITY_BIND", "127.0.0.1:8000")
# The CPUs this process may run on (its cpuset), not the host's count. A CPU
# quota (docker --cpus) is not visible here: set WEB_CONCURRENCY to match it.
_cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
workers = int(os.environ.get("WEB_CONCURRENCY", _cpus))
# One request at a time per worker: scoring is CPU-bound, threads would only contend.
worker_class = "sync"
preload_app = True
# A 10 MB request of 500 long documents takes seconds, not minutes.
timeout = int(os.environ.get("RELIABILITY_TIMEOUT", "120"))
graceful_timeout = int(os.environ.get("RELIABILITY_GRACEFUL_TIMEOUT", "30"))
# Recycle workers now and then, staggered, so slow leaks cannot accumulate.
max_requests = int(os.environ.get("RELIABILITY_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10
# No gunicornc control socket: its default path under $HOME is shared by every
# gunicorn of the user (tests, a second instance) and the image's user has no home.
control_socket_disable = True
# The app writes one JSON line per request itself; gunicorn's access log would double it.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("RELIABILITY_LOG_LEVEL", "info")
# The worker heartbeat file: in memory where there is /dev/shm (containers' disk can stall it).
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"


def pre_fork(server, worker):
    """Freeze what the master loaded (artifacts, word lists) out of the cyclic collector's sight: a full
    collection in a worker then walks only the request's objects, and the shared pages stay shared."""
    import gc

    gc.collect()
    gc.freeze()


def child_exit(server, worker):
    """Let prometheus_client drop the live-gauge files of a worker that exited."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    """Remove the metrics directory this config created."""
    if _metrics_dir.startswith(tempfile.gettempdir()) and "reliability-metrics-" in _metrics_dir:
        shutil.rmtree(_metrics_dir, ignore_errors=True)
