"""gunicorn's settings for Chỉ Đạo, read from the working directory (``/srv/chidao``).

gunicorn loads ``./gunicorn.conf.py`` by itself, so ``docs/deploy/chidao-web.service``,
``bench/load.sh`` and the tests that start gunicorn all get these; an option given on the
command line wins over the value here.

Why these values (bench/RESULTS.md, "Capacity", and docs/deployment.md):

- ``gthread``: a page spends part of its time waiting for PostgreSQL and Redis; threads of
  one process overlap those waits without a process (~120 MB) per concurrent request.
- one worker process per core (``CHIDAO_WEB_WORKERS``, default: the cores this process
  may use; the systemd unit says ``--workers 2``, which wins) with ``CHIDAO_WEB_THREADS``
  threads each (4): on 2 cores, 8 requests in progress
  in 2 processes, where the old 2 × cores + 1 = 5 sync workers held 5 in 5 processes.
  Python runs one thread at a time per process, so more processes than cores only adds
  memory and context switches for CPU-bound pages.
- each worker is replaced after ``CHIDAO_WEB_MAX_REQUESTS`` requests (2,000, with jitter so
  they do not all restart at once): memory a long-lived process keeps after a large export
  is given back.
- glibc's malloc is limited to ``CHIDAO_WEB_MALLOC_ARENAS`` arenas (2) in every worker:
  by default each thread that allocates gets an arena of its own (up to 8 per core), and
  memory a request freed in one thread's arena is not reused by the next request on
  another thread, so a gthread worker's resident memory grew with its threads
  (bench/RESULTS.md, branch m-rss). Set here, in the master before it forks, because
  gunicorn.conf.py is the one place every way of starting gunicorn reads (the
  ``MALLOC_ARENA_MAX`` environment variable, if set, wins; docs/deployment.md).
- the layout was measured against 3 × 2, 4 × 2 and 5 sync workers, a 1 ms GIL switch
  interval (``CHIDAO_WEB_SWITCH_INTERVAL``) and a separate pool for ``/api/``
  (bench/RESULTS.md, branch m-pool): none had a lower tail on 2 cores; more processes
  cost more CPU per request.
- each worker builds the overlap indexes of the busiest committee trees and their
  reports' decided pairs in a thread of its own as soon as it starts
  (``CHIDAO_WEB_WARM_OVERLAP``, on unless "0"), so the first report or duplicate warning
  of a tree does not pay the seconds of the build inside a request (docs/overlap.md,
  "o-warm").
- every thread holds its own database connection (``CHIDAO_DB_CONN_MAX_AGE``), so one node
  opens up to workers × threads connections: 8 on 2 cores (docs/deployment.md sizes
  PostgreSQL's ``max_connections`` from it).
"""

import ctypes
import os
import sys
import threading

bind = os.environ.get("CHIDAO_WEB_BIND", "127.0.0.1:8001")
worker_class = "gthread"
workers = int(os.environ.get("CHIDAO_WEB_WORKERS") or len(os.sched_getaffinity(0)))
threads = int(os.environ.get("CHIDAO_WEB_THREADS", "4"))
max_requests = int(os.environ.get("CHIDAO_WEB_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# A report or an export on national data may take a while; longer than this is a fault.
timeout = int(os.environ.get("CHIDAO_WEB_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
# "-": standard output (the journal under systemd); empty: no access log.
accesslog = os.environ.get("CHIDAO_WEB_ACCESS_LOG", "-") or None

# mallopt's parameter number for the arena limit (glibc's malloc.h).
M_ARENA_MAX = -8


def _limit_malloc_arenas(arenas: int) -> None:
    """Cap glibc's malloc arenas for this process and the workers it forks."""
    if "MALLOC_ARENA_MAX" in os.environ or arenas <= 0:
        return  # glibc read the variable itself; 0: leave glibc's default
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the process's own symbols: glibc or nothing
    except (OSError, AttributeError):
        return  # not glibc (musl, macOS): nothing to cap
    mallopt(M_ARENA_MAX, arenas)


_limit_malloc_arenas(int(os.environ.get("CHIDAO_WEB_MALLOC_ARENAS", "2")))


def post_fork(server, worker):
    """Set the GIL's switch interval in each worker to ``CHIDAO_WEB_SWITCH_INTERVAL``
    seconds; unset or 0: Python's own 5 ms.

    A thread back from a database query waits for the GIL until the thread running
    Python gives it up, after up to the switch interval; a shorter one lets a short API
    request through sooner in a worker busy with a page. Off by default: on the shared
    2-core machine 1 ms was not measurably better than 5 ms (bench/RESULTS.md, m-pool).
    """
    interval = float(os.environ.get("CHIDAO_WEB_SWITCH_INTERVAL") or 0)
    if interval > 0:
        sys.setswitchinterval(interval)


def post_worker_init(worker):
    """Warm the overlap indexes of the busiest trees (``finder.warm_tree_indexes``) in a
    daemon thread, unless ``CHIDAO_WEB_WARM_OVERLAP`` is "0".

    The worker serves requests meanwhile; a request for a tree not yet built builds it
    as before. Each worker warms its own: the indexes live in the process. Here, not at
    import, so that tests and ``runserver`` never start it.
    """
    if os.environ.get("CHIDAO_WEB_WARM_OVERLAP", "1").strip() == "0":
        return
    # The application is loaded by now (gunicorn calls this after loading it).
    from chidao.overlap.finder import warm_tree_indexes

    threading.Thread(target=warm_tree_indexes, name="overlap-warm-up", daemon=True).start()
