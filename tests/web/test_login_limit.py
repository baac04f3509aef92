from __future__ import annotations

from stridewell.web.login_limit import LoginThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_five_failures_for_one_address_make_it_wait_until_the_oldest_ages_out() -> None:
    clock = Clock()
    throttle = LoginThrottle(window_s=900, per_email=5, per_client=20, clock=clock)
    for _ in range(4):
        throttle.failed("maren@club.example", "10.0.0.1")
        clock.now += 10
    assert throttle.wait_s("maren@club.example", "10.0.0.1") == 0
    throttle.failed("maren@club.example", "10.0.0.1")
    # The first failure was at t=1000; the address is free again at t=1900.
    assert throttle.wait_s("maren@club.example", "10.0.0.2") == 1900 - clock.now
    assert throttle.wait_s("other@club.example", "10.0.0.2") == 0
    clock.now = 1900
    assert throttle.wait_s("maren@club.example", "10.0.0.1") == 0


def test_one_client_trying_many_addresses_is_held_back_too() -> None:
    clock = Clock()
    throttle = LoginThrottle(window_s=900, per_email=5, per_client=3, clock=clock)
    for index in range(3):
        throttle.failed(f"guess{index}@club.example", "10.0.0.9")
    assert throttle.wait_s("fresh@club.example", "10.0.0.9") > 0
    assert throttle.wait_s("fresh@club.example", "10.0.0.8") == 0


def test_a_right_password_clears_the_address_but_not_the_client() -> None:
    clock = Clock()
    throttle = LoginThrottle(window_s=900, per_email=2, per_client=2, clock=clock)
    throttle.failed("maren@club.example", "10.0.0.1")
    throttle.succeeded("maren@club.example")
    throttle.failed("maren@club.example", "10.0.0.1")
    assert throttle.wait_s("maren@club.example", "10.0.0.3") == 0
    assert throttle.wait_s("x@club.example", "10.0.0.1") > 0
