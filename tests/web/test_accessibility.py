"""Keyboard and screen-reader basics that a rejected form, a filter or a failed sign-in must
keep: every link in an error summary lands on its field, a failure is announced, and choosing
a filter does not reload the page under the user's fingers (WCAG 2.1 3.2.2)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.web.conftest import PROFILE, Web
from tests.web.html import field_error, parse
from tests.web.test_accounts import athlete, sign_in, user

STATIC_JS = "src/stridewell/web/static/app.js"


def summary_targets(text: str) -> list[str]:
    doc = parse(text)
    return [link.get("href") for link in doc.xpath('//*[contains(@class, "error-summary")]//a')]


def assert_targets_exist(text: str) -> None:
    doc = parse(text)
    targets = summary_targets(text)
    assert targets, "the page has an error summary with links"
    for href in targets:
        assert href.startswith("#")
        found = doc.xpath(f'//*[@id="{href[1:]}"]')
        assert found, f"{href} points at nothing"
        # Following the link must be able to take focus there.
        element = found[0]
        focusable = element.tag in {"input", "select", "textarea"} or element.get("tabindex")
        assert focusable, f"{href} cannot take the focus"


def test_every_error_summary_link_lands_on_its_field_or_group(web: Web) -> None:
    # An empty profile: text fields, a radio group (sex) and checkbox groups (days, equipment).
    response = web.submit("/onboarding/profile", "/onboarding/profile", {})
    assert response.status_code == 422
    assert_targets_exist(response.text)


def test_the_soreness_scores_group_is_a_target_too(ada_web: Web) -> None:
    response = ada_web.submit(
        "/log/soreness", "/log/soreness", {"date": "2026-03-01", "context": "morning"}
    )
    assert response.status_code == 422
    assert "#f-scores" in summary_targets(response.text)
    assert_targets_exist(response.text)


def test_a_failed_sign_in_is_announced(web: Web, engine: Engine, today: date) -> None:
    user(engine, "ada@club.example", "athlete", athlete(engine, today, "Ada"))
    response: Any = sign_in(web, "ada@club.example", "wrong password")
    doc = parse(response.text)
    (alert,) = doc.xpath('//*[@role="alert"]')
    assert "Not signed in" in alert.text_content()
    assert alert.get("tabindex") == "-1", "app.js moves the focus to it"


@pytest.mark.parametrize("page", ["/exercises", "/activities", "/progress"])
def test_filters_wait_for_their_button(ada_web: Web, page: str) -> None:
    doc = parse(ada_web.get(page).text)
    forms = doc.xpath('//form[@method="get"]')
    assert forms
    for form in forms:
        assert form.get("data-auto-submit") is None
        assert form.xpath('.//button[@type="submit"]'), "a button applies the choice"
    with open(STATIC_JS, encoding="utf-8") as script:
        assert "submit()" not in script.read()


@pytest.mark.parametrize(
    "page", ["/onboarding/profile", "/profile/edit", "/plan", "/injuries", "/profile"]
)
def test_numbers_are_typed_as_text_so_a_slip_is_refused_not_dropped(
    ada_web: Web, page: str
) -> None:
    doc = parse(ada_web.get(page).text)
    assert not doc.xpath('//input[@type="number"]')


def test_a_number_that_is_not_one_is_refused_next_to_its_field(ada_web: Web) -> None:
    response = ada_web.submit("/profile/edit", "/profile/edit", {**PROFILE, "max_hr": "18O"})
    assert response.status_code == 422
    assert field_error(response.text, "max_hr")
