"""Managing accounts in a real browser: the club's admin, on a phone, adds a coach account and
links an athlete to it; the coach then signs in and sees that athlete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e import test_browser as shared
from tests.e2e.test_browser_accounts import _cli

pytestmark = [pytest.mark.browser, pytest.mark.slow]

server = shared.server
browser = shared.browser

ADMIN_PASSWORD = "long run Sunday 32k"
COACH_PASSWORD = "strides after easy runs"


def _sign_in(page: Any, email: str, password: str) -> None:
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").tap()


def test_an_admin_adds_a_coach_and_links_an_athlete_on_a_phone(
    server: str, browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    phone = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}
    page = shared._page(browser, shared.PHONE, **phone)
    page.goto(server)
    page.get_by_role("button", name="Load the demo runner").tap()
    expect(page.locator(".site-header")).to_contain_text("Maren Holt")
    _cli(
        tmp_path,
        "user", "add", "admin@club.example", "--role", "admin", "--password-stdin",
        stdin=ADMIN_PASSWORD + "\n",
    )  # fmt: skip

    page.goto(server)
    _sign_in(page, "admin@club.example", ADMIN_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Users").tap()
    expect(page.get_by_role("heading", name="Users", exact=True)).to_be_visible()

    page.get_by_label("Email address").fill("coach@club.example")
    page.get_by_label("Role").select_option("coach")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Add account").tap()
    expect(page.locator("#password-error")).to_contain_text("at least 10 characters")
    expect(page.get_by_label("Email address")).to_have_value("coach@club.example")
    assert page.get_by_label("Password").input_value() == ""  # never echoed back
    page.get_by_label("Password").fill(COACH_PASSWORD)
    page.get_by_role("button", name="Add account").tap()
    expect(page.get_by_role("heading", name="coach@club.example")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Account added")

    page.get_by_label("Athlete to coach").select_option(label="Maren Holt")
    page.get_by_role("button", name="Link athlete").tap()
    expect(page.get_by_role("status")).to_contain_text("Athlete linked")
    coaching = page.locator("#coaching")
    expect(coaching.get_by_role("button", name="Unlink Maren Holt")).to_be_visible()
    assert shared._fits_the_screen(page)
    shared._shot(page, "phone-admin-user")

    page.get_by_role("link", name="All users").tap()
    row = page.get_by_role("row").filter(has_text="coach@club.example")
    expect(row).to_contain_text("Coach")
    expect(row).to_contain_text("Maren Holt")
    assert shared._fits_the_screen(page)
    shared._shot(page, "phone-admin-users")
    assert page.js_errors == []

    # The coach, on their own phone, now sees Maren.
    coach = shared._page(browser, shared.PHONE, **phone)
    coach.goto(server)
    _sign_in(coach, "coach@club.example", COACH_PASSWORD)
    expect(coach.locator(".site-header .who")).to_have_text("Maren Holt")
    expect(coach.get_by_role("link", name="Users")).to_have_count(0)
    assert coach.js_errors == []
