"""HMAC signatures for cookies and CSRF tokens (stdlib only).

CSRF uses a signed double-submit: the cookie holds a random nonce and every form carries the
HMAC of that nonce. A site that can plant a cookie still cannot forge the matching form value
without the server's key (OWASP CSRF Prevention Cheat Sheet, "signed double-submit cookie").
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

_NONCE_BYTES = 24


class Signer:
    """Signs short strings; each purpose gets its own signatures, so one can't stand for another."""

    def __init__(self, secret_key: str) -> None:
        self._key = secret_key.encode("utf-8")

    def signature(self, purpose: str, value: str) -> str:
        message = f"{purpose}\x00{value}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def sign(self, purpose: str, value: str) -> str:
        """`value.signature`, for a cookie whose value must come back unaltered."""
        return f"{value}.{self.signature(purpose, value)}"

    def unsign(self, purpose: str, signed: str | None) -> str | None:
        """The value of a `sign`ed string, or None when it is missing or was tampered with."""
        if not signed or "." not in signed:
            return None
        value, _, given = signed.rpartition(".")
        return value if hmac.compare_digest(given, self.signature(purpose, value)) else None

    def csrf_token(self, nonce: str) -> str:
        """The form value that matches the nonce in the CSRF cookie."""
        return self.signature("csrf", nonce)

    def csrf_valid(self, nonce: str | None, token: str | None) -> bool:
        if not nonce or not token:
            return False
        return hmac.compare_digest(token, self.csrf_token(nonce))


def new_nonce() -> str:
    return secrets.token_urlsafe(_NONCE_BYTES)
