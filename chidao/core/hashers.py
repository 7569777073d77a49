"""The password hasher: Argon2id at OWASP's parameters, one hash at a time per process.

Django's ``Argon2PasswordHasher`` asks for 100 MiB with 8 lanes per hash; in a gunicorn
worker of 4 threads, four sign-ins at once held 400 MB on top of the worker's ~125 MB.
OWASP's Password Storage Cheat Sheet sets the floor for Argon2id at m = 19 MiB, t = 2,
p = 1 (its listed equivalents trade memory for passes); that is what is used here, not
less. A lock lets one hash run at a time in a process, so a worker's memory grows by one
hash's 19 MiB whatever the number of threads; a sign-in waits for another's few tens of
milliseconds at most.

The algorithm name stays ``argon2``: hashes made with Django's parameters still verify,
and Django rewrites them with these at the user's next sign-in (``must_update``).
"""

import ctypes
import threading

from django.contrib.auth.hashers import Argon2PasswordHasher

_one_at_a_time = threading.Lock()

# glibc raises its mmap threshold to the size of a freed mapped block (up to 32 MiB), so
# after the first hash each thread's 19 MiB came from its own malloc arena and stayed
# there: 4 threads, 4 × 19 MiB kept (139 → 196 MB peak, measured). A fixed threshold of
# 1 MiB (the same as MALLOC_MMAP_THRESHOLD_=1048576) keeps large blocks mapped and
# returned to the system when freed. Elsewhere than glibc, nothing is changed.
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 1024 * 1024


def _fix_mmap_threshold() -> None:
    # The process's own symbols (no ``find_library``: it runs ldconfig in a subprocess).
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)


_fix_mmap_threshold()


class BoundedArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB: 19 MiB
    parallelism = 1

    def encode(self, password, salt):
        with _one_at_a_time:
            return super().encode(password, salt)

    def verify(self, password, encoded):
        with _one_at_a_time:
            return super().verify(password, encoded)

    def harden_runtime(self, password, encoded):
        with _one_at_a_time:
            return super().harden_runtime(password, encoded)
