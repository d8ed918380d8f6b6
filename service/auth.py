"""API keys and per-key rate limits for the /v1 routes.

Keys are kept only as sha256 digests and compared with
``hmac.compare_digest`` against every configured digest, so neither the
comparison nor an early exit tells a caller how close a guess was. Rate
limits are token buckets held in this process: under gunicorn each worker
counts on its own.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time

from flask import Request, current_app, g, request

from service.errors import Problem

REALM = 'Bearer realm="source-reliability"'


class Keys:
    """The configured key digests; empty means auth is off."""

    def __init__(self, digests: tuple[bytes, ...]) -> None:
        self.digests = digests

    @property
    def enabled(self) -> bool:
        return bool(self.digests)

    def match(self, key: str) -> bytes | None:
        """The digest of ``key`` if it is a configured key, else None."""
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()
        found = False
        for known in self.digests:  # no early exit: same work for every guess
            found |= hmac.compare_digest(digest, known)
        return digest if found else None


class RateLimiter:
    """Token buckets: ``per_minute`` requests a minute per caller, bursts up to that many."""

    MAX_CALLERS = 10_000  # bound memory when callers are told apart by address

    def __init__(self, per_minute: int, clock=time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0  # tokens per second
        self.clock = clock
        self.buckets: dict[str, tuple[float, float]] = {}  # caller -> (tokens, last time)
        self.lock = threading.Lock()  # gthread workers share the buckets

    def take(self, caller: str) -> float:
        """0 if the request may go ahead, else the seconds until it may."""
        with self.lock:
            now = self.clock()
            tokens, last = self.buckets.get(caller, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self.buckets[caller] = (tokens - 1, now)
                return 0.0
            self.buckets[caller] = (tokens, now)
            if len(self.buckets) > self.MAX_CALLERS:
                self._forget_full(now)
            return (1 - tokens) / self.rate

    def _forget_full(self, now: float) -> None:
        # A bucket that has refilled is the same as no bucket.
        full = [c for c, (t, last) in self.buckets.items() if t + (now - last) * self.rate >= self.capacity]
        for caller in full:
            del self.buckets[caller]


def presented_key(req: Request) -> str | None:
    """The key from ``Authorization: Bearer <key>`` or ``X-API-Key``."""
    scheme, _, value = req.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return req.headers.get("X-API-Key", "").strip() or None


def check() -> None:
    """before_request for /v1: 401 without a valid key, 429 over the rate limit."""
    keys: Keys = current_app.extensions["keys"]
    caller = request.remote_addr or "unknown"
    if keys.enabled:
        key = presented_key(request)
        if key is None:
            raise Problem(401, "Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
                          headers={"WWW-Authenticate": REALM}, reason="unauthorized")
        digest = keys.match(key)
        if digest is None:
            raise Problem(401, "The API key is not valid.",
                          headers={"WWW-Authenticate": f'{REALM}, error="invalid_token"'}, reason="unauthorized")
        caller = digest.hex()[:16]  # never the key itself
    g.caller = caller
    limiter: RateLimiter | None = current_app.extensions["rate_limiter"]
    if limiter is not None:
        wait = limiter.take(caller)
        if wait > 0:
            raise Problem(429, f"Rate limit of {int(limiter.capacity)} requests a minute exceeded; retry later.",
                          headers={"Retry-After": str(max(1, math.ceil(wait)))}, reason="rate_limited")
