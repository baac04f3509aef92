"""Accounts in a real browser: once a club adds an account, the runner signs in on her phone,
sees only her own data, and signs out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.e2e import test_browser as shared

pytestmark = [pytest.mark.browser, pytest.mark.slow]

server = shared.server
browser = shared.browser

PASSWORD = "fartlek Friday 8x1"


def _cli(tmp_path: Path, *args: str, stdin: str = "") -> None:
    env = {**os.environ, "STRIDEWELL_TODAY": shared.TODAY}
    env.pop("STRIDEWELL_DATABASE_URL", None)
    database = f"sqlite:///{tmp_path / 'browser.sqlite'}"
    command = [sys.executable, "-m", "stridewell", "--db", database, *args]
    subprocess.run(command, input=stdin.encode(), env=env, check=True, capture_output=True)


def test_a_runner_signs_in_on_her_phone(server: str, browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = shared._page(
        browser, shared.PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page.goto(server)
    page.get_by_role("button", name="Load the demo runner").tap()
    expect(page.locator(".site-header")).to_contain_text("Maren Holt")

    # The club turns accounts on: Maren gets one for her own profile (athlete 1).
    _cli(
        tmp_path,
        "user", "add", "maren@club.example", "--athlete", "1", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    page.goto(f"{server}/plan")
    expect(page).to_have_url(f"{server}/login?next=/plan")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Email address").fill("maren@club.example")
    page.get_by_label("Password").fill("not my password")
    page.get_by_role("button", name="Sign in").tap()
    error = page.locator("#password-error")
    expect(error).to_contain_text("not right")
    assert page.get_by_label("Password").input_value() == ""  # never echoed back
    assert shared._fits_the_screen(page)
    shared._shot(page, "phone-login")

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").tap()
    expect(page).to_have_url(f"{server}/plan")
    expect(page.locator(".site-header")).to_contain_text("Maren Holt")
    expect(page.locator(".site-header .account")).to_have_text("maren@club.example")
    assert shared._fits_the_screen(page)

    page.locator(".site-header .account").tap()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    assert shared._fits_the_screen(page)
    shared._shot(page, "phone-account")
    page.get_by_role("button", name="Sign out").tap()
    expect(page).to_have_url(f"{server}/login")
    page.goto(server)
    expect(page).to_have_url(f"{server}/login?next=/")
    assert page.js_errors == []
