"""Redis is an accelerator, not a single point of failure.

With ``REDIS_URL`` set, Django's cache (rate-limit counters, the public page) and the
Huey queue live in Redis. When Redis stops answering, pages must still answer and the
worker must not flood the log:

* ``ResilientRedisCache``: every cache call that fails is answered as a miss (``get``
  gives the default, ``add``/``set`` store nothing, ``incr`` counts from zero), so rate
  limits fail open. After a failure Redis is left alone for ``RETRY_SECONDS`` (no
  connection attempt per call), and one warning is logged per period.
* ``ResilientRedisHuey``: the worker and the scheduler wait out the same period instead
  of spinning on errors, with one log line per period.

``/readyz`` (``chidao.core.health``) asks Redis directly, so an operator still sees it.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from huey import RedisHuey
from huey.storage import RedisStorage
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 15
ERRORS = (RedisError, OSError)


class Outage:
    """When the service last failed; shared by the callers of one process. ``clock`` is
    monotonic time, so the wall clock (or a test's frozen one) does not matter."""

    def __init__(self, what: str, clock=time.monotonic):
        self.what = what
        self.clock = clock
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def is_down(self) -> bool:
        return self.clock() < self.retry_at

    def failed(self, error: BaseException) -> None:
        with self.lock:
            if self.is_down():
                return
            self.retry_at = self.clock() + RETRY_SECONDS
        logger.warning(
            "Redis unreachable for the %s (%s); retrying in %s s.",
            self.what,
            error,
            RETRY_SECONDS,
        )

    def recovered(self) -> None:
        self.retry_at = 0.0

    def wait(self) -> None:
        remaining = self.retry_at - self.clock()
        if remaining > 0:
            time.sleep(min(remaining, 1.0))


def _fail_open(miss):
    """Runs the cache call unless Redis is known to be down; on an error, notes the
    outage and answers ``miss(*args, **kwargs)``."""

    def decorate(method):
        def call(self, *args, **kwargs):
            if self.outage.is_down():
                return miss(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except ERRORS as error:
                self.outage.failed(error)
                return miss(*args, **kwargs)

        call.__name__ = method.__name__
        call.__doc__ = method.__doc__
        return call

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


def _delta(key, delta=1, *args, **kwargs):
    return delta


# One outage per Redis address, shared by the threads of a process (Django builds a
# cache object per thread), so a process logs one line per period, not one per thread.
_cache_outages: dict[str, Outage] = {}


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache while Redis is unreachable."""

    def __init__(self, server, params):
        params = {**params}
        # Never wait long for a Redis that is not answering (a black-holed host).
        params["OPTIONS"] = {
            "socket_connect_timeout": 1,
            "socket_timeout": 1,
            **params.get("OPTIONS", {}),
        }
        super().__init__(server, params)
        self.outage = _cache_outages.setdefault(str(server), Outage("cache"))

    add = _fail_open(lambda *a, **k: False)(RedisCache.add)
    get = _fail_open(_default)(RedisCache.get)
    set = _fail_open(lambda *a, **k: None)(RedisCache.set)
    touch = _fail_open(lambda *a, **k: False)(RedisCache.touch)
    delete = _fail_open(lambda *a, **k: False)(RedisCache.delete)
    get_many = _fail_open(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _fail_open(lambda *a, **k: False)(RedisCache.has_key)
    incr = _fail_open(_delta)(RedisCache.incr)
    set_many = _fail_open(lambda *a, **k: [])(RedisCache.set_many)
    delete_many = _fail_open(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _fail_open(lambda *a, **k: False)(RedisCache.clear)

    def check(self) -> None:
        """Writes, reads and deletes a key; raises when Redis cannot do it (``/readyz``)."""
        client = self._cache.get_client(write=True)
        key = self.make_and_validate_key("chidao-readyz")
        client.set(key, b"1", ex=10)
        if client.get(key) != b"1":
            raise RedisError("the key written could not be read back")
        client.delete(key)
        self.outage.recovered()


class ResilientRedisStorage(RedisStorage):
    """Huey's Redis storage; while Redis is unreachable the worker and the scheduler wait
    out ``RETRY_SECONDS`` with one log line, instead of an error (and a traceback) per
    poll."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outage = Outage("task queue")

    def _guarded(self, method, empty, *args):
        if self.outage.is_down():
            self.outage.wait()
            return empty
        try:
            return method(*args)
        except ERRORS as error:
            self.outage.failed(error)
            self.outage.wait()
            return empty

    def dequeue(self):
        return self._guarded(super().dequeue, None)

    def read_schedule(self, ts):
        return self._guarded(super().read_schedule, [], ts)

    def check(self) -> None:
        """Raises when the queue's Redis cannot be reached (``/readyz``)."""
        self.conn.ping()
        self.queue_size()
        self.outage.recovered()


class ResilientRedisHuey(RedisHuey):
    storage_class = ResilientRedisStorage
