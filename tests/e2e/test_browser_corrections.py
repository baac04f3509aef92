"""Correcting in a real browser: open an uploaded activity, give it an effort (RPE), then delete
it — refused without the confirming tick, done with it.

Uses the server, browser and page helpers of test_browser.py (Playwright driving Debian's
Chromium; under CI=true these run, elsewhere they skip with a reason). Screenshots land in
test-artifacts/browser/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e import test_browser as shared
from tests.e2e.test_browser import DESKTOP, _page, _shot

# The real server on a fresh database, and Chromium: the fixtures of test_browser.py.
server = shared.server
browser = shared.browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus"
GOOD_FIT = CORPUS / "fit" / "fitparse__2013-02-06-12-11-14.fit"


def test_set_the_effort_of_an_uploaded_activity_then_delete_it(server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    page = _page(browser, DESKTOP)
    page.goto(server)
    page.get_by_role("button", name="Load the demo runner").click()
    expect(page).to_have_url(f"{server}/")
    page.goto(f"{server}/activities/upload")
    page.get_by_label("Choose files").set_input_files([str(GOOD_FIT)])
    page.get_by_role("button", name="Upload and import").click()
    expect(page.locator("#import-result [data-count='imported']")).to_have_text("1")

    page.goto(f"{server}/activities?q=fitparse")
    items = page.locator(".activity-list li")
    expect(items).to_have_count(1)
    items.first.locator("a").click()
    expect(page.locator("main h1")).to_contain_text("Wednesday 6 February 2013")
    activity_url = page.url

    effort = page.locator("#effort")
    effort.get_by_label("Effort (RPE)").select_option("6")
    effort.get_by_role("button", name="Save effort").click()
    expect(page).to_have_url(f"{activity_url}?saved=rpe")
    expect(page.get_by_role("status")).to_contain_text("Effort saved.")
    expect(page.locator("section[aria-labelledby='summary']")).to_contain_text("6 / 10")
    expect(effort.get_by_label("Effort (RPE)")).to_have_value("6")

    removal = page.locator("#delete")
    removal.get_by_role("button", name="Delete activity").click()
    expect(page.locator("#delete .field-error")).to_contain_text("Tick")
    expect(page.locator("main h1")).to_contain_text("Wednesday 6 February 2013")
    _shot(page, "desktop-activity-delete-refused")

    page.locator("#delete").get_by_label("Yes, delete this activity").check()
    page.locator("#delete").get_by_role("button", name="Delete activity").click()
    expect(page).to_have_url(f"{server}/activities?deleted=1")
    expect(page.get_by_role("status").first).to_contain_text("Activity deleted.")
    page.goto(f"{server}/activities?q=fitparse")
    expect(page.locator(".activity-list li")).to_have_count(0)
    assert page.goto(activity_url).status == 404
    _shot(page, "desktop-activity-deleted")
    assert page.js_errors == []
