"""Logging at the gym in a real browser, on a phone-sized screen: open today's strength session,
tick sets with the rest timer running, save, and see Today's numbers change.

Uses the server, browser and page helpers of test_browser.py (same skip/fail rules: under CI=true
a missing Chromium or Playwright fails). Screenshots land in test-artifacts/browser/.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from tests.e2e import test_browser as shared

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The fixtures of test_browser.py, shared rather than copied.
server = shared.server
browser = shared.browser

_TODAY = date.fromisoformat(shared.TODAY)
THIS_MONDAY = _TODAY - timedelta(days=_TODAY.weekday())


def _phone(browser: Any) -> Any:
    return shared._page(
        browser, shared.PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )


def _week_numbers(page: Any, what: str) -> list[str]:
    """The This week row for `what`: [planned, done]."""
    row = page.locator("section[aria-labelledby='this-week'] tbody tr", has_text=what)
    return str(row.inner_text()).split()[1:]


def _load_figure(page: Any, term: str) -> float:
    """A number of the Training load card on Today, e.g. "Fatigue (ATL)"."""
    card = page.locator("section[aria-labelledby='load-state']")
    return float(card.locator(f"dt:has-text('{term}') + dd").inner_text().split()[0])


def _demo_with_a_plan_from_this_monday(page: Any, server: str) -> None:
    from playwright.sync_api import expect

    page.goto(server)
    page.get_by_role("button", name="Load the demo runner").tap()
    expect(page).to_have_url(f"{server}/")
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Plan").tap()
    page.get_by_text("Regenerate the plan").tap()
    page.get_by_label("Start").fill(THIS_MONDAY.isoformat())
    page.get_by_role("button", name="Regenerate from these settings").tap()
    expect(page).to_have_url(re.compile(r"/plan#this-week$"))
    nav.get_by_role("link", name="Today").tap()
    expect(page.locator("main h1")).to_contain_text("Today")


def test_log_todays_strength_session_set_by_set_on_a_phone(server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    page = _phone(browser)
    _demo_with_a_plan_from_this_monday(page, server)
    planned_strength, done_before = _week_numbers(page, "Strength")
    assert done_before == "0"
    # Her twelve weeks of training are in the load card already; today adds to it.
    fatigue_before = _load_figure(page, "Fatigue (ATL)")
    page.locator("#this-week").scroll_into_view_if_needed()
    shared._shot(page, "phone-log-today-before")

    # Today's strength session, then "Start this session" on its page.
    page.locator(
        "section[aria-labelledby='today-sessions'] .session-card.kind-strength"
    ).first.tap()
    page.get_by_role("link", name="Start this session").tap()
    expect(page).to_have_url(re.compile(r"/log/strength/\d{4}-\d\d-\d\d/\d+$"))
    expect(page.locator("main h1")).to_contain_text("Log strength")
    assert shared._fits_the_screen(page)
    shared._shot(page, "phone-log-sheet")

    first = page.locator(".log-exercise").first
    rows = first.locator(".set-row")
    assert rows.count() >= 2
    first_row, second_row = rows.nth(0), rows.nth(1)
    rest_s = int(first_row.get_attribute("data-rest-s"))

    # The phone's Go key in a field closes the keyboard; it does not send the sheet.
    amount = first_row.locator("input[name$='-reps'], input[name$='-hold_s']").first
    amount.fill("0")  # a slip: no such set
    sheet_url = page.url
    amount.press("Enter")
    page.wait_for_timeout(500)
    assert page.url == sheet_url
    first_row.locator("input[name$='-load_kg']").fill("10")
    first_row.get_by_role("checkbox").tap()
    expect(first_row).to_have_class(re.compile(r"\bis-done\b"))

    # The rest timer starts with the prescribed rest and counts down; screen readers hear it.
    # A single-leg set rests once both sides are done, not between them.
    timer = page.locator("[data-rest-timer]")
    paired = first_row.get_attribute("data-set-number") == second_row.get_attribute(
        "data-set-number"
    )
    if paired:
        page.wait_for_timeout(300)
        expect(timer).to_be_hidden()
        second_row.get_by_role("checkbox").tap()
    expect(timer).to_be_visible()
    left = page.get_by_role("timer")
    expect(left).to_have_text(re.compile(r"^\d+:\d\d$"))
    shown = left.inner_text()
    minutes, seconds = shown.split(":")
    assert 0 < int(minutes) * 60 + int(seconds) <= rest_s
    expect(page.locator("[data-rest-announce]")).to_contain_text("Rest")
    page.wait_for_timeout(1200)
    assert left.inner_text() != shown, "the timer counts down"
    expect(page.locator("[data-done-count]")).to_contain_text("2 of" if paired else "1 of")
    shared._shot(page, "phone-log-rest-timer")

    timer.get_by_role("button", name="Skip rest").tap()
    expect(page.locator("[data-rest-announce]")).to_contain_text("Rest skipped")
    if not paired:
        second_row.get_by_role("checkbox").tap()
    expect(page.locator("[data-done-count]")).to_contain_text("2 of")

    page.get_by_label("Duration (minutes)").fill("45")
    page.get_by_label("Session RPE").select_option("7")
    page.get_by_role("button", name="Save session").tap()

    # Refused: the slip is shown next to its field, nothing is saved, the ticks are kept.
    error = page.locator(".set-row .field-error").first
    expect(error).to_be_visible()
    expect(error).to_contain_text("1 to")
    expect(page.locator(".error-summary")).to_contain_text("Nothing was saved")
    expect(page.locator("[data-done-count]")).to_contain_text("2 of")
    shared._shot(page, "phone-log-refused")
    first = page.locator(".log-exercise").first
    first.locator(".set-row").nth(0).locator("input[aria-invalid='true']").fill("12")
    page.get_by_role("button", name="Save session").tap()

    expect(page).to_have_url(f"{server}/log?saved=strength")
    expect(page.get_by_role("status").first).to_contain_text("Strength session saved")
    expect(page.locator("main")).to_contain_text("2 sets")
    assert shared._fits_the_screen(page)
    shared._shot(page, "phone-log-saved")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Today").tap()
    assert _week_numbers(page, "Strength") == [planned_strength, "1"]
    # foster2001: 45 min at RPE 7 is 315 units; a seventh-ish of it lands in today's fatigue.
    assert _load_figure(page, "Fatigue (ATL)") >= fatigue_before + 40
    page.locator("#this-week").scroll_into_view_if_needed()
    shared._shot(page, "phone-log-today-after")
    assert page.js_errors == []


def test_log_a_run_soreness_and_an_injury_on_a_phone(server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    page = _phone(browser)
    _demo_with_a_plan_from_this_monday(page, server)
    runs_planned, runs_done = _week_numbers(page, "Runs")
    assert runs_done == "0"
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Log").tap()
    shared._shot(page, "phone-log")

    page.get_by_role("link", name="Run", exact=True).tap()
    page.get_by_label("Distance (km)").fill("8.4")
    page.get_by_label("Time").fill("0:47:30")
    page.get_by_label("Effort (RPE)").select_option("4")
    shared._shot(page, "phone-log-run")
    page.get_by_role("button", name="Save run").tap()
    expect(page).to_have_url(f"{server}/log?saved=run")

    page.get_by_role("link", name="Soreness").tap()
    page.get_by_label("After a run").check()
    page.get_by_label("Quad, Left").select_option("5")
    page.get_by_label("Glute, Right").select_option("2")
    assert shared._fits_the_screen(page)
    shared._shot(page, "phone-log-soreness")
    page.get_by_role("button", name="Save soreness").tap()
    expect(page).to_have_url(f"{server}/log?saved=soreness")
    expect(page.locator("main")).to_contain_text("Quad (left) 5/10")

    page.get_by_role("link", name="Injuries").tap()
    page.get_by_label("Where").select_option("calf")
    page.get_by_label("Right").check()
    page.get_by_label("Started on").fill("2026-03-01")
    page.get_by_label("Severity (0–10)").fill("4")
    page.get_by_role("button", name="Add injury").tap()
    expect(page.locator("main")).to_contain_text("Calf (right)")
    shared._shot(page, "phone-injuries")
    page.get_by_role("link", name="Return to run").first.tap()
    expect(page.locator("main")).to_contain_text("Readiness checks")
    shared._shot(page, "phone-rehab")

    nav.get_by_role("link", name="Today").tap()
    assert _week_numbers(page, "Runs") == [runs_planned, "1"]
    expect(page.locator("main")).to_contain_text("Return to run: stage 0, readiness checks")
    assert page.js_errors == []


def test_build_a_session_of_your_own_and_rest_after_both_sides(server: str, browser: Any) -> None:
    """No plan needed: add exercises by name (the Add button, or Go in the search field), and
    a single-leg set's rest starts when both sides are ticked, not after the first."""
    from playwright.sync_api import expect

    page = _phone(browser)
    _demo_with_a_plan_from_this_monday(page, server)
    page.goto(f"{server}/log/strength")
    search = page.get_by_label("Exercise", exact=True)
    search.fill("Clamshell")
    page.get_by_role("button", name="Add to the session").tap()
    expect(page.locator(".log-exercise h2")).to_have_text(["Clamshell"])
    search = page.get_by_label("Exercise", exact=True)
    search.fill("Glute bridge")
    search.press("Enter")
    expect(page.locator(".log-exercise h2")).to_have_text(["Clamshell", "Glute bridge"])

    clamshell = page.locator(".log-exercise").first
    left = clamshell.locator(".set-row[data-set-number='1']", has_text="Left")
    right = clamshell.locator(".set-row[data-set-number='1']", has_text="Right")
    timer = page.locator("[data-rest-timer]")
    left.get_by_role("checkbox").tap()
    page.wait_for_timeout(300)
    expect(timer).to_be_hidden()
    right.get_by_role("checkbox").tap()
    expect(timer).to_be_visible()
    shared._shot(page, "phone-log-own-session")
    timer.get_by_role("button", name="Skip rest").tap()

    page.get_by_label("Duration (minutes)").fill("20")
    page.get_by_role("button", name="Save session").tap()
    expect(page).to_have_url(f"{server}/log?saved=strength")
    expect(page.locator("main")).to_contain_text("2 sets")
    assert page.js_errors == []


def test_a_reloaded_sheet_keeps_its_ticks_until_saved(server: str, browser: Any) -> None:
    """At the gym a phone reloads a tab or restarts the browser: the sets ticked so far, the
    numbers typed and the session clock come back on this phone; once saved, they are gone."""
    from playwright.sync_api import expect

    page = _phone(browser)
    _demo_with_a_plan_from_this_monday(page, server)
    page.locator(
        "section[aria-labelledby='today-sessions'] .session-card.kind-strength"
    ).first.tap()
    page.get_by_role("link", name="Start this session").tap()
    sheet_url = page.url
    first_row = page.locator(".log-exercise").first.locator(".set-row").first
    first_row.locator("input[name$='-load_kg']").fill("12.5")
    first_row.get_by_role("checkbox").tap()
    started = page.locator("[data-started-at]").input_value()

    page.reload()
    first_row = page.locator(".log-exercise").first.locator(".set-row").first
    expect(first_row.get_by_role("checkbox")).to_be_checked()
    expect(first_row).to_have_class(re.compile(r"\bis-done\b"))
    expect(first_row.locator("input[name$='-load_kg']")).to_have_value("12.5")
    expect(page.locator("[data-done-count]")).to_contain_text("1 of")
    assert page.locator("[data-started-at]").input_value() == started

    page.get_by_label("Duration (minutes)").fill("30")
    page.get_by_role("button", name="Save session").tap()
    expect(page).to_have_url(f"{server}/log?saved=strength")
    path = sheet_url.removeprefix(server)
    assert page.evaluate(f"window.localStorage.getItem('stridewell-sheet:{path}')") is None
    assert page.js_errors == []
