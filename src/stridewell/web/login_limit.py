"""The login rate limit: too many failed sign-ins for one address, or from one client, wait.

OWASP's Authentication Cheat Sheet asks for a limit on failed attempts per account that does
not lock the real owner out for long; we count failures in a sliding window (15 minutes) per
email address and, more loosely, per client address, and refuse further attempts until the
oldest failure in the window has aged out. Counts live in this process's memory: a restart
forgets them, which is acceptable for one server process (the app runs as one).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

WINDOW_S = 15 * 60
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_CLIENT = 20
# Bounds the memory an attacker can make us spend by trying many addresses.
MAX_TRACKED_KEYS = 10_000


@dataclass
class LoginThrottle:
    window_s: float = WINDOW_S
    per_email: int = MAX_FAILURES_PER_EMAIL
    per_client: int = MAX_FAILURES_PER_CLIENT
    clock: Callable[[], float] = time.monotonic
    _failures: dict[tuple[str, str], deque[float]] = field(default_factory=dict)

    def wait_s(self, email: str, client: str) -> float:
        """Seconds until another attempt is allowed for this address and client (0: now)."""
        now = self.clock()
        waits = [
            self._wait(("email", email), self.per_email, now),
            self._wait(("client", client), self.per_client, now),
        ]
        return max(waits)

    def failed(self, email: str, client: str) -> None:
        now = self.clock()
        for key in (("email", email), ("client", client)):
            if key not in self._failures and len(self._failures) >= MAX_TRACKED_KEYS:
                self._forget_oldest()
            self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, email: str) -> None:
        """A right password clears that address's failures (not the client's)."""
        self._failures.pop(("email", email), None)

    def _wait(self, key: tuple[str, str], limit: int, now: float) -> float:
        times = self._failures.get(key)
        if times is None:
            return 0.0
        while times and now - times[0] >= self.window_s:
            times.popleft()
        if not times:
            del self._failures[key]
            return 0.0
        if len(times) < limit:
            return 0.0
        return self.window_s - (now - times[-limit])

    def _forget_oldest(self) -> None:
        oldest = min(self._failures, key=lambda key: self._failures[key][-1])
        del self._failures[oldest]
