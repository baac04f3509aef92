"""Signed cookies and CSRF tokens: valid only with the same key, value and purpose."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stridewell.web.signing import Signer, new_nonce

KEY = "k" * 32


def test_a_signed_value_comes_back_only_unaltered() -> None:
    signer = Signer(KEY)
    signed = signer.sign("athlete", "7")
    assert signer.unsign("athlete", signed) == "7"
    value, _, signature = signed.rpartition(".")
    assert signer.unsign("athlete", f"8.{signature}") is None
    assert signer.unsign("athlete", f"{value}.{'0' * len(signature)}") is None
    assert signer.unsign("athlete", "7") is None
    assert signer.unsign("athlete", None) is None


def test_signatures_differ_by_purpose_and_key() -> None:
    signer = Signer(KEY)
    assert signer.unsign("csrf", signer.sign("athlete", "7")) is None
    assert (
        Signer("another-key-of-some-length").unsign("athlete", signer.sign("athlete", "7")) is None
    )


@given(st.text(min_size=1, max_size=40))
def test_any_value_round_trips(value: str) -> None:
    signer = Signer(KEY)
    assert signer.unsign("p", signer.sign("p", value)) == value


def test_a_csrf_token_matches_only_its_own_nonce() -> None:
    signer = Signer(KEY)
    nonce, other = new_nonce(), new_nonce()
    assert nonce != other and len(nonce) >= 16
    assert signer.csrf_valid(nonce, signer.csrf_token(nonce))
    assert not signer.csrf_valid(other, signer.csrf_token(nonce))
    assert not signer.csrf_valid(nonce, None)
    assert not signer.csrf_valid(None, signer.csrf_token(nonce))
    # The token is not the nonce itself: a planted cookie does not make its own token.
    assert signer.csrf_token(nonce) != nonce
