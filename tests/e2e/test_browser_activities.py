"""Activities and Progress in a real browser: upload watch files, see them listed and charted,
and see the progress charts the demo runner's twelve weeks fill — on a phone-sized screen and
by dropping files on a desktop.

Uses the server, browser and page helpers of test_browser.py (Playwright driving Debian's
Chromium; under CI=true these run, elsewhere they skip with a reason). Screenshots land in
test-artifacts/browser/.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

from tests.e2e import test_browser as shared
from tests.e2e.test_browser import DESKTOP, PHONE, _fits_the_screen, _page, _shot

# The real server on a fresh database, and Chromium: the fixtures of test_browser.py.
server = shared.server
browser = shared.browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus"
GOOD_FIT = CORPUS / "fit" / "fitparse__2013-02-06-12-11-14.fit"
CORRUPT_FIT = CORPUS / "fit" / "fitparse__activity-unexpected-eof.fit"
DROPPED_FIT = CORPUS / "fit" / "fitparse__activity-small-fenix2-run.fit"


def test_upload_on_a_phone_then_see_the_activity_and_progress_charts(
    server: str, browser: Any
) -> None:
    from playwright.sync_api import expect

    page = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(server)
    page.get_by_role("button", name="Load the demo runner").tap()
    expect(page).to_have_url(f"{server}/")

    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Activities").tap()
    expect(page.locator("main h1")).to_have_text("Activities")
    page.get_by_role("link", name="Upload files").tap()
    expect(page.locator("main h1")).to_have_text("Upload activities")
    assert _fits_the_screen(page)
    _shot(page, "phone-upload")

    # The plain file input (the drop zone is its label), with a good file and a broken one.
    page.get_by_label("Choose files").set_input_files([str(GOOD_FIT), str(CORRUPT_FIT)])
    expect(page.locator("[data-chosen-files] li")).to_have_count(2)
    page.get_by_role("button", name="Upload and import").tap()
    result = page.locator("#import-result")
    expect(result).to_contain_text("Import result")
    expect(result.locator("[data-count='imported']")).to_have_text("1")
    expect(result.locator("[data-count='failed']")).to_have_text("1")
    expect(result.locator(".problem-list")).to_contain_text("fitparse__activity-unexpected-eof.fit")
    expect(result.locator(".problem-list")).to_contain_text("truncated")
    expect(page.locator("[data-upload-status]")).to_have_text("Import finished.")
    expect(page).to_have_url(f"{server}/activities/upload")  # read without leaving the page
    assert _fits_the_screen(page)
    _shot(page, "phone-upload-result")

    result.get_by_role("link", name="See all activities").tap()
    # Her sixty runs of the last twelve weeks, newest first, and the file from 2013: found by
    # its file name.
    expect(page.locator(".result-count")).to_contain_text("61 activities")
    page.get_by_label("Search").fill(GOOD_FIT.stem)
    page.get_by_role("button", name="Filter").tap()
    items = page.locator(".activity-list li")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text("Wed 6 Feb 2013")
    expect(items.first).to_contain_text("4.84 km")
    assert _fits_the_screen(page)
    _shot(page, "phone-activities")

    items.first.locator("a").tap()
    expect(page.locator("main h1")).to_contain_text("Wednesday 6 February 2013")
    for name in ("pace", "hr", "elevation"):
        expect(page.locator(f"#chart-{name} .main-svg").first).to_be_visible()
    expect(page.locator("#chart-pace .scatterlayer .trace")).to_have_count(1)
    expect(page.locator("section[aria-labelledby='laps'] tbody tr")).to_have_count(5)
    assert _fits_the_screen(page)
    _shot(page, "phone-activity")

    # The demo runner's own twelve weeks fill every chart.
    nav.get_by_role("link", name="Progress").tap()
    expect(page.locator("main h1")).to_contain_text("Progress")
    for name in ("volume", "acwr", "fitness", "e1rm", "hard_sets", "injuries", "soreness"):
        chart = page.locator(f"#chart-{name}")
        chart.scroll_into_view_if_needed()
        expect(chart.locator(".main-svg").first).to_be_visible()
    expect(page.locator("#acwr-caption")).to_contain_text("not an injury prediction")
    # The numbers are there for those who do not read charts.
    numbers = page.locator("#chart-volume").locator("xpath=..").locator("details")
    numbers.locator("summary").tap()
    expect(numbers.locator("tbody tr").first).to_be_visible()
    expect(page.locator("section[aria-labelledby='records']")).to_contain_text("1 km")
    assert _fits_the_screen(page)
    page.evaluate("() => window.scrollTo(0, 0)")
    _shot(page, "phone-progress")
    assert page.js_errors == []


def test_drop_files_on_a_desktop_and_a_second_drop_adds_nothing(server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    page = _page(browser, DESKTOP)
    page.goto(server)
    page.get_by_role("button", name="Load the demo runner").click()
    expect(page).to_have_url(f"{server}/")
    page.goto(f"{server}/activities/upload")

    for attempt in (1, 2):
        _drop_file(page, DROPPED_FIT)
        expect(page.locator("[data-chosen-files]")).to_contain_text(DROPPED_FIT.name)
        page.get_by_role("button", name="Upload and import").click()
        result = page.locator("#import-result")
        count = "imported" if attempt == 1 else "duplicates"
        expect(result.locator(f"[data-count='{count}']")).to_have_text("1")
        if attempt == 1:
            _shot(page, "desktop-upload-result")
    expect(page.locator("#import-result [data-count='imported']")).to_have_text("0")

    page.goto(f"{server}/activities?q={DROPPED_FIT.stem}")
    expect(page.locator(".activity-list li")).to_have_count(1)  # among her sixty runs
    page.locator(".activity-list a").first.click()
    expect(page.locator("#chart-pace .main-svg").first).to_be_visible()
    _shot(page, "desktop-activity")
    assert page.js_errors == []


def _drop_file(page: Any, path: Path) -> None:
    """Drop `path` on the upload page's drop zone, as a file dragged from the desktop."""
    content = base64.b64encode(path.read_bytes()).decode("ascii")
    page.evaluate(
        """([name, content]) => {
            const bytes = Uint8Array.from(atob(content), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name));
            const zone = document.querySelector("[data-drop-zone]");
            for (const type of ["dragenter", "dragover", "drop"]) {
                zone.dispatchEvent(new DragEvent(type, {dataTransfer: transfer, bubbles: true}));
            }
        }""",
        [path.name, content],
    )
