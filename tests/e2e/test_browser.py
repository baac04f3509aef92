"""The web app in a real browser: Playwright driving Debian's Chromium against `stridewell serve`.

Each test starts the real server (a subprocess on a free loopback port, a temp SQLite file) and
walks through what a runner does. Screenshots of the main pages land in test-artifacts/browser/.
Under CI=true these tests must run: a missing Chromium or Playwright fails them. Elsewhere they
are skipped with one line saying why.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
TODAY = "2026-03-11"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
SERVER_START_TIMEOUT_S = 30.0

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _browser_problem() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install playwright)"
    if not CHROMIUM.exists():
        return f"Chromium is not at {CHROMIUM} (apt-get install chromium)"
    return None


def _require_browser() -> None:
    problem = _browser_problem()
    if problem is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(problem, pytrace=False)
    pytest.skip(problem)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/welcome", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer in time: {log.read_text(errors='replace')}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`stridewell serve` on an empty database; yields its base URL."""
    _require_browser()
    port = _free_port()
    log = tmp_path / "server.log"
    env = {
        **os.environ,
        "STRIDEWELL_TODAY": TODAY,
        "STRIDEWELL_SECRET_KEY": "browser-test-secret-key-0123456789",
    }
    env.pop("STRIDEWELL_DATABASE_URL", None)
    command = [
        sys.executable,
        "-m",
        "stridewell",
        "--db",
        f"sqlite:///{tmp_path / 'browser.sqlite'}",
        "serve",
        "--port",
        str(port),
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _page(browser: Any, viewport: dict[str, int], **options: Any) -> Any:
    context = browser.new_context(viewport=viewport, **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    # Script errors and content-security-policy refusals (a 422 answer to a refused form is
    # also logged as a console error by Chromium, and is expected).
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Refused to" in message.text
            else None
        ),
    )
    page.js_errors = errors
    return page


def _shot(page: Any, name: str) -> None:
    """The whole page on desktop; on a phone, the screen as the runner sees it (the bottom
    menu is fixed, and a full-page capture would draw it in the middle)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    full_page = page.viewport_size["width"] > PHONE["width"]
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def _fits_the_screen(page: Any) -> bool:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    return bool(width <= page.viewport_size["width"])


def test_onboard_generate_a_plan_and_open_a_session(server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    page = _page(browser, DESKTOP)
    page.goto(server)
    expect(page).to_have_url(f"{server}/welcome")
    _shot(page, "desktop-welcome")

    page.get_by_role("link", name="Create your profile").click()
    page.get_by_label("Name").fill("Ada")
    page.get_by_label("Female").check()
    page.get_by_label("Birth year").fill("2031")
    page.get_by_label("Running now (km a week)").fill("35")
    page.get_by_label("Band").check()
    page.get_by_label("Dumbbell").check()
    page.get_by_label("Long-run day").select_option("sun")
    page.get_by_role("button", name="Save and continue").click()

    # Refused: the message sits under the birth year and the field is marked invalid.
    error = page.locator("#birth_year-error")
    expect(error).to_contain_text("not plausible")
    expect(page.get_by_label("Birth year")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Name")).to_have_value("Ada")
    _shot(page, "desktop-profile-error")

    page.get_by_label("Birth year").fill("1988")
    page.get_by_role("button", name="Save and continue").click()
    expect(page).to_have_url(f"{server}/onboarding/injuries")

    page.get_by_label("Where").select_option("it_band")
    page.get_by_label("Right").check()
    page.get_by_label("Started on").fill("2025-06-01")
    page.get_by_label("Healed on").fill("2025-07-10")
    page.get_by_label("Severity (0–10)").fill("5")
    page.get_by_role("button", name="Add injury").click()
    expect(page.locator("main")).to_contain_text("IT band (right)")
    page.get_by_role("link", name="Next: races").click()

    page.get_by_label("Race name").fill("Autumn Marathon")
    page.get_by_label("Date", exact=True).fill("2026-10-04")
    page.get_by_label("Distance", exact=True).select_option("marathon")
    page.get_by_label("Goal time").fill("3:30:00")
    page.get_by_role("button", name="Add race").click()
    expect(page.locator("main")).to_contain_text("Autumn Marathon")
    page.get_by_role("link", name="Next: your plan").click()

    page.get_by_role("button", name="Generate my plan").click()
    expect(page).to_have_url(re.compile(r"/plan#this-week$"))
    expect(page.locator("details.week").first).to_contain_text("Week 1")
    expect(page.locator("main")).to_contain_text("Autumn Marathon")
    assert page.locator("details.week").count() > 10
    _shot(page, "desktop-plan")

    page.locator("details.week.focus .session-card.kind-strength").first.click()
    expect(page.get_by_role("heading", name="Exercises")).to_be_visible()
    exercises = page.locator("li.exercise")
    assert exercises.count() >= 3
    first = exercises.first
    expect(first.locator(".dose")).to_contain_text("×")
    expect(first.locator(".why")).to_contain_text("Why:")
    assert first.locator(".cues li").count() >= 1
    expect(page.locator(".why-card")).to_contain_text("Why this session")
    _shot(page, "desktop-session")

    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Today").click()
    expect(page.locator("main h1")).to_contain_text("Today")
    expect(page.locator("main")).to_contain_text("days")
    _shot(page, "desktop-today")

    nav.get_by_role("link", name="Exercises").click()
    total = page.locator(".exercise-grid li").count()
    page.get_by_label("Muscle").select_option("gluteus_medius")
    # Choosing does not reload the page under the user (WCAG 3.2.2): the button applies it.
    page.wait_for_timeout(300)
    assert "muscle=" not in page.url
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"muscle=gluteus_medius"))
    filtered = page.locator(".exercise-grid li").count()
    assert 0 < filtered < total
    _shot(page, "desktop-exercises")
    page.locator(".exercise-grid a").first.click()
    expect(page.get_by_role("heading", name="Why runners do it")).to_be_visible()
    _shot(page, "desktop-exercise")
    assert page.js_errors == []


def test_a_phone_sized_run_with_the_demo_runner(server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    page = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(server)
    _shot(page, "phone-welcome")
    page.get_by_role("button", name="Load the demo runner").tap()
    expect(page).to_have_url(f"{server}/")
    expect(page.locator(".site-header")).to_contain_text("Maren Holt")
    _shot(page, "phone-today")
    assert _fits_the_screen(page)

    # The main navigation sits at the bottom of the screen, within thumb reach.
    nav = page.get_by_role("navigation", name="Main")
    box = nav.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"] + 1
    assert box["y"] > PHONE["height"] / 2

    nav.get_by_role("link", name="Plan").tap()
    expect(page.locator("details.week.focus")).to_be_visible()
    assert _fits_the_screen(page)
    _shot(page, "phone-plan")

    page.locator("details.week.focus .session-card.kind-strength").first.tap()
    expect(page.get_by_role("heading", name="Exercises")).to_be_visible()
    assert _fits_the_screen(page)
    _shot(page, "phone-session")

    nav.get_by_role("link", name="Exercises").tap()
    page.get_by_label("Search").fill("copenhagen")
    page.get_by_role("button", name="Filter").tap()
    expect(page.locator(".result-count")).not_to_contain_text("0 exercises")
    assert _fits_the_screen(page)
    _shot(page, "phone-exercises")

    nav.get_by_role("link", name="Profile").tap()
    expect(page.locator("main")).to_contain_text("IT band")
    assert _fits_the_screen(page)
    _shot(page, "phone-profile")

    # Every tappable thing in the bottom bar is at least 44 px tall.
    for link in nav.get_by_role("link").all():
        link_box = link.bounding_box()
        assert link_box is not None and link_box["height"] >= 44
    assert page.js_errors == []


def test_keyboard_use_and_labels(server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    page = _page(browser, DESKTOP)
    page.goto(f"{server}/onboarding/profile")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Name")).to_be_focused()

    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea')]
            .filter(el => el.type !== 'hidden' && el.labels.length === 0 && !el.ariaLabel)
            .map(el => el.name)"""
    )
    assert unlabelled == []

    # A whole form can be filled and sent from the keyboard.
    page.get_by_label("Name").fill("Kay")
    page.keyboard.press("Tab")  # to the first sex option
    page.keyboard.press("Space")
    page.get_by_label("Birth year").focus()
    page.keyboard.type("1979")
    page.get_by_label("Time zone").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{server}/onboarding/injuries")
