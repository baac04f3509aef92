"""Helpers for the logging tests: a plan whose first week is this week, and the strength sheet
filled in the way a runner fills it (read the form, tick rows, change values, send)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tests.conftest import TODAY
from tests.web.conftest import Web
from tests.web.html import parse

THIS_MONDAY = TODAY - timedelta(days=TODAY.weekday())


@dataclass(frozen=True)
class PlannedStrength:
    session: dict[str, Any]  # the plan JSON's session
    day: date
    number: int  # its number on its day

    @property
    def log_path(self) -> str:
        return f"/log/strength/{self.day.isoformat()}/{self.number}"


def plan_from_this_monday(web: Web) -> dict[str, Any]:
    """Regenerate the plan to start this Monday, so today is in its first week."""
    response = web.submit("/plan", "/plan/generate", {"start": THIS_MONDAY.isoformat()})
    assert response.status_code == 303, response.text
    plan = web.api("GET", "/athletes/1/plan").json()["plan"]
    assert plan["start"] == THIS_MONDAY.isoformat()
    return dict(plan)


def latest_planned_strength(plan: dict[str, Any], today: date = TODAY) -> PlannedStrength:
    """The plan's last strength session on or before `today`."""
    sessions = [s for week in plan["weeks"] for s in week["sessions"]]
    strength = [
        s for s in sessions if s["kind"] == "strength" and date.fromisoformat(s["date"]) <= today
    ]
    assert strength, "the first week has a strength session by today"
    chosen = strength[-1]
    same_day = [s for s in sessions if s["date"] == chosen["date"]]
    return PlannedStrength(chosen, date.fromisoformat(chosen["date"]), same_day.index(chosen) + 1)


def sheet_values(page_html: str) -> dict[str, str]:
    """What the strength sheet would send as it stands (ticked boxes only)."""
    forms = [form for form in parse(page_html).forms if form.get("action") == "/log/strength"]
    assert len(forms) == 1, "one strength sheet on the page"
    values = dict(forms[0].form_values())
    assert len(values) == len(forms[0].form_values()), "every field name is unique"
    return values


def row_indices(values: dict[str, str], exercise: str) -> list[int]:
    """The row numbers of an exercise on the sheet, in order."""
    return [
        int(name.split("-")[1])
        for name, value in values.items()
        if name.startswith("set-") and name.endswith("-exercise") and value == exercise
    ]


def tick(values: dict[str, str], *indices: int, **changes: str) -> dict[str, str]:
    """Tick rows; `changes` set fields of every ticked row (e.g. load_kg="12")."""
    ticked = dict(values)
    for index in indices:
        ticked[f"set-{index}-done"] = "1"
        for name, value in changes.items():
            ticked[f"set-{index}-{name}"] = value
    return ticked


def save(web: Web, values: dict[str, str], action: str = "save") -> Any:
    return web.client.post("/log/strength", data={**values, "action": action})


def logged_sessions(web: Web) -> list[dict[str, Any]]:
    """Every strength session of athlete 1, oldest first (the demo runner's history too)."""
    response = web.api("GET", "/athletes/1/log/strength", params={"limit": 200})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["sessions"]), "one page holds them all"
    return list(body["sessions"])


def new_sessions(web: Web, before: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sessions logged since `before` was read; those read then are still there as they were."""
    now = logged_sessions(web)
    assert all(session in now for session in before)
    return [session for session in now if session not in before]
